"""Speakers: who a speaker noun phrase is — a named person or organisation of the article, an
outlet, a statement and whoever issued it, an anonymous source — with role and country.

Shared by the ``coref`` and ``quotes`` stages. :class:`ArticleIndex` is the per-article index both use
(paragraphs, quotation marks, which entity mention each token belongs to). :func:`describe` turns
the head token of a speaker phrase into the contract's ``speaker`` object:

* "Serbian Prime Minister Ana Brnabic" → name "Ana Brnabic", role "Prime Minister", country RS;
* "Zlatan Elek, the head of a hospital in Mitrovica" → role "head of a hospital in Mitrovica";
* "A Kosovo police statement" → the issuer, "Kosovo police" (the statement is the channel);
* "Serbian state TV" → an outlet; "sources" → anonymous; "his office" → the person's office;
* "he", "it", "the press secretary", "the release" → whatever ``coref`` resolved them to, or an
  explicit unresolved speaker (``name`` null, ``unresolved`` the word) — never the pronoun itself.

Lexicons (speaker nouns, pronouns) are in ``data/quote_cues.json``, cue verbs in ``data/reporting_verbs.tsv``; countries come from
:mod:`newsevents.countries`.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import datafiles
from ..countries import country_of, demonyms
from ..vocabulary import content_preps, speech_verbs, verb_platforms
from ..extractors.quotemarks import find_quotations, paragraphs
from ..nlp.pipeline import title_abbreviations

PRONOUN_WORDS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "hers", "theirs", "i", "me",
                 "we", "us", "you", "my", "our", "your", "this", "that", "these", "those", "who", "which"}
PRON_FIRST_SECOND = {"i", "me", "we", "us", "you", "my", "our", "your", "myself", "ourselves", "yourself"}
_DETS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her"}
NP_LEFT_DEPS = {"det", "poss", "compound", "amod", "nmod", "nummod", "quantmod", "case", "punct", "advmod", "predet"}


# ---------------------------------------------------------------------------------------------
# lexicons

@lru_cache(maxsize=1)
def lexicon() -> dict:
    """``data/quote_cues.json`` with its lists turned into sets, and the speech verbs of
    ``data/reporting_verbs.tsv`` by construction."""
    raw = datafiles.document("quote_cues.json")
    nouns = raw["nouns"]
    lex = {
        "clausal": set(speech_verbs("clausal")),
        "directive": set(speech_verbs("directive")),
        "object": set(speech_verbs("object")),
        "claim_objects": set(speech_verbs("claim_object")),
        "object_preps": {k: set(v) for k, v in content_preps().items()},
        "quoting": set(speech_verbs("quoting")),
        "media_verbs": dict(verb_platforms()),
        "weak": set(speech_verbs("weak")),
        "strong": set(speech_verbs("strong")),
        "commissive": set(speech_verbs("commissive")),
        "according_to": [tuple(p.split()) for p in raw["according_to"]],
        "platforms": {p.lower(): p for p in raw["platforms"]},
        "pronouns": raw["pronouns"],
        "min_words": int(raw["short_quote"]["min_words"]),
        "anonymity": [a.lower() for a in raw["anonymity"]],
    }
    for key in ("document", "document_modifiers", "media", "organisation", "anonymous", "person",
                "title_female", "title_male", "person_titles", "ranks", "honorifics", "name_particles", "org_name_words"):
        lex[key] = {w.lower() for w in nouns[key]}
    lex["title_words"] = {k.lower(): v.lower() for k, v in nouns["title_words"].items()}
    lex["cue_verbs"] = lex["clausal"] | lex["directive"] | lex["object"] | lex["quoting"] | set(lex["media_verbs"]) \
        | lex["commissive"]
    return lex


def in_lexicon(tok, key: str) -> bool:
    """Is the word (its lemma, lower-cased form, or singular) in the noun list ``key``?"""
    words = lexicon()[key]
    low = tok.lower_
    return tok.lemma_.lower() in words or low in words or (low.endswith("s") and low[:-1] in words)


def speakerish(ctx, tok) -> bool:
    """Can the phrase headed by ``tok`` speak: a person, organisation, outlet, document, anonymous
    source, named entity, or a personal pronoun?"""
    if tok.lower_ in ctx.lex["pronouns"]:
        return True
    if tok.pos_ == "PRON":
        return False
    if ctx.entity_of(tok.i) is not None or tok.pos_ == "PROPN":
        return True
    return any(in_lexicon(tok, k) for k in ("person", "organisation", "media", "document", "anonymous"))


    demonyms, names = _country_tables()
    if key in demonyms:
        return demonyms[key]
    if ent_type in ("GPE", "NORP", "") and key in names:
        return names[key]
    if ent_type in ("GPE", "NORP"):
        try:
            import pycountry
            return pycountry.countries.lookup(key).alpha_2
        except (LookupError, ImportError):
            return None
    return None


# ---------------------------------------------------------------------------------------------
# per-article index

class ArticleIndex:
    """Per-article index shared by coref and quotes (built once, kept in ``result.stages.cache``)."""

    def __init__(self, doc, result):
        self.doc = doc
        self.result = result
        self.text = result.text
        self.lex = lexicon()
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.quotations = find_quotations(self.text, self.paras)
        self.tok_starts = [t.idx for t in doc]
        n = len(doc)
        self.tok_para = [self.para_of(t.idx) for t in doc]
        # which quotation (index) each token is inside: marks included, -1 outside
        self.tok_quote = [-1] * n
        for qi, q in enumerate(self.quotations):
            for i in self.tokens_between(q.open, q.outer_end):
                self.tok_quote[i] = qi
        # entity mention of each token
        self.entities = {e["id"]: e for e in result.entities}
        self.tok_entity: list[tuple[str, int, int] | None] = [None] * n
        for e in result.entities:
            for m in e["mentions"]:
                if m.get("kind") in ("pronoun", "nominal"):
                    continue
                for i in self.tokens_between(m["start"], m["end"]):
                    if self.tok_entity[i] is None or self._longer(m, self.tok_entity[i]):
                        self.tok_entity[i] = (e["id"], m["start"], m["end"])
        self.sent_id = self._sentences()
        self.antecedent: dict[int, object] = {}  # filled by coref: token index → Referent
        self.profiles: dict[str, dict] = {}
        self._profiles_built = False
        self._person_names: dict[str, tuple[str, str | None]] | None = None

    def person_names(self) -> dict[str, tuple[str, str | None]]:
        """Surname → (full name, entity id) of the people named in full in the article, also those
        the NER labelled otherwise but the text shows are people ("Marko Djuric, Serbia's foreign
        minister") — so that a later "Djuric told RTS" is that person."""
        if self._person_names is None:
            names: dict[str, tuple[str, str | None]] = {}
            for e in self.result.entities:
                for m in e["mentions"]:
                    if m.get("kind") in ("pronoun", "nominal"):
                        continue
                    toks = list(self.tokens_between(m["start"], m["end"]))
                    if not toks:
                        continue
                    head = self.doc[_span_head(self.doc, toks)]
                    if e["label"] == "PERSON" or person_evidence(self.doc, head):
                        left = strip_titles(self.doc, _name_left(self.doc, head.i), head.i)
                        if head.i > left:
                            full = self.text[self.doc[left].idx: head.idx + len(head)]
                            names.setdefault(head.text, (full, e["id"]))
            self._person_names = names
        return self._person_names

    @staticmethod
    def _longer(m, cur) -> bool:
        return m["end"] - m["start"] > cur[2] - cur[1]

    # --- offsets
    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def tokens_between(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside ``[start, end)``."""
        a = bisect.bisect_left(self.tok_starts, start)
        b = bisect.bisect_left(self.tok_starts, end)
        return range(a, b)

    def entity_of(self, i: int) -> dict | None:
        hit = self.tok_entity[i]
        return self.entities.get(hit[0]) if hit else None

    def label_of(self, i: int) -> str | None:
        ent = self.entity_of(i)
        return ent["label"] if ent else None

    def _sentences(self) -> list[int]:
        """A sentence id per token: spaCy's sentences, also cut at every paragraph start and at
        sentence-final punctuation outside quotation marks (spaCy joins lines)."""
        doc = self.doc
        out = [0] * len(doc)
        sid = 0
        prev_para = 0
        cut_next = False
        for t in doc:
            para = self.tok_para[t.i]
            new = t.i > 0 and (para != prev_para or cut_next or (t.is_sent_start and self.tok_quote[t.i] < 0
                                                                 and self.tok_quote[t.i - 1] < 0))
            if new:
                sid += 1
            out[t.i] = sid
            prev_para = para
            if t.is_space:
                continue
            cut_next = self.tok_quote[t.i] < 0 and t.text in (".", "!", "?") and t.pos_ == "PUNCT" \
                and not (t.text == "." and t.i > 0 and not doc[t.i - 1].whitespace_
                         and doc[t.i - 1].text in title_abbreviations())  # "Maj." split by the tokenizer
        return out

    def sentence_range(self, i: int) -> range:
        """Token indices of the sentence of token ``i``."""
        sid = self.sent_id[i]
        a = i
        while a > 0 and self.sent_id[a - 1] == sid:
            a -= 1
        b = i
        n = len(self.doc)
        while b + 1 < n and self.sent_id[b + 1] == sid:
            b += 1
        return range(a, b + 1)

    # --- profiles of named people: role and country from titles/appositions anywhere in the article
    def profile(self, entity_id: str) -> dict:
        if not self._profiles_built:
            self._build_profiles()
        return self.profiles.get(entity_id, {})

    def _build_profiles(self) -> None:
        self._profiles_built = True
        for e in self.result.entities:
            if e["label"] not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            prof: dict = {"role": None, "country": None, "words": set(), "gender": None, "rank": None}
            for m in e["mentions"]:
                if m.get("kind") in ("pronoun", "nominal"):
                    continue
                toks = list(self.tokens_between(m["start"], m["end"]))
                if not toks:
                    continue
                head = _span_head(self.doc, toks)
                if e["label"] != "PERSON" and not person_evidence(self.doc, self.doc[head]):
                    continue
                role, country, words, gender, rank = person_attributes(self, head, m["start"], m["end"])
                prof["role"] = prof["role"] or role
                prof["rank"] = prof["rank"] or rank
                prof["country"] = prof["country"] or country
                prof["words"] |= words
                prof["gender"] = prof["gender"] or gender
            self.profiles[e["id"]] = prof


def article_index(doc, result) -> ArticleIndex:
    ctx = result.stages.cache.article_index
    if ctx is None or ctx.doc is not doc:
        ctx = ArticleIndex(doc, result)
        result.stages.cache.article_index = ctx
    return ctx


def _span_head(doc, toks: list[int]) -> int:
    inside = set(toks)
    for i in toks:
        if doc[i].head.i not in inside or doc[i].head.i == i:
            return i
    return toks[-1]


# ---------------------------------------------------------------------------------------------
# noun phrases

def np_left(doc, head: int, stop: int | None = None) -> int:
    """First token of the noun phrase headed by ``head`` (its left modifiers, not past ``stop``)."""
    left = _np_left_edge(doc[head], 0)
    if stop is not None:
        left = max(left, stop)
    for i in range(head - 1, left - 1, -1):  # a dateline ("Sept 5 (Reuters) - Serbian President …") is no modifier
        t = doc[i]
        dash = t.text in ("—", "–") or t.text == "-" and t.whitespace_ and i > 0 and doc[i - 1].whitespace_
        if t.text in (":", "|") or t.ent_type_ in ("DATE", "TIME") or dash and (
                i == 0 or doc[i - 1].text == ")" or doc[i - 1].is_upper and len(doc[i - 1].text) > 1
                or doc[i - 1].ent_type_ in ("DATE", "TIME") or not doc[i - 1].text[:1].isupper()):
            # (a dash between two capitalised parts of a name stays: "Combined Joint Task Force – Inherent Resolve")
            left = i + 1
            break
    while left < head and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return left


def _np_left_edge(tok, depth: int) -> int:
    """Leftmost token reached from ``tok`` through noun-phrase modifiers only (not through a clause
    or a quotation mark the parse hung on the noun: "“…,” police spokesman Maj. X told")."""
    left = tok.i
    if depth > 6:
        return left
    for child in tok.lefts:
        if child.dep_ in NP_LEFT_DEPS and not (child.is_punct and child.dep_ == "punct"):
            left = min(left, _np_left_edge(child, depth + 1))
    return left


def appositive(doc, head: int):
    """The apposition of the phrase headed by ``head``: "the mayor, Ivan Petrov"; also a name the parse
    hangs on the phrase's prepositional object ("The United Nations envoy to Sudan, Volker Perthes")."""
    for child in doc[head].rights:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
            return child
    frontier = [doc[head]]
    for _ in range(2):  # "envoy to Sudan, X", "head of the office in Gaza, X"
        nxt = []
        for tok in frontier:
            for prep in tok.rights:
                if prep.dep_ != "prep":
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    for child in pobj.rights:
                        if child.dep_ == "appos" and child.pos_ == "PROPN" and _comma_before(doc, child) \
                                and (child.ent_type_ == "PERSON" or looks_like_person_name(doc, child)):
                            return child
                    nxt.append(pobj)
        frontier = nxt
    return None


def _comma_before(doc, tok) -> bool:
    i = tok.left_edge.i - 1
    return i >= 0 and doc[i].text in (",", "—", "–", "(")


def strip_titles(doc, left: int, head: int) -> int:
    """First token of a personal name after the titles, ranks and forms of address before it
    ("Col. Souleymane Dembele" → "Souleymane", "Sheikh Tamim …" → "Tamim")."""
    lex = lexicon()
    words = lex["person_titles"] | lex["ranks"] | lex["honorifics"]
    while left < head and (doc[left].lower_.rstrip(".") in words or doc[left].text in (".", "-")):
        left += 1
    return left


def _rank_run(ctx: "ArticleIndex", first: int, stop: int) -> tuple[list[int], list[int], int]:
    """Ranks and forms of address written right before a name (token ``first``), scanning left
    down to ``stop``: (rank tokens, honorific tokens, first token of the run)."""
    doc = ctx.doc
    lex = ctx.lex
    ranks, hon = [], []
    j = first - 1
    while j >= stop:
        t = doc[j]
        w = t.lower_.rstrip(".")
        if t.text == "." and j - 1 >= stop and doc[j - 1].lower_ in lex["ranks"] | lex["honorifics"]:
            j -= 1
            continue
        if w in lex["ranks"] and t.text[:1].isupper():
            ranks.append(j)
        elif w in lex["honorifics"] and t.text[:1].isupper():
            hon.append(j)
        else:
            break
        j -= 1
    # a rank modifier alone is no rank ("Vice President" stops before it anyway)
    if ranks and all(doc[k].lower_ in ("vice", "rear", "field", "air", "staff") for k in ranks):
        ranks = []
    return sorted(ranks), sorted(hon), j + 1


def _clean_span(doc, a: int, b: int) -> tuple[int, int] | None:
    """Char span of tokens a..b (inclusive) without leading determiners/punctuation and trailing punctuation."""
    while a <= b and (doc[a].is_punct or doc[a].is_space or doc[a].lower_ in ("a", "an", "the")):
        a += 1
    while b >= a and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    if b < a:
        return None
    return doc[a].idx, doc[b].idx + len(doc[b])


def person_attributes(ctx: ArticleIndex, head: int, mstart: int, mend: int):
    """(role, country, role words, gender, rank) of a person mention from the title before it, an
    apposition after it ("X, the head of …"), or the phrase it is the apposition of ("Mali's
    transitional president, Col. Assimi Goita"). Ranks ("Col.", "Lt. Gen.") go to ``rank``; forms of
    address ("Mr", "Dr", "Sheikh") are neither."""
    doc = ctx.doc
    lex = ctx.lex
    left = np_left(doc, head)
    country = None
    gender = None
    first = ctx.token_at(mstart)
    if first > head or first < left:
        first = head
    rank_toks, hon_toks, run_start = _rank_run(ctx, first, left)
    if hon_toks and run_start - 1 >= left and doc[run_start - 1].text[:1].isupper() \
            and doc[run_start - 1].pos_ in ("PROPN", "NOUN", "ADJ") and not _country_token(ctx, run_start - 1) \
            and not in_lexicon(doc[run_start - 1], "person") \
            and doc[run_start - 1].lower_.rstrip(".") not in lex["person_titles"] | lex["ranks"]:
        # "Crown Prince", "Grand Mufti": the form of address is part of the title before it
        run_start = max(rank_toks) + 1 if rank_toks else first
        rank_toks = [i for i in rank_toks if i < run_start]
        hon_toks = []
    skip = set(range(run_start, first))
    title_toks = []
    for i in range(left, head + 1):
        t = doc[i]
        if mstart <= t.idx < mend:
            continue
        if t.lower_.rstrip(".") in lex["title_male"]:
            gender = "m"
        elif t.lower_.rstrip(".") in lex["title_female"]:
            gender = "f"
        if i in skip:
            continue
        c = _country_token(ctx, i)
        if c:
            country = country or c
            continue
        if t.dep_ == "case" or t.is_punct and t.text not in (".", "-") or t.lower_ in _DETS:
            continue
        title_toks.append(i)
    role = None
    rank = _join(ctx, rank_toks) if rank_toks else None
    words = {doc[i].lower_.rstrip(".") for i in title_toks + rank_toks + hon_toks}
    words |= {lex["title_words"][w] for w in words if w in lex["title_words"]}  # "Gen." → "the general"
    if title_toks:
        role = ctx.text[doc[title_toks[0]].idx: doc[title_toks[-1]].idx + len(doc[title_toks[-1]])]
        if lex["title_male"] & {role.lower().rstrip(".")} or lex["title_female"] & {role.lower().rstrip(".")}:
            role = None  # "Mr" is not a role
    app = appositive(doc, head)
    if app is not None and not (mstart <= app.idx < mend):
        sub = [t.i for t in app.subtree if ctx.tok_para[t.i] == ctx.tok_para[head]]
        kept = []
        dropped = set()
        for i in sub:
            c = _country_token(ctx, i) if doc[i].dep_ in ("amod", "compound", "poss") and doc[i].head.i == app.i \
                or not kept and i < app.i else None
            if c:
                country = country or c
                dropped.add(i)
                continue
            if doc[i].dep_ == "case" and (doc[i].head.i in dropped or not kept):
                continue  # the "'s" of "Serbia's foreign minister"
            if not kept and (doc[i].lower_ in _DETS or doc[i].is_punct):
                continue
            kept.append(i)
        if kept:
            span = _clean_span(doc, kept[0], kept[-1])
            if span and doc[kept[0]].i <= app.i:
                role = ctx.text[span[0]:span[1]]
                words |= {doc[i].lower_ for i in kept}
                if app.lower_ in lex["title_male"]:
                    gender = gender or "m"
                elif app.lower_ in lex["title_female"]:
                    gender = gender or "f"
    if role is None:
        described = _described_by(ctx, head, run_start if rank_toks or hon_toks else np_left(doc, head))
        if described is not None:
            a, b = described
            while a <= b and (doc[a].lower_ in _DETS or doc[a].dep_ == "case" or doc[a].is_punct
                              or _country_token(ctx, a)):
                c = _country_token(ctx, a)
                if c:
                    country = country or c
                a += 1
            span = _clean_span(doc, a, b)
            if span:
                role = ctx.text[span[0]:span[1]]
                words |= {doc[i].lower_ for i in range(a, b + 1)}
                noun = doc[b] if doc[b].pos_ == "NOUN" else None
                if noun is not None and noun.lower_ in lex["title_male"]:
                    gender = gender or "m"
                elif noun is not None and noun.lower_ in lex["title_female"]:
                    gender = gender or "f"
    if role is None and not rank and hon_toks and any(doc[i].lower_ in lex["person_titles"] - {"mr", "mrs", "ms", "miss"}
                                                      and doc[i].lower_ not in ("dr", "prof", "sir", "dame")
                                                      for i in hon_toks):
        role = _join(ctx, hon_toks)  # "Sheikh", "Emir", "King" with nothing else said of the person
    return role, country, words, gender, rank


def _join(ctx: ArticleIndex, toks: list[int]) -> str:
    doc = ctx.doc
    a, b = toks[0], toks[-1]
    if b + 1 < len(doc) and doc[b + 1].text == "." and not doc[b].whitespace_:
        b += 1  # "Col" "." split by the tokenizer
    return ctx.text[doc[a].idx: doc[b].idx + len(doc[b])]


def _described_by(ctx: ArticleIndex, head: int, name_left: int) -> tuple[int, int] | None:
    """The person-noun phrase a name is the apposition of: "Mali's transitional president, Col.
    Assimi Goita", "The United Nations envoy to Sudan, Volker Perthes" → the token span of the
    description (up to the comma before the name)."""
    doc = ctx.doc
    tok = doc[head]
    if tok.dep_ != "appos":
        return None
    anchor = tok.head
    for _ in range(3):  # the parse may hang the name on the description's prepositional object
        if in_lexicon(anchor, "person") and anchor.pos_ in ("NOUN", "PROPN"):
            break
        if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep" and anchor.head.head.i != anchor.head.i:
            anchor = anchor.head.head
        else:
            return None
    else:
        return None
    if not in_lexicon(anchor, "person") or anchor.i >= head or ctx.tok_para[anchor.i] != ctx.tok_para[head]:
        return None
    b = name_left - 1
    while b > anchor.i and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    if b < anchor.i or b - anchor.i > 12:
        return None
    return np_left(doc, anchor.i), b


def _country_token(ctx: ArticleIndex, i: int) -> str | None:
    """Country of a modifier token: a demonym or country name ("Serbian", "Kosovo’s"), the whole
    name for a multi-word one ("Burkina Faso's", "South Sudan"), a possessive country name the NER
    labelled otherwise ("Mali's transitional president")."""
    t = ctx.doc[i]
    if not t.text[:1].isupper():
        return None
    hit = ctx.tok_entity[i]
    if hit is not None and hit[2] - hit[1] > len(t.text):
        ent = ctx.entities.get(hit[0])
        if ent is not None and ent["label"] in ("GPE", "NORP"):
            c = country_of(ctx.text[hit[1]:hit[2]], ent["label"])
            if c:
                return c
    if t.ent_type_ in ("GPE", "NORP") or t.pos_ == "ADJ":
        c = country_of(t.text, t.ent_type_ or "NORP")
        if c:
            return c
    if t.dep_ == "compound" and t.head.i > i and t.head.dep_ == "poss" and t.head.i - i <= 3:
        t = t.head  # "Burkina" of "Burkina Faso's"
        i = t.i
    if t.dep_ == "poss" or any(c.dep_ == "case" for c in t.children):
        a = i
        while a > 0 and ctx.doc[a - 1].dep_ == "compound" and ctx.doc[a - 1].head.i == i and ctx.doc[a - 1].text[:1].isupper():
            a -= 1
        return country_of(ctx.text[ctx.doc[a].idx: t.idx + len(t)], "")
    return demonyms().get(t.lower_)


def unresolved(word: str | None, mention: dict | None) -> dict:
    return {"name": None, "entity": None, "role": None, "country": None, "kind": "unknown",
            "unresolved": word or "none", "mention": mention}


def _mention(ctx: ArticleIndex, a: int, b: int) -> dict | None:
    span = _clean_span(ctx.doc, a, b)
    if not span:
        return None
    return ctx.result.evidence(span[0], span[1])


def describe(ctx: ArticleIndex, head: int, *, depth: int = 0, fallback: dict | None = None) -> dict:
    """The ``speaker`` object for the phrase headed by token ``head`` (never named by a pronoun)."""
    out = _describe(ctx, head, depth=depth, fallback=fallback)
    name = out.get("name")
    if name and name.lower() in PRONOUN_WORDS:
        return unresolved(name, out.get("mention"))
    return out


def _describe(ctx: ArticleIndex, head: int, *, depth: int = 0, fallback: dict | None = None) -> dict:
    """The ``speaker`` object for the phrase headed by token ``head``.

    ``fallback`` is the last non-person speaker before this one (used for a bare "a statement")."""
    doc = ctx.doc
    lex = ctx.lex
    tok = doc[head]
    low = tok.lower_
    left = np_left(doc, head)
    mention = _mention(ctx, left, head)
    if depth > 4:
        return unresolved(tok.text, mention)

    # pronouns: whatever coref found, else explicitly unresolved
    if low in lex["pronouns"] or low in PRON_FIRST_SECOND or tok.pos_ == "PRON":
        ante = ctx.antecedent.get(head)
        if ante is None:
            return unresolved(tok.text, _mention(ctx, head, head))
        out = describe(ctx, ante.head, depth=depth + 1, fallback=fallback)
        if out.get("name") is None:
            return unresolved(tok.text, _mention(ctx, head, head))
        out = dict(out)
        out["mention"] = _mention(ctx, head, head)
        out["resolved_from"] = tok.text
        return out

    lemma = tok.lemma_.lower()
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)

    if poss is None and lemma in ("office", "cabinet") and not any(c.dep_ in ("compound", "amod") for c in tok.lefts):
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner_tok = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if owner_tok is not None and speakerish(ctx, owner_tok) and depth < 4:
            # "the office of the regional governor": the governor's office speaks
            owner = describe(ctx, owner_tok.i, depth=depth + 1, fallback=fallback)
            if owner.get("name"):
                owner = dict(owner)
                owner["kind"] = "office"
                owner["mention"] = _mention(ctx, left, owner_tok.i)
                return owner
    # "his office", "Vucic's office", "the ministry's statement": the possessor speaks
    named = any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in tok.lefts) \
        or ctx.entity_of(head) is not None  # "Britain's Foreign Office" is a body of its own
    if poss is not None and (lemma in ("office", "cabinet", "camp", "team") and not named
                             or lemma in lex["document"]):
        owner = describe(ctx, poss.i, depth=depth + 1, fallback=fallback)
        if owner.get("name"):
            owner = dict(owner)
            if lemma not in lex["document"]:
                owner["kind"] = "office"
            owner["mention"] = mention
            return owner
        return unresolved(doc[poss.i].text + " " + tok.text, mention)

    if (tok.pos_ in ("NUM", "PRON") or low in ("one", "some", "several", "many", "most", "few", "none")) \
            and low not in lex["pronouns"]:
        part = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((c for c in part.children if c.dep_ == "pobj"), None) if part is not None else None
        if whole is not None and speakerish(ctx, whole) and whole.pos_ != "PRON":
            # "one of the sources said", "two of the officials said": a part of the group speaks
            out = dict(describe(ctx, whole.i, depth=depth + 1, fallback=fallback))
            if out.get("name") and out.get("kind") in ("anonymous", "unnamed"):
                out["name"] = _np_name(ctx, left, whole.i)
                out["role"] = out.get("role") and out["name"]
            out["mention"] = _mention(ctx, left, whole.i)
            return out

    ent = ctx.entity_of(head)
    if ent is not None and tok.pos_ in ("PROPN", "NOUN", "ADJ", "NUM", "X"):
        if ent["label"] != "PERSON" and person_evidence(doc, tok):
            return _describe_person(ctx, ent, head, mention)
        return _describe_entity(ctx, ent, head, mention)

    if lemma in lex["document"] or low in lex["document"]:
        return _describe_document(ctx, head, left, mention, depth, fallback)

    if lemma in lex["media"] or low in lex["media"]:
        app = appositive(doc, head)
        nxt = head + 1
        if app is None and nxt < len(doc) and ctx.tok_para[nxt] == ctx.tok_para[head] and doc[nxt].pos_ == "PROPN" \
                and ctx.tok_entity[nxt] is not None and ctx.tok_entity[nxt][1] == doc[nxt].idx \
                and ctx.entity_of(nxt)["label"] in ("ORG", "PERSON", "GPE", "PRODUCT", "WORK_OF_ART"):
            # "the state news agency SUNA", "the broadcaster NHK": the name right after the description
            ent = ctx.entity_of(nxt)
            last = ctx.token_at(ctx.tok_entity[nxt][2] - 1)
            return {"name": ent["name"], "entity": ent["id"], "role": None, "country": _np_country(ctx, left, head),
                    "kind": "media", "mention": _mention(ctx, left, last)}
        if app is not None and app.pos_ == "PROPN":  # "the state news agency IRNA"
            ent = ctx.entity_of(app.i)
            return {"name": ent["name"] if ent else _np_name(ctx, np_left(doc, app.i), app.i),
                    "entity": ent["id"] if ent else None, "role": None, "country": _np_country(ctx, left, head),
                    "kind": "media", "mention": _mention(ctx, left, app.i)}
        name_ent = _modifier_entity(ctx, head, left, ("ORG",))
        country = _np_country(ctx, left, head)
        if name_ent is not None:
            return {"name": name_ent["name"], "entity": name_ent["id"], "role": None, "country": country,
                    "kind": "media", "mention": mention}
        return {"name": _np_name(ctx, left, head), "entity": None, "role": None, "country": country,
                "kind": "media", "mention": mention}

    if lemma in lex["anonymous"] or low in lex["anonymous"]:
        ante = ctx.antecedent.get(head)
        if ante is not None and ante.head != head and depth < 4:  # "the source said" → "a security source"
            out = describe(ctx, ante.head, depth=depth + 1, fallback=fallback)
            if out.get("name"):
                out = dict(out)
                out["mention"] = mention
                return out
        return {"name": _np_name(ctx, left, _np_right(ctx, head)), "entity": None, "role": None,
                "country": _np_country(ctx, left, head), "kind": "anonymous", "anonymous": True, "mention": mention}

    if (lemma in lex["person"] or low in lex["person"]) and not collective(tok):
        app = appositive(doc, head)
        if app is not None and app.pos_ == "PROPN":
            # "The minister, Ivica Dacic, said": the name in apposition is the speaker
            out = describe(ctx, app.i, depth=depth + 1, fallback=fallback)
            if out.get("name"):
                out = dict(out)
                out["role"] = out.get("role") or _np_name(ctx, left, head, drop_countries=True)
                out["country"] = out.get("country") or _np_country(ctx, left, head)
                out["mention"] = mention
                return out
        ante = ctx.antecedent.get(head)
        if ante is not None and ante.head != head and depth < 4:
            out = describe(ctx, ante.head, depth=depth + 1, fallback=fallback)
            if out.get("name"):
                out = dict(out)
                out["mention"] = mention
                return out
        name = _np_name(ctx, left, head)
        role = _np_name(ctx, left, head, drop_countries=True)
        return {"name": name, "entity": None, "role": role, "country": _np_country(ctx, left, head),
                "kind": "unnamed", "mention": mention}

    if tok.pos_ == "PROPN" and tok.text in ctx.person_names() and ent is None:
        full, ent_id = ctx.person_names()[tok.text]  # "Djuric told RTS" after "Marko Djuric, Serbia's foreign minister"
        prof = ctx.profile(ent_id) if ent_id else {}
        return {"name": full, "entity": ent_id, "role": prof.get("role"), "country": prof.get("country"),
                "kind": "person", "mention": mention}
    kind = "organisation" if (lemma in lex["organisation"] or low in lex["organisation"]) else "other"
    if kind == "other" and tok.pos_ == "PROPN" and \
            {doc[i].lower_ for i in range(_name_left(doc, head), head + 1)} & lex["org_name_words"]:
        kind = "organisation"  # "Human Rights Watch"
    ante = ctx.antecedent.get(head)
    if kind == "organisation" and ante is not None and ante.head != head:
        out = describe(ctx, ante.head, depth=depth + 1, fallback=fallback)  # "the ministry" → the one named before
        if out.get("name"):
            out = dict(out)
            out["mention"] = mention
            return out
    if kind == "other" and tok.pos_ == "PROPN" and looks_like_person_name(doc, tok):
        first = strip_titles(doc, _name_left(doc, head), head)
        role, country, _, _, rank = person_attributes(ctx, head, doc[first].idx, tok.idx + len(tok))
        out = {"name": _np_name(ctx, first, head), "entity": None, "role": role,
               "country": country or _np_country(ctx, left, head), "kind": "person", "mention": mention}
        if rank:
            out["rank"] = rank
        return out
    return {"name": _np_name(ctx, left, head, drop_adjectives=kind == "organisation"), "entity": None, "role": None,
            "country": _np_country(ctx, left, head), "kind": kind, "mention": mention}


