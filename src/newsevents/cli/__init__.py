"""The ``newsevents`` command line: a thin shell over library functions.

Each command lives in its own module and registers itself on :data:`app`; library errors
(:class:`newsevents.errors.NewsEventsError`) become one clean line on stderr.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
import sys

import typer
from typer.core import TyperGroup

from ..errors import NewsEventsError


def unwrap(help_text: str | None) -> str | None:
    """A docstring's paragraphs as single lines: the help is re-wrapped to the terminal, so the
    source's line breaks must not show. List items and indented lines keep their own line."""
    if not help_text:
        return help_text
    import inspect

    paragraphs = []
    for paragraph in inspect.cleandoc(help_text).split("\n\n"):
        if paragraph.startswith("\b"):  # click's "keep as written" marker
            paragraphs.append(paragraph)
            continue
        paragraphs.append(re.sub(r"\n(?![ \t]|[-*•] )", " ", paragraph))
    return "\n\n".join(paragraphs)


def tidy(command):
    """Help fit for reading: docstrings unwrapped, and a flag shown as a flag (no ``<bool>`` type
    after ``--json``). Applied once to each command and, for a group, to its subcommands."""
    if getattr(command, "_tidied", False):
        return command
    command.help = unwrap(command.help)
    params_of = command.get_params

    def get_params(ctx):  # --help is made here, not in command.params
        params = params_of(ctx)
        for param in params:
            if param.param_type_name == "option" and getattr(param, "is_flag", False):
                param.display_type_rich = _no_type
        return params

    command.get_params = get_params
    if isinstance(getattr(command, "commands", None), dict):
        for sub in command.commands.values():
            tidy(sub)
    command._tidied = True
    return command


def _no_type(ctx) -> None:
    return None


class Commands(TyperGroup):
    """The root group: every subcommand it hands out has tidy help."""

    def get_command(self, ctx, cmd_name):
        command = super().get_command(ctx, cmd_name)
        return tidy(command) if command is not None else None

    def format_help(self, ctx, formatter):
        tidy(self)
        return super().format_help(ctx, formatter)


app = typer.Typer(
    name="newsevents",
    cls=Commands,
    help="Turn news articles into structured, source-attributed event data (offline).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"newsevents {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
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
        if exc.code == "E037":  # interrupted: the shell's status for the signal (130 for SIGINT, 143 for SIGTERM)
            import signal

            sys.exit(128 + int(getattr(signal, str(exc.params.get("signal")), signal.SIGINT)))
        sys.exit(2)
