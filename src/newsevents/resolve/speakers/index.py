"""The per-article index coref and quotes share: paragraphs, quotation marks, sentences, which
entity mention each token belongs to, and the profiles (role, country) of the people named."""
from __future__ import annotations

import bisect

from ...extractors.quotemarks import find_quotations, paragraphs
from ...nlp.pipeline import title_abbreviations
from .lexicon import lexicon
from .persons import person_attributes, person_evidence, strip_titles
from .phrases import proper_name_start, span_head


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
                    head = self.doc[span_head(self.doc, toks)]
                    if e["label"] == "PERSON" or person_evidence(self.doc, head):
                        left = strip_titles(self.doc, proper_name_start(self.doc, head.i), head.i)
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

    def person_name(self, ent: dict) -> str:
        """The name of a person entity as a name is written: the longest of its mentions made only of
        proper nouns, without titles — not a headline's "Obama Says" or "Derelict Obama" the NER took in."""
        best = None
        lex = self.lex
        for m in ent["mentions"]:
            if m.get("kind") in ("pronoun", "nominal"):
                continue
            toks = list(self.tokens_between(m["start"], m["end"]))
            if not toks:
                continue
            first = strip_titles(self.doc, toks[0], toks[-1])
            words = [self.doc[i] for i in range(first, toks[-1] + 1)]
            if any(t.pos_ not in ("PROPN", "PUNCT") and t.lower_ not in lex["name_particles"] or t.lemma_.lower() in lex["cue_verbs"]
                   for t in words):
                continue
            text = self.text[words[0].idx: words[-1].idx + len(words[-1])].rstrip(".")
            if best is None or len(text) > len(best):
                best = text
        return best or ent["name"]

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
                head = span_head(self.doc, toks)
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
