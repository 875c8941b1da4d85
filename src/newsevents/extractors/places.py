"""Places: toponyms found in the article and resolved against the embedded gazetteer.

Candidates come from spaCy's GPE/LOC/FAC entities, from PERSON entities that the gazetteer
resolves confidently in context (spaCy tags "Pristina" as a person; such an entity is relabelled
GPE in ``result.entities``), and from a guarded gazetteer scan of spans NER missed ("Idlib
province", "in the town of raska"). Each name is resolved with the article's context:

- an explicit container after it ("Raska, Serbia", "Woodbridge, Virginia") or a demonym or
  possessive before it ("the Serbian town of Raska", "Syria's Idlib province") — decisive;
- the countries the article names (weighted: country names 1, demonyms 0.5), more when named in
  the same sentence or paragraph;
- distance to the other places resolved in the article (a second pass);
- population, main-name match and capital status as priors only.

Directional phrases make region places ("northern Mitrovica", "the north of Kosovo"): feature
``region``, centred on the place they qualify. See ``docs/places.md``.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .. import datelines
from ..stages import PlaceFindings
from ..resolve.gazetteer import Place, demonyms, gazetteer, normalize
from .registry import extractor

PLACE_LABELS = {"GPE", "LOC", "FAC"}
FEATURE_PRIOR = {"country": 1.5, "admin1": 0.5, "city": 0.6, "region": 2.5}
ADMIN_HINT = re.compile(r"^\s+(province|governorate|region|district|state|county|oblast|prefecture)\b", re.I)
CITY_HINT = re.compile(r"^\s+(city|town|village)\b(?!\s+of)", re.I)
_DIR = (r"(?:north|south|east|west|central|north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west)"
        r"(?:ern)?")
REGION_BEFORE = re.compile(r"(?:\b(?:the\s+)?(" + _DIR + r")\s+(?:part\s+of\s+|parts\s+of\s+)?"
                           r"|\bthe\s+(" + _DIR + r")(?:\s+part|\s+parts)?\s+of\s+)$", re.I)
FEATURE_NOUNS = (r"(?:town|city|village|capital|province|region|district|governorate|state|port(?:\s+city)?|"
                 r"municipality|suburb|neighbou?rhood|enclave|settlement|border\s+town|border\s+city|"
                 r"stronghold|outpost|county|area|resort|island)")
DEMONYM_BEFORE = re.compile(r"\b([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+(?:[a-z][\w\-]*\s+){0,2}?" + FEATURE_NOUNS
                            + r"\s+of\s+$")
POSSESSIVE_BEFORE = re.compile(r"\b([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)['’]s\s+(?:[a-z][\w\-]*\s+)?$")
CONTAINER_AFTER = re.compile(r"^,\s*(?:the\s+)?([A-Z][\w\.\-’']*(?:\s+[A-Z][\w\.\-’']*){0,3})")
APPOSITIVE_AFTER = re.compile(  # "El Fasher, the capital of North Darfur state", "Lashio, the largest town in Shan"
    r"^,\s+(?:the|a)\s+(?:[a-z][\w\-]*\s+){1,4}?(?:of|in)\s+(?:the\s+)?(?:" + _DIR + r"\s+)?"
    r"([A-Z][\w\.\-’']*(?:\s+[A-Z][\w\.\-’']*){0,2})")
IN_AFTER = re.compile(r"^,?\s+in\s+(?:the\s+)?(?:" + _DIR + r"\s+)?([A-Z][\w\.\-’']*(?:\s+[A-Z][\w\.\-’']*){0,2})"
                      r"(?!['’]s\b|\w)")
LOCATIVE_WORDS = {"in", "at", "near", "into", "to", "from", "outside", "inside", "across", "around", "toward",
                  "towards", "throughout", "within", "via", "through", "across", "between", "and", "of"}
CUE_OF = re.compile(r"\b(?:town|city|village|province|governorate|district|region|capital|outskirts|suburbs?|"
                    r"vicinity|port|municipality|area)\s+of\s+$", re.I)
SCAN_CUES = [
    # "the town of raska", "the city of Mosul" (lowercase allowed after an explicit feature noun)
    re.compile(r"\b(?:town|city|village|province|governorate|district|municipality|capital|suburbs?|outskirts|"
               r"vicinity|port)\s+of\s+((?:al-|el-|ar-|as-)?[A-Za-z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})"),
    # "Idlib province"
    re.compile(r"\b([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})\s+(?:province|governorate|district|region|oblast)\b"),
    # "in Sarmada", "near Ayn Issa" (title case only)
    # a dateline: "KYIV, March 3 (Reuters) -", "BAGHDAD (AP) —"
    datelines.OPENING_PLACE,
    re.compile(r"\b(?:[Ii]n|[Nn]ear|[Aa]t|[Oo]utside|[Aa]cross|[Aa]round|[Tt]hroughout|into|from|toward|towards|"
               r"out\s+of)\s+((?:al-|el-)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})"),
]
NOT_PLACE_WORDS = {"the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you",
                   "his", "her", "their", "our", "its", "my", "your", "january", "february", "march", "april",
                   "may", "june", "july", "august", "september", "october", "november", "december", "monday",
                   "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "god", "allah", "mr", "mrs",
                   "ms", "dr", "president", "minister", "police", "army", "government", "state", "city", "town",
                   "general", "support", "addition", "order", "fact", "total", "response", "time", "contact",
                   "particular", "recent", "all", "one", "some", "many", "most", "other", "both", "north",
                   "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
                   "northwest", "southeast", "southwest", "centre", "center", "homeland", "capital", "region"}


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


# ---------------------------------------------------------------------------------------------

@extractor("places", requires=("entities",))
def extract_places(doc, result) -> None:
    """Toponyms resolved to GeoNames places (country, admin1, city, region) with context."""
    gaz = gazetteer()
    text = result.text
    sent_spans = [(s.start_char, s.end_char) for s in doc.sents]
    para_spans = _paragraphs(text)
    ctx = PlaceContext(text, sent_spans, para_spans)

    mentions = _ner_mentions(doc, result, gaz, ctx)
    _count_context(doc, result, mentions, ctx, gaz)
    mentions += _person_mentions(result, gaz, ctx, mentions, doc)
    mentions += _scan_mentions(doc, result, gaz, ctx, mentions)

    for m in mentions:  # pass 1: countries, demonyms, containers, priors
        _resolve(m, ctx, anchors=[])
    anchors = [m for m in mentions if m.best is not None and m.score >= 0.5 and m.best.feature in ("city", "admin1")]
    resolved: dict[str, Counter] = defaultdict(Counter)  # name → countries its mentions resolved to
    for m in mentions:  # pass 2: add the resolved places' countries and distances
        if m.best is not None and m.best.feature == "city" and m.score >= 0.5:
            resolved[normalize(m.text)][m.best.country] += 0.5
    for m in mentions:
        own = normalize(m.text)
        ctx.extra = Counter()
        for name, counts in resolved.items():
            if name != own:  # a name's own guess must not reinforce itself
                ctx.extra.update(counts)
        _resolve(m, ctx, anchors=[a for a in anchors if normalize(a.text) != own])
    ctx.extra = Counter()
    ctx.resolved = resolved

    _one_sense(mentions)
    kept = [m for m in mentions if m.best is not None and _accept(m, ctx)]
    qualifying = [m.container_span for m in kept if m.container_span]
    for m in kept:
        m.qualifier = any(s <= m.start and m.end <= e for s, e in qualifying)
    _emit(doc, result, kept, gaz)


# ---------------------------------------------------------------------------------------------
# context

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
        return _index_of(self.sent_spans, pos)

    def paragraph_of(self, pos: int) -> int:
        return _index_of(self.para_spans, pos)

    def note_country(self, cc: str, pos: int, weight: float) -> None:
        self.country_w[cc] += weight
        self.sent_countries[self.sentence_of(pos)].add(cc)
        self.para_countries[self.paragraph_of(pos)].add(cc)


def _index_of(spans, pos) -> int:
    for i, (s, e) in enumerate(spans):
        if s <= pos < e:
            return i
    return max(0, len(spans) - 1)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n\s*\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _count_context(doc, result, mentions, ctx: PlaceContext, gaz) -> None:
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
            if mention["start"] in counted or _TITLES.search(ctx.text[max(0, mention["start"] - 30):mention["start"]]):
                continue
            before = ctx.text[max(0, mention["start"] - 30):mention["start"]]
            words = before.lower().split()
            used_as_place = (bool(words) and words[-1] in LOCATIVE_WORDS - {"and"}) \
                or bool(re.match(r"['’]s\b", ctx.text[mention["end"]:mention["end"] + 3])) \
                or bool(re.search(r"\b[A-Z]{2,}[A-Z .'\-]*,\s*$", before))  # "in Mali", "Mali's", "BAMAKO, Mali"
            cc = _plain_country(mention["text"], gaz) if used_as_place else None
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


def _plain_country(name: str, gaz) -> str | None:
    """The country ``name`` is the main name of, when nothing big shares it ("Mali", not "Georgia")."""
    found = gaz.lookup(name, loose=False)
    countries = [c for c in found if c.feature == "country" and c.main]
    if len(countries) != 1 or any(c.feature != "country" and c.population >= 1_000_000 for c in found):
        return None
    return countries[0].country


# ---------------------------------------------------------------------------------------------
# mentions

def _make_mention(text: str, start: int, end: int, source: str, gaz, ctx: PlaceContext, entity_id=None) -> Mention | None:
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
    if ADMIN_HINT.match(after) or re.search(r"\b(?:province|governorate|district)\s+of\s+$", before, re.I):
        m.hint = "admin1"
    elif CITY_HINT.match(after) or re.search(r"\b(?:city|town|village)\s+of\s+$", before, re.I):
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
        cname, ends = cont.group(1), bool(_CONTAINER_END.match(after, cont.end(1)))
        if re.search(r"['’]s$", cname):  # "Palma in Mozambique's Cabo Delgado province", not "Kyiv in Russia's war"
            ends = bool(_POSSESSIVE_PLACE.match(after, cont.end(1)))
            cname = cname[:-2] if ends else ""
        m.container = _container(cname, gaz, candidates) if cname else None
        if m.container is None and cname and ends \
                and not any(c.feature in ("country", "admin1", "region") and c.main for c in candidates):
            m.outside = _named_container(cname, gaz, candidates)
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


def _container(name: str, gaz, candidates) -> tuple[str, str | None] | None:
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


_POSSESSIVE_PLACE = re.compile(r"\s+(?:[A-Z]|(?:north|south|east|west|central)\w*\b|"
                               r"(?:province|region|state|capital|border|coast)\b)")
_CONTAINER_END = re.compile(r"\s*(?:(?:region|province|state|governorate|district|oblast|prefecture|county)\b\s*)?"
                            r"(?:[,.;:)—–]|\s-\s|$)")


def _named_container(name: str, gaz, candidates) -> tuple[str, str | None] | None:
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


_ORG_TAIL = re.compile(r"^\s+and\s+(?:the\s+)?$")


def _inside_org_name(orgs, start: int, text: str) -> bool:
    """"Islamic State of Iraq and the Levant": NER splits the name; the tail is no place."""
    return any(end <= start and _ORG_TAIL.match(text[end:start]) for end in orgs)


_NAME_PARTICLES = {"van", "von", "den", "der", "de", "da", "di", "del", "la", "le", "bin", "ibn", "al", "abu"}


def _after_name_word(doc, start: int, entity_spans) -> bool:
    """The mention follows a person's name, or a capitalised word or name particle that belongs to
    no entity ("Kenzo Oshima", "Hans Van den Broek"): likely a surname NER took for a place."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.lower_ in _LOCATIVE_PREPS or prev.lower_ in LOCATIVE_WORDS:
        return False  # "Near Mosul, five strikes …"
    if prev.ent_type_ == "PERSON":
        return True  # "Kenzo Oshima" split by NER into PERSON "Kenzo" + GPE "Oshima"
    if any(s <= prev.idx < e for s, e in entity_spans):
        return False
    if prev.is_sent_start:  # "Kenzo Oshima, the UN coordinator, …" at the start of a sentence
        return prev.pos_ == "PROPN" and prev.is_title and not prev.is_stop
    return (prev.pos_ == "PROPN" and prev.is_title) or prev.lower_ in _NAME_PARTICLES


