"""``newsevents ingest``: extract articles into the store, idempotently, and print a summary."""
from __future__ import annotations

import json
import time
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import app
from ._common import err_console, progress, report_error
from ..config import Config
from ..errors import NewsEventsError
from ..ingest_job import ITEM_KINDS, IngestSummary, ingest as run_ingest
from ..ingest.meta import publication_date
from ..redact import redacted
from ..store import DEFAULT_DB, open_store

PROGRESS_EVERY = 5.0  # seconds between progress lines when stderr is not a terminal


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., metavar="PATHS", help="Files, folders, globs, or - for stdin."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite file, sqlite:///PATH, or postgresql://HOST/DB[?schema=NAME] to store into."),
    processes: int = typer.Option(1, "--processes", "-n", help="spaCy worker processes."),
    input_format: str = typer.Option("auto", "--input-format", "-i", help="auto, text, html or jsonl."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date when the input has none: YYYY-MM-DD (or an ISO datetime), YYYY-MM or YYYY."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON instead of a table."),
    stories: bool = typer.Option(True, "--stories/--no-stories", help="Group the stored articles into stories as they are stored (default) or leave it to 'newsevents stories build'."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Run on a local Dask cluster of N worker processes (needs a postgresql:// --db and pip install 'newsevents[cluster]')."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Run on the Dask cluster whose scheduler is at tcp://HOST:8786 (its workers must see PATHS at the same path)."),
    partition_size: int = typer.Option(50, "--partition-size", help="Articles per partition of a cluster run (each stored in one transaction)."),
) -> None:
    """Extract articles and store them (idempotent: a text already stored is skipped before parsing).

    Each article is stored atomically with all its items. A file or line that fails is recorded in
    the store's errors table and printed as one line naming it; the batch goes on, and the exit
    code is 1 if anything failed.
    """
    published = publication_date(published)
    config = Config(n_process=processes)
    if workers is not None or scheduler:
        return _ingest_on_cluster(paths, db, config, input_format, published, as_json, stories, workers, scheduler,
                                  partition_size)
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


def _ingest_on_cluster(paths, db, config, input_format, published, as_json, stories, workers, scheduler,
                       partition_size) -> None:
    """``ingest --workers N`` / ``--scheduler ADDR``: :func:`newsevents.cluster.ingest_cluster`."""
    try:
        from ..cluster import ingest_cluster
    except ImportError:
        raise NewsEventsError("E036", reason="dask.distributed is not installed (pip install 'newsevents[cluster]')") from None
    from ._signals import interrupts_as_keyboard_interrupt

    with progress(description="ingesting") as bar, interrupts_as_keyboard_interrupt():
        task = bar.add_task("ingest", total=None)
        last = [0.0]

        def on_progress(state) -> None:
            bar.update(task, total=state.total, completed=state.done)
            now = time.monotonic()
            if bar.disable and (now - last[0] >= PROGRESS_EVERY or state.done >= state.total):
                last[0] = now
                err_console.print(f"ingest: {state.line()}", soft_wrap=True, highlight=False)

        def on_failure(record: dict) -> None:
            err_console.print(f"[red]error[/red] {record['message']}", markup=True, soft_wrap=True)

        summary = ingest_cluster(paths, db, scheduler=scheduler, workers=workers, config=config,
                                 input_format=input_format, published=published, stories=stories,
                                 partition_size=partition_size, on_progress=on_progress, on_failure=on_failure)
    store = open_store(db)
    try:
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
