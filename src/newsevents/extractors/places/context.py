"""The article's context for resolving places: the countries it names (by name, demonym and
possessive use), where (sentence, paragraph), the first-level subdivisions it names, and what the
other names resolved to."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ...resolve.gazetteer import demonyms, normalize
from .cues import LOCATIVE_WORDS, PLACE_LABELS, TITLES


class PlaceContext:
    def __init__(self, text, sent_spans, para_spans):
        self.text = text
        self.sent_spans = sent_spans
        self.para_spans = para_spans
        self.country_w: Counter = Counter()
        self.sent_countries: dict[int, set] = defaultdict(set)
        self.para_countries: dict[int, set] = defaultdict(set)
        self.admin1_named: dict[str, set[str]] = {}  # admin1 code → the names that named it
        self.taken: list[tuple[int, int]] = []
        self.extra: Counter = Counter()  # pass 2: countries of the other resolved places
        self.resolved: dict[str, Counter] = {}  # name → countries its mentions resolved to
        self.own: dict[str, Counter] = defaultdict(Counter)  # name → weight its own non-place-label mentions gave

    def share_for(self, cc: str | None, name: str) -> float:
        """The country's share counting the other names' resolutions, never this name's own."""
        self.extra = Counter()
        for other, counts in self.resolved.items():
            if other != name:
                self.extra.update(counts)
        try:
            return self.share(cc, minus=self.own.get(name))
        finally:
            self.extra = Counter()

    def share(self, cc: str | None, minus: Counter | None = None) -> float:
        weights = self.country_w + self.extra
        if minus:
            weights = weights - minus
        if not cc or not weights:
            return 0.0
        top = max(weights.values())
        return weights.get(cc, 0.0) / top if top else 0.0

    def sentence_of(self, pos: int) -> int:
        return index_of(self.sent_spans, pos)

    def paragraph_of(self, pos: int) -> int:
        return index_of(self.para_spans, pos)

    def note_country(self, cc: str, pos: int, weight: float) -> None:
        self.country_w[cc] += weight
        self.sent_countries[self.sentence_of(pos)].add(cc)
        self.para_countries[self.paragraph_of(pos)].add(cc)


def index_of(spans, pos) -> int:
    for i, (s, e) in enumerate(spans):
        if s <= pos < e:
            return i
    return max(0, len(spans) - 1)


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n\s*\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def count_context(doc, result, mentions, ctx: PlaceContext, gaz) -> None:
    """Country weights from unambiguous country names (1.0) and demonyms (0.5)."""
    for m in mentions:
        countries = [c for c in m.candidates if c.feature == "country"]
        rivals = [c for c in m.candidates if c.feature == "admin1" and c.population > 1_000_000]
        if countries and not rivals and m.region is None:
            ctx.note_country(countries[0].country, m.start, 1.0)
        elif countries and m.region is not None:
            ctx.note_country(countries[0].country, m.start, 1.0)
        admins = [c for c in m.candidates if c.feature == "admin1"]
        if admins and not countries:
            for c in admins:
                ctx.admin1_named.setdefault(c.admin1, set()).add(normalize(m.text))
            top = admins[0]
            one_country = len({c.country for c in m.candidates}) == 1
            if top.main and (top.population > 1_000_000 or one_country) and len({c.country for c in admins}) == 1 \
                    and not any(c.country != top.country and c.population >= 100_000 for c in m.candidates):
                ctx.note_country(top.country, m.start, 0.5)  # "Virginia", "Scotland" (not "Tripoli")
        if m.candidates and m.candidates[0].feature == "region" and m.candidates[0].country:
            ctx.note_country(m.candidates[0].country, m.start, 0.5)
    counted = {m.start for m in mentions}
    for entity in result.entities:  # a country's own name under another label ("Mali" tagged PERSON)
        if entity["label"] in PLACE_LABELS or entity["label"] == "NORP":
            continue
        for mention in entity["mentions"]:
            if mention["start"] in counted or TITLES.search(ctx.text[max(0, mention["start"] - 30):mention["start"]]):
                continue
            before = ctx.text[max(0, mention["start"] - 30):mention["start"]]
            words = before.lower().split()
            used_as_place = (bool(words) and words[-1] in LOCATIVE_WORDS - {"and"}) \
                or bool(re.match(r"['’]s\b", ctx.text[mention["end"]:mention["end"] + 3])) \
                or bool(re.search(r"\b[A-Z]{2,}[A-Z .'\-]*,\s*$", before))  # "in Mali", "Mali's", "BAMAKO, Mali"
            cc = plain_country(mention["text"], gaz) if used_as_place else None
            if cc:
                ctx.note_country(cc, mention["start"], 1.0)
                ctx.own[normalize(mention["text"])][cc] += 1.0  # context for other names, never for itself
                counted.add(mention["start"])
    table = demonyms()
    seen = set()
    for entity in result.entities:
        if entity["label"] != "NORP":
            continue
        for mention in entity["mentions"]:
            cc = table.get(normalize(mention["text"]))
            if cc:
                ctx.note_country(cc, mention["start"], 0.5)
                seen.add(mention["start"])
    for token in doc:  # demonym adjectives NER left out ("Serbian state TV")
        if token.idx in seen or not token.text[:1].isupper():
            continue
        cc = table.get(normalize(token.text))
        if cc and token.pos_ in ("ADJ", "PROPN", "NOUN"):
            ctx.note_country(cc, token.idx, 0.5)


def plain_country(name: str, gaz) -> str | None:
    """The country ``name`` is the main name of, when nothing big shares it ("Mali", not "Georgia")."""
    found = gaz.lookup(name, loose=False)
    countries = [c for c in found if c.feature == "country" and c.main]
    if len(countries) != 1 or any(c.feature != "country" and c.population >= 1_000_000 for c in found):
        return None
    return countries[0].country