def _ner_mentions(doc, result, gaz, ctx: PlaceContext) -> list[Mention]:
    out = []
    orgs = [e.end_char for e in doc.ents if e.label_ == "ORG" and " of " in e.text]
    entity_spans = [(e.start_char, e.end_char) for e in doc.ents]
    for entity in result.entities:
        if entity["label"] not in PLACE_LABELS:
            continue
        for mention in entity["mentions"]:
            if _inside_org_name(orgs, mention["start"], result.text):
                continue
            m = _make_mention(result.text, mention["start"], mention["end"], "ner", gaz, ctx, entity["id"])
            if m is not None:
                m.surname_like = _after_name_word(doc, m.start, entity_spans)
                out.append(m)
                ctx.taken.append((m.start, m.end))
    return out


_TITLES = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|President|Minister|Prime Minister|General|Gen|Sen|Rep|Judge|King|Queen|"
                     r"Prince|Sheikh|Imam|Pope|Lt|Col|Capt|Sgt|spokesman|spokeswoman)\.?\s+$")


OTHER_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT"}
_LOCATIVE_ADJ = {"nearby", "neighbouring", "neighboring", "restive", "besieged", "embattled",
                 "war-torn", "frontline", "front-line", "remote"}
_LEADING_CUE = re.compile(r"^(?:near|in|at|outside|from|around)\s+", re.I)