def collective(tok) -> bool:
    """A word that names a person or a body ("guard", "monitor") names the body when a noun or a
    country modifies it: "the Philippine coast guard", "a war monitor" (not "a guard said")."""
    if not (in_lexicon(tok, "person") and in_lexicon(tok, "organisation")):
        return False
    return any(c.dep_ in ("compound", "amod", "poss") and (c.pos_ in ("NOUN", "PROPN") or c.text[:1].isupper())
               for c in tok.lefts)


def person_evidence(doc, tok) -> bool:
    """Structural evidence that a proper name is a person, whatever the NER label: an apposition
    with a person noun ("Marko Djuric, Serbia's foreign minister"), being the apposition of one
    ("Its commander, Major General Ozkan Ulutas"), or a title before it ("President Vucic")."""
    lex = lexicon()
    if tok.pos_ != "PROPN":
        return False
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN" and in_lexicon(c, "person") and not collective(c):
            return True
    if tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and in_lexicon(tok.head, "person") \
            and not collective(tok.head):
        return True
    names = 0
    for i in range(tok.i, max(-1, tok.i - 8), -1):
        t = doc[i]
        if t.head.i != tok.i and i != tok.i and t.dep_ != "compound" or t.dep_ not in ("compound", "nsubj", "nsubjpass",
                                                                                      "appos", "pobj", "dobj", "ROOT") and i != tok.i:
            break
        word = t.lower_.rstrip(".")
        if i != tok.i and word in lex["person_titles"] and t.text[:1].isupper():
            return word not in ("general", "head", "chief", "leader", "director") or names >= 2
        if t.pos_ == "PROPN":
            names += 1
    return False


