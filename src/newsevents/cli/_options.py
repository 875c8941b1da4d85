"""Options shared by ``query`` and ``export``: opening an existing store, the filters (declared once
in :mod:`newsevents.filters`, with the API)."""
from __future__ import annotations

import functools
import inspect
from typing import Callable, List, Optional, get_type_hints

import typer

from ..errors import NewsEventsError
from ..filters import FILTERS, TABLES, Selection, parse


def with_filters(fn: Callable) -> Callable:
    """Give a command one option per filter of :data:`newsevents.filters.FILTERS` (declared once,
    shared with the API). The command receives them as ``filters``: {name: value(s) or None}."""
    hints = get_type_hints(fn)
    params = [p.replace(annotation=hints.get(p.name, p.annotation))
              for p in inspect.signature(fn).parameters.values() if p.name != "filters"]
    extra = []
    for spec in FILTERS:
        where = "Any table" if set(spec.tables) == set(TABLES) else ", ".join(spec.tables).capitalize()
        text = f"{where}: {spec.help}" + (" (comma-separated or repeated)" if spec.multiple else "")
        if spec.boolean:
            option = typer.Option(None, f"{spec.flag}/{spec.off_flag or '--un' + spec.flag[2:]}", help=text,
                                  show_default=False)
            annotation = Optional[bool]
        else:
            names = [spec.flag] + ([spec.short] if spec.short else [])
            option = typer.Option(None, *names, help=text, show_default=False,
                                  metavar=f"{spec.name.upper()}[,…]" if spec.multiple else None)
            annotation = Optional[List[str]]  # single-valued ones too: given twice is an error, not "the last wins"
        extra.append(inspect.Parameter(f"filter_{spec.name}", inspect.Parameter.KEYWORD_ONLY, default=option,
                                       annotation=annotation))

    @functools.wraps(fn)
    def command(*args, **kwargs):
        raw = {spec.name: kwargs.pop(f"filter_{spec.name}", None) for spec in FILTERS}
        return fn(*args, filters=raw, **kwargs)

    del command.__wrapped__  # typer must see the signature below, not fn's
    command.__signature__ = inspect.Signature([*params, *extra])
    command.__annotations__ = {p.name: p.annotation for p in (*params, *extra)}
    return command


def selection(table: str, filters: dict) -> Selection:
    """The command line's filters for ``table``, validated (errors name the --option)."""
    return parse(table, filters, surface="cli")


def open_existing(db: str):
    """Open a store to read; a database file that does not exist is an error, not a new empty store."""
    from pathlib import Path

    from ..store import open_store

    path = db[len("sqlite:///"):] if db.startswith("sqlite:///") else db
    if "://" not in path and path != ":memory:" and not Path(path).exists():
        raise NewsEventsError("E022", what=f"database '{db}' (create it with: newsevents ingest PATH --db {db})")
    return open_store(db)
