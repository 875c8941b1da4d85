"""The PLOVER mode of an event beyond its trigger's entry: the merged noun ("killed in a roadside
*blast*" → explosives), the weapon or attacker of an assault ("British *aircraft* killed" → aerial),
what is mobilised ("deployed *riot police*" → police)."""
from __future__ import annotations

from .suppress import no_relcl
from .syntax import children


def _merged_noun_mode(tok, typ, kept) -> str | None:
    """"killed in a roadside blast": the merged noun of the same type tells how."""
    inside = {t.i for t in tok.subtree}
    for other, otrig in kept:
        if otrig.pos == "N" and otrig.type == typ and otrig.mode and other.i in inside:
            return otrig.mode
    return None


def assault_mode(tok, lex) -> str | None:
    """"British aircraft … killed", "gunmen attacked": the weapon or attacker names the mode."""
    anchor = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ == "VERB" else tok
    for i in sorted(no_relcl(anchor)):
        t = tok.doc[i]
        names = [t.lemma_.lower(), t.lower_]
        prev = tok.doc[i - 1] if i > 0 else None
        if prev is not None and prev.dep_ in ("compound", "amod") and prev.head.i == t.i:
            names.insert(0, f"{prev.lower_}_{t.lemma_.lower()}")
        for w in names:
            if w in lex.assault_modes:
                return lex.assault_modes[w]
    return None


def _mobilize_mode(tok, trig, lex) -> str | None:
    """"deployed riot police" → police, "moved tanks to the border" → weapons."""
    for h in children(tok, "dobj", "nsubjpass") + ([tok] if trig.pos == "N" else []):
        names = [h.lemma_.lower()] + [c.lower_ for c in h.children if c.dep_ in ("compound", "amod")]
        hit = next((lex.mobilize_modes[w] for w in names if w in lex.mobilize_modes), None)
        if hit:
            return hit
    return None


def event_mode(tok, trig, lex, kept) -> str | None:
    mode = trig.mode
    if mode is None and trig.pos == "V":
        mode = _merged_noun_mode(tok, trig.type, kept)
    if mode is None and trig.type == "ASSAULT":
        mode = assault_mode(tok, lex)
    if trig.type == "MOBILIZE":
        mode = _mobilize_mode(tok, trig, lex) or mode
    return mode
