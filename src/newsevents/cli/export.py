"""``newsevents export``: write what the store holds in an analyst's format (docs/exports.md)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from . import app
from ._options import open_existing, selection, with_filters
from ..errors import NewsEventsError
from ..export import FORMATS, export as run_export, formats, get_format
from ..store import DEFAULT_DB


@app.command()
@with_filters
def export(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, gdelt, gdelt-mentions, acled, plover, geojson "
                                                          "or parquet (docs/exports.md)."),
    what: Optional[str] = typer.Option(None, "--what", "-w", help="articles, events, quotes, places, casualties or "
                                                                  "entities (each format has its default)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout (parquet without "
                                                                       "--what: a folder, one file per table)."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite file, sqlite:///PATH, or postgresql://HOST/DB[?schema=NAME] to read."),
    filters: dict = None,
) -> None:
    """Export stored articles or items: JSON lines, CSV, GDELT, ACLED, PLOVER, GeoJSON or Parquet.

    Every format writes what the filters select (the same filters as `query` and the API); a filter that does not apply to the table written is an error."""
    chosen = get_format(fmt)
    if fmt == "parquet" and what is None:
        from ..export.parquet import write_bundle

        if output is None:
            raise NewsEventsError("E021", name="--output", reason="parquet writes one file per table: give a folder "
                                                                  "(or --what TABLE for one file)")
        picked = selection("events", filters)
        store = open_existing(db)
        try:
            written = write_bundle(store, picked, output)
        finally:
            store.close()
        for table, tally in written.items():
            typer.echo(f"{output / (table + '.parquet')}: {tally.summary()}", err=True)
        return
    picked = selection(what or chosen.default, filters)
    if picked.table not in chosen.tables:
        raise NewsEventsError("E021", name="--what", reason=f"the {fmt} format writes {', '.join(chosen.tables)}")
    if chosen.binary and output is None and sys.stdout.isatty():
        raise NewsEventsError("E021", name="--output", reason=f"{fmt} is binary: give a file (-o FILE) or redirect stdout")
    store = open_existing(db)
    if output:
        out = open(output, "wb") if chosen.binary else open(output, "w", encoding="utf-8", newline="")
    else:
        out = sys.stdout.buffer if chosen.binary else sys.stdout
    try:
        tally = run_export(store, fmt, out, picked)
    finally:
        store.close()
        if output:
            out.close()
        else:
            out.flush()
    typer.echo(f"{tally.summary()} written{f' to {output}' if output else ''}", err=True)


__all__ = ["export", "FORMATS", "formats"]
