"""The docs keep up with the code: every command and option in docs/cli.md, every field in docs/contract.md."""
from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from newsevents import cli

DOCS = Path(__file__).parent.parent / "docs"
SCHEMA = Path(__file__).parent.parent / "src" / "newsevents" / "schema" / "newsevents-1.json"


def commands() -> dict:
    cli._load_commands()
    return dict(typer.main.get_command(cli.app).commands)


def sections(markdown: str) -> dict[str, str]:
    """``## `newsevents NAME` `` sections of docs/cli.md, by command name."""
    parts = re.split(r"^## `newsevents ([\w-]+)`\s*$", markdown, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def test_there_are_commands():
    assert {"extract", "ingest", "query", "export"} <= set(commands())


@pytest.mark.parametrize("name", sorted(commands()))
def test_command_is_documented_and_has_help(name):
    documented = sections((DOCS / "cli.md").read_text("utf-8"))
    assert name in documented, f"docs/cli.md has no '## `newsevents {name}`' section"
    section = documented[name]
    for words, command in walk([name], commands()[name]):
        if len(words) > 1:
            assert f"newsevents {' '.join(words)}" in section, f"'newsevents {' '.join(words)}' is not in docs/cli.md"
        for param in command.params:
            if isinstance(param, click.Argument):
                continue
            for flag in param.opts + param.secondary_opts:
                if flag.startswith("--"):
                    assert f"`{flag}`" in section, \
                        f"option {flag} of 'newsevents {' '.join(words)}' is not in its docs/cli.md section"
        result = CliRunner().invoke(cli.app, [*words, "--help"])
        assert result.exit_code == 0, result.output
        assert "Usage" in result.output and "--help" in result.output


def walk(words: list[str], command):
    """The command and, for a group, each of its subcommands (recursively)."""
    yield words, command
    if isinstance(command, click.Group):
        for sub_name, sub in command.commands.items():
            yield from walk([*words, sub_name], sub)


def test_documented_commands_exist():
    assert set(sections((DOCS / "cli.md").read_text("utf-8"))) <= set(commands())


def schema_fields() -> set[str]:
    """Every property name declared anywhere in the schema, nested ones included."""
    return property_names(json.loads(SCHEMA.read_text("utf-8")))


def property_names(node) -> set[str]:
    fields: set[str] = set()
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            fields |= set(node["properties"])
        for value in node.values():
            fields |= property_names(value)
    elif isinstance(node, list):
        for value in node:
            fields |= property_names(value)
    return fields


def test_contract_doc_names_every_schema_field():
    doc = (DOCS / "contract.md").read_text("utf-8")
    missing = sorted(f for f in schema_fields() if f"`{f}`" not in doc)
    assert not missing, f"docs/contract.md does not document: {missing}"
    enums = json.loads(SCHEMA.read_text("utf-8"))["$defs"]["event"]["properties"]["type"]["enum"]
    assert all(f"`{t}`" in doc for t in enums)


def test_every_filter_is_in_the_filters_table():
    """docs/cli.md's filter table lists every declared filter with its flag and tables."""
    from newsevents.filters import FILTERS, TABLES

    text = (DOCS / "cli.md").read_text("utf-8")
    table = text[text.index("## Filters"):]
    rows = {m[1]: m[0] for m in re.findall(r"^(\| `(\w+)` \|.*)$", table, flags=re.MULTILINE)}
    assert set(rows) == {f.name for f in FILTERS}
    for spec in FILTERS:
        row = rows[spec.name]
        assert f"`{spec.flag}`" in row, spec.name
        tables = "every table" if set(spec.tables) == set(TABLES) else ", ".join(spec.tables)
        assert f"| {tables} |" in row, (spec.name, row)


def test_exports_md_lists_every_column_and_format():
    from newsevents.export import formats
    from newsevents.export.acled import COLUMNS as ACLED_COLUMNS
    from newsevents.export.columns import STORIES, STORY_EVENTS, TABLES

    text = (DOCS / "exports.md").read_text("utf-8")
    for table, columns in {**TABLES, "stories": STORIES, "story_events": STORY_EVENTS}.items():
        section = text[text.index(f"#### `{table}`"):]
        section = section[:section.index("\n\n", section.index("|"))]
        assert [c.name for c in columns] == re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE), table
    acled = text[text.index("## ACLED"):text.index("## PLOVER")]
    for name in ACLED_COLUMNS:
        assert f"`{name}`" in acled, name
    for fmt in formats():
        assert f"| `{fmt}` |" in text, fmt
