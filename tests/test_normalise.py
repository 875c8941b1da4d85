"""Mis-encoded and case-folded text is parsed from a repaired copy; the contract keeps the stored
text and every offset slices it (W011 says what was repaired)."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from newsevents.contract import validate
from newsevents.ingest.normalise import describe, is_case_folded, normalise

MOJIBAKE = ("ahmedabad: the policeâ€™s version was disputed. â€œwe fired only after the mob set the "
            "chowki on fire,â€� the inspector said.Â  curfew was clamped on six areas of the walled city, "
            "and the police said the situation was under control by evening. the collector said i will "
            "review the arrangements with the officers tomorrow.")


def test_mojibake_repaired_with_spans_back_to_the_stored_text():
    norm = normalise(MOJIBAKE)
    assert "police’s" in norm.text and "“we fired" in norm.text and "fire,” the" in norm.text
    assert "Â" not in norm.text and "â€" not in norm.text
    s = norm.text.index("police’s")
    a, b = norm.span(s, s + len("police’s"))
    assert MOJIBAKE[a:b] == "policeâ€™s"
    s = norm.text.index("“we")
    assert MOJIBAKE[slice(*norm.span(s, s + 3))] == "â€œwe"
    assert ("â€™", "’") in norm.repairs and ("â€\ufffd", "”") in norm.repairs
    assert "'â€™' → '’' ×1" in describe(norm)


def test_case_folded_text_gets_sentence_capitals_and_keeps_offsets():
    norm = normalise(MOJIBAKE)
    assert norm.recased and norm.text.startswith("Ahmedabad:")
    assert " The collector said I will" in norm.text
    clean = "Police said the situation was calm. " * 10
    assert not normalise(clean).changed and not is_case_folded(clean)


def test_clean_text_is_left_alone():
    text = "Real “curly quotes”, an em dash — and café in Zürich stay as they are. " * 5
    norm = normalise(text)
    assert not norm.changed and norm.span(3, 9) == (3, 9)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["the police", "â€™s", "â€œ", "â€�", "Â ", "fired", " ", ". ", "café", "—", "x"]),
                max_size=40))
def test_every_parse_span_maps_inside_the_stored_text(pieces):
    text = "".join(pieces)
    norm = normalise(text)
    n = len(norm.text)
    for s in range(0, n + 1, max(1, n // 7)):
        for e in (s, min(n, s + 3), n):
            a, b = norm.span(s, e)
            assert 0 <= a <= b <= len(text)


def test_extraction_of_mojibake_keeps_the_stored_text(extract_text):
    doc = extract_text(MOJIBAKE, published="2002-03-06")
    assert doc["text"] == MOJIBAKE
    validate(doc)  # every evidence span slices the stored text
    codes = [w["code"] for w in doc["warnings"]]
    assert "W011" in codes
    quote = [q for q in doc["quotes"] if "we fired" in q["text"]]
    assert quote and MOJIBAKE[quote[0]["start"]:quote[0]["end"]] == quote[0]["text"]
