"""Noun phrases of speakers: where a phrase starts and ends, its apposition, its clean text, the
country a modifier names."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...countries import country_of, demonyms
from .lexicon import DETS, lexicon

if TYPE_CHECKING:
    from .index import ArticleIndex


NP_LEFT_DEPS = {"det", "poss", "compound", "amod", "nmod", "nummod", "quantmod", "case", "punct", "advmod", "predet"}


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


def clean_span(doc, a: int, b: int) -> tuple[int, int] | None:
    """Char span of tokens a..b (inclusive) without leading determiners/punctuation and trailing punctuation."""
    while a <= b and (doc[a].is_punct or doc[a].is_space or doc[a].lower_ in lexicon()["articles"]):
        a += 1
    while b >= a and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    if b < a:
        return None
    return doc[a].idx, doc[b].idx + len(doc[b])


def mention_of(ctx: ArticleIndex, a: int, b: int) -> dict | None:
    span = clean_span(ctx.doc, a, b)
    if not span:
        return None
    return ctx.result.evidence(span[0], span[1])


def np_right(ctx: ArticleIndex, head: int) -> int:
    """Last token of a short post-modifier ("sources close to the ministry")."""
    doc = ctx.doc
    right = head
    for child in doc[head].rights:
        if child.dep_ in ("amod", "acl", "prep") and ctx.tok_quote[child.i] < 0:
            r = child.right_edge.i
            if r - head <= 8 and all(ctx.tok_para[k] == ctx.tok_para[head] for k in range(head, r + 1)):
                right = max(right, r)
    return right


def np_name(ctx: ArticleIndex, left: int, right: int, drop_countries: bool = False, drop_adjectives: bool = False) -> str:
    doc = ctx.doc
    a = left
    if drop_adjectives:  # "the radical Islamic Jihad movement" → "Islamic Jihad movement"
        while a < right and (doc[a].lower_ in DETS or doc[a].pos_ in ("ADJ", "VERB") and doc[a].text.islower()
                             and doc[a + 1].text[:1].isupper()):
            a += 1  # only before a proper name: "the foreign ministry" keeps "foreign"
    if drop_countries:
        while a < right and (country_token(ctx, a) or doc[a].lower_ in DETS or doc[a].dep_ == "case"):
            a += 1
    span = clean_span(doc, a, right)
    if not span:
        return doc[right].text
    return ctx.text[span[0]:span[1]]


def np_country(ctx: ArticleIndex, left: int, head: int) -> str | None:
    for i in range(left, head + 1):
        c = country_token(ctx, i)
        if c:
            return c
    return None


def country_token(ctx: ArticleIndex, i: int) -> str | None:
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


def modifier_entity(ctx: ArticleIndex, head: int, left: int, labels) -> dict | None:
    for i in range(head - 1, left - 1, -1):
        ent = ctx.entity_of(i)
        if ent is not None and ent["label"] in labels:
            return ent
    return None


def proper_name_start(doc, head: int) -> int:
    """First token of the proper-name compound chain ending at ``head`` ("Human" of "Human Rights Watch")."""
    i = head
    while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound" and head - 6 < doc[i - 1].head.i <= head \
            and doc[i - 1].head.i >= i - 1:
        i -= 1
    return i


def proper_name(text: str) -> bool:
    """"Ministry of Emergency Situations": a name of its own (two or more words, the content words
    capitalised), which a possessor before it ("Russia's") does not become part of."""
    words = text.split()
    content = [w for w in words if w.lower() not in lexicon()["name_connectives"]]
    return len(words) >= 2 and all(w[:1].isupper() for w in content)


def span_head(doc, toks: list[int]) -> int:
    inside = set(toks)
    for i in toks:
        if doc[i].head.i not in inside or doc[i].head.i == i:
            return i
    return toks[-1]
