"""Attribution of quotations: which cue each quotation belongs to — right after it ("“…,” X said"),
right before it ("X added, “…”"), a "X said:" closing the previous paragraph, the reported speech it
is part of, the quotation before it (a quote split by its cue), the previous paragraph (a floating
quote), or the rest of a quotation running over several paragraphs."""
from __future__ import annotations

from ...resolve.speakers import np_left, speakerish
from .cues import Cue
from .spans import WORD, ancestor, aux_only, in_comp, only_punct


def after_cue(ctx, q, cues_by_verb, next_open: int | None) -> Cue | None:
    """"“…,” Brnabic said" / "“…,” said Petkovic" / "“…,” Elek was quoted as saying"."""
    doc = ctx.doc
    toks = ctx.tokens_between(q.outer_end, next_open if next_open is not None else ctx.paras[q.para][1])
    first = None
    for k in toks:
        if not (doc[k].is_punct or doc[k].is_space):
            first = k
            break
    if first is None:
        return None
    sid = ctx.sent_id[first]
    for k in toks:
        if k < first:
            continue
        if ctx.sent_id[k] != sid and k > first:
            break
        cue = cues_by_verb.get(k)
        if cue is None or cue.speaker is None:
            continue
        sp = doc[cue.speaker]
        left = min(np_left(doc, sp.i), sp.i)
        lead = min(left, k)
        if lead >= first and (lead == first or only_punct(ctx, first, lead) or aux_only(doc, first, k)):
            return cue
        return None
    return None


def before_cue(ctx, q, cues_by_verb, prev_close: int | None) -> Cue | None:
    """"He added, “…”", "X said: “…”", "adding that “…”", "X said in a statement: “…”"."""
    doc = ctx.doc
    para_start = ctx.paras[q.para][0]
    lo = max(para_start, prev_close or para_start)
    toks = list(ctx.tokens_between(lo, q.open))
    if not toks:
        return None
    first_in = next(iter(ctx.tokens_between(q.start, q.end)), None)
    sid = ctx.sent_id[toks[-1]]
    for k in reversed(toks):
        if ctx.sent_id[k] != sid:
            break
        cue = cues_by_verb.get(k)
        if cue is None or cue.speaker is None:
            continue
        between = range(k + 1, toks[-1] + 1)
        v = doc[k]
        ok = all(doc[j].is_punct or doc[j].is_space or doc[j].lower_ in ctx.lex["cue_links"]
                 or ancestor(doc[j], v) and not in_comp(doc[j], v) for j in between)
        if ok or first_in is not None and ancestor(doc[first_in], v):
            return cue
        return None
    return None


def colon_cue(ctx, q, cues) -> Cue | None:
    """A speaker introduced before a colon, the quotation opening the next paragraph."""
    text = ctx.text
    if q.para == 0:
        return None
    ps = ctx.paras[q.para][0]
    if q.open != ps:
        return None
    prev_start, prev_end = ctx.paras[q.para - 1]
    if text[prev_end - 1] != ":":
        return None
    best = None
    for cue in cues:
        if cue.para == q.para - 1 and cue.speaker is not None and prev_start <= cue.cue[0] < prev_end:
            best = cue
    if best is None:
        # "X provided the following statement on the advance:" — a statement introduced by its issuer
        doc = ctx.doc
        last = ctx.token_at(prev_end - 1)
        for i in ctx.sentence_range(last):
            t = doc[i]
            if t.dep_ == "dobj" and (t.lemma_.lower() in ctx.lex["document"] or t.lemma_.lower() in ctx.lex["remark_nouns"]):
                subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
                if subj is not None and speakerish(ctx, subj):
                    v = t.head
                    return Cue(v.i, (v.idx, v.idx + len(v)), subj.i, None, q.para - 1, lemma=v.lemma_.lower())
    return best


