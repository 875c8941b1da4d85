"""The two data-file loaders (TSV tables, JSON documents) and the format declarations they check.

A data file is read only through :func:`load_table` (``.tsv``) or :func:`load_document`
(``.json``), against its declared format (:class:`Table` or a JSON :class:`Record`, declared in
:mod:`newsevents.datafiles.formats`). Anything the declaration does not allow is a coded
:class:`DataFileError` naming the file and the line: a missing column [E027], a duplicate entry
[E028], an unknown key [E029], a value of the wrong type or a missing key [E030].

TSV: lines starting with ``#`` are comments, blank lines are skipped; the first other line is the
header row and must list the declared columns in order; every data row has exactly that many
tab-separated fields (an optional column is written as an empty field). The key columns (the
entry's identity; the first must be non-empty) are unique together, compared case-insensitively.

JSON: one object; keys starting with ``_`` are notes (strings) and allowed in every object. A
``Record`` has a fixed set of keys, a ``Mapping`` free keys with values of one kind, ``Words`` a
list of non-empty unique strings (compared case-insensitively). A key written twice in an object
is a duplicate entry, too (the standard parser would silently keep the last).
"""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from json.decoder import scanstring
from typing import Any, Callable

from ..errors import ConfigError

# ---------------------------------------------------------------------------------------------
# errors


class DataFileError(ConfigError):
    """A data file of the package breaks its declared format (stops the run: the install is broken)."""


def _fail(code: str, path: str, line: int, **kwargs):
    raise DataFileError(code, path=path, line=line, **kwargs)


# ---------------------------------------------------------------------------------------------
# TSV tables

def _text(value: str) -> str:
    return value


def _int(value: str) -> int:
    return int(value)


def _float(value: str) -> float:
    return float(value)


def _flag(value: str) -> bool:
    if value not in ("0", "1"):
        raise ValueError("expected 0 or 1")
    return value == "1"


TYPES: dict[str, Callable[[str], Any]] = {"text": _text, "int": _int, "float": _float, "flag": _flag}


@dataclass(frozen=True)
class Column:
    """One TSV column. ``type``: text | int | float | flag (0/1) ; ``split``: the value is a list of
    items separated by this string (empty items dropped); ``choices``: the allowed values;
    ``required``: the field may not be empty (key columns always are)."""
    name: str
    type: str = "text"
    required: bool = False
    choices: tuple[str, ...] | None = None
    split: str | None = None
    doc: str = ""

    def parse(self, raw: str, path: str, line: int):
        if raw == "":
            if self.required:
                _fail("E030", path, line, reason=f"column '{self.name}' is empty")
            return [] if self.split is not None else (None if self.type in ("int", "float") else "")
        items = [p for p in raw.split(self.split) if p] if self.split is not None else [raw]
        out = []
        for item in items:
            if self.choices is not None and item not in self.choices:
                _fail("E030", path, line, reason=f"column '{self.name}': {item!r} is not one of "
                                                  f"{', '.join(self.choices)}")
            try:
                out.append(TYPES[self.type](item))
            except ValueError as exc:
                _fail("E030", path, line, reason=f"column '{self.name}': {item!r} is not {self.type} ({exc})")
        return out if self.split is not None else out[0]


@dataclass(frozen=True)
class Table:
    """The declared format of a TSV file: its columns in order and which of them identify an entry."""
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    doc: str = ""

    def __post_init__(self):
        names = [c.name for c in self.columns]
        unknown = [k for k in self.key if k not in names]
        if unknown:
            raise ValueError(f"key column(s) {unknown} not among the columns {names}")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


@dataclass
class Rows:
    """A loaded table: ``rows`` (dicts, file order) and ``lines`` (each row's line in the file)."""
    path: str
    rows: list[dict] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def column(self, name: str) -> list:
        return [row[name] for row in self.rows]


