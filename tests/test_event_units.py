"""Unit tests of the event stage's parts (frames, roles, suppression, merging) on parsed sentences,
beside the end-to-end tests of test_events.py."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsevents import datafiles
from newsevents.extractors.events import frames, lexicon as lexicon_mod
from newsevents.extractors.events.candidates import candidates
from newsevents.extractors.events.lexicon import FRAME_FLAGS, FRAME_KEYS, Trigger, lexicon, parse_frame, words
from newsevents.extractors.events.merge import dedupe, fold_nominals
from newsevents.extractors.events.roles import noun_roles, verb_roles
from newsevents.extractors.events.suppress import alleged_tokens, content_tokens, goal_tokens, kept_triggers

REPO = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def parse(nlp):
    return lambda text: nlp(text)


def tok(doc, word):
    return next(t for t in doc if t.text == word)


def trigger(frame: str, lemma="x", pos="V", typ="ASSAULT") -> Trigger:
    conds, flags = parse_frame(frame, "test", 1)
    return Trigger(lemma, None, pos, typ, None, (), conds, "content" in flags, "theme" in flags, "swap" in flags)


def holds(doc, word, frame, noun=False) -> bool:
    return frames.frame_ok(tok(doc, word), trigger(frame, pos="N" if noun else "V"), lexicon(), noun=noun)


# ------------------------------------------------------------------ the frame language


def test_every_frame_key_has_one_check_and_a_docs_row():
    assert set(frames.CHECKS) == set(FRAME_KEYS)
    doc = (REPO / "docs" / "events.md").read_text("utf-8")
    section = doc[doc.index("## Frame keys"):]
    documented = set(re.findall(r"^\| `([a-z_]+)", section, re.M))
    assert set(FRAME_KEYS) | set(FRAME_FLAGS) <= documented


@pytest.mark.parametrize("frame, code", [
    ("subjactor objfoo", "E029"),        # an unknown key
    ("obj", "E030"),                     # a key without its required value
    ("subjactor:people", "E030"),        # a value for a key that takes none
])
def test_the_loader_refuses_a_bad_frame(frame, code):
    with pytest.raises(datafiles.DataFileError) as err:
        parse_frame(frame, "data/events/plover_triggers.tsv", 12)
    assert err.value.code == code
    assert "plover_triggers.tsv" in str(err.value) and "line 12" in str(err.value)


def test_an_unknown_key_in_the_lexicon_file_stops_loading(monkeypatch):
    real = datafiles.table

    def table(name):
        rows = real(name)
        if name != "events/plover_triggers.tsv":
            return rows
        bad = datafiles.Rows(rows.path, [dict(r) for r in rows.rows], list(rows.lines))
        bad.rows[0]["frame"] = "subjactor objeverything"
        return bad

    monkeypatch.setattr(datafiles, "table", table)
    with pytest.raises(datafiles.DataFileError) as err:
        lexicon_mod.Lexicon()
    assert err.value.code == "E029" and "objeverything" in str(err.value)


def test_flags_are_not_conditions():
    conds, flags = parse_frame("subjactor content theme", "test", 1)
    assert conds == (("subjactor", ""),) and flags == {"content", "theme"}


def test_every_word_list_is_read_by_the_code():
    src = "\n".join(p.read_text("utf-8") for p in (REPO / "src" / "newsevents").rglob("*.py"))
    used = set(re.findall(r'words\("([a-z_]+)"\)', src))
    shipped = {row["list"] for row in datafiles.table("events/word_lists.tsv")}
    assert shipped == used, f"unused: {shipped - used}, missing: {used - shipped}"
    assert "carry" in words("light_verbs")


# ------------------------------------------------------------------ frame keys, one by one


def test_object_keys(parse):
    doc = parse("Police fired tear gas at the protesters in Nairobi.")
    assert holds(doc, "fired", "obj:@crowdctl")
    assert not holds(doc, "fired", "obj:@firearm")
    assert holds(doc, "fired", "noobj:@firearm")
    assert not holds(doc, "fired", "nodobj")
    assert holds(doc, "fired", "prep:at|on")
    assert not holds(doc, "fired", "noprep:at")
    assert holds(doc, "fired", "subjactor")


def test_objactor_takes_a_with_object_objgpe_does_not(parse):
    doc = parse("The envoy met with rebel leaders in Doha.")
    assert holds(doc, "met", "objactor")
    assert not holds(doc, "met", "objgpe")
    doc = parse("The minister visited Brussels on Monday.")
    assert holds(doc, "visited", "objgpe")


def test_objperson(parse):
    assert holds(parse("The king received the ambassador on Monday."), "received", "objperson")
    assert not holds(parse("The ministry received a letter on Monday."), "received", "objperson")


def test_objtarget(parse):
    assert holds(parse("Gunmen stormed the parliament building."), "stormed", "objtarget")
    assert not holds(parse("Gunmen stormed the stage."), "stormed", "objtarget")


def test_xcomp_and_noxcomp(parse):
    doc = parse("The minister called on the president to discuss the crisis.")
    assert holds(doc, "called", "xcomp:discuss")
    assert not holds(doc, "called", "xcomp:attack")
    assert not holds(doc, "called", "noxcomp")


def test_frompobj(parse):
    doc = parse("The rebels withdrew from the talks on Friday.")
    assert holds(doc, "withdrew", "frompobj:talks|negotiations")
    assert not holds(doc, "withdrew", "frompobj:treaty")


def test_comp(parse):
    assert holds(parse("A court found the two men guilty of murder."), "found", "comp:guilty|liable")
    assert not holds(parse("A court found the two men in the forest."), "found", "comp:guilty|liable")


def test_subjpeople(parse):
    assert holds(parse("Students protested outside the ministry."), "protested", "subjpeople")
    assert not holds(parse("The ministry protested on Monday."), "protested", "subjpeople")


def test_conjsubj(parse):
    assert holds(parse("Putin and Scholz met in Moscow."), "met", "conjsubj")
    assert not holds(parse("Putin met in Moscow."), "met", "conjsubj")


def test_advmod_amod_noamod(parse):
    assert holds(parse("He sexually abused two girls."), "abused", "advmod:sexually")
    doc = parse("A gas explosion killed five workers.")
    assert holds(doc, "explosion", "amod:gas", noun=True)
    assert not holds(doc, "explosion", "noamod:gas", noun=True)


def test_nominal_keys(parse):
    doc = parse("Troops carried out raids on the village.")
    assert holds(doc, "raids", "lightverb", noun=True)
    assert holds(doc, "raids", "arg", noun=True)
    assert holds(doc, "raids", "argstrict", noun=True)  # a light verb
    assert not holds(parse("The raids on the village killed five people."), "raids", "argstrict", noun=True)
    assert holds(parse("A car bomb killed five people."), "bomb", "kills", noun=True)
    assert holds(parse("Five people were killed in a car bomb explosion."), "explosion", "kills", noun=True)
    assert not holds(parse("The explosion was heard across the city."), "explosion", "kills", noun=True)


def test_lightverb_climbs_to_the_carrier(parse):
    doc = parse("The government declared a state of emergency in the capital.")
    assert holds(doc, "emergency", "lightverb:declare|impose", noun=True)
    assert not holds(doc, "emergency", "lightverb:lift", noun=True)


def test_arg_military_refuses_a_labour_strike(parse):
    assert not holds(parse("The workers went on strike on Monday."), "strike", "arg:military", noun=True)


# ------------------------------------------------------------------ roles


def test_verb_roles_active_and_passive(parse):
    lex = lexicon()
    doc = parse("Police arrested five protesters in Nairobi.")
    verb = tok(doc, "arrested")
    a, r, passive = verb_roles(verb, lex.verbs["arrest"][0], lex)
    assert [t.text for t in a] == ["Police"] and [t.text for t in r] == ["protesters"] and not passive
    doc = parse("Five protesters were arrested by police in Nairobi.")
    a, r, passive = verb_roles(tok(doc, "arrested"), lex.verbs["arrest"][0], lex)
    assert [t.text for t in a] == ["police"] and [t.text for t in r] == ["protesters"] and passive


def test_a_passive_without_by_has_no_actor(parse):
    lex = lexicon()
    doc = parse("Five protesters were arrested in Nairobi.")
    a, r, _ = verb_roles(tok(doc, "arrested"), lex.verbs["arrest"][0], lex)
    assert a == [] and [t.text for t in r] == ["protesters"]


def test_noun_roles(parse):
    lex = lexicon()
    doc = parse("Talks between the government and the rebels resumed in Doha.")
    a, r, light = noun_roles(tok(doc, "Talks"), lex)
    assert [t.text for t in a] == ["government"] and light is None
    doc = parse("The envoy held talks with the rebels in Doha.")
    a, r, light = noun_roles(tok(doc, "talks"), lex)
    assert [t.text for t in a] == ["envoy"] and [t.text for t in r] == ["rebels"] and light.text == "held"
    doc = parse("Israeli air strikes on Gaza killed ten people.")
    a, r, _ = noun_roles(tok(doc, "strikes"), lex)
    assert "Israeli" in [t.text for t in a] and [t.text for t in r] == ["Gaza"]


# ------------------------------------------------------------------ suppression and merging


def test_speech_content_is_not_an_event(parse):
    lex = lexicon()
    doc = parse("Serbian Prime Minister Ana Brnabic urged NATO to step in and stop the violence.")
    sent = next(doc.sents)
    cands = candidates(sent, lex)
    urged = tok(doc, "urged")
    assert tok(doc, "step").i in content_tokens(urged)
    kept = kept_triggers(cands, sent, lex, [])
    assert [t.text for t, _ in kept] == ["urged"]


def test_alleged_acts_and_goals(parse):
    doc = parse("Police arrested a man for allegedly offering cash to voters.")
    assert tok(doc, "offering").i in alleged_tokens(next(doc.sents))
    doc = parse("The activists marched so that the law is repealed.")
    assert tok(doc, "repealed").i in goal_tokens(next(doc.sents))


def test_a_noun_inside_a_verb_of_its_type_folds_into_it(parse):
    lex = lexicon()
    doc = parse("Two soldiers were killed in a roadside bomb attack.")
    sent = next(doc.sents)
    kept = kept_triggers(candidates(sent, lex), sent, lex, [])
    assert {t.text for t, _ in kept} >= {"killed", "attack"}
    assert [t.text for t, _ in fold_nominals(kept)] == ["killed"]


def test_dedupe_keeps_the_first_of_a_name_and_entity():
    a = {"name": "Police", "entity": None}
    b = {"name": "police", "entity": None}
    c = {"name": "Police", "entity": "e1"}
    assert dedupe([a, b, c]) == [a, c]


def test_objnotgpe_refuses_a_place_name(parse):
    assert holds(parse("Police raided a house in Pristina on Monday."), "raided", "objnotgpe")
    assert not holds(parse("Police raided Kosovo on Monday."), "raided", "objnotgpe")


def test_obj_or_subj(parse):
    frame = "obj_or_subj:@vehicle"
    assert holds(parse("Protesters set a police car on fire."), "set", frame)
    assert not holds(parse("Protesters set the town on fire."), "set", frame)


def test_an_unknown_word_class_is_refused():
    with pytest.raises(datafiles.DataFileError) as err:
        parse_frame("obj:@nosuchclass|ban", "data/events/plover_triggers.tsv", 7, classes={"aid": set()})
    assert err.value.code == "E030" and "@nosuchclass" in str(err.value)
