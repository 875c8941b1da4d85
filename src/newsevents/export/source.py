"""What every export reads: the selected items, page by page, with what the formats need beside
an event (its place record, its casualties, its article's row), fetched a page at a time so that
memory stays bounded by one page whatever the size of the store.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
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
    story_event: dict = field(default_factory=dict)  # its story event's counts (n_mentions, n_articles,
                                                     # n_sources, first_report); empty before stories

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


CODE_KEYS = ("cameo", "quad_class", "goldstein", "acled_event_type", "acled_sub_event_type")


def codes_of(event: dict) -> dict:
    """The event's ``codes``; those it lacks (a document written by another tool or an older
    version) derived from its PLOVER type, mode and sectors by the extractor's own tables
    (``data/events/codes.tsv``, ``acled_map.tsv``), so every format codes it the same way."""
    given = event.get("codes") if isinstance(event.get("codes"), dict) else {}
    if all(key in given for key in CODE_KEYS) or not isinstance(event.get("type"), str):
        return given

    def sectors(role: str) -> frozenset:
        return frozenset(a["sector"] for a in event.get(role) or [] if isinstance(a, dict) and isinstance(a.get("sector"), str))

    mode = event.get("mode") if isinstance(event.get("mode"), str) else None
    derived = _derived_codes(event["type"], mode, sectors("actor"), sectors("recipient"))
    return {**derived, **{key: value for key, value in given.items() if value is not None}}


@lru_cache(maxsize=4096)
def _derived_codes(typ: str, mode: str | None, actor_sectors: frozenset, recipient_sectors: frozenset) -> dict:
    from ..extractors.events.lexicon import lexicon

    return lexicon().event_codes(typ, mode, [{"sector": s} for s in actor_sectors],
                                 [{"sector": s} for s in recipient_sectors])


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
        story_ids = [e.get("story_event") for e in page.items if e.get("story_event")]
        counts = getattr(store, "story_event_counts", None)
        stories = counts(story_ids) if story_ids and counts else {}
        for event in page.items:
            event["codes"] = codes_of(event)
            article = (event.get("article") or {}).get("id")
            yield EventRow(event, _place(event, records), casualties.get((article, event["id"]), []),
                           articles.get(article, {}), stories.get(event.get("story_event"), {}))
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


# ACLED's geo_precision by the granularity of the place an event is located at (ACLED codebook,
# "Geographic precision"): 1 the town, village or spot itself; 2 a part of a region or somewhere
# near a place (a district, a county, a natural feature); 3 only a province, region or country.
PRECISE, NEAR, REGIONAL = 1, 2, 3
PRECISION_BY_FEATURE = {
    **dict.fromkeys(("city", "town", "village", "ppl", "point", "landmark", "street", "building", "facility",
                     "airport", "camp", "checkpoint", "neighbourhood", "neighborhood", "spot"), PRECISE),
    **dict.fromkeys(("admin2", "admin3", "district", "county", "municipality", "locality", "area", "mountain",
                     "river", "valley", "forest", "island", "lake", "border", "road"), NEAR),
    **dict.fromkeys(("admin1", "province", "state", "region", "country", "continent", "sea", "ocean"), REGIONAL),
}


def location_precision(place: dict) -> int | None:
    """The ACLED geo_precision of an event's location: 1 the place itself, 2 near it or a part of a
    region, 3 only the region or country is known; None when it has no coordinates.

    The location's own ``precision`` (1, 2 or 3, set by the places stage when the text says "near
    Kandahar" or names only a province) wins; without it the precision is read from the place's
    granularity (its ``feature``): a town is 1, a district or a natural feature 2, a province,
    region or country 3; a place of unknown granularity is 2."""
    given = place.get("precision")
    if isinstance(given, str) and given.strip().isdigit():
        given = int(given)
    if isinstance(given, int) and not isinstance(given, bool) and PRECISE <= given <= REGIONAL:
        return given
    if place.get("lat") is None or place.get("lon") is None:
        return None
    feature = place.get("feature")
    return PRECISION_BY_FEATURE.get(feature.strip().lower() if isinstance(feature, str) else "", NEAR)