def looks_like_person_name(doc, tok) -> bool:
    """A proper-noun phrase the NER missed that reads as a person's name: two or more capitalised
    name tokens ("Ana Brnabic") or one after a personal title ("Mr Vucic"), no organisation word."""
    lex = lexicon()
    if person_evidence(doc, tok):
        return True
    if tok.ent_type_ and tok.ent_type_ != "PERSON":
        return False
    names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()
             and c.i == tok.i - 1]
    words = {c.lower_.rstrip(".") for c in tok.lefts}
    if words & (lex["organisation"] | lex["media"] | lex["document"]):
        return False
    chain = {doc[i].lower_ for i in range(_name_left(doc, tok.i), tok.i + 1)}
    if chain & lex["org_name_words"]:
        return False  # "Human Rights Watch", "Doctors Without Borders"
    if tok.lower_ in lex["organisation"] or not tok.text[:1].isupper() or tok.text.isupper():
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_.rstrip(".") in (lex["title_male"] | lex["title_female"] | lex["person"]):
        return True
    return bool(names) and all(not c.ent_type_ or c.ent_type_ == "PERSON" for c in names)


def _name_left(doc, head: int) -> int:
    """First token of the proper-name compound chain ending at ``head`` ("Human" of "Human Rights Watch")."""
    i = head
    while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound" and head - 6 < doc[i - 1].head.i <= head \
            and doc[i - 1].head.i >= i - 1:
        i -= 1
    return i


