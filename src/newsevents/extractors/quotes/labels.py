"""Transcript labels and promotional lines.

A transcript gives each turn a label in capitals before a colon ("PENCE: Well, …", "SECRETARY
CLINTON: …", "MR. TRUMP (interrupting): …"), at the start of a paragraph or of a quotation: the words
after it are that speaker's. A label is a transcript label when its name is a person of the article
or some label of the article labels two turns or more; promotional and editorial labels ("READ MORE:", "WATCH:",
"CLARIFICATION:"; ``promo_labels`` in ``data/quote_cues.json``) are none, and their lines hold no
quotes, nor do the lines a promotional verb opens ("Follow X on Twitter"; ``promo_openers``) or a
stage direction ("(CROSSTALK)").
"""
from __future__ import annotations

import re

from .cues import Cue

_LABEL = re.compile(r"[\"“]?((?:[A-Z][A-Z.'’\-]*\s?){1,4}?)\s*(?:\([^)\n]{1,40}\))?:\s+(?=\S)")


def _label(ctx, start: int, end: int):
    """``(label start, label end, content start)`` when a label opens ``text[start:end]``."""
    m = _LABEL.match(ctx.text, start, end)
    if m is None:
        return None
    words = m.group(1).split()
    if not words or not any(len(w.strip(".'’-")) > 1 for w in words):
        return None
    return m.start(1), m.start(1) + len(m.group(1).rstrip()), m.end()


def promo_paragraphs(ctx) -> set[int]:
    """Paragraphs opened by a promotional or editorial label ("READ MORE:", "WATCH:")."""
    out = set()
    promo = ctx.lex["promo_labels"]
    openers = ctx.lex["promo_openers"]
    for pi, (ps, pe) in enumerate(ctx.paras):
        head = ctx.text[ps:min(pe, ps + 40)].lstrip("\"“ ")
        word = head.split(":", 1)[0].strip().lower() if ":" in head else None
        first = head.split(" ", 1)[0].lower()
        whole = ctx.text[ps:pe].strip("\"“”' ")
        direction = whole.startswith("(") and whole.rstrip(".").endswith(")") and len(whole) < 60
        if word is not None and word in promo or first in openers or direction:
            out.add(pi)  # "READ MORE: …", "Follow X on Twitter", "(CROSSTALK.)"
    return out


def transcript_cues(ctx) -> dict[int, tuple[Cue, int]]:
    """Paragraph → (the cue of its transcript label, where the turn's words start)."""
    found = {}
    promo = ctx.lex["promo_labels"]
    for pi, (ps, pe) in enumerate(ctx.paras):
        hit = _label(ctx, ps, pe)
        if hit is None:
            continue
        a, b, content = hit
        name = ctx.text[a:b]
        if name.lower() in promo:
            continue
        found[pi] = (name, a, b, content)
    counts: dict[str, int] = {}
    for name, *_ in found.values():
        counts[name] = counts.get(name, 0) + 1
    people = {k.lower() for k in ctx.person_names()}
    out = {}
    for pi, (name, a, b, content) in found.items():
        last = name.split()[-1].strip(".").lower()
        if max(counts.values()) < 2 and last not in people:  # one turn alone: a person of the article
            continue
        tok = ctx.token_at(b - 1)
        cue = Cue(tok, (a, b), tok, None, pi, lemma="label", form="label")
        out[pi] = (cue, content)
    return out


def label_speaker(ctx, cue: Cue) -> dict:
    """The speaker of a transcript label: the person of the article with that surname, else the label."""
    text = ctx.text[cue.cue[0]:cue.cue[1]]
    last = text.split()[-1].strip(".")
    for surname, (full, ent_id) in ctx.person_names().items():
        if surname.lower() == last.lower():
            prof = ctx.profile(ent_id) if ent_id else {}
            return {"name": full, "entity": ent_id, "role": prof.get("role"), "country": prof.get("country"),
                    "kind": "person", "mention": ctx.result.evidence(*cue.cue)}
    return {"name": text.title(), "entity": None, "role": None, "country": None, "kind": "person",
            "mention": ctx.result.evidence(*cue.cue)}
