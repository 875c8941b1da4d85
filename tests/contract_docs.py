"""Hand-made newsevents/1 documents for store, export and CLI tests (they validate against the schema).

Events are built from phrases found in the text, so every evidence span slices the text exactly.
"""
from __future__ import annotations

import hashlib

from newsevents.contract import validate


def span(text: str, phrase: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def actor(name: str, sector: str | None = None, country: str | None = None, country2: str | None = None) -> dict:
    return {"name": name, "entity": None, "sector": sector, "country": country, "country2": country2}


def make_doc(article_id: str, text: str, *, published: str | None = "2021-10-13", events: list[dict] = (),
             places: list[dict] = (), quotes: list[dict] = (), casualties: list[dict] = (), dates: list[dict] = (),
             entities: list[dict] = (), title: str | None = None) -> dict:
    doc = {
        "schema": "newsevents/1",
        "article": {"id": article_id, "title": title or f"Title of {article_id}", "published": published,
                    "outlet": "example.org", "url": f"https://example.org/{article_id}", "author": None,
                    "via": [], "language": "en", "text_sha256": hashlib.sha256(text.encode()).hexdigest()},
        "text": text,
        "entities": list(entities), "places": list(places), "events": list(events), "quotes": list(quotes),
        "casualties": list(casualties), "dates": list(dates), "warnings": [],
    }
    validate(doc)
    return doc


def event(text: str, n: int, type: str, evidence: str, *, trigger: str | None = None, actors=(), recipients=(),
          place=None, date=None, mode=None, modality="asserted", negated=False, **extra) -> dict:
    item = {"id": f"evt{n}", "type": type, "mode": mode, "actor": list(actors), "recipient": list(recipients),
            "place": place, "date": date, "negated": negated, "modality": modality, "reported_by": None,
            "magnitude": None, "evidence": span(text, evidence)}
    if trigger:
        item["trigger"] = span(text, trigger)
    item.update(extra)
    return item


MITROVICA = {"name": "Mitrovica", "lat": 42.8914, "lon": 20.8660, "country": "XK"}
BELGRADE = {"name": "Belgrade", "lat": 44.8176, "lon": 20.4633, "country": "RS"}
ALEPPO = {"name": "Aleppo", "lat": 36.2021, "lon": 37.1343, "country": "SY"}


def kosovo_doc(article_id: str = "kosovo-demo", suffix: str = "") -> dict:
    """A small article with three events, two places, a quote, a casualty and a date."""
    text = ("Kosovo police raided shops in Mitrovica on Wednesday. One Serb was shot and six officers were injured. "
            "Serbian President Aleksandar Vucic accused Pristina of terror. "
            "\u201cThe violence must stop,\u201d said Josep Borrell in Brussels." + suffix)
    places = [{"id": "plc1", "name": "Mitrovica", "geonameid": 786714, "lat": 42.8914, "lon": 20.866, "country": "XK",
               "admin1": None, "feature": "city", "evidence": span(text, "Mitrovica"),
               "mentions": [span(text, "Mitrovica")]},
              {"id": "plc2", "name": "Brussels", "geonameid": 2800866, "lat": 50.8505, "lon": 4.3488, "country": "BE",
               "admin1": None, "feature": "city", "evidence": span(text, "Brussels")}]
    dates = [{"id": "dat1", "value": "2021-10-13", "precision": "day", "relative": True,
              "evidence": span(text, "Wednesday")}]
    events = [
        event(text, 1, "COERCE", "Kosovo police raided shops", trigger="raided", mode="raid",
              actors=[actor("Kosovo police", "COP", "XKX", "XK")], recipients=[actor("shops", "CIV")],
              place={"id": "plc1"}, date={"id": "dat1"}),
        event(text, 2, "ASSAULT", "One Serb was shot", trigger="shot", mode="firearms",
              recipients=[actor("One Serb", "CIV", "SRB", "RS")], place=dict(MITROVICA),
              date={"value": "2021-10-13", "precision": "day"}),
        event(text, 3, "ACCUSE", "Aleksandar Vucic accused Pristina of terror", trigger="accused",
              actors=[actor("Aleksandar Vucic", "GOV", "SRB", "RS")], recipients=[actor("Pristina", "GOV", "XKX", "XK")],
              place=None, date=None, disputed=True),
    ]
    quotes = [{"id": "quo1", "kind": "direct", "text": "The violence must stop,",
               **{k: v for k, v in span(text, "The violence must stop,").items() if k != "text"},
               "speaker": {"name": "Josep Borrell", "entity": None, "role": "EU foreign policy chief"},
               "cue": span(text, "said"), "via": [], "evidence": span(text, "\u201cThe violence must stop,\u201d")}]
    casualties = [{"id": "cas1", "kind": "injured", "count": 6, "approximate": False, "who": "officers",
                   "event": "evt2", "evidence": span(text, "six officers were injured")}]
    entities = [{"id": "ent1", "name": "Aleksandar Vucic", "label": "PERSON", "evidence": span(text, "Aleksandar Vucic"),
                 "mentions": [span(text, "Aleksandar Vucic")]},
                {"id": "ent2", "name": "Mitrovica", "label": "GPE", "evidence": span(text, "Mitrovica"),
                 "mentions": [span(text, "Mitrovica")]}]
    return make_doc(article_id, text, events=events, places=places, quotes=quotes, casualties=casualties,
                    dates=dates, entities=entities)


def numbered_doc(n: int, *, type: str = "ASSAULT", place: dict | None = None, published: str = "2020-01-01") -> dict:
    """Article number ``n`` with three events of ``type`` (distinct texts, so distinct hashes)."""
    text = (f"Report {n}. Militants attacked a convoy near the border. Troops shelled a village. "
            f"Police arrested {n} suspects.")
    events = [event(text, 1, type, "Militants attacked a convoy", actors=[actor("Militants", "REB")], place=place),
              event(text, 2, type, "Troops shelled a village", actors=[actor("Troops", "MIL")], place=place),
              event(text, 3, type, f"Police arrested {n} suspects", actors=[actor("Police", "COP")], place=place)]
    return make_doc(f"report-{n}", text, published=published, events=events)