def _describe_person(ctx: ArticleIndex, ent: dict, head: int, mention) -> dict:
    hit = ctx.tok_entity[head]
    role, country, _, _, rank = person_attributes(ctx, head, hit[1], hit[2])
    prof = ctx.profile(ent["id"])
    name = ent["name"]
    if ent["label"] != "PERSON":
        # an NER label other than PERSON: the mention may carry the title ("Major General Ozkan Ulutas")
        left = strip_titles(ctx.doc, _name_left(ctx.doc, head), head)
        name = _np_name(ctx, left, head)
        if not role and not rank:
            a = ctx.token_at(hit[1])
            ranks, _, start = _rank_run(ctx, left, a)
            rank = _join(ctx, ranks) if ranks else None
            if not rank:
                role = _title_before(ctx, left, hit[1])
    out = {"name": name, "entity": ent["id"], "role": role or prof.get("role"),
           "country": country or prof.get("country"), "kind": "person", "mention": mention}
    if rank or prof.get("rank"):
        out["rank"] = rank or prof.get("rank")
    return out


def _title_before(ctx: ArticleIndex, left: int, mstart: int) -> str | None:
    doc = ctx.doc
    a = ctx.token_at(mstart)
    toks = [i for i in range(a, left) if doc[i].lower_.rstrip(".") in ctx.lex["person_titles"] or doc[i].pos_ == "PROPN"]
    if not toks:
        return None
    return ctx.text[doc[toks[0]].idx: doc[toks[-1]].idx + len(doc[toks[-1]])]


