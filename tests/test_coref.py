"""Coreference: pronoun and definite-description mentions appended to the right entity."""
from __future__ import annotations

import newsevents
from newsevents.contract import validate


def _entities(text: str) -> dict[str, dict]:
    doc = newsevents.extract(text, extractors=["coref"])
    validate(doc)
    return {e["name"]: e for e in doc["entities"]}


def _added(entity: dict, kind: str = "pronoun") -> list[str]:
    return [m["text"] for m in entity["mentions"] if m.get("kind") == kind]


def test_kosovo_brnabic_four_mentions_with_she(kosovo):
    brnabic = next(e for e in kosovo["entities"] if e["name"] == "Ana Brnabic")
    assert len(brnabic["mentions"]) >= 4
    assert "she" in _added(brnabic)


def test_kosovo_his_office_and_he_are_vucic(kosovo):
    vucic = next(e for e in kosovo["entities"] if e["name"] == "Aleksandar Vucic")
    assert _added(vucic).count("his") >= 1 and "he" in _added(vucic)
    text = kosovo["text"]
    office = text.index("his office said")
    assert any(m["start"] == office for m in vucic["mentions"])


def test_kosovo_borrell_tweet(kosovo):
    borrell = next(e for e in kosovo["entities"] if e["name"] == "Josep Borrell")
    assert _added(borrell) == ["he"]


def test_kosovo_pronouns_inside_quotes_left_alone(kosovo):
    """"He is in intensive care" (inside Elek's quote) is about the patient, not Elek."""
    text = kosovo["text"]
    he_in_quote = text.index("He is in intensive care")
    for e in kosovo["entities"]:
        assert all(m["start"] != he_in_quote for m in e["mentions"]), e["name"]


def test_kosovo_his_lungs_is_not_petkovic(kosovo):
    text = kosovo["text"]
    lungs = text.index("his lungs")
    petkovic = next(e for e in kosovo["entities"] if e["name"] == "Petar Petkovic")
    assert all(m["start"] != lungs for m in petkovic["mentions"])


def test_pronoun_mentions_slice_the_text(kosovo):
    for e in kosovo["entities"]:
        for m in e["mentions"]:
            assert kosovo["text"][m["start"]:m["end"]] == m["text"]
        starts = [m["start"] for m in e["mentions"]]
        assert starts == sorted(starts)


def test_she_to_most_salient_subject(nlp):
    ents = _entities("Angela Merkel met Emmanuel Macron in Paris. She said the talks went well.")
    assert _added(ents["Angela Merkel"]) == ["She"]
    assert _added(ents["Emmanuel Macron"]) == []


def test_gender_learnt_from_title(nlp):
    ents = _entities("Mrs Theresa May met Emmanuel Macron in Paris on Monday. Later he said the talks went well.")
    assert _added(ents.get("Emmanuel Macron", {"mentions": []})) == ["he"]


def test_pronoun_object_is_not_its_own_subject(nlp):
    ents = _entities("Angela Merkel met Emmanuel Macron in Paris. Merkel praised him.")
    assert "him" not in _added(ents["Angela Merkel"])


def test_it_said_goes_to_organisation_not_person(nlp):
    ents = _entities("The United Nations sent envoy Martin Griffiths to Yemen. It said aid would arrive soon.")
    assert "It" not in _added(ents["Martin Griffiths"])
    un = ents.get("The United Nations") or ents.get("United Nations")
    assert un is not None and _added(un) == ["It"]


def test_nominal_title_mention(nlp):
    ents = _entities("Pentagon Press Secretary Peter Cook spoke on Monday. In Syria, the press secretary said, forces advanced.")
    assert _added(ents["Peter Cook"], "nominal") == ["press secretary"]


def test_no_antecedent_no_mention(nlp):
    ents = _entities("He said the talks went well in Geneva.")
    assert all(not _added(e) for e in ents.values())