def _person_mentions(result, gaz, ctx: PlaceContext, mentions, doc=None) -> list[Mention]:
    """PERSON/ORG/NORP/PRODUCT entities that are really places ("the mad policies conducted by
    Pristina", "cities such as Aleppo"); accepted later only with context (see :func:`_accept`)."""
    out = []
    place_starts = {m.start for m in mentions}
    text = result.text
    table = demonyms()
    ner_label = {e.start_char: e.label_ for e in doc.ents} if doc is not None else {}
    orgs = [e.end_char for e in doc.ents if e.label_ == "ORG" and " of " in e.text] if doc is not None else []
    for entity in result.entities:
        if entity["label"] not in OTHER_LABELS:
            continue
        spans = entity["mentions"]
        if entity["label"] == "PERSON" and any(
                len(normalize(m["text"]).split()) != len(normalize(entity["name"]).split()) for m in spans):
            continue  # a full name with a surname alone elsewhere: a person
        if any(_TITLES.search(text[max(0, m["start"] - 30):m["start"]]) for m in spans):
            continue
        if entity["label"] == "NORP" and normalize(entity["name"]) in table:
            continue
        for span in spans:
            start, end = span["start"], span["end"]
            lead = _LEADING_CUE.match(text[start:end])
            if lead:  # "Near Palmyra" tagged PERSON at the start of a sentence
                start += lead.end()
            name = text[start:end]
            if name.isupper() and len(name) <= 5:
                continue  # acronyms: SDF, ISF
            if len(name.split()) > 1 and name.split()[-1].lower() in _cues()["agent_heads"]:
                continue  # an organisation named after a place: "the Kurdistan Regional Government"
            if _inside_org_name(orgs, start, text):
                continue  # "Islamic State of Iraq and the Levant"
            m = _make_mention(text, start, end, "person", gaz, ctx, None if lead else entity["id"])
            if m is not None and m.start not in place_starts:
                m.label = ner_label.get(span["start"], entity["label"])  # this mention's own NER label
                m.cued = bool(lead)
                out.append(m)
    return out