def load_table(path: str, text: str, table: Table) -> Rows:
    """Parse and check a TSV data file (``path`` is its name for messages)."""
    out = Rows(path)
    header_seen = False
    seen: dict[tuple, int] = {}
    width = len(table.columns)
    key_at = [table.names.index(k) for k in table.key]
    # plain text columns need no parsing: the field is the value
    shape = [(c.name, c, c.type == "text" and not c.required and c.choices is None and c.split is None)
             for c in table.columns]
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if not header_seen:
            header_seen = True
            if tuple(fields) != table.names:
                missing = [n for n in table.names if n not in fields]
                if missing:
                    _fail("E027", path, number, columns=", ".join(missing),
                          reason=f"the header row is {' | '.join(fields)}")
                _fail("E030", path, number, reason=f"the header row must be {' | '.join(table.names)} "
                                                   f"(found {' | '.join(fields)})")
            continue
        if len(fields) < width:
            _fail("E027", path, number, columns=", ".join(table.names[len(fields):]),
                  reason=f"the row has {len(fields)} of {width} fields")
        if len(fields) > width:
            _fail("E030", path, number, reason=f"{len(fields)} fields, the format has {width} columns")
        if any(value != value.strip() for value in fields):
            bad = next(c for c, v in zip(table.columns, fields) if v != v.strip())
            _fail("E030", path, number, reason=f"column '{bad.name}' has spaces around its value")
        key = tuple(fields[i] for i in key_at)
        if not key[0]:
            _fail("E030", path, number, reason=f"key column '{table.key[0]}' is empty")
        folded = tuple(k.casefold() for k in key)
        if folded in seen:
            _fail("E028", path, number, entry=" | ".join(key), first=seen[folded])
        seen[folded] = number
        row = {name: (value if plain else column.parse(value, path, number))
               for (name, column, plain), value in zip(shape, fields)}
        out.rows.append(row)
        out.lines.append(number)
    if not header_seen:
        _fail("E027", path, 1, columns=", ".join(table.names), reason="the file has no header row")
    return out


# ---------------------------------------------------------------------------------------------
# JSON documents: a small position-keeping parser, then a check against the declaration


class _Positions:
    def __init__(self, text: str):
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line(self, index: int) -> int:
        return bisect.bisect_right(self.starts, index)


_WS = " \t\n\r"


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


@dataclass
class Node:
    """A parsed JSON value with the line it starts on (objects: key → (key line, Node))."""
    value: Any
    line: int


def _after_item(text: str, i: int, close: str, pos: _Positions, path: str) -> tuple[int, bool]:
    """Past the ',' after an item (False) or past the closing bracket (True)."""
    i = _skip(text, i)
    if text[i:i + 1] == ",":
        return i + 1, False
    if text[i:i + 1] == close:
        return i + 1, True
    _fail("E030", path, pos.line(i), reason=f"expected ',' or '{close}'")


def _parse(text: str, i: int, pos: _Positions, path: str) -> tuple[Node, int]:
    i = _skip(text, i)
    line = pos.line(i)
    if i < len(text) and text[i] == "{":
        items: dict[str, tuple[int, Node]] = {}
        i = _skip(text, i + 1)
        if text[i:i + 1] == "}":
            return Node(items, line), i + 1
        while True:
            i = _skip(text, i)
            if text[i:i + 1] != '"':
                _fail("E030", path, pos.line(i), reason="expected a quoted key")
            key_line = pos.line(i)
            key, i = scanstring(text, i + 1)
            if key in items:
                _fail("E028", path, key_line, entry=key, first=items[key][0])
            i = _skip(text, i)
            if text[i:i + 1] != ":":
                _fail("E030", path, pos.line(i), reason="expected ':'")
            node, i = _parse(text, i + 1, pos, path)
            items[key] = (key_line, node)
            i, done = _after_item(text, i, "}", pos, path)
            if done:
                return Node(items, line), i
    if i < len(text) and text[i] == "[":
        values: list[Node] = []
        i = _skip(text, i + 1)
        if text[i:i + 1] == "]":
            return Node(values, line), i + 1
        while True:
            node, i = _parse(text, i, pos, path)
            values.append(node)
            i, done = _after_item(text, i, "]", pos, path)
            if done:
                return Node(values, line), i
    try:
        value, end = json.JSONDecoder().raw_decode(text, i)
    except json.JSONDecodeError as exc:
        _fail("E030", path, pos.line(i), reason=f"not valid JSON: {exc.msg}")
    return Node(value, line), end


class Spec:
    """A JSON value's declared form."""
    doc: str = ""

    def check(self, node: Node, path: str, where: str) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def describe(self) -> str:  # pragma: no cover - interface
        raise NotImplementedError


