"""``newsevents bench``: throughput of the full pipeline against bare spaCy, per-extractor times."""
from __future__ import annotations

import json
from typing import List, Optional

import typer

from . import app
from ._common import report_error


@app.command()
def bench(
    corpus: List[str] = typer.Argument(..., metavar="CORPUS...", help="Articles: files, folders, globs or JSONL."),
    repeat: int = typer.Option(3, "--repeat", "-r", help="Time each side N times and keep the best run."),
    processes: int = typer.Option(1, "--processes", "-n", help="spaCy worker processes (both sides)."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help="spaCy batch size (default from config)."),
    extractor: Optional[List[str]] = typer.Option(None, "--extractor", "-e", help="Only these extractors (and what they require)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of tables."),
) -> None:
    """Articles/s and words/s of bare spaCy nlp.pipe and of the full pipeline on the same articles,
    their ratio, peak memory, and the time share of every extractor."""
    from rich.console import Console
    from rich.table import Table

    from ..bench import run_bench

    result = run_bench(corpus, repeat=repeat, processes=processes, batch_size=batch_size,
                       extractors=list(extractor) if extractor else None)
    for message in result.skipped:
        report_error(message)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2))
        return
    console = Console()
    console.print(f"[bold]{result.articles}[/bold] articles, [bold]{result.words:,}[/bold] words · {result.model} · "
                  f"best of {result.repeat} · {result.processes} process(es)", highlight=False, soft_wrap=True)
    head = Table()
    for column in ("run", "seconds", "median s", "articles/s", "words/s"):
        head.add_column(column, justify="left" if column == "run" else "right")
    head.add_row("bare spaCy nlp.pipe", f"{result.bare_seconds:.3f}", f"{result.bare_median:.3f}",
                 f"{result.bare_articles_per_s:.1f}", f"{result.bare_words_per_s:,.0f}")
    head.add_row("full pipeline", f"{result.full_seconds:.3f}", f"{result.full_median:.3f}",
                 f"{result.full_articles_per_s:.1f}", f"{result.full_words_per_s:,.0f}")
    console.print(head)
    workers = f" (largest worker {result.peak_rss_worker_mb:.0f} MiB)" if result.peak_rss_worker_mb else ""
    cpu = f"   (CPU time ratio {result.cpu_ratio:.2f})" if result.cpu_ratio else ""
    console.print(f"ratio full/bare: [bold]{result.ratio:.2f}[/bold]{cpu}   peak RSS: [bold]{result.peak_rss_mb:.0f} MiB[/bold]"
                  f"{workers}", highlight=False)
    table = Table(title="time per extractor", title_justify="left")
    for column in ("extractor", "seconds", "% of full", "% added to parse"):
        table.add_column(column, justify="left" if column == "extractor" else "right")
    for ext in result.extractors:
        table.add_row(ext.name, f"{ext.seconds:.3f}", f"{ext.share_pct:.1f}", f"{ext.added_pct:.1f}")
    table.add_row("[dim]parse + other (outside extractors)[/dim]", f"{result.parse_and_other_seconds:.3f}",
                  f"{100 * result.parse_and_other_seconds / result.full_seconds:.1f}", "")
    console.print(table)
