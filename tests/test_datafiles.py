"""Data files: every shipped file validates against its declared format, and each kind of defect
is refused with its code, naming the file and the line."""
from pathlib import Path

import pytest

from newsevents import datafiles
from newsevents.datafiles import Column, DataFileError, Mapping, Number, Record, Table, Text, Words
from newsevents.datafiles.loaders import load_document, load_table

DOCS = Path(__file__).resolve().parents[1] / "docs" / "data-files.md"


def test_every_shipped_data_file_is_declared_and_validates():
    counts = datafiles.check_all()
    assert set(counts) == set(datafiles.data_files())
    assert set(counts) == set(datafiles.TABLES) | set(datafiles.DOCUMENTS)
    assert all(n > 0 for n in counts.values()), counts
    assert counts["actors/named_actors.tsv"] > 10000


def test_the_docs_page_is_generated_from_the_declarations():
    assert DOCS.read_text(encoding="utf-8") == datafiles.markdown(), \
        "docs/data-files.md is stale: python -m newsevents.datafiles > docs/data-files.md"


def test_rows_are_typed_and_keyed_by_column():
    codes = {row["key"]: row for row in datafiles.table("events/codes.tsv")}
    assert isinstance(codes["AGREE"]["quad_class"], int) and isinstance(codes["AGREE"]["goldstein"], float)
    regions = {row["name"]: row for row in datafiles.table("regions.tsv")}
    assert "Mideast" in regions["Middle East"]["aliases"]
    assert isinstance(datafiles.table("actors/modifiers.tsv").rows[0]["override"], bool)


AGENTS = Table((Column("lemma"), Column("sector", required=True), Column("kind", choices=("agent", "title"))),
               key=("lemma", "kind"))
HEADER = "# a comment\nlemma\tsector\tkind\n"


def refuse(code, text, table=AGENTS):
    with pytest.raises(DataFileError) as info:
        load_table("data/test.tsv", text, table)
    assert info.value.code == code
    assert "data/test.tsv" in str(info.value)
    return info.value


def test_a_good_table_loads_with_its_lines():
    rows = load_table("data/test.tsv", HEADER + "police\tCOP\tagent\n\n# more\npresident\tGOV\ttitle\n", AGENTS)
    assert rows.rows == [{"lemma": "police", "sector": "COP", "kind": "agent"},
                         {"lemma": "president", "sector": "GOV", "kind": "title"}]
    assert rows.lines == [3, 6]


def test_a_missing_column_is_refused():
    err = refuse("E027", HEADER + "police\tCOP\tagent\npresident\tGOV\n")
    assert err.params["line"] == 4 and "kind" in str(err)
    err = refuse("E027", "# a comment\nlemma\tsector\npolice\tCOP\n")
    assert err.params["line"] == 2
    refuse("E027", "# only comments\n")


def test_a_duplicate_entry_is_refused_with_both_lines():
    err = refuse("E028", HEADER + "police\tCOP\tagent\narmy\tMIL\tagent\nPolice\tCOP\tagent\n")
    assert err.params["line"] == 5 and err.params["first"] == 3
    # the key is (lemma, kind): the same lemma as a title is another entry
    load_table("data/test.tsv", HEADER + "premier\tGOV\tagent\npremier\tGOV\ttitle\n", AGENTS)


def test_bad_values_are_refused():
    refuse("E030", HEADER + "police\tCOP\tofficer\n")          # not an allowed value
    refuse("E030", HEADER + "police\t\tagent\n")               # required field empty
    refuse("E030", HEADER + "\tCOP\tagent\n")                  # empty key
    refuse("E030", HEADER + "police\tCOP\tagent\textra\n")     # a field too many
    refuse("E030", HEADER + "police \tCOP\tagent\n")           # spaces around a value
    refuse("E030", "lemma\tkind\tsector\n")                    # columns in another order
    counts = Table((Column("word"), Column("count", "int", required=True)), key=("word",))
    err = refuse("E030", "word\tcount\ntwo\t2\nthree\tthree\n", counts)
    assert err.params["line"] == 3


CUES = Record({"verbs": Record({"clausal": Words(), "media": Mapping(Text())}),
               "min_words": Number(), "platforms": Words()}, optional=("platforms",))


def load(text):
    return load_document("data/test.json", text, CUES)


def test_a_good_document_loads_without_its_notes():
    doc = load('{"_about": "cues", "verbs": {"clausal": ["say", "tell"], "media": {"tweet": "Twitter"}},\n'
               ' "min_words": 3}')
    assert doc == {"verbs": {"clausal": ["say", "tell"], "media": {"tweet": "Twitter"}}, "min_words": 3}


def refuse_doc(code, text):
    with pytest.raises(DataFileError) as info:
        load(text)
    assert info.value.code == code and "data/test.json" in str(info.value)
    return info.value


def test_an_unknown_key_is_refused_with_its_line():
    err = refuse_doc("E029", '{"verbs": {"clausal": ["say"], "media": {},\n "clausual": ["tell"]},\n "min_words": 3}')
    assert err.params["line"] == 2 and "verbs.clausual" in str(err)


def test_a_duplicate_entry_in_a_list_or_object_is_refused():
    err = refuse_doc("E028", '{"verbs": {"clausal": [\n"say",\n"tell",\n"Say"], "media": {}}, "min_words": 3}')
    assert err.params["line"] == 4 and err.params["first"] == 2
    err = refuse_doc("E028", '{"verbs": {"clausal": [], "media": {}},\n"min_words": 3,\n"min_words": 4}')
    assert err.params["line"] == 3


def test_missing_keys_and_wrong_types_are_refused():
    refuse_doc("E030", '{"verbs": {"clausal": [], "media": {}}}')
    refuse_doc("E030", '{"verbs": {"clausal": "say", "media": {}}, "min_words": 3}')
    refuse_doc("E030", '{"verbs": {"clausal": [], "media": {"tweet": 1}}, "min_words": 3}')
    refuse_doc("E030", '{"verbs": {"clausal": [], "media": {}}, "min_words": "3"}')
    refuse_doc("E030", '{"verbs": {"clausal": [], "media": {}}, "min_words": 3, "_note": 5}')
    refuse_doc("E030", '{"verbs": {"clausal": [], "media": {}}, "min_words": 3} trailing')
    refuse_doc("E030", '{"verbs": {"clausal": [], "media": {}}, "min_words": 3')


def test_an_undeclared_file_is_refused():
    with pytest.raises(DataFileError) as info:
        datafiles.table("nowhere.tsv")
    assert info.value.code == "E031"
