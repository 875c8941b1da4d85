"""The places stage's output: one place per referent (and direction) with every mention as
evidence, the mention records later stages read (how each is used, how specific its place is)."""
from __future__ import annotations

import re
from collections import Counter

from ...resolve.gazetteer import Place
from ...stages import PlaceFindings
from ...resolve.gazetteer import normalize
from .associative import demonym_mentions, org_places, other_mentions
from .context import PlaceContext
from .mention import Mention
from .roles import attributive, mention_role

ABBREVIATION = re.compile(r"^[A-Z](?:\.?[A-Z]){1,3}\.?$")  # "U.S.", "UK", "U.A.E."


def rank(place: Place, direction: str | None) -> float:
    """How specific a place is: city 3, admin2 (a county, a district) 2.5, admin1 2, country-level 1.5 (a country's region) or 1."""
    if place.feature == "city":
        return 3.0
    if place.feature == "admin2":
        return 2.5
    if place.feature == "admin1":
        return 2.0
    if place.feature == "country":
        return 1.5 if direction else 1.0
    return 1.5 if place.country else 1.0  # a listed region (Gaza Strip) or a sea/continent


def emit(doc, result, kept: list[Mention], gaz, ctx: PlaceContext | None = None) -> None:
    """List the places: literal ones from the kept mentions, then (with ``ctx``) the associative
    ones and the other mentions of resolved names (see :mod:`.associative`)."""
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
    modifiers: list[Mention] = []
    qualifiers: list[list[Mention]] = []  # "Virginia" in "Woodbridge, Virginia", named only so
    qualified: dict[tuple[int, int], str] = {}  # a qualifier's span → the place it qualifies
    for key in list(groups):
        plain = [m for m in groups[key] if not roles[id(m)]["modifier"]]
        modifiers += [m for m in groups[key] if roles[id(m)]["modifier"]]
        if plain and not all(m.qualifier for m in plain):
            groups[key] = plain
        else:
            if plain:
                qualifiers.append(plain)
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
            "role": "literal",
            "score": round(max(m.score for m in ms), 3),
            "mentions": [result.evidence(s, e) for s, e in spans],
            "evidence": result.evidence(*spans[0]),
        }
        pid = result.add("places", item)
        for m in ms:
            if m.container_span:
                qualified[m.container_span] = pid
        for m, (s, e) in zip(ms, spans):
            place_mentions.append({"start": s, "end": e, "place": pid, "feature": item["feature"],
                                   "rank": rank(best, direction), "source": m.source, **roles[id(m)]})
            if m.source == "person" and m.entity_id:
                relabelled.add(m.entity_id)
    for entity in result.entities:
        if entity["id"] in relabelled:
            entity["label"] = "GPE"
    if ctx is not None:
        literal = list(dict.fromkeys(pm["place"] for pm in place_mentions))
        for ms in qualifiers:  # listed, but no event is placed in a state named only to qualify a town
            item = place_item(result, ms[0].best, [(m.start, m.end) for m in ms], "literal", gaz,
                              round(max(m.score for m in ms), 3))
            item["qualifies"] = sorted({pid for span, pid in qualified.items()
                                        if any(span[0] <= m.start and m.end <= span[1] for m in ms)})
            literal.append(result.add("places", item))
        _associative(doc, result, kept, modifiers, literal, gaz, ctx)
    result.stages.places = PlaceFindings(sorted(place_mentions, key=lambda p: p["start"]))


def place_item(result, place: Place, spans: list[tuple[int, int]], role: str, gaz, score=None) -> dict:
    admin = gaz.admin1(place.admin1) if place.admin1 and place.feature != "admin1" else None
    names = Counter(result.text[s:e] for s, e in spans)
    return {
        "name": max(names, key=lambda n: (names[n], -min(s for s, e in spans if result.text[s:e] == n))),
        "geonameid": place.geonameid,
        "lat": round(place.lat, 5) if place.lat is not None else None,
        "lon": round(place.lon, 5) if place.lon is not None else None,
        "country": place.country,
        "admin1": admin.name if admin else (place.name if place.feature == "admin1" else None),
        "feature": place.feature,
        "role": role,
        "score": score,
        "mentions": [result.evidence(s, e) for s, e in sorted(spans)],
        "evidence": result.evidence(*min(spans)),
    }


def _associative(doc, result, kept, modifiers, literal_ids, gaz, ctx) -> None:
    taken = [(m.region[0] if m.region else m.start, m.end) for m in kept]
    items = {pid: result.get("places", pid) for pid in literal_ids}
    # the other mentions of each resolved name ("Iran's", a later "Toronto")
    names: dict[str, str] = {}
    resolved: dict[str, Place] = {}
    for m in kept:
        if m.region is None and not m.qualifier and m.best is not None:
            resolved.setdefault(normalize(m.text), m.best)
    for pid, item in items.items():
        for mention in item["mentions"]:
            text = mention["text"]
            if normalize(text) in resolved and text[:1].isupper():
                names.setdefault(text, pid)
    for pid, spans in other_mentions(result, names, taken).items():
        item = items[pid]
        item["mentions"] = sorted(item["mentions"] + [result.evidence(s, e) for s, e in spans],
                                  key=lambda x: x["start"])
    # associative: modifiers, places inside organisation names, demonyms
    found: dict[int, tuple[Place, list]] = {}
    for m in modifiers:
        found.setdefault(m.best.id, (m.best, []))[1].append((m.start, m.end))
    for s, e, place in org_places(doc, result, ctx, gaz, resolved, taken):
        found.setdefault(place.id, (place, []))[1].append((s, e))
    for s, e, cc in demonym_mentions(doc, result, taken):
        place = gaz.country(cc)
        if place is not None:
            found.setdefault(place.id, (place, []))[1].append((s, e))
            taken.append((s, e))
    for place, spans in sorted(found.values(), key=lambda v: min(v[1])):
        result.add("places", place_item(result, place, spans, "associative", gaz))
