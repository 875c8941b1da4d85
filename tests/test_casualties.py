"""Casualties: kinds, counts from digits and words, victims' group, no invented deaths."""
from __future__ import annotations

import pytest

STAGES = ["entities", "events", "casualties"]


@pytest.fixture(scope="module")
def cas(extract_text):
    def run(text):
        doc = extract_text(text, extractors=STAGES)
        return doc["casualties"], doc["events"]
    return run


CASES = [
    ("One Serb was shot in the back on Friday.", "injured", 1, "Serb"),
    ("Six police officers were injured in the clashes.", "injured", 6, "police officers"),
    ("A roadside bomb killed 14 soldiers near Samarra.", "killed", 14, "soldiers"),
    ("Gunmen shot dead two policemen in Karachi.", "killed", 2, "policemen"),
    ("Police arrested a dozen protesters outside the embassy.", "arrested", 12, "protesters"),
    ("Troops detained three journalists at the border.", "arrested", 3, "journalists"),
    ("Militants kidnapped four aid workers in the north.", "missing", 4, "aid workers"),
    ("The airstrikes killed more than 20 militants.", "killed", 20, "militants"),
]


@pytest.mark.parametrize("text,kind,count,who", CASES)
def test_casualty_counts(cas, text, kind, count, who):
    items, _ = cas(text)
    hit = [c for c in items if c["kind"] == kind]
    assert hit, items
    assert hit[0]["count"] == count
    assert who in hit[0]["who"]


def test_dozens_is_approximate(cas):
    items, _ = cas("Dozens of protesters were injured when police charged the crowd.")
    hit = [c for c in items if c["kind"] == "injured"]
    assert hit and hit[0]["count"] == 12 and hit[0]["approximate"] is True


def test_more_than_is_approximate(cas):
    items, _ = cas("The airstrikes killed more than 20 militants.")
    assert items[0]["approximate"] is True


def test_shot_is_not_killed(cas):
    items, _ = cas("One Serb was shot in the back on Friday.")
    assert all(c["kind"] != "killed" for c in items)


def test_no_death_invented(cas):
    items, _ = cas("Police fired tear gas to disperse the protesters; nobody was hurt.")
    assert all(c["kind"] != "killed" for c in items)


def test_negated_not_counted(cas):
    items, _ = cas("No one was killed in the attack, the army said.")
    assert all(c["kind"] != "killed" for c in items)


def test_linked_to_event_and_sector(cas):
    items, events = cas("Israeli soldiers arrested more than 100 Palestinians in Hebron on Saturday.")
    c = [c for c in items if c["kind"] == "arrested"][0]
    assert c["count"] == 100 and c["approximate"]
    ev = [e for e in events if e["id"] == c["event"]][0]
    assert ev["type"] == "COERCE" and ev["mode"] == "arrest"


def test_repeated_reports_merged(cas):
    items, _ = cas("Six police officers injured in the raid. A statement said six police officers were injured.")
    assert len([c for c in items if c["kind"] == "injured"]) == 1


@pytest.mark.slow
def test_reference_article_casualties(kosovo):
    got = sorted((c["kind"], c["count"]) for c in kosovo["casualties"])
    assert ("injured", 1) in got and ("injured", 6) in got
    assert not any(k == "killed" for k, _ in got)
    serb = [c for c in kosovo["casualties"] if c["count"] == 1][0]
    assert "Serb" in serb["who"]


def test_predicative_states(cas):
    items, _ = cas("At least 12 people are dead and 30 are missing after the attack.")
    got = {(c["kind"], c["count"]) for c in items}
    assert ("killed", 12) in got and ("missing", 30) in got


def test_no_one_dead(cas):
    items, _ = cas("No one was dead after the storm hit the coast.")
    assert items == []


def test_death_toll(cas):
    items, _ = cas("The death toll from the bombing rose to 45, officials said.")
    assert [(c["kind"], c["count"]) for c in items] == [("killed", 45)]


def test_attack_that_killed_is_not_a_victim(cas):
    items, _ = cas("The United States condemned the attack on Camp Hurriya that killed a resident.")
    assert [(c["kind"], c["count"], c["who"]) for c in items] == [("killed", 1, "resident")]


def test_hundreds_of_thousands(cas):
    items, _ = cas("Hundreds of thousands of Syrians have been killed since 2011.")
    assert items[0]["count"] == 100000 and items[0]["approximate"] and items[0]["who"] == "Syrians"


def test_killed_and_injured_share_one_total(cas):
    items, _ = cas("More than 60 civilians were killed and injured in the bombings.")
    got = {c["kind"]: c["count"] for c in items}
    assert got["killed"] == 60 and got["injured"] is None