def ends_sentence(ctx, q) -> bool:
    """Does the quotation end with a full stop and the text after it start a new sentence?"""
    text = ctx.text
    if not text[q.start:q.end].endswith((".", "…")):
        return False
    rest = text[q.outer_end:ctx.paras[q.para][1]].lstrip()
    return bool(rest) and rest[0].isupper()


def para_ends_with(ctx, q) -> bool:
    """Does the quotation end its paragraph, or only its cue follow it?"""
    tail = ctx.text[q.outer_end:ctx.paras[q.para][1]]
    return len(WORD.findall(tail)) <= 12


def attribute_quotations(ctx, cues: list[Cue]) -> list[list]:
    """``[quotation, cue or None, rule]`` for every quotation of the article, in text order."""
    attributed = _first_rules(ctx, cues)
    _inherit(ctx, cues, attributed)
    _continued(attributed)
    return attributed


def _first_rules(ctx, cues: list[Cue]) -> list[list]:
    """The cue next to each quotation: a colon cue, the cue before or after it, the reported speech it is in."""
    cues_by_verb = {c.verb: c for c in cues}
    quotations = ctx.quotations
    attributed: list[list] = []
    for qi, q in enumerate(quotations):
        nxt = quotations[qi + 1] if qi + 1 < len(quotations) and quotations[qi + 1].para == q.para else None
        prv = quotations[qi - 1] if qi > 0 and quotations[qi - 1].para == q.para else None
        how = ""
        cue = colon_cue(ctx, q, cues)
        if cue is not None:
            how = "colon"
        if cue is None and ends_sentence(ctx, q):
            # "X said: “We need help.” He added …": the cue before wins over the next sentence's
            cue = before_cue(ctx, q, cues_by_verb, prv.outer_end if prv else None)
            how = "before" if cue else how
        if cue is None and not q.continued:
            cue = after_cue(ctx, q, cues_by_verb, nxt.open if nxt else None)
            how = "after" if cue else how
        if cue is None:
            cue = before_cue(ctx, q, cues_by_verb, prv.outer_end if prv else None)
            how = "before" if cue else how
        if cue is None:
            for c in cues:
                if c.content and c.content[0] <= q.open and q.outer_end <= c.content[1] and c.speaker is not None:
                    cue, how = c, "inside"
                    break
        attributed.append([q, cue, how])
    return attributed


def _inherit(ctx, cues: list[Cue], attributed: list[list]) -> None:
    """Split quotes, continued paragraphs and floating quotes inherit the last attribution before
    them: in the same paragraph, or in the previous one when they open their paragraph."""
    text = ctx.text
    events = sorted([(c.cue[0], c) for c in cues if c.speaker is not None], key=lambda e: e[0])
    for qi, item in enumerate(attributed):
        q, cue, how = item
        if cue is not None:
            continue
        opens_para = text[ctx.paras[q.para][0]:q.open].strip() == ""
        best = None
        for pos, c in events:
            if pos >= q.open:
                break
            if c.para == q.para or opens_para and c.para == q.para - 1:
                best = (pos, c)
        for pq, pcue, _ in attributed[:qi]:
            if pcue is not None and (pq.para == q.para or opens_para and pq.para == q.para - 1) \
                    and (best is None or pq.open > best[0]):
                best = (pq.open, pcue)
        if best is None:
            continue
        if ctx.para_of(best[0]) == q.para:
            item[1], item[2] = best[1], "split"
        else:
            prev = [x for x in attributed[:qi] if x[0].para == q.para - 1]
            if prev and not (prev[-1][0].continued or para_ends_with(ctx, prev[-1][0])):
                continue
            item[1], item[2] = best[1], "floating"


def _continued(attributed: list[list]) -> None:
    """A multi-paragraph quotation whose cue is in its last paragraph."""
    for qi in range(len(attributed) - 2, -1, -1):
        q, cue, how = attributed[qi]
        if cue is None and q.continued and attributed[qi + 1][1] is not None:
            attributed[qi][1], attributed[qi][2] = attributed[qi + 1][1], "continued"
