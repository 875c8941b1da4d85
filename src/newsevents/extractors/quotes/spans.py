"""Token and character spans of the quotes stage: content spans cut from the parse, words inside and
outside quotation marks, and the tree relations the cue rules test."""
from __future__ import annotations

import re

from ... import datelines

WORD = re.compile(r"\w+")


def span_of(ctx, toks: list[int], region: range) -> tuple[int, int] | None:
    """Char span from the first to the last token of ``toks`` kept inside ``region``."""
    doc = ctx.doc
    keep = [i for i in toks if i in region]
    if not keep:
        return None
    a, b = min(keep), max(keep)
    while a <= b and (doc[a].is_punct and doc[a].text not in "“„«\"‘'" or doc[a].is_space
                      or doc[a].lower_ == "that" and doc[a].dep_ == "mark" or doc[a].dep_ == "cc" and a < b):
        a += 1
    while b >= a and (doc[b].is_space or doc[b].is_punct and doc[b].text not in "”»\"’'"):
        b -= 1
    if b < a:
        return None
    start, end = doc[a].idx, doc[b].idx + len(doc[b])
    dateline = datelines.match(ctx.text, start, end)
    if dateline:
        start = dateline.end  # "KYIV, March 3 (Reuters) - " (a wire dateline opening a paragraph) is not part of the claim
    return close_marks(ctx, start, end)


def close_marks(ctx, start: int, end: int) -> tuple[int, int]:
    """Extend a content span so that it never cuts a quotation in two."""
    for q in ctx.quotations:
        if start <= q.open < end < q.outer_end:
            end = q.outer_end
        if q.open < start < q.outer_end <= end:
            start = q.open
    text = ctx.text
    while end > start and text[end - 1] in " ,;:\n\t":
        end -= 1
    return start, end


def subtree(tok) -> list[int]:
    return [t.i for t in tok.subtree]


def sentence_region(ctx, v) -> range:
    return ctx.sentence_range(v.i)


def content_words(ctx, span) -> int:
    """Words of ``span`` outside quotation marks."""
    start, end = span
    inside = 0
    for q in ctx.quotations:
        if q.open >= start and q.outer_end <= end:
            inside += len(WORD.findall(ctx.text[q.start:q.end]))
    return len(WORD.findall(ctx.text[start:end])) - inside


def meaningful_outside(ctx, span) -> int:
    """Content words of ``span`` outside quotation marks (no stop words, dates or times)."""
    n = 0
    for i in ctx.tokens_between(*span):
        t = ctx.doc[i]
        if ctx.tok_quote[i] < 0 and t.is_alpha and not t.is_stop and t.ent_type_ not in ("DATE", "TIME"):
            n += 1
    return n


def has_verb_outside(ctx, span) -> bool:
    """Does ``span`` hold a clause verb outside quotation marks (a proposition, not a noun phrase
    — "including" and participles modifying a noun do not count)?"""
    return any(ctx.doc[i].pos_ == "VERB" and ctx.tok_quote[i] < 0
               and ctx.doc[i].dep_ in ("pcomp", "xcomp", "ccomp", "advcl", "csubj", "ROOT")
               for i in ctx.tokens_between(*span))


def has_verb(ctx, span) -> bool:
    return any(ctx.doc[i].pos_ in ("VERB", "AUX") for i in ctx.tokens_between(*span))


def contiguous(toks: list[int], anchor: int) -> list[int]:
    """The run of consecutive indices in ``toks`` that contains (or is nearest to) ``anchor``."""
    if not toks:
        return toks
    toks = sorted(set(toks))
    runs, cur = [], [toks[0]]
    for i in toks[1:]:
        if i == cur[-1] + 1:
            cur.append(i)
        else:
            runs.append(cur)
            cur = [i]
    runs.append(cur)
    for run in runs:
        if run[0] <= anchor <= run[-1]:
            return run
    return max(runs, key=len)


def prep_object(p) -> list[int]:
    """The subtree of a preposition without the preposition ("on both sides" → "both sides")."""
    return [i for i in subtree(p) if i != p.i]


def comma_between(doc, run: list[int], v) -> bool:
    lo, hi = (run[-1], v.i) if run[-1] < v.i else (v.i, run[0])
    return any(doc[k].text in (",", "—", "–", "-") for k in range(lo, hi + 1))


def has_quote_in(ctx, span) -> bool:
    return any(span[0] <= q.open and q.outer_end <= span[1] for q in ctx.quotations)


def prev_word(doc, i: int) -> int:
    j = i - 1
    while j > 0 and doc[j].is_space:
        j -= 1
    return j


def ancestor(tok, anc) -> bool:
    cur = tok
    for _ in range(40):
        if cur.i == anc.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def in_comp(tok, v) -> bool:
    """Is ``tok`` inside the clausal complement or object of ``v``?"""
    cur = tok
    for _ in range(40):
        if cur.head.i == v.i:
            return cur.dep_ in ("ccomp", "dobj", "xcomp")
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def only_punct(ctx, a: int, b: int) -> bool:
    """Are the tokens in [a, b) only punctuation and blanks?"""
    doc = ctx.doc
    return all(doc[k].is_punct or doc[k].is_space for k in range(a, b))


def aux_only(doc, a: int, b: int) -> bool:
    return all(doc[k].pos_ in ("AUX", "PART", "PUNCT", "SPACE") for k in range(a, b))
