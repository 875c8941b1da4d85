"""A place mention and what its surroundings say: an administrative or city word after it, a
demonym, country or possessive before it ("the Serbian town of", "Syria's"), an explicit container
after it ("Raska, Serbia", "Boni, in the Mopti region"), a directional phrase ("northern Mitrovica")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...resolve.gazetteer import Place, demonyms, normalize
from .context import PlaceContext
from .cues import (ADMIN_HINT, ADMIN_OF_BEFORE, APPOSITIVE_AFTER, CITY_HINT, CITY_OF_BEFORE, CONTAINER_AFTER,
                   CONTAINER_END, DEMONYM_BEFORE, IN_AFTER, NOT_PLACE_WORDS, POSSESSIVE_BEFORE, POSSESSIVE_PLACE,
                   REGION_BEFORE)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    source: str  # ner | person | scan
    candidates: tuple[Place, ...]
    entity_id: str | None = None
    hint: str | None = None  # admin1 | city
    container: tuple[str, str | None] | None = None  # (country, admin1 code or None)
    outside: tuple[str, str | None] | None = None  # an explicit container no candidate lies in ("Boni, in the Mopti region")
    demonym: str | None = None  # alpha-2 named just before ("the Serbian town of")
    region: tuple[int, str] | None = None  # (start of the directional phrase, its direction word)
    cued: bool = False  # a locative cue word was cut off the NER span ("Near Palmyra")
    margin: float = 0.0  # best score minus the runner-up's
    surname_like: bool = False  # right after a capitalised name word outside any entity
    label: str = ""  # the NER label of the entity it came from
    container_span: tuple[int, int] | None = None  # "Virginia" in "Woodbridge, Virginia" (admin1 only)
    qualifier: bool = False  # this mention only qualifies another ("Woodbridge, Virginia")
    sentence: int = 0
    paragraph: int = 0
    best: Place | None = None
    score: float = 0.0
    scores: dict = field(default_factory=dict)


def make_mention(text: str, start: int, end: int, source: str, gaz, ctx: PlaceContext, entity_id=None) -> Mention | None:
    name = text[start:end]
    key = normalize(name)
    if not key or key in NOT_PLACE_WORDS or len(key) < 2:
        return None
    candidates = gaz.lookup(name)
    if not candidates:
        return None
    m = Mention(start, end, name, source, candidates, entity_id=entity_id)
    after = text[end:end + 80]
    before = text[max(0, start - 80):start]
    if ADMIN_HINT.match(after) or ADMIN_OF_BEFORE.search(before):
        m.hint = "admin1"
    elif CITY_HINT.match(after) or CITY_OF_BEFORE.search(before):
        m.hint = "city"
    dem = DEMONYM_BEFORE.search(before)
    if dem:
        m.demonym = demonyms().get(normalize(dem.group(1)))
        if m.demonym is None:  # "the Kosovo town of ..." names the country itself
            m.demonym = gaz.country_named(dem.group(1))
    if m.demonym is None:
        poss = POSSESSIVE_BEFORE.search(before)
        if poss:
            m.demonym = gaz.country_named(poss.group(1))
    comma = CONTAINER_AFTER.match(after)
    cont = comma or IN_AFTER.match(after) or APPOSITIVE_AFTER.match(after)
    if cont:
        cname, ends = cont.group(1), bool(CONTAINER_END.match(after, cont.end(1)))
        if re.search(r"['’]s$", cname):  # "Palma in Mozambique's Cabo Delgado province", not "Kyiv in Russia's war"
            ends = bool(POSSESSIVE_PLACE.match(after, cont.end(1)))
            cname = cname[:-2] if ends else ""
        m.container = container_of(cname, gaz, candidates) if cname else None
        if m.container is None and cname and ends \
                and not any(c.feature in ("country", "admin1", "region") and c.main for c in candidates):
            m.outside = named_container(cname, gaz, candidates)
        if m.container and comma and m.container[1] is not None:  # an admin1 qualifier, not a country
            m.container_span = (end + comma.start(1), end + comma.end(1))
        if m.container and m.container[1] is None and any(c.feature == "country" and c.main for c in candidates):
            m.container = None  # "Turkey, the United States …": a country is not inside another
    region = REGION_BEFORE.search(before)
    if region:
        word = (region.group(1) or region.group(2)).lower()
        m.region = (start - (len(before) - region.start()), word)
        if text[m.region[0]:m.region[0] + 4].lower() == "the " and region.group(1):
            m.region = (m.region[0] + 4, word)
    m.sentence = ctx.sentence_of(start)
    m.paragraph = ctx.paragraph_of(start)
    return m


def container_of(name: str, gaz, candidates) -> tuple[str, str | None] | None:
    """The country/admin1 ``name`` when it contains one of ``candidates`` ("Raska, Serbia")."""
    words = name.split()
    for n in range(len(words), 0, -1):
        for c in gaz.lookup(" ".join(words[:n]), loose=False):
            if c.feature == "country" and any(x.country == c.country and x.feature != "country" for x in candidates):
                return (c.country, None)
            if c.feature == "admin1" and any(x.admin1 == c.admin1 and x.feature == "city" for x in candidates):
                return (c.country, c.admin1)
            if c.feature in ("city", "region") and c.main and any(
                    x.country == c.country and x.feature == "city" and x.distance(c) < 50 for x in candidates):
                return (c.country, None)  # "Nuseirat, in central Gaza": a nearby place names the country
    return None


def named_container(name: str, gaz, candidates) -> tuple[str, str | None] | None:
    """The country or first-level subdivision ``name`` names under its own name ("Mopti" in "in the
    Mopti region") when none of a mention's ``candidates`` lies in a country any referent of that
    name belongs to ("Nuseirat, in central Gaza": Gaza is also in Mozambique, but Nuseirat is in
    Palestine with Gaza city) — an explicit container that rules the candidates out."""
    words = name.split()
    countries = {c.country for c in candidates}
    for n in range(len(words), 0, -1):
        found = gaz.lookup(" ".join(words[:n]), loose=False)
        if not found:
            continue
        if any(c.country in countries for c in found):
            return None
        for c in found:
            if c.main and c.feature == "country":
                return (c.country, None)
            if c.main and c.feature == "admin1":
                return (c.country, c.admin1)
    return None
