"""The ``newsevents`` command line: a thin shell over library functions.

Each command lives in its own module and registers itself on :data:`app`; library errors
(:class:`newsevents.errors.NewsEventsError`) become one clean line on stderr.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from ..errors import NewsEventsError

app = typer.Typer(
    name="newsevents",
    help="Turn news articles into structured, source-attributed event data (offline).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Turn news articles into structured, source-attributed event data (offline)."""


def _load_commands() -> None:
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")


def main(argv: list[str] | None = None) -> None:
    _load_commands()
    try:
        app(args=argv, prog_name="newsevents")
    except NewsEventsError as exc:
        typer.echo(f"newsevents: {exc}", err=True)
        sys.exit(2)
