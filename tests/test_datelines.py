"""Datelines (newsevents.datelines): one grammar for every stage, and a dateline is never an actor
(issue 18 point 3: an outlet that is not a known wire, "KHARTOUM, May 14 (Daily Courier) - …")."""
import pytest

import newsevents
from newsevents import datelines


@pytest.mark.parametrize("text, place, date, outlet", [
    ("KHARTOUM, May 14 (Daily Courier) - Gunmen attacked", "KHARTOUM", "May 14", "Daily Courier"),
    ("KYIV, Ukraine, March 3 (Reuters) - The army said", "KYIV", "March 3", "Reuters"),
    ("GAZA (AP) — Israeli jets struck", "GAZA", None, "AP"),
    ("WASHINGTON — The Senate voted", "WASHINGTON", None, None),
    ("THE HAGUE, Netherlands -- A prosecutor charged", "THE HAGUE", None, None),
    ("Baghdad, Oct. 5, 2023 (Tigris Weekly) - Officials said", "Baghdad", "Oct. 5, 2023", "Tigris Weekly"),
    ("Port Harcourt (Delta Monitor) – Youths blocked", "Port Harcourt", None, "Delta Monitor"),
])
def test_dateline_forms(text, place, date, outlet):
    found = datelines.match(text)
    assert found is not None
    assert text[slice(*found.place)] == place
    assert (text[slice(*found.date)] if found.date else None) == date
    assert (text[slice(*found.outlet)] if found.outlet else None) == outlet
    assert text[found.end:][:1].isupper()  # the story starts after it


@pytest.mark.parametrize("text", [
    "NATO, the alliance, said on Monday that",      # no dash: a sentence, not a dateline
    "WABC-TV reports that a man was arrested",      # a hyphen inside a name
    "Baghdad - the capital - was quiet",            # a title-case place needs a date or an outlet
    "The minister (a former general) - who resigned",
    "police said - without giving details",
])
def test_not_datelines(text):
    assert datelines.match(text) is None


def test_a_dateline_opening_a_later_paragraph_and_its_end():
    text = "First paragraph.\nMOSUL, Iraq (Nineveh Post) - Fighting resumed."
    start = text.index("MOSUL")
    assert datelines.end_of(text, start) == text.index("Fighting")
    assert datelines.end_of(text, 0) == 0
    assert datelines.opening_place("NIAMEY (Reuters) - Soldiers") == (0, 6)


def actors_of(text, published="2024-05-15"):
    doc = newsevents.extract(text, published=published)
    return doc, [(e["type"], [a["name"] for a in e.get("actor") or []]) for e in doc["events"]]


@pytest.mark.parametrize("outlet", ["Daily Courier", "Reuters"])
def test_the_dateline_city_is_not_the_actor(outlet):
    doc, events = actors_of(f"KHARTOUM, May 14 ({outlet}) - Armed men attacked a market in the city on "
                            "Tuesday, killing three people, witnesses said.")
    assert ("ASSAULT", ["Armed men"]) in events
    assert not any("KHARTOUM" in name for _, names in events for name in names)
    assert any(p["name"] == "KHARTOUM" for p in doc["places"])  # still where the story was filed


def test_an_unknown_outlet_dateline_before_an_arrest():
    _, events = actors_of("NAIROBI, June 2 (Coastal Herald) - Police arrested twelve protesters outside "
                          "parliament on Monday, a spokesman said.", published="2024-06-03")
    assert events and all("NAIROBI" not in name for _, names in events for name in names)
    assert any(names == ["Police"] for _, names in events)
