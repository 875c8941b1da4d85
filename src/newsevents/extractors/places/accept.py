"""The precision guard: which resolved mentions are kept as places."""
from __future__ import annotations

import re

from ... import datelines
from ...resolve.gazetteer import normalize
from .context import PlaceContext
from .cues import ADMIN_HINT, CUE_OF, LOCATIVE_ADJ, LOCATIVE_WORDS
from .mention import Mention

STRICT_LOCATIVES = {"in", "near", "outside", "across", "throughout", "around", "inside"}


def accept(m: Mention, ctx: PlaceContext) -> bool:
    """Precision guard: NER places need a plausible referent; PERSON/scan ones need context."""
    c = m.best
    if m.outside and not m.container and c.feature in ("city", "admin1", "admin2"):
        return False  # "Boni, in the Mopti region": the text says where, and no candidate lies there
    explicit = bool(m.container or (m.demonym and m.demonym == c.country))
    share = ctx.share_for(c.country, normalize(m.text))
    if not explicit and not c.main and c.feature == "city" and c.population < 100_000 and share < 1.0 \
            and c.country not in ctx.para_countries.get(m.paragraph, ()):
        return False  # a small place found only under an alternate name, outside the article's main country
    supported = bool(explicit or share >= 0.25)
    if m.source == "ner":
        if m.surname_like:  # "Kenzo Oshima", "Van den Broek": a name, unless the text says where
            return bool(m.container or (m.demonym and m.demonym == c.country))
        if supported or c.feature in ("country", "region") or (c.feature in ("admin1", "admin2") and c.main):
            return True
        if not c.main:  # found only under an alternate name ("Hamas" → Hamm, "Christian")
            return c.population >= 500_000
        if ctx.country_w and share == 0.0 and c.population < 100_000 and not c.capital \
                and c.country not in ctx.para_countries.get(m.paragraph, ()):
            return False  # a town in a country the article never names, when it names others
        return c.population >= 10_000
    if m.source == "person":
        before = [w for w in ctx.text[max(0, m.start - 40):m.start].lower().split() if w not in LOCATIVE_ADJ]
        cue = m.cued or (bool(before) and before[-1] in LOCATIVE_WORDS) \
            or bool(CUE_OF.search(ctx.text[max(0, m.start - 25):m.start])) \
            or bool(re.search(r"\bsuch\s+as\s+$", ctx.text[max(0, m.start - 25):m.start]))
        confident = m.score >= 0.5 or m.margin >= 1.0
        local = c.country in ctx.sent_countries.get(m.sentence, ()) and m.margin >= 2.0 and c.population >= 10_000
        dateline = datelines.opening_place(ctx.text)
        if dateline and dateline[0] == m.start and c.feature == "city" and m.label != "PERSON" \
                and (supported or c.capital or c.population >= 100_000):
            return True  # "NIAMEY (Reuters) -" tagged ORG: a dateline names a city
        if m.label != "PERSON" and ADMIN_HINT.match(ctx.text[m.end:m.end + 20]) and confident \
                and c.population >= 100_000:
            return True  # "Hodeidah governorate" (tagged NORP): the administrative word says it is a place
        strict = bool(before) and before[-1] in STRICT_LOCATIVES
        if m.label == "PERSON" and (strict or CUE_OF.search(ctx.text[max(0, m.start - 25):m.start])) and c.main \
                and c.feature in ("city", "admin1") and confident and c.population >= 10_000:
            return True  # "flooded streets in Cirencester" (tagged PERSON): only a place is "in" anything
        if not supported:  # never for a PERSON: "did you discuss Aleppo?" (NORP), "Benin opened its borders" (ORG)
            if m.label == "PERSON" or not confident:
                return False
            return (c.feature == "country" and c.main) or (cue and c.population >= 1_000_000)
        admin_container = bool(m.container and m.container[1] and c.admin1 == m.container[1])
        return confident and (cue or local or admin_container or c.capital or c.population >= 100_000)
    # scan
    return (supported and (m.score >= 0.4 or m.margin >= 1.0)) or (c.population >= 100_000 and m.score >= 0.6)