def _scan_mentions(doc, result, gaz, ctx: PlaceContext, mentions) -> list[Mention]:
    """Gazetteer lookup of spans NER missed, after explicit cues only."""
    text = result.text
    blocked = [(e.start_char, e.end_char) for e in doc.ents  # "in Odesa" tagged LANGUAGE is no name of anything else
               if e.label_ not in PLACE_LABELS and e.label_ != "LANGUAGE" and not _LEADING_CUE.match(e.text)]
    taken = [(m.start, m.end) for m in mentions]
    out = []
    seen = set()
    for index, pattern in enumerate(SCAN_CUES):
        for match in pattern.finditer(text):
            start, end = match.span(1)
            words = text[start:end].split()
            for n in range(len(words), 0, -1):  # longest prefix (suffix before "province") known
                span_text = " ".join(words[-n:] if index == 1 else words[:n])
                s = end - len(span_text) if index == 1 else start
                e = s + len(span_text)
                if text[s:e] != span_text:
                    break
                if (s, e) in seen or any(a < e and s < b for a, b in taken):
                    break
                if any(a < e and s < b for a, b in blocked):
                    continue
                m = _make_mention(text, s, e, "scan", gaz, ctx)
                if m is not None:
                    seen.add((s, e))
                    out.append(m)
                    taken.append((s, e))
                    break
    return out


