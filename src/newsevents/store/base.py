"""The storage interface. SQLite is the embedded default; a PostgreSQL backend implements the same.

The store knows nothing of spaCy: it takes and returns ``newsevents/1`` dicts and plain rows.
Every write of one article is atomic (the article with all its items, or nothing), and idempotent
by the article text's SHA-256: re-ingesting the same text changes nothing.

Lists are paged with opaque keyset cursors (``Page.next_cursor``; pass it back as ``cursor``), in
the order rows were stored, so a page never repeats or skips an item while ingests append more.
Items in pages (events, quotes, places, casualties, entities) are the contract items plus ``key``
(``ARTICLE_ID/itemId``) and ``article`` ({id, title, published, outlet, url}); events also carry
``resolved`` ({place, country, lat, lon, date_start, date_end, disputed}): the place and date the
filters use, references to ``places[]``/``dates[]`` followed, the date falling back to the day the
article was published; and ``story_event``: the id of their story event (null before stories).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, Protocol


Values = "str | tuple[str, ...] | list[str] | None"   # one value, a comma-separated list, or a sequence


@dataclass
class EventFilter:
    """Filters for :meth:`Store.events`. ``None`` means "any"; a sequence (or a comma-separated
    string) of values means "any of these". Users' values are parsed and validated by
    :mod:`newsevents.filters`; the store takes them as given."""
    type: Values = None
    mode: Values = None
    actor: str | None = None          # substring of an actor or recipient name
    sector: Values = None
    country: Values = None            # ISO alpha-2 of the event's place (where it happened)
    actor_country: Values = None      # an actor or recipient from here: alpha-2, or a non-state code (IGO, NGO …)
    place: Values = None              # place name (case-insensitive)
    date_from: str | None = None      # ISO date, inclusive
    date_to: str | None = None        # ISO date, inclusive
    bbox: tuple[float, float, float, float] | None = None  # (min_lon, min_lat, max_lon, max_lat)
    q: str | None = None              # full-text search over the article text / evidence
    disputed: bool | None = None     # the event's text, or its story event, disputes a fact
    article: Values = None
    story: str | None = None         # only events of this story (st-…)
    story_events: bool = False       # one event per story event (its first mention): count incidents, not mentions


@dataclass
class Page:
    items: list[dict]
    next_cursor: str | None = None
    total: int | None = None


@dataclass
class SaveOutcome:
    article_id: str
    status: str            # "stored" | "unchanged" | "failed"
    counts: dict = field(default_factory=dict)
    error: str | None = None


class Store(Protocol):
    """What every backend provides."""

    def save(self, document: dict, *, source_path: str | None = None) -> SaveOutcome:
        """Store one document atomically; ``unchanged`` if its text is already stored. If its id is
        taken by a different text it is stored as ``ID~<first 8 hex of its sha256>`` (warning W006)."""
    def save_many(self, documents: Iterable[dict]) -> Iterator[SaveOutcome]: ...
    def record_error(self, article: str | None, source: str | None, code: str, message: str) -> None: ...
    def clear_errors(self, article_id: str, source_path: str | None = None) -> int: ...
    def has_text(self, text_sha256: str) -> bool: ...

    def article(self, article_id: str) -> dict | None:
        """The full newsevents/1 document for a stored article."""
    def articles(self, *, q: str | None = None, cursor: str | None = None, limit: int = 50,
                 article=None) -> Page: ...
    def events(self, flt: EventFilter | None = None, *, cursor: str | None = None, limit: int = 50,
               count: bool = True) -> Page: ...  # count=False: total is None (saves a scan of every match)
    def event(self, event_key: str) -> dict | None:
        """One event (key ``ARTICLE_ID/evtN``) with its article metadata and evidence."""
    # ``article``, ``kind``, ``label``, ``country`` and ``place`` take one value or a sequence (any of them).
    def quotes(self, *, speaker: str | None = None, q: str | None = None, cursor: str | None = None,
               limit: int = 50, article=None, kind=None) -> Page: ...
    def places(self, *, country=None, cursor: str | None = None, limit: int = 100, article=None,
               place=None, bbox: tuple[float, float, float, float] | None = None) -> Page: ...
    def casualties(self, *, kind=None, cursor: str | None = None, limit: int = 100, article=None) -> Page: ...
    def entities(self, *, label=None, name: str | None = None, cursor: str | None = None,
                 limit: int = 100, article=None) -> Page: ...
    def delete(self, article_id: str) -> bool:
        """Remove an article and all its items; True if it existed."""
    def counts(self, by: str, flt: EventFilter | None = None) -> list[dict]:
        """Event counts grouped ``by`` one of: day, type, country (of the place), actor_country,
        sector, place. Each row's count is what ``events()`` lists with that value as the filter."""
    def errors(self, *, limit: int = 100) -> list[dict]: ...
    def stats(self) -> dict:
        """Totals per table (articles, entities, events, quotes, places, casualties, errors)."""
    def close(self) -> None: ...