def _describe_entity(ctx: ArticleIndex, ent: dict, head: int, mention) -> dict:
    label = ent["label"]
    hit = ctx.tok_entity[head]
    if label == "PERSON":
        return _describe_person(ctx, ent, head, mention)
    left = np_left(ctx.doc, head)
    country = _np_country(ctx, left, head)
    name = ent["name"]
    if label == "ORG" and left < hit[1] and any(ctx.doc[i].dep_ == "poss" for i in range(left, head)) \
            and not _proper_name(ctx.text[hit[1]:hit[2]]):
        span = _clean_span(ctx.doc, left, ctx.token_at(hit[2] - 1))
        name = ctx.text[span[0]:span[1]] if span else name  # "Russia's defence ministry"
    app = appositive(ctx.doc, head)
    if app is not None and app.pos_ == "NOUN" and (in_lexicon(app, "media") or in_lexicon(app, "organisation")):
        # "Xinhua, the official news agency, reported": the apposition says what the name is
        return {"name": name, "entity": ent["id"], "role": None, "country": country,
                "kind": "media" if in_lexicon(app, "media") else "organisation", "mention": mention}
    if label in ("GPE",):
        country = country or country_of(ent["name"], "GPE")
        kind = "country"
    elif label == "NORP":
        country = country or country_of(ent["name"], "NORP")
        kind = "group"
    else:
        kind = "organisation"
    return {"name": name, "entity": ent["id"], "role": None, "country": country, "kind": kind,
            "mention": mention}