# ---------------------------------------------------------------------------------------------
# resolution

def _candidates(m: Mention) -> list[Place]:
    cands = [c for c in m.candidates if c.lat is not None] or list(m.candidates)  # a place without a position says little
    if m.hint != "admin1":  # an admin1 named like its chief city is that city unless "province" says so
        cities = [c for c in cands if c.feature == "city"]
        cands = [c for c in cands if not (c.feature == "admin1" and any(
            x.country == c.country and x.distance(c) < 30 for x in cities))]
    if m.container:
        cc, admin = m.container
        inside = [c for c in cands if c.country == cc and (admin is None or c.admin1 == admin) and c.feature != "country"]
        cands = inside or cands
    return cands[:60]


def _score(c: Place, m: Mention, ctx: PlaceContext, anchors) -> float:
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
    if c.admin1 and c.feature == "city" and ctx.admin1_named.get(c.admin1, set()) - {normalize(m.text)}:
        s += 2.0  # "Ontario officials in Kingston" (a name never vouches for itself)
    if anchors and c.feature in ("city", "admin1"):
        d = min((c.distance(a.best) for a in anchors if a.best.id != c.id), default=float("inf"))
        s += 1.5 if d < 50 else 1.0 if d < 150 else 0.5 if d < 400 else 0.0
    return s


def _resolve(m: Mention, ctx: PlaceContext, anchors) -> None:
    cands = _candidates(m)
    if not cands:
        m.best = None
        return
    country_named = any(c.feature == "country" and c.main for c in cands)
    # "Benin" is the country, not Benin City (an alternate name): alternates yield to a country's name
    scored = [(_score(c, m, ctx, anchors) - (3.0 if country_named and not c.main else 0.0), c) for c in cands]
    scored.sort(key=lambda x: -x[0])
    top = scored[0][0]
    z = sum(math.exp(s - top) for s, _ in scored)
    m.best = scored[0][1]
    m.score = 1.0 / z
    m.margin = top - scored[1][0] if len(scored) > 1 else 10.0
    m.scores = {c.id: s for s, c in scored[:5]}


def _one_sense(mentions: list[Mention]) -> None:
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


