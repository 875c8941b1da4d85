"""Helpers shared by CLI commands (printing errors, progress)."""
from __future__ import annotations

import sys

from rich.console import Console

err_console = Console(stderr=True, highlight=False)


def report_error(exc: Exception) -> None:
    """One clean line per failure, naming the article."""
    err_console.print(f"[red]error[/red] {exc}", markup=True, soft_wrap=True)


def progress(total: int | None = None, description: str = "articles"):
    """A rich progress bar on stderr when it is a terminal; silent otherwise."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(f"[bold]{description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err_console, disable=not sys.stderr.isatty(), transient=True)
