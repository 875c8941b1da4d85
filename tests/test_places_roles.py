"""Associative places (demonyms, actor modifiers, places inside organisation names), places the
tagger calls persons, state qualifiers, and the other mentions of a resolved name. Sentences
written for these tests."""
from __future__ import annotations


def _places(doc, role=None):
    return [p for p in doc["places"] if role is None or p["role"] == role]


def _named(doc, country, role):
    return [p for p in _places(doc, role) if p["country"] == country]


def test_demonyms_are_associative_places(extract_text):
    doc = extract_text("Russian officials met British troops near the border on Monday.")
    assert _named(doc, "RU", "associative") and _named(doc, "GB", "associative")
    assert not _places(doc, "literal")
    russian = _named(doc, "RU", "associative")[0]
    assert russian["feature"] == "country" and russian["mentions"][0]["text"] == "Russian"


def test_event_location_reads_literal_places_only(extract_text):
    doc = extract_text("Russian troops shelled Kharkiv on Monday, killing two people.")
    kharkiv = [p for p in _places(doc, "literal") if p["name"] == "Kharkiv"][0]
    assert _named(doc, "RU", "associative")
    assault = [e for e in doc["events"] if e["type"] == "ASSAULT"][0]
    assert assault["place"]["id"] == kharkiv["id"]


def test_actor_modifier_is_associative(extract_text):
    doc = extract_text("Kenyan police arrested 12 protesters in Nairobi on Friday.")
    assert [p["name"] for p in _places(doc, "literal")] == ["Nairobi"]
    assert _named(doc, "KE", "associative")[0]["name"] == "Kenyan"
    arrest = [e for e in doc["events"] if e["type"] == "COERCE"][0]
    assert arrest["place"]["name"] == "Nairobi"


def test_country_inside_an_organisation_name(extract_text):
    doc = extract_text("The Bank of Japan raised interest rates on Tuesday, and the yen rose.")
    japan = _named(doc, "JP", "associative")
    assert japan and japan[0]["mentions"][0]["text"] == "Japan"
    assert not _places(doc, "literal")


def test_state_inside_an_organisation_name_in_context(extract_text):
    doc = extract_text("COLUMBUS, Ohio (AP) - A convicted killer has asked the Ohio Supreme Court to delay "
                       "his execution.")
    court = [p for p in _places(doc, "associative") if p["mentions"][0]["start"] == 55]
    assert court and court[0]["feature"] == "admin1" and court[0]["country"] == "US"


def test_no_place_from_an_organisation_word(extract_text):
    """'Police' is also a town in Poland; 'Department' is no name."""
    doc = extract_text("The Texas Department of Public Safety said police closed the highway in Austin.")
    texts = {m["text"] for p in doc["places"] for m in p["mentions"]}
    assert "Texas" in texts and "Texas Department" not in texts
    assert not any(p["country"] == "PL" for p in doc["places"])


def test_town_tagged_person_after_in(extract_text):
    doc = extract_text("Heavy rain flooded streets in Cirencester on Monday. Cirencester residents were told "
                       "to stay at home.")
    town = [p for p in doc["places"] if p["name"] == "Cirencester"]
    assert town and town[0]["country"] == "GB" and town[0]["role"] == "literal"
    assert len(town[0]["mentions"]) == 2  # the second mention is linked to the resolved name


def test_state_qualifier_is_listed_but_no_event_place(extract_text):
    doc = extract_text("Police arrested two men in Paris, Texas, on Sunday.")
    texas = [p for p in doc["places"] if p["name"] == "Texas"]
    assert texas and texas[0]["role"] == "literal" and texas[0]["feature"] == "admin1"
    arrest = [e for e in doc["events"] if e["type"] == "COERCE"][0]
    assert arrest["place"]["name"] == "Paris"


# ---------------------------------------------------------------------------------------------
# ACLED geo-precision of an event's place


def _assault(doc):
    return [e for e in doc["events"] if e["type"] == "ASSAULT"][0]


def test_precision_town_itself(extract_text):
    doc = extract_text("A car bomb exploded in Kabul on Tuesday, killing four people.")
    place = _assault(doc)["place"]
    assert place["name"] == "Kabul" and place["precision"] == 1


def test_precision_near_a_town(extract_text):
    doc = extract_text("Gunmen attacked a police checkpoint near Kandahar on Tuesday, killing two officers.")
    place = _assault(doc)["place"]
    assert place["name"] == "Kandahar" and place["precision"] == 2


def test_precision_country_only(extract_text):
    doc = extract_text("Gunmen attacked a police checkpoint in Nigeria on Tuesday, killing two officers.")
    place = _assault(doc)["place"]
    assert place["country"] == "NG" and place["precision"] == 3


def test_place_nouns_come_from_the_data_file():
    import pytest

    from newsevents.extractors.places import cues
    from newsevents.vocabulary import place_nouns

    assert "oblast" in place_nouns("after_admin") and "port city" in place_nouns("demonym_of")
    assert cues.ADMIN_HINT.match(" Oblast was shelled") and not cues.ADMIN_HINT.match(" police said")
    assert cues.DEMONYM_BEFORE.search("the Syrian port city of ")
    with pytest.raises(ValueError):
        place_nouns("no_such_use")