def _accept(m: Mention, ctx: PlaceContext) -> bool:
    """Precision guard: NER places need a plausible referent; PERSON/scan ones need context."""
    c = m.best
    if m.outside and not m.container and c.feature in ("city", "admin1"):
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
        if supported or c.feature in ("country", "region") or (c.feature == "admin1" and c.main):
            return True
        if not c.main:  # found only under an alternate name ("Hamas" → Hamm, "Christian")
            return c.population >= 500_000
        if ctx.country_w and share == 0.0 and c.population < 100_000 and not c.capital \
                and c.country not in ctx.para_countries.get(m.paragraph, ()):
            return False  # a town in a country the article never names, when it names others
        return c.population >= 10_000
    if m.source == "person":
        before = [w for w in ctx.text[max(0, m.start - 40):m.start].lower().split() if w not in _LOCATIVE_ADJ]
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
        if not supported:  # never for a PERSON: "did you discuss Aleppo?" (NORP), "Benin opened its borders" (ORG)
            if m.label == "PERSON" or not confident:
                return False
            return (c.feature == "country" and c.main) or (cue and c.population >= 1_000_000)
        admin_container = bool(m.container and m.container[1] and c.admin1 == m.container[1])
        return confident and (cue or local or admin_container or c.capital or c.population >= 100_000)
    # scan
    return (supported and (m.score >= 0.4 or m.margin >= 1.0)) or (c.population >= 100_000 and m.score >= 0.6)


# ---------------------------------------------------------------------------------------------
# how a mention is used

LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|into|to|from|outside|inside|across|around|toward|towards|throughout|within|through|"
    r"(?:town|city|village|province|governorate|district|region|area|areas|capital|outskirts|suburbs?|vicinity|"
    r"part|parts|north|south|east|west|centre|center|heart|streets)\s+of)\s+(?:the\s+)?"
    r"(?:(?!(?:with|by|for|against|on|about|over|and|or|between|of|to|from|into|at|in|that|which|who)\s)"
    r"[a-z\-]+\s+){0,2}$")
VAGUE_BEFORE = re.compile(r"\b(?:area|areas|part|parts|region|regions|north|south|east|west|corner|border|"
                          r"territory|somewhere)\s+of\s+(?:the\s+)?$")
NOT_LOCATION_DEPS = {"compound", "amod", "nmod", "poss"}
_LOCATIVE_PREPS = {"in", "at", "near", "into", "to", "from", "outside", "inside", "across", "around", "toward",
                   "towards", "throughout", "within", "through", "via", "along", "beyond", "onto", "off", "past",
                   "across", "opposite", "outside"}
_OF_PLACE = {"outskirts", "vicinity", "heart", "centre", "center", "north", "south", "east", "west", "part", "parts",
             "streets", "capital", "suburbs", "suburb", "province", "governorate", "district", "region", "town",
             "city", "village", "area", "areas", "edge", "corner", "rest", "interior", "coast", "borders"}
_POSSESSOR = re.compile(r"(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*['’]s\s+$")


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset]:
    from .. import datafiles
    return {key: frozenset(value) for key, value in datafiles.document("place_cues.json").items()}


