"""What every export reads: the selected items, page by page, with what the formats need beside
an event (its place record, its casualties, its article's row), fetched a page at a time so that
memory stays bounded by one page whatever the size of the store.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

from .. import filters
from ..filters import Selection
from ..store.base import Store

PAGE = 500
LOOKUP = 1000


@dataclass
class EventRow:
    """One event as the exports see it."""
    event: dict                                   # the store's item: contract fields, key, article, resolved
    place: dict = field(default_factory=dict)     # its place: the places[] record it references, completed
    casualties: list[dict] = field(default_factory=list)  # casualties linked to it (casualty.event == its id)
    article: dict = field(default_factory=dict)   # its article's row (ingested_at, n_characters, counts …)

    @property
    def key(self) -> str:
        return self.event["key"]

    @property
    def article_id(self) -> str:
        return (self.event.get("article") or {}).get("id") or self.key.rpartition("/")[0]


def all_items(listing: Callable, **kwargs) -> Iterator[dict]:
    """Every item of a store listing, following its cursors."""
    cursor = None
    while True:
        page = listing(cursor=cursor, limit=LOOKUP, **kwargs)
        yield from page.items
        cursor = page.next_cursor
        if not cursor:
            return


def _place(event: dict, records: dict) -> dict:
    own = event.get("place") if isinstance(event.get("place"), dict) else {}
    article = (event.get("article") or {}).get("id")
    record = records.get((article, own.get("id"))) or {}
    place = {**record, **{k: v for k, v in own.items() if v is not None}}
    resolved = event.get("resolved") or {}
    for name, source in (("name", "place"), ("country", "country"), ("lat", "lat"), ("lon", "lon")):
        if place.get(name) is None and resolved.get(source) is not None:
            place[name] = resolved[source]
    return place


def event_rows(store: Store, selection: Selection, *, page_size: int = PAGE) -> Iterator[EventRow]:
    """The selected events (``selection.table`` must be events) as :class:`EventRow`."""
    cursor = None
    while True:
        page = filters.page(store, selection, cursor=cursor, limit=page_size, count=False)
        ids = list(dict.fromkeys((item.get("article") or {}).get("id") for item in page.items))
        ids = [i for i in ids if i]
        records = {((p.get("article") or {}).get("id"), p["id"]): p for p in all_items(store.places, article=ids)} \
            if ids else {}
        casualties: dict[tuple, list] = {}
        for cas in (all_items(store.casualties, article=ids) if ids else ()):
            casualties.setdefault(((cas.get("article") or {}).get("id"), cas.get("event")), []).append(cas)
        articles = {a["id"]: a for a in all_items(store.articles, article=ids)} if ids else {}
        for event in page.items:
            article = (event.get("article") or {}).get("id")
            yield EventRow(event, _place(event, records), casualties.get((article, event["id"]), []),
                           articles.get(article, {}))
        cursor = page.next_cursor
        if not cursor:
            return


def related(store: Store, selection: Selection, table: str, article_ids: list[str] | None) -> Iterator[dict]:
    """Items of ``table`` for a bundle: every item when ``article_ids`` is None, else those of these
    articles (the articles the selected events come from)."""
    if article_ids is None:
        yield from filters.iterate(store, Selection(table, {}))
        return
    for start in range(0, len(article_ids), PAGE):
        chunk = article_ids[start:start + PAGE]
        yield from filters.iterate(store, Selection(table, {"article": chunk}))


def location_precision(place: dict) -> int | None:
    """ACLED-style precision of an event's location: 1 the town or village itself, 2 a part of a
    region or somewhere near a town, 3 only a province or larger area (or the country) is known.
    The location's own ``precision`` when it has one; else read from its feature type."""
    given = place.get("precision")
    if isinstance(given, int) and not isinstance(given, bool) and 1 <= given <= 3:
        return given
    if place.get("lat") is None or place.get("lon") is None:
        return None
    feature = (place.get("feature") or "").lower()
    if feature in ("city", "town", "village", "ppl", "landmark"):
        return 1
    if feature in ("admin1", "admin2", "country", "province", "continent", "sea"):
        return 3
    return 2
