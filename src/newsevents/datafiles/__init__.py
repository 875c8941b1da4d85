"""Data files of the package (``newsevents/data``): read once, checked against a declared format.

    from newsevents import datafiles
    for row in datafiles.table("actors/agents.tsv"):      # dicts keyed by column name, typed
        ...
    cues = datafiles.document("quote_cues.json")          # the JSON value, notes removed

Every file has its format declared in :mod:`newsevents.datafiles.formats`; loading checks it and
raises a coded :class:`~newsevents.datafiles.loaders.DataFileError` naming the file and line
([E027] missing column, [E028] duplicate entry, [E029] unknown key, [E030] bad value or missing
key, [E031] undeclared file). :func:`check_all` loads every file (the test suite runs it).
To add a data file: put it under ``data/``, declare its format in ``formats.py`` (TABLES or
DOCUMENTS), regenerate ``docs/data-files.md`` (``python -m newsevents.datafiles > docs/data-files.md``)
and note its source and licence in ``data/SOURCES.md``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from .formats import DOCUMENTS, TABLES
from .loaders import Column, DataFileError, Mapping, Number, Record, Rows, Table, Text, Words, load_document, load_table

__all__ = ["table", "document", "check_all", "data_files", "DataFileError", "Column", "Table", "Rows", "Record",
           "Mapping", "Words", "Text", "Number", "TABLES", "DOCUMENTS", "markdown"]


def _read(name: str) -> str:
    return resources.files("newsevents").joinpath(f"data/{name}").read_text("utf-8")


@lru_cache(maxsize=None)
def table(name: str) -> Rows:
    """The rows of the TSV data file ``name`` (a path under ``data/``), checked; cached."""
    if name not in TABLES:
        raise DataFileError("E031", path=f"data/{name}", reason="no TSV format declared in newsevents/datafiles/formats.py")
    return load_table(f"data/{name}", _read(name), TABLES[name])


@lru_cache(maxsize=None)
def document(name: str) -> Any:
    """The value of the JSON data file ``name``, checked, without its notes; cached (do not mutate)."""
    if name not in DOCUMENTS:
        raise DataFileError("E031", path=f"data/{name}", reason="no JSON format declared in newsevents/datafiles/formats.py")
    return load_document(f"data/{name}", _read(name), DOCUMENTS[name])


def data_files() -> list[str]:
    """Every data file shipped under ``data/`` (TSV and JSON), as paths relative to it."""
    root = resources.files("newsevents").joinpath("data")
    out = []

    def walk(node, prefix):
        for child in node.iterdir():
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith((".tsv", ".json")):
                out.append(prefix + child.name)
    walk(root, "")
    return sorted(out)


def check_all() -> dict[str, int]:
    """Load every data file; returns entries per file. Raises on the first defect (or an undeclared file)."""
    counts = {}
    for name in data_files():
        value = table(name) if name.endswith(".tsv") else document(name)
        counts[name] = len(value)
    missing = sorted((set(TABLES) | set(DOCUMENTS)) - set(data_files()))
    if missing:
        raise DataFileError("E031", path=f"data/{missing[0]}", reason="declared in formats.py but not shipped")
    return counts


def _spec_lines(spec, where: str, out: list[str]) -> None:
    if isinstance(spec, Record):
        for key, child in spec.fields.items():
            path = f"{where}.{key}" if where else key
            opt = " (optional)" if key in spec.optional else ""
            if isinstance(child, Record):
                out.append(f"| `{path}` | object{opt} | {child.doc} |")
                _spec_lines(child, path, out)
            elif isinstance(child, Mapping) and isinstance(child.values, Record):
                fields = ", ".join(f"{k}: {v.describe()}" for k, v in child.values.fields.items())
                out.append(f"| `{path}` | object of {{{fields}}}{opt} | {child.doc} |")
            else:
                out.append(f"| `{path}` | {child.describe()}{opt} | {child.doc} |")


def markdown() -> str:
    """docs/data-files.md: every declared format, generated from formats.py."""
    out = ["# Data files and their formats", "",
           "Generated from `src/newsevents/datafiles/formats.py` by `python -m newsevents.datafiles`; a test",
           "checks that this page matches. Sources and licences: `src/newsevents/data/SOURCES.md`.", "",
           "Every file under `src/newsevents/data` is read through `newsevents.datafiles` (`table(name)` for",
           "TSV, `document(name)` for JSON) and checked against its format when first loaded; a defect stops",
           "the run with a coded error naming the file and the line:", "",
           "| code | defect |", "|---|---|",
           "| E027 | a missing column: the header row lacks a declared column, or a row has too few fields |",
           "| E028 | a duplicate entry: a key (TSV key columns, a JSON list item or object key) seen twice |",
           "| E029 | an unknown key in a JSON object with declared keys |",
           "| E030 | a bad value (type, allowed values, empty required field, spaces), an extra field, a missing JSON key |",
           "| E031 | a data file with no declared format |", "",
           "**TSV** files: `#` lines are comments, blank lines are skipped, the first other line is the header",
           "row (the declared columns, in order); each row has exactly one tab-separated field per column (an",
           "empty field for an empty optional value). Types: text, int, float, flag (`0`/`1`); a column with a",
           "separator holds a list. The key columns identify an entry: unique together, compared",
           "case-insensitively; the first key column is never empty.", "",
           "**JSON** files: one object. Keys that start with `_` are notes (strings) and may appear in any",
           "object. A list of strings holds non-empty strings, each once (case-insensitively).", ""]
    for name, tab in TABLES.items():
        out += [f"## `{name}`", "", tab.doc + f" Key: {', '.join(tab.key)}.", "",
                "| column | type | required | notes |", "|---|---|---|---|"]
        for col in tab.columns:
            typ = col.type + (f", list separated by `{col.split}`" if col.split else "")
            notes = col.doc + (("; " if col.doc else "") + "one of " + ", ".join(f"`{c}`" for c in col.choices)
                               if col.choices else "")
            req = "yes" if col.required or col.name == tab.key[0] else ""
            out.append(f"| `{col.name}` | {typ} | {req} | {notes} |")
        out.append("")
    for name, spec in DOCUMENTS.items():
        out += [f"## `{name}`", "", spec.doc, "", "| key | value | notes |", "|---|---|---|"]
        _spec_lines(spec, "", out)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