def mention_role(doc, text: str, start: int, end: int) -> dict:
    """How a place mention is used: ``locative`` ("in Mitrovica", "the town of Raska"), ``modifier``
    of an actor noun ("Kosovo police", "U.S. airstrikes", "Kosovo Serbs"), ``actor`` ("Brussels
    said", "conducted by Pristina"), ``vague`` ("an area of Kosovo"). The parse decides; a
    preposition right before the name is the fallback when the parse has no attachment."""
    before = _POSSESSOR.sub("", text[max(0, start - 60):start])  # "in northwestern Syria's Idlib"
    vague = bool(VAGUE_BEFORE.search(before))
    locative = bool(LOCATIVE_BEFORE.search(before))
    span = doc.char_span(start, end, alignment_mode="expand")
    modifier = actor = False
    if span is not None:
        root = span.root
        first = root
        while first.dep_ in ("conj", "appos") and first.head.i < first.i:  # "Belgrade and Pristina", "Sarmada, Syria"
            first = first.head
        while first.dep_ == "poss" and first.head.dep_ in ("pobj", "conj", "appos"):  # "Syria's Idlib province"
            first = first.head
        cues = _cues()
        head = first.head
        if first.dep_ in NOT_LOCATION_DEPS and head.i > first.i \
                and (head.lower_ in cues["agent_heads"] or normalize(head.text) in demonyms()) \
                and head.lower_ not in cues["place_nouns"]:
            modifier = True
        elif first.dep_ in ("nsubj", "nsubjpass"):
            actor = True
        elif first.dep_ == "pobj":
            prep = head.lower_
            if prep in ("by", "with", "against", "between", "for", "about", "over") \
                    or (prep == "on" and head.head.lower_ not in cues["on_heads"]):
                actor = not locative or prep in ("by", "with")
                locative = False
            elif prep in _LOCATIVE_PREPS or (prep == "on" and head.head.lower_ in cues["on_heads"]):
                locative = True  # "in Mitrovica", "strikes on Rafah"
            elif prep == "of":
                locative = head.head.lower_ in cues["place_nouns"] or head.head.lower_ in _OF_PLACE
        elif first.dep_ in ("dobj", "attr", "ROOT", "npadvmod") and first.i != root.i:
            locative = False
        elif first.dep_ == "dobj":
            locative = False  # "to attack the United States", "left Belgrade"
    return {"locative": locative and not (modifier or actor), "modifier": modifier, "actor": actor, "vague": vague}


# ---------------------------------------------------------------------------------------------
# output

_ABBREVIATION = re.compile(r"^[A-Z](?:\.?[A-Z]){1,3}\.?$")  # "U.S.", "UK", "U.A.E."


def _attributive(doc, start: int, end: int) -> bool:
    """A country name used as an adjective before a common noun that is no place noun ("U.S.
    efforts", "U.K. commitment"), not where something is ("U.S. soil", "U.S. territory")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ not in ("compound", "amod", "nmod") or head.i <= root.i or head.pos_ != "NOUN":
        return False
    cues = _cues()
    if head.lower_ in cues["place_nouns"] or head.lower_ in _OF_PLACE or head.lower_ in {"soil", "territory", "waters",
                                                                                         "airspace", "side", "coast"}:
        return False
    return not any(t.pos_ == "PROPN" for t in doc[root.i + 1:head.i])  # "U.S. Central Command" is a name


def _rank(place: Place, direction: str | None) -> float:
    """How specific a place is: city 3, admin1 2, country-level 1.5 (a country's region) or 1."""
    if place.feature == "city":
        return 3.0
    if place.feature == "admin1":
        return 2.0
    if place.feature == "country":
        return 1.5 if direction else 1.0
    return 1.5 if place.country else 1.0  # a listed region (Gaza Strip) or a sea/continent


def _emit(doc, result, kept: list[Mention], gaz) -> None:
    groups: dict[tuple, list[Mention]] = {}
    roles = {}
    for m in sorted(kept, key=lambda m: m.start):
        key = (m.best.id, m.region[1] if m.region else None)
        groups.setdefault(key, []).append(m)
        roles[id(m)] = mention_role(doc, result.text, m.region[0] if m.region else m.start, m.end)
        if m.best.feature == "country" and m.region is None and not roles[id(m)]["locative"] \
                and _ABBREVIATION.match(m.text) and _attributive(doc, m.start, m.end):
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
                                   "rank": _rank(best, direction), "source": m.source, **roles[id(m)]})
            if m.source == "person" and m.entity_id:
                relabelled.add(m.entity_id)
    for entity in result.entities:
        if entity["id"] in relabelled:
            entity["label"] = "GPE"
    result.stages.places = PlaceFindings(sorted(place_mentions, key=lambda p: p["start"]))
