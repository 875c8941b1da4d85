"""``newsevents ingest``: extract articles into the store, idempotently, and print a summary."""
from __future__ import annotations

import json
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import app
from ._common import progress, report_error
from ..config import Config
from ..ingest_job import ITEM_KINDS, IngestSummary, ingest as run_ingest
from ..ingest.meta import publication_date
from ..redact import redacted
from ..store import DEFAULT_DB, open_store


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., metavar="PATHS", help="Files, folders, globs, or - for stdin."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite file, sqlite:///PATH, or postgresql://HOST/DB[?schema=NAME] to store into."),
    processes: int = typer.Option(1, "--processes", "-n", help="spaCy worker processes."),
    input_format: str = typer.Option("auto", "--input-format", "-i", help="auto, text, html or jsonl."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date when the input has none: YYYY-MM-DD (or an ISO datetime), YYYY-MM or YYYY."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON instead of a table."),
    stories: bool = typer.Option(True, "--stories/--no-stories", help="Group the stored articles into stories as they are stored (default) or leave it to 'newsevents stories build'."),
) -> None:
    """Extract articles and store them (idempotent: a text already stored is skipped before parsing).

    Each article is stored atomically with all its items. A file or line that fails is recorded in
    the store's errors table and printed as one line naming it; the batch goes on, and the exit
    code is 1 if anything failed.
    """
    published = publication_date(published)
    config = Config(n_process=processes)
    store = open_store(db)
    try:
        with progress(description="ingesting") as bar:
            task = bar.add_task("ingest", total=None)

            def on_item(status: str, article: str, detail) -> None:
                if status == "failed":
                    report_error(detail)
                bar.advance(task)

            summary = run_ingest(paths, store, config, input_format=input_format, published=published, stories=stories,
                                 on_item=on_item)
        totals = store.stats()
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps({**summary.as_dict(), "db": redacted(db), "db_totals": totals}, ensure_ascii=False, indent=2))
    else:
        print_summary(summary, db, totals)
    if summary.failed:
        raise typer.Exit(1)


def print_summary(summary: IngestSummary, db: str, totals: dict) -> None:
    db = redacted(db)
    console = Console(highlight=False, soft_wrap=True)
    table = Table(title=f"newsevents ingest → {db}", title_justify="left", show_edge=False)
    table.add_column("", style="bold")
    table.add_column("this run", justify="right")
    table.add_column("in the store", justify="right")
    table.add_row("articles seen", str(summary.seen), "")
    table.add_row("stored", str(summary.stored), str(totals["articles"]))
    table.add_row("unchanged (already stored)", str(summary.unchanged), "")
    table.add_row("failed", str(summary.failed), str(totals["errors"]))
    for kind in ITEM_KINDS:
        table.add_row(kind, str(getattr(summary, kind)), str(totals[kind]))
    table.add_row("grouped into stories", str(summary.grouped), f"{totals.get('stories', 0)} stories")
    console.print(table)
    rate = f", {summary.stored / summary.seconds:.1f} articles/s parsed" if summary.stored and summary.seconds else ""
    console.print(f"{summary.seconds:.2f} s{rate}. Read it back with: newsevents query events --db {db}")
