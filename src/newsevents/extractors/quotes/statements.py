"""Statements without quotation marks (press releases): "X said:" closing its paragraph, then the
statement in the paragraphs after it."""
from __future__ import annotations

from .spans import WORD, ancestor, in_comp


_END = (".", "!", "?", "…", ".”", ".\"", "?”", "!”")


def statement_paragraphs(ctx, cues, items) -> list[tuple]:
    """Press-release style: "The Foreign Secretary Philip Hammond said:" closing its paragraph,
    then the statement in the next paragraphs without quotation marks. Each such paragraph is a
    direct quote of that speaker, up to a paragraph with quotation marks, a new attribution, a
    heading (no final punctuation) or eight paragraphs. "Philip Hammond said: The UK has …" (the
    statement after the colon in the same paragraph) is one too."""
    text = ctx.text
    doc = ctx.doc
    out = []
    taken = {(it[1], it[2]) for it in items}
    for cue in cues:
        if cue.speaker is None or cue.form != "clausal" or doc[cue.verb].lemma_.lower() not in ctx.lex["strong"]:
            continue
        colon = colon_after(ctx, cue.verb)
        if colon is None:
            continue
        pi = cue.para
        ps, pe = ctx.paras[pi]
        rest_start = doc[colon].idx + 1
        while rest_start < pe and text[rest_start].isspace():
            rest_start += 1
        if rest_start < pe:
            body = text[rest_start:pe]
            if not _quoted_inside(ctx, rest_start, pe) and body.rstrip().endswith(_END) and len(WORD.findall(body)) >= 6 \
                    and (rest_start, pe) not in taken:
                out.append(("direct", rest_start, pe, None, cue, "colon"))
            continue
        for pj in range(pi + 1, min(pi + 9, len(ctx.paras))):
            qs, qe = ctx.paras[pj]
            body = text[qs:qe]
            if _quoted_inside(ctx, qs, qe) or not body.rstrip().endswith(_END) \
                    or len(WORD.findall(body)) < 6:
                break
            first_sentence = ctx.sent_id[ctx.token_at(qs)]
            if any(c.para == pj and c.speaker is not None and c.content is not None
                   and c.form in ("clausal", "trailing", "according", "quoting")
                   and ctx.sent_id[c.verb] == first_sentence and doc[c.speaker].lower_ not in ctx.lex["statement_voices"]
                   for c in cues):
                break  # a new attribution: the statement is over
            if (qs, qe) not in taken:
                out.append(("direct", qs, qe, None, cue, "colon"))
    return out


def _quoted_inside(ctx, start: int, end: int) -> bool:
    """Does ``[start, end)`` open with a quotation or hold a quotation of a sentence's length (so it
    is not an unquoted statement; scare quotes like Assad's “war” do not count)?"""
    for q in ctx.quotations:
        if start <= q.open < end and (q.open == start or len(WORD.findall(ctx.text[q.start:q.end])) >= 6):
            return True
    return False


def colon_after(ctx, v: int) -> int | None:
    """The colon that closes a cue ("said:", "said in a statement:"), outside quotation marks."""
    doc = ctx.doc
    verb = doc[v]
    for j in range(v + 1, min(v + 10, len(doc))):
        t = doc[j]
        if ctx.tok_para[j] != ctx.tok_para[v] or ctx.tok_quote[j] >= 0:
            return None
        if t.text == ":":
            return j
        if not ancestor(t, verb) or in_comp(t, verb):
            return None
    return None
