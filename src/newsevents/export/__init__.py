"""Exports: what the store holds, in the formats analysts load without glue (``newsevents export``,
``GET /api/export/...``, the pages' download buttons). docs/exports.md documents every format.

A format is a :class:`Format` registered with :func:`exporter`: a generator ``write(store,
selection, tally)`` yielding text (or, for binary formats, bytes) chunks, so the CLI writes them to
a file and the API streams them; every format reads the store page by page, so memory stays bounded
whatever the size of the export. ``selection`` is a validated :class:`newsevents.filters.Selection`:
every format writes what the same filters select.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import IO, Callable, Iterator

from ..errors import NewsEventsError
from ..filters import Selection
from ..store.base import Store


@dataclass
class Tally:
    """What a format wrote: rows, and items it left out (with why)."""
    rows: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    unlocated: int = 0  # rows written without coordinates (GeoJSON: null geometry)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def summary(self) -> str:
        left = "; ".join(f"{count} left out: {reason}" for reason, count in self.skipped.items())
        notes = [left] if left else []
        if self.unlocated:
            notes.append(f"{self.unlocated} without coordinates: null geometry")
        return f"{self.rows} rows" + (f" ({'; '.join(notes)})" if notes else "")


Writer = Callable[[Store, Selection, Tally], Iterator]


@dataclass(frozen=True)
class Format:
    name: str
    write: Writer
    tables: tuple[str, ...]       # the tables it can write
    default: str                  # the table written when none is chosen
    media_type: str
    extension: str                # of the file (without its table name)
    binary: bool = False
    description: str = ""


FORMATS: dict[str, Format] = {}


def exporter(name: str, *, tables: tuple[str, ...], default: str, media_type: str, extension: str,
             binary: bool = False, description: str = ""):
    """Register a writer as format ``name``."""
    def register(fn: Writer) -> Writer:
        FORMATS[name] = Format(name, fn, tables, default, media_type, extension, binary, description)
        return fn
    return register


def get_format(name: str) -> Format:
    _load_formats()
    if name not in FORMATS:
        raise NewsEventsError("E019", fmt=name, expected=", ".join(sorted(FORMATS)))
    return FORMATS[name]


def formats() -> list[str]:
    _load_formats()
    return sorted(FORMATS)


def check_table(fmt: Format, table: str, name: str = "what") -> None:
    if table not in fmt.tables:
        raise NewsEventsError("E021", name=name, reason=f"the {fmt.name} format writes {', '.join(fmt.tables)}, not {table}")


def stream(store: Store, fmt: str, selection: Selection, tally: Tally | None = None) -> Iterator[bytes]:
    """The export as UTF-8 (or binary) chunks, for a streaming response."""
    chosen = get_format(fmt)
    check_table(chosen, selection.table)
    for chunk in chosen.write(store, selection, tally or Tally()):
        yield chunk if isinstance(chunk, bytes) else chunk.encode("utf-8")


def export(store: Store, fmt: str, out: IO, selection: Selection) -> Tally:
    """Write the export to ``out`` (a text file for text formats, a binary one for binary ones)."""
    chosen = get_format(fmt)
    check_table(chosen, selection.table)
    tally = Tally()
    for chunk in chosen.write(store, selection, tally):
        out.write(chunk)
    return tally


def _load_formats() -> None:
    for info in pkgutil.iter_modules(__path__):
        if info.name not in ("guard", "source", "columns", "codes", "bundle") and not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
