"""CSV: one row per event (default), article, quote, place, casualty or entity; the columns of
:mod:`newsevents.export.columns` (docs/exports.md). Booleans are ``true``/``false``, missing values
empty, text cells that a spreadsheet would run as a formula guarded (:mod:`.guard`).
"""
from __future__ import annotations

import csv
import io
from typing import Iterable, Iterator

from ..filters import Selection, iterate
from ..store.base import Store
from . import Tally, exporter
from .columns import TABLES, typed
from .guard import guard
from .source import event_rows

FLUSH = 200  # rows per chunk


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return guard(value)


def delimited(header: list[str], rows: Iterable[list], tally: Tally, *, delimiter: str = ",",
              write_header: bool = True) -> Iterator[str]:
    """Rows as CSV (or TSV) text, a chunk every :data:`FLUSH` rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    if write_header:
        writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
        tally.rows += 1
        if tally.rows % FLUSH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def items(store: Store, selection: Selection):
    return event_rows(store, selection) if selection.table == "events" else iterate(store, selection)


@exporter("csv", tables=tuple(TABLES), default="events", media_type="text/csv; charset=utf-8", extension="csv",
          description="one row per item, typed columns (docs/exports.md)")
def write_csv(store: Store, selection: Selection, tally: Tally) -> Iterator[str]:
    columns = TABLES[selection.table]
    rows = ([typed(column, item) for column in columns] for item in items(store, selection))
    yield from delimited([c.name for c in columns], rows, tally)