def _proper_name(text: str) -> bool:
    """"Ministry of Emergency Situations": a name of its own (two or more words, the content words
    capitalised), which a possessor before it ("Russia's") does not become part of."""
    words = text.split()
    content = [w for w in words if w.lower() not in ("of", "for", "and", "the", "on", "in", "de", "al")]
    return len(words) >= 2 and all(w[:1].isupper() for w in content)


def _describe_document(ctx: ArticleIndex, head: int, left: int, mention, depth: int, fallback) -> dict:
    """A statement/release speaks for whoever issued it."""
    doc = ctx.doc
    lex = ctx.lex
    for child in doc[head].rights:  # "a statement from the Ukrainian air force", "a report by the UN"
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of") and ctx.tok_para[child.i] == ctx.tok_para[head]:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and speakerish(ctx, pobj):
                out = dict(describe(ctx, pobj.i, depth=depth + 1, fallback=fallback))
                if out.get("name"):
                    out["mention"] = ctx.result.evidence(doc[left].idx, pobj.idx + len(pobj)) \
                        if _clean_span(doc, left, pobj.i) is None else _mention(ctx, left, pobj.i)
                    out["channel"] = doc[head].lemma_.lower()
                    return out
    tok = doc[head]
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("issue", "release", "publish", "post", "send", "put",
                                                           "make", "deliver", "read", "circulate", "distribute"):
        # "The army issued a statement": the statement speaks for the army
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and speakerish(ctx, subj) and depth < 4:
            out = dict(describe(ctx, subj.i, depth=depth + 1, fallback=fallback))
            if out.get("name"):
                out["mention"] = mention
                out["channel"] = tok.lemma_.lower()
                return out
    issuer = []
    for i in range(left, head):
        t = doc[i]
        if t.lower_ in _DETS or t.is_punct and t.text != "-" or t.lower_ in lex["document_modifiers"] \
                or t.pos_ == "PRON" or t.lower_ in PRONOUN_WORDS \
                or t.lower_ in lex["document"] or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") \
                or t.pos_ in ("NUM", "ADV") or t.pos_ == "ADJ" and not t.text[:1].isupper():
            if issuer:
                break
            continue
        issuer.append(i)
    if issuer:
        ihead = issuer[-1]
        ent = ctx.entity_of(ihead)
        if ent is not None:
            out = _describe_entity(ctx, ent, ihead, mention)
        else:
            span = _clean_span(doc, issuer[0], issuer[-1])
            name = ctx.text[span[0]:span[1]]
            kind = "organisation" if doc[ihead].lemma_.lower() in lex["organisation"] or doc[ihead].pos_ == "PROPN" \
                else "other"
            out = {"name": name, "entity": None, "role": None, "country": _np_country(ctx, issuer[0], ihead),
                   "kind": kind, "mention": mention}
        out["channel"] = doc[head].lemma_.lower()
        return out
    ante = ctx.antecedent.get(head)
    if ante is not None and ante.head != head:
        out = describe(ctx, ante.head, depth=depth + 1, fallback=fallback)
        if out.get("name"):
            out = dict(out)
            out["mention"] = mention
            return out
    if fallback is not None and fallback.get("name"):
        out = dict(fallback)
        out["mention"] = mention
        out["channel"] = doc[head].lemma_.lower()
        return out
    return {"name": _np_name(ctx, left, head), "entity": None, "role": None, "country": None,
            "kind": "document", "mention": mention}


