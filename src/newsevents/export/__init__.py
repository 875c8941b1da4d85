"""Exports: read what the store holds and write it out (``newsevents export``).

A format is a function ``writer(store, out, what, flt) -> int`` (rows written) registered in
:data:`EXPORTERS`; ``what`` is one of :data:`WHATS`. Everything is read through the
:class:`newsevents.store.base.Store` interface, page by page, so any backend can be exported.
"""
from __future__ import annotations

from typing import Callable, Iterator, TextIO

from ..errors import NewsEventsError
from ..store.base import EventFilter, Store

WHATS = ("articles", "events", "quotes", "places", "casualties", "entities")
PAGE = 500

Writer = Callable[[Store, TextIO, str, EventFilter], int]
EXPORTERS: dict[str, Writer] = {}
DEFAULT_WHAT: dict[str, str] = {}


def exporter(name: str, default_what: str = "events"):
    """Register ``fn`` as the writer of format ``name``."""
    def register(fn: Writer) -> Writer:
        EXPORTERS[name] = fn
        DEFAULT_WHAT[name] = default_what
        return fn
    return register


def iter_items(store: Store, what: str, flt: EventFilter | None = None) -> Iterator[dict]:
    """Every stored item of one kind, following the cursors. ``articles`` yields full documents.

    Events honour every filter; articles, quotes, places, casualties and entities honour
    ``flt.article``; articles and quotes also honour ``flt.q`` (full-text search)."""
    flt = flt or EventFilter()
    if what not in WHATS:
        raise NewsEventsError("E021", name="what", reason=f"expected one of: {', '.join(WHATS)}")
    cursor = None
    while True:
        page = _page(store, what, flt, cursor)
        for item in page.items:
            if what == "articles":
                if flt.article and item["id"] != flt.article:
                    continue
                doc = store.article(item["id"])
                if doc is not None:
                    yield doc
            else:
                yield item
        cursor = page.next_cursor
        if not cursor:
            return


def _page(store: Store, what: str, flt: EventFilter, cursor: str | None):
    if what == "events":
        return store.events(flt, cursor=cursor, limit=PAGE)
    if what == "articles":
        return store.articles(q=flt.q, cursor=cursor, limit=PAGE)
    if what == "quotes":
        return store.quotes(q=flt.q, article=flt.article, cursor=cursor, limit=PAGE)
    return getattr(store, what)(article=flt.article, cursor=cursor, limit=PAGE)


def export(store: Store, fmt: str, out: TextIO, what: str | None = None, flt: EventFilter | None = None) -> int:
    """Write ``what`` (default: the format's own) from ``store`` to ``out`` as ``fmt``; rows written."""
    _load_formats()
    if fmt not in EXPORTERS:
        raise NewsEventsError("E019", fmt=fmt, expected=", ".join(sorted(EXPORTERS)))
    what = what or DEFAULT_WHAT[fmt]
    if what not in WHATS:
        raise NewsEventsError("E021", name="what", reason=f"expected one of: {', '.join(WHATS)}")
    return EXPORTERS[fmt](store, out, what, flt or EventFilter())


def formats() -> list[str]:
    _load_formats()
    return sorted(EXPORTERS)


def _load_formats() -> None:
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
