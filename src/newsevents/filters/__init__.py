"""One filter model for every surface: ``newsevents query``, ``newsevents export`` and the REST API.

:data:`~newsevents.filters.spec.FILTERS` declares each filter once (name, flag, help, the tables it
applies to, its parser). :func:`parse` turns what a user gave — on the command line or in a query
string, lists comma-separated and/or repeated — into a :class:`Selection`; a bad value, or a filter
that does not apply to the chosen table, is an ``E021`` error naming the parameter as that user
spelled it. :func:`page`, :func:`iterate` and :func:`counts` run a selection against any store.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from ..store.base import EventFilter, Page, Store
from . import values
from .spec import BY_NAME, COUNT_BY, FILTERS, PLOVER_TYPES, TABLES, Filter, applicable

__all__ = ["COUNT_BY", "FILTERS", "PLOVER_TYPES", "TABLES", "Filter", "Selection", "applicable", "counts",
           "event_filter", "iterate", "page", "parse"]

PAGE = 500


@dataclass(frozen=True)
class Selection:
    """A table and the parsed filter values that were given (``None`` values left out)."""
    table: str = "events"
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str, default=None):
        return self.values.get(name, default)


def _raw_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [item for item in value if item is not None]
    return [value]


def parse(table: str, raw: Mapping[str, Any], *, surface: str = "api") -> Selection:
    """Validate ``raw`` (filter name → a value or a list of values; ``None`` or ``[]`` = not given)
    for ``table``. ``surface`` ("cli" or "api") decides how errors name a parameter."""
    if table not in TABLES:
        raise values.bad("what" if surface == "cli" else "table", f"'{table}' is not one of: {', '.join(TABLES)}")
    parsed: dict[str, Any] = {}
    for name, value in raw.items():
        spec = BY_NAME.get(name)
        if spec is None:
            raise values.bad(name, f"not a filter (filters: {', '.join(f.name for f in FILTERS)})")
        items = _raw_list(value)
        if not items or all(isinstance(i, str) and not i.strip() for i in items):
            continue
        label = spec.label(surface)
        if table not in spec.tables:
            raise values.bad(label, f"does not apply to {table} (it filters {', '.join(spec.tables)})")
        result = spec.parse(label, [i if isinstance(i, bool) else str(i) for i in items], table)
        if result is not None:
            parsed[name] = result
    start, end = parsed.get("date_from"), parsed.get("date_to")
    if start and end and start > end:
        raise values.bad(BY_NAME["date_from"].label(surface), f"{start} is after {BY_NAME['date_to'].label(surface)} {end}")
    return Selection(table, parsed)


def event_filter(selection: Selection) -> EventFilter:
    """The store's :class:`EventFilter` for a selection of events (or for ``counts``)."""
    keys = EventFilter.__dataclass_fields__
    return EventFilter(**{name: (tuple(value) if isinstance(value, list) else value)
                          for name, value in selection.values.items() if name in keys})


def page(store: Store, selection: Selection, *, cursor: str | None = None, limit: int = 50,
         count: bool = True) -> Page:
    """One page of the selected table."""
    get = selection.get
    table = selection.table
    if table == "events":
        return store.events(event_filter(selection), cursor=cursor, limit=limit, count=count)
    if table == "articles":
        return store.articles(q=get("q"), article=get("article"), cursor=cursor, limit=limit)
    if table == "quotes":
        return store.quotes(speaker=get("speaker"), q=get("q"), article=get("article"), kind=get("kind"),
                            cursor=cursor, limit=limit)
    if table == "places":
        return store.places(country=get("country"), place=get("place"), bbox=get("bbox"),
                            article=get("article"), cursor=cursor, limit=limit)
    if table == "casualties":
        return store.casualties(kind=get("kind"), article=get("article"), cursor=cursor, limit=limit)
    return store.entities(label=get("label"), name=get("name"), article=get("article"), cursor=cursor, limit=limit)


def iterate(store: Store, selection: Selection, *, page_size: int = PAGE) -> Iterator[dict]:
    """Every selected item, page by page (memory stays bounded by one page)."""
    cursor = None
    while True:
        current = page(store, selection, cursor=cursor, limit=page_size, count=False)
        yield from current.items
        cursor = current.next_cursor
        if not cursor:
            return


def counts(store: Store, by: str, selection: Selection, *, surface: str = "api") -> list[dict]:
    """Event counts grouped ``by`` (see :data:`COUNT_BY`) over a selection of events."""
    if by not in COUNT_BY:
        raise values.bad("--by" if surface == "cli" else "by", f"'{by}' is not one of: {', '.join(COUNT_BY)}")
    if selection.table != "events":
        raise values.bad("what", "counts are over events")
    return store.counts(by, event_filter(selection))