def _modifier_entity(ctx: ArticleIndex, head: int, left: int, labels) -> dict | None:
    for i in range(head - 1, left - 1, -1):
        ent = ctx.entity_of(i)
        if ent is not None and ent["label"] in labels:
            return ent
    return None


def _np_right(ctx: ArticleIndex, head: int) -> int:
    """Last token of a short post-modifier ("sources close to the ministry")."""
    doc = ctx.doc
    right = head
    for child in doc[head].rights:
        if child.dep_ in ("amod", "acl", "prep") and ctx.tok_quote[child.i] < 0:
            r = child.right_edge.i
            if r - head <= 8 and all(ctx.tok_para[k] == ctx.tok_para[head] for k in range(head, r + 1)):
                right = max(right, r)
    return right


def _np_name(ctx: ArticleIndex, left: int, right: int, drop_countries: bool = False, drop_adjectives: bool = False) -> str:
    doc = ctx.doc
    a = left
    if drop_adjectives:  # "the radical Islamic Jihad movement" → "Islamic Jihad movement"
        while a < right and (doc[a].lower_ in _DETS or doc[a].pos_ in ("ADJ", "VERB") and doc[a].text.islower()
                             and doc[a + 1].text[:1].isupper()):
            a += 1  # only before a proper name: "the foreign ministry" keeps "foreign"
    if drop_countries:
        while a < right and (_country_token(ctx, a) or doc[a].lower_ in _DETS or doc[a].dep_ == "case"):
            a += 1
    span = _clean_span(doc, a, right)
    if not span:
        return doc[right].text
    return ctx.text[span[0]:span[1]]


def _np_country(ctx: ArticleIndex, left: int, head: int) -> str | None:
    for i in range(left, head + 1):
        c = _country_token(ctx, i)
        if c:
            return c
    return None
