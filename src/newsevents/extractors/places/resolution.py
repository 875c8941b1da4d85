"""Resolving a mention: scoring each gazetteer candidate with the article's context, one referent
per name per article."""
from __future__ import annotations

import math
from collections import Counter, defaultdict

from ...resolve.gazetteer import Place, normalize
from .context import PlaceContext
from .mention import Mention

FEATURE_PRIOR = {"country": 1.5, "admin1": 0.5, "admin2": 0.3, "city": 0.6, "region": 2.5}


def candidates(m: Mention) -> list[Place]:
    cands = [c for c in m.candidates if c.lat is not None] or list(m.candidates)  # a place without a position says little
    if m.hint != "admin1":  # an admin1 named like its chief city is that city unless "province" says so
        cities = [c for c in cands if c.feature == "city"]
        cands = [c for c in cands if not (c.feature in ("admin1", "admin2") and any(
            x.country == c.country and x.distance(c) < 30 for x in cities))]
    if m.container:
        cc, admin = m.container
        inside = [c for c in cands if c.country == cc and (admin is None or c.admin1 == admin) and c.feature != "country"]
        cands = inside or cands
    return cands[:60]


def score(c: Place, m: Mention, ctx: PlaceContext, anchors) -> float:
    s = 0.45 * math.log10(c.population + 10)
    if c.population >= 1_000_000 and c.feature == "city":
        s += 1.0  # prominence: a world city needs explicit context to lose to a namesake
    s += (3.0 if c.feature == "country" else 0.4) if c.main else 0.0  # "Benin" is the country
    s += FEATURE_PRIOR.get(c.feature, 0.0)
    if c.feature == "region" and m.hint != "admin1":
        s += 1.5  # a listed news region or sea ("the Red Sea coast") over a province of that name
    if c.capital:
        s += 1.5  # "Washington", "Belgrade": a country's capital is the default referent
    if c.country:
        s += 2.0 * ctx.share(c.country)
        if c.country in ctx.sent_countries.get(m.sentence, ()):
            s += 2.0
        elif c.country in ctx.para_countries.get(m.paragraph, ()):
            s += 0.5
    if m.container and c.country == m.container[0]:
        s += 5.0
    if m.demonym and c.country == m.demonym and c.feature != "country":
        s += 4.0
    if m.hint and c.feature == m.hint:
        s += 2.0
    if c.admin1 and c.feature in ("city", "admin2") and ctx.admin1_named.get(c.admin1, set()) - {normalize(m.text)}:
        s += 2.0  # "Ontario officials in Kingston" (a name never vouches for itself)
    if anchors and c.feature in ("city", "admin1", "admin2"):
        d = min((c.distance(a.best) for a in anchors if a.best.id != c.id), default=float("inf"))
        s += 1.5 if d < 50 else 1.0 if d < 150 else 0.5 if d < 400 else 0.0
    return s


def resolve(m: Mention, ctx: PlaceContext, anchors) -> None:
    cands = candidates(m)
    if not cands:
        m.best = None
        return
    country_named = any(c.feature in ("country", "admin1") and c.main for c in cands)
    # "Benin" is the country, not Benin City (an alternate name); "Missouri" is the state, not
    # Bozeman (which GeoNames also calls Missouri): alternates yield to a country's or a state's name
    scored = [(score(c, m, ctx, anchors) - (3.0 if country_named and not c.main else 0.0), c) for c in cands]
    scored.sort(key=lambda x: -x[0])
    top = scored[0][0]
    z = sum(math.exp(s - top) for s, _ in scored)
    m.best = scored[0][1]
    m.score = 1.0 / z
    m.margin = top - scored[1][0] if len(scored) > 1 else 10.0
    m.scores = {c.id: s for s, c in scored[:5]}


def one_sense(mentions: list[Mention]) -> None:
    """One referent per name per article: mentions of the same name without their own container
    or demonym take the referent with the best summed score ("Turkey" is one place here)."""
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.best is not None and not m.container and not m.demonym and m.region is None:
            by_name[normalize(m.text)].append(m)
    for ms in by_name.values():
        if len({m.best.id for m in ms}) < 2:
            continue
        totals: Counter = Counter()
        places = {}
        for m in ms:
            for pid, score in m.scores.items():
                totals[pid] += score
        for m in ms:
            for c in m.candidates:
                places.setdefault(c.id, c)
        best_id = max(totals, key=totals.get)
        for m in ms:
            if best_id in places:
                m.best = places[best_id]