def _kind(value) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


@dataclass
class Text(Spec):
    nullable: bool = False
    choices: tuple[str, ...] | None = None
    doc: str = ""

    def check(self, node, path, where):
        if node.value is None and self.nullable:
            return None
        if not isinstance(node.value, str):
            _fail("E030", path, node.line, reason=f"{where} must be a string, not {_kind(node.value)}")
        if self.choices is not None and node.value not in self.choices:
            _fail("E030", path, node.line, reason=f"{where}: {node.value!r} is not one of {', '.join(self.choices)}")
        return node.value

    def describe(self):
        return "string" + (f" ({' | '.join(self.choices)})" if self.choices else "") + (" or null" if self.nullable else "")


@dataclass
class Number(Spec):
    integer: bool = True
    doc: str = ""

    def check(self, node, path, where):
        ok = isinstance(node.value, int) if self.integer else isinstance(node.value, (int, float))
        if not ok or isinstance(node.value, bool):
            _fail("E030", path, node.line, reason=f"{where} must be {'an integer' if self.integer else 'a number'}")
        return node.value

    def describe(self):
        return "integer" if self.integer else "number"


@dataclass
class Words(Spec):
    """A list of non-empty strings, each at most once (case-insensitively)."""
    doc: str = ""

    def check(self, node, path, where):
        if not isinstance(node.value, list):
            _fail("E030", path, node.line, reason=f"{where} must be a list of strings, not {_kind(node.value)}")
        seen: dict[str, int] = {}
        out = []
        for item in node.value:
            if not isinstance(item.value, str) or not item.value.strip():
                _fail("E030", path, item.line, reason=f"{where}: every item must be a non-empty string")
            key = item.value.casefold()
            if key in seen:
                _fail("E028", path, item.line, entry=f"{where}: {item.value}", first=seen[key])
            seen[key] = item.line
            out.append(item.value)
        return out

    def describe(self):
        return "list of unique strings"


def _notes(items: dict, path: str, where: str) -> None:
    for key, (line, node) in items.items():
        if key.startswith("_") and not isinstance(node.value, str):
            _fail("E030", path, line, reason=f"{where}.{key}: a note must be a string")


@dataclass
class Mapping(Spec):
    """An object with free keys, every value of the form ``values``."""
    values: Spec
    doc: str = ""

    def check(self, node, path, where):
        if not isinstance(node.value, dict):
            _fail("E030", path, node.line, reason=f"{where} must be an object, not {_kind(node.value)}")
        _notes(node.value, path, where)
        return {key: self.values.check(child, path, f"{where}.{key}")
                for key, (_, child) in node.value.items() if not key.startswith("_")}

    def describe(self):
        return f"object of {self.values.describe()}"


@dataclass
class Record(Spec):
    """An object with declared keys: ``fields`` (required unless in ``optional``); notes (``_…``) allowed."""
    fields: dict[str, Spec]
    optional: tuple[str, ...] = ()
    doc: str = ""

    def check(self, node, path, where):
        if not isinstance(node.value, dict):
            _fail("E030", path, node.line, reason=f"{where or 'the document'} must be an object, not {_kind(node.value)}")
        _notes(node.value, path, where or "the document")
        out = {}
        for key, (line, child) in node.value.items():
            if key.startswith("_"):
                continue
            if key not in self.fields:
                _fail("E029", path, line, key=f"{where}.{key}" if where else key,
                      expected=", ".join(self.fields))
            out[key] = self.fields[key].check(child, path, f"{where}.{key}" if where else key)
        missing = [k for k in self.fields if k not in out and k not in self.optional]
        if missing:
            _fail("E030", path, node.line, reason=f"{where or 'the document'} lacks the key(s) {', '.join(missing)}")
        return out

    def describe(self):
        return "object"


def load_document(path: str, text: str, spec: Spec) -> Any:
    """Parse and check a JSON data file; returns the plain value without the notes (``_…`` keys)."""
    pos = _Positions(text)
    node, end = _parse(text, 0, pos, path)
    if _skip(text, end) != len(text):
        _fail("E030", path, pos.line(_skip(text, end)), reason="text after the JSON value")
    return spec.check(node, path, "")
