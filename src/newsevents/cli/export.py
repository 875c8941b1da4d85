"""``newsevents export``: write what the store holds as JSON lines or CSV."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from . import app
from ._options import build_filter, open_existing
from ..errors import NewsEventsError
from ..export import export as run_export, formats
from ..store import DEFAULT_DB


@app.command()
def export(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (full newsevents/1 documents by default) or csv (one row per event by default)."),
    what: Optional[str] = typer.Option(None, "--what", "-w", help="articles, events, quotes, places, casualties or entities."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite file, sqlite:///PATH, or postgresql://HOST/DB[?schema=NAME] to read."),
    type: Optional[str] = typer.Option(None, "--type", "-t", help="Events: PLOVER type(s), comma-separated."),
    mode: Optional[str] = typer.Option(None, "--mode", help="Events: PLOVER mode."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Events: actor or recipient name contains this."),
    sector: Optional[str] = typer.Option(None, "--sector", help="Events: an actor or recipient of this sector (GOV, MIL, COP …)."),
    country: Optional[str] = typer.Option(None, "--country", help="Events: place country (alpha-2) or actor country (alpha-3/alpha-2)."),
    place: Optional[str] = typer.Option(None, "--place", help="Events: place name."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Events: on or after this date (YYYY[-MM[-DD]])."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Events: on or before this date (YYYY[-MM[-DD]])."),
    bbox: Optional[str] = typer.Option(None, "--bbox", help="Events: min_lon,min_lat,max_lon,max_lat."),
    q: Optional[str] = typer.Option(None, "--search", "-q", help="Full-text search (events: evidence and names; articles, quotes: text)."),
    disputed: Optional[bool] = typer.Option(None, "--disputed/--undisputed", help="Events: only disputed / undisputed ones."),
    article: Optional[str] = typer.Option(None, "--article", help="Only items of this article id."),
) -> None:
    """Export stored articles or items as JSON lines or CSV (filters apply to events)."""
    flt = build_filter(type=type, mode=mode, actor=actor, sector=sector, country=country, place=place,
                       date_from=date_from, date_to=date_to, bbox=bbox, q=q, disputed=disputed, article=article)
    if fmt not in formats():
        raise NewsEventsError("E019", fmt=fmt, expected=", ".join(formats()))
    store = open_existing(db)
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        count = run_export(store, fmt, out, what, flt)
    finally:
        store.close()
        if output:
            out.close()
    if output:
        typer.echo(f"{count} rows written to {output}", err=True)
