"""Associative places and the other mentions of resolved names.

A demonym or adjective of place ("Russian officials", "British troops"), a place named only as an
actor's modifier ("Kosovo police", "U.S. airstrikes") and a place inside an organisation's name
("Bank of Japan", "Toronto Police") refer to a country or place without saying that anything
happened there: they are listed as places with ``role`` ``associative``, and event location never
reads them (they are not in the stage's :class:`~newsevents.stages.PlaceFindings`).

A resolved name is one place throughout the article: its other occurrences ("Iran's", a later
"Toronto" the tagger called a person) are linked to the same place as mentions.
"""
from __future__ import annotations

import re

from ...resolve.gazetteer import Place, demonyms, normalize
from .context import PlaceContext, plain_country
from .cues import NOT_PLACE_WORDS, TITLES, cues
from .mention import make_mention
from .resolution import resolve

_NAME_RUN = re.compile(r"[A-Z][\w’'\-\.]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w’'\-\.]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")
ORG_LABELS = {"ORG"}


def _overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in taken)


def demonym_mentions(doc, result, taken) -> list[tuple[int, int, str]]:
    """(start, end, alpha-2) of demonyms and adjectives of countries: NORP entities the demonym
    table knows ("Russians", "Kosovo Serbs") and capitalised adjectives NER left out."""
    table = demonyms()
    out = []
    seen: list[tuple[int, int]] = []
    for entity in result.entities:
        if entity["label"] not in ("NORP", "PERSON", "ORG"):
            continue
        for mention in entity["mentions"]:
            s, e = mention["start"], mention["end"]
            cc = table.get(normalize(mention["text"]))
            if entity["label"] != "NORP" and not cc:
                continue
            if cc and not _overlaps(s, e, taken):
                out.append((s, e, cc))
            seen.append((s, e))
    for token in doc:
        if not token.text[:1].isupper() or token.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        s, e = token.idx, token.idx + len(token.text)
        if _overlaps(s, e, seen) or _overlaps(s, e, taken):
            continue
        cc = table.get(normalize(token.text))
        if cc:
            out.append((s, e, cc))
    return out


def org_places(doc, result, ctx: PlaceContext, gaz, resolved: dict[str, Place], taken) -> list[tuple[int, int, Place]]:
    """Places named inside organisation names: a name the article resolved elsewhere ("Toronto
    Police" after "Toronto"), a country's own name ("Bank of Japan", "Air Zimbabwe"), a demonym
    ("the Russian Foreign Ministry"), or a name resolved in the article's context to a
    first-level subdivision or a town of a country the article is about ("the Ohio Supreme Court",
    "Gainesville Public Utilities")."""
    table = demonyms()
    heads = cues()["agent_heads"]
    out = []
    for entity in result.entities:
        if entity["label"] not in ORG_LABELS:
            continue
        for mention in entity["mentions"]:
            start, text = mention["start"], mention["text"]
            for run in _NAME_RUN.finditer(text):
                words = list(re.finditer(r"\S+", run.group(0)))
                i = 0
                while i < len(words):
                    found = None
                    for j in range(len(words), i, -1):  # the longest name first
                        s = start + run.start() + words[i].start()
                        name = _POSSESSIVE.sub("", result.text[s:start + run.start() + words[j - 1].end()])
                        e = s + len(name)
                        key = normalize(name)
                        if not key or key in NOT_PLACE_WORDS or key in heads or len(key) < 3 \
                                or words[i].group(0).lower() in ("of", "the", "de"):
                            continue
                        place = resolved.get(key) or _org_place(name, key, s, e, gaz, ctx, table)
                        if place is not None:
                            found = (s, e, place, j)
                            break
                    if found and not _overlaps(found[0], found[1], taken):
                        out.append(found[:3])
                        taken.append(found[:2])
                    i = found[3] if found else i + 1
    return out


def _org_place(name: str, key: str, s: int, e: int, gaz, ctx: PlaceContext, table) -> Place | None:
    cc = plain_country(name, gaz) or table.get(key)
    if cc:
        return gaz.country(cc)
    if not gaz.lookup(name, loose=False):  # "Texas Department" is no name of Texas
        return None
    m = make_mention(ctx.text, s, e, "org", gaz, ctx)
    if m is None:
        return None
    resolve(m, ctx, anchors=[])
    c = m.best
    if c is None or not c.main or c.feature not in ("admin1", "city"):
        return None
    share = ctx.share(c.country)
    if c.feature == "admin1" and (share >= 0.25 or c.population >= 1_000_000) and m.score >= 0.5:
        return c
    if c.feature == "city" and c.population >= 10_000 and share >= 0.5 and m.score >= 0.5:
        return c
    return None


def other_mentions(result, names: dict[str, int], taken) -> dict[int, list[tuple[int, int]]]:
    """Occurrences of each resolved name (as the article spells it) that are no mention yet: item
    index → spans. A name inside a longer person's or organisation's name is not linked
    ("George Washington", "Georgia Tech")."""
    text = result.text
    inside = []  # entities whose text is longer than a place name they contain
    for entity in result.entities:
        if entity["label"] in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "FAC"):
            for mention in entity["mentions"]:
                inside.append((mention["start"], mention["end"], normalize(mention["text"])))
    out: dict[int, list[tuple[int, int]]] = {}
    for name, index in sorted(names.items(), key=lambda kv: -len(kv[0])):
        for match in re.finditer(r"(?<![\w\-])" + re.escape(name) + r"(?![\w\-])", text):
            s, e = match.span()
            if _overlaps(s, e, taken):
                continue
            if any(a <= s and e <= b and key != normalize(name) for a, b, key in inside):
                continue
            if TITLES.search(text[max(0, s - 30):s]):
                continue  # "President Jordan"
            out.setdefault(index, []).append((s, e))
            taken.append((s, e))
    return out
