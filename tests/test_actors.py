"""Actor typing: sector, country (alpha-3 + alpha-2), role, IGOs, generic actors."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def actor(nlp, extract_text):
    from newsevents.contract import Result
    from newsevents.extractors.entities import extract_entities
    from newsevents.ingest.text import article_from_text
    from newsevents.resolve.actors import resolve_token

    def run(text: str, head: str) -> dict | None:
        doc = nlp(text)
        result = Result(article_from_text(text, id="t"), text=doc.text)
        extract_entities(doc, result)
        tok = [t for t in doc if t.text == head][0]
        return resolve_token(doc, tok, result)

    return run


@pytest.mark.parametrize("text,head,sector,country", [
    ("Kosovo police said the raids were over.", "police", "COP", "XKX"),
    ("Serbian President Aleksandar Vucic left Belgrade.", "Vucic", "GOV", "SRB"),
    ("NATO said it was ready.", "NATO", "IGO", "IGO"),
    ("KFOR said it was ready.", "KFOR", "IGO", "IGO"),
    ("The EU said it was ready.", "EU", "IGO", "IGO"),
    ("Protesters gathered in the square.", "Protesters", "CVL", None),
    ("Criminal groups blocked the roads.", "groups", "CRM", None),
    ("A crowd gathered in the square.", "crowd", "CVL", None),
    ("Israeli soldiers entered the town.", "soldiers", "MIL", "ISR"),
    ("Afghan rebels fired rockets.", "rebels", "REB", "AFG"),
    ("The Latvian Constitutional Court ruled on Monday.", "Court", "JUD", "LVA"),
])
def test_actor_typing(actor, text, head, sector, country):
    a = actor(text, head)
    assert a is not None
    assert a["sector"] == sector
    assert a["country"] == country


def test_alpha2_and_role(actor):
    a = actor("Serbian Prime Minister Ana Brnabic spoke.", "Brnabic")
    assert a["country2"] == "RS" and a["role"] == "Prime Minister" and a["name"] == "Ana Brnabic"


def test_kosovo_alpha2(actor):
    assert actor("Kosovo police said the raids were over.", "police")["country2"] == "XK"


def test_not_an_actor(actor):
    assert actor("The weather on Sunday was mild.", "weather") is None
    assert actor("The weather on Sunday was mild.", "Sunday") is None


def test_apposition_gives_type(actor):
    a = actor("Petar Petkovic, a Serbian government official, spoke.", "Petkovic")
    assert a["sector"] == "GOV" and a["country"] == "SRB"


def test_tables_from_data():
    from newsevents.resolve.actors import tables
    t = tables()
    assert t.country_of("Serbs") == "SRB"
    assert t.country_of("Hungarian") == "HUN"
    assert t.igo_of("the European Union")[1] == "EUR"


def test_entity_index_with_identical_mentions():
    """Two entities may share a mention span (a coref nominal): the index must not compare them."""
    from newsevents.contract import Result
    from newsevents.ingest.text import article_from_text
    from newsevents.resolve.actors import entity_at

    text = "Kosovo police said the police arrested two men."
    result = Result(article_from_text(text, id="t"))
    m = {"start": 0, "end": 13, "text": "Kosovo police"}
    result.add("entities", {"name": "Kosovo police", "label": "ORG", "mentions": [dict(m)], "evidence": dict(m)})
    result.add("entities", {"name": "Kosovo Police", "label": "ORG", "mentions": [dict(m)], "evidence": dict(m)})
    assert entity_at(result, 7, 13)["id"] == "ent1"
    assert entity_at(result, 30, 38) is None


@pytest.mark.parametrize("word,a3", [("Serbs", "SRB"), ("Serb", "SRB"), ("Kosovar", "XKX"), ("Congolese", "COD"),
                                     ("Chadians", "TCD"), ("Kremlin", "RUS"), ("Kurds", None)])
def test_demonyms_from_the_shared_table_and_ours(word, a3):
    """Actors read the project's shared demonym table after their own ethnonyms and metonyms."""
    from newsevents.resolve.actors import tables
    assert tables().country_of(word) == a3
