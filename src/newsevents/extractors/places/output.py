"""The places stage's output: one place per referent (and direction) with every mention as
evidence, the mention records later stages read (how each is used, how specific its place is)."""
from __future__ import annotations

import re
from collections import Counter

from ...resolve.gazetteer import Place
from ...stages import PlaceFindings
from .mention import Mention
from .roles import attributive, mention_role

ABBREVIATION = re.compile(r"^[A-Z](?:\.?[A-Z]){1,3}\.?$")  # "U.S.", "UK", "U.A.E."


def rank(place: Place, direction: str | None) -> float:
    """How specific a place is: city 3, admin1 2, country-level 1.5 (a country's region) or 1."""
    if place.feature == "city":
        return 3.0
    if place.feature == "admin1":
        return 2.0
    if place.feature == "country":
        return 1.5 if direction else 1.0
    return 1.5 if place.country else 1.0  # a listed region (Gaza Strip) or a sea/continent


def emit(doc, result, kept: list[Mention], gaz) -> None:
    groups: dict[tuple, list[Mention]] = {}
    roles = {}
    for m in sorted(kept, key=lambda m: m.start):
        key = (m.best.id, m.region[1] if m.region else None)
        groups.setdefault(key, []).append(m)
        roles[id(m)] = mention_role(doc, result.text, m.region[0] if m.region else m.start, m.end)
        if m.best.feature == "country" and m.region is None and not roles[id(m)]["locative"] \
                and ABBREVIATION.match(m.text) and attributive(doc, m.start, m.end):
            roles[id(m)]["modifier"] = True  # "U.S. efforts", "the U.S. commitment": an adjective
    # a place named only as a modifier ("U.S. airstrikes", "Kosovo police") or only as the state or
    # province qualifying a town ("Woodbridge, Virginia") is not listed; a place also named otherwise keeps only its
    # non-modifier mentions
    for key in list(groups):
        plain = [m for m in groups[key] if not roles[id(m)]["modifier"]]
        if plain and not all(m.qualifier for m in plain):
            groups[key] = plain
        else:
            del groups[key]
    relabelled = set()
    place_mentions = []
    for (place_id, direction), ms in sorted(groups.items(), key=lambda kv: kv[1][0].start):
        best = ms[0].best
        spans = [(m.region[0] if m.region else m.start, m.end) for m in ms]
        names = Counter(result.text[s:e] for s, e in spans)
        name = max(names, key=lambda n: (names[n], -spans[[result.text[s:e] for s, e in spans].index(n)][0]))
        admin = gaz.admin1(best.admin1) if best.admin1 and best.feature != "admin1" else None
        item = {
            "name": name,
            "geonameid": best.geonameid,
            "lat": round(best.lat, 5) if best.lat is not None else None,
            "lon": round(best.lon, 5) if best.lon is not None else None,
            "country": best.country,
            "admin1": admin.name if admin else (best.name if best.feature == "admin1" else None),
            "feature": "region" if direction else best.feature,
            "score": round(max(m.score for m in ms), 3),
            "mentions": [result.evidence(s, e) for s, e in spans],
            "evidence": result.evidence(*spans[0]),
        }
        pid = result.add("places", item)
        for m, (s, e) in zip(ms, spans):
            place_mentions.append({"start": s, "end": e, "place": pid, "feature": item["feature"],
                                   "rank": rank(best, direction), "source": m.source, **roles[id(m)]})
            if m.source == "person" and m.entity_id:
                relabelled.add(m.entity_id)
    for entity in result.entities:
        if entity["id"] in relabelled:
            entity["label"] = "GPE"
    result.stages.places = PlaceFindings(sorted(place_mentions, key=lambda p: p["start"]))
