"""PLOVER recasts (manual, "auxiliary modes"): what an event is coded as when it is promised,
refused, conditional, intended or rallied against a third party.

Future or conditional cooperation is AGREE; a promise whose content is force, or stated future,
conditional or intended force, is THREATEN (by its actor, or by the speaker when the sentence names
none); negated agreement is REJECT; "will not tolerate/allow" is a warning (THREATEN restrict); a
request to act *against* a third party is ACCUSE (CAMEO 113); an agreement whose content is an act
to come is AGREE; joint exercises are COOPERATE. A recast event is itself asserted (the threat was
made) and keeps ``recast_from: {type, modality}``.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...resolve.actors import actor_like, resolve_phrase
from .frames import match
from .lexicon import words
from .merge import dedupe

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
CONFLICT_MATERIAL = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
THREAT_MODE = {"ASSAULT": "violence", "COERCE": "restrict", "PROTEST": "restrict", "SANCTION": "relations",
               "MOBILIZE": "violence"}


@dataclass
class Coding:
    """The event's type, mode, parties and modality while the recasts decide."""
    type: str
    mode: str | None
    actors: list
    recipients: list
    negated: bool
    modality: str
    cue: str | None  # the modality cue word ("if", "unless", "want" ...)


def promises_force(tok, lex, depth: int = 0) -> bool:
    """"vowed to fight", "swore to continue fighting": a promise whose content is force."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl"):
            trig = match(c, lex)
            if trig is not None and trig.type in CONFLICT_MATERIAL:
                return True
            if trig is None and any(t.type == "ASSAULT" and not t.particle for t in lex.verbs.get(c.lemma_.lower(), [])) \
                    and c.lemma_.lower() in words("force_verbs"):
                return True
            if depth < 1 and c.lemma_.lower() in words("aspect_verbs"):
                if promises_force(c, lex, depth + 1):
                    return True
    return False


def agreement_to_act(tok, lex) -> bool:
    """An agreement whose content is an act to come ("an agreement to share the waters", "a deal
    to release prisoners"): AGREE, not the SUPPORT of a concluded accord."""
    if tok.lemma_.lower() in words("signing_verbs"):
        return False  # signing is SUPPORT whatever the agreement provides
    nouns = [tok] if tok.pos_ in ("NOUN", "PROPN") else []
    nouns += [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    nouns += [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for n in nouns:
        if lex.in_class(n, "@agreement") and any(
                c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in n.children):
            return True
    return False


def _as_threat(c: Coding, speaker) -> None:
    c.mode = THREAT_MODE.get(c.type, "violence" if c.type == "ASSAULT" else None)
    c.type = "THREATEN"
    if c.actors:
        return  # "the EC may halt mediation", "al-Qaida remains committed to attacks"
    if speaker is not None:
        c.actors = [speaker]  # "criminal groups will be fought": the one who says so threatens


def _auxiliary_mode(c: Coding, tok, trig, lex, speaker, attributed: bool) -> None:
    """Promises, refusals, conditions and intentions (the first rule that applies)."""
    negated, mod, cue, typ = c.negated, c.modality, c.cue, c.type
    departure = cue in words("departure_cues")
    if trig.type == "AGREE" and trig.content and promises_force(tok, lex):
        c.type, c.mode = "THREATEN", "violence"
    elif negated and mod == "future" and trig.lemma in words("permission_verbs") and attributed:
        # "will not tolerate rallies", "will not allow al-Qaida to grow": a warning of coercion
        c.type, c.mode, c.negated = "THREATEN", "restrict", False
        if speaker is not None and not any(a.get("name") == speaker.get("name") for a in c.actors):
            c.actors = [speaker] if not c.actors or c.actors[0].get("sector") is None else c.actors
    elif negated and typ in ("AGREE", "CONCEDE") and mod in ("future", "asserted", "hypothetical"):
        c.type, c.mode, c.negated = "REJECT", None, False
    elif negated and mod == "future" and typ in COOPERATIVE:
        # "We will not negotiate with terrorists": a refusal
        if typ == "CONSULT" and len(c.actors) > 1 and not c.recipients:
            c.actors, c.recipients = c.actors[:1], c.actors[1:]
        c.type, c.mode, c.negated = "REJECT", "meet" if typ == "CONSULT" else None, False
    elif not negated and mod == "hypothetical" and attributed and \
            (typ in CONFLICT_MATERIAL or (typ == "RETREAT" and cue == "unless")):
        _as_threat(c, speaker)  # "will withdraw its force unless …"
    elif not negated and mod == "hypothetical" and attributed and typ in ("RETREAT", "CONCEDE") and cue == "if":
        c.type, c.mode = "AGREE", None  # "would lay down their arms if …": a conditional offer
    elif not negated and mod == "hypothetical" and cue in ("if", "unless") and attributed and typ in COOPERATIVE:
        c.type, c.mode = "AGREE", None  # a conditional offer
    elif not negated and mod in ("future", "intent") and typ in COOPERATIVE and not departure \
            and not (typ == "SUPPORT" and cue in words("wish_verbs")):
        c.type, c.mode = "AGREE", None  # ("I want to thank …" is thanking, not a promise)
    elif not negated and mod == "future" and typ in ("RETREAT", "CONCEDE"):
        c.type, c.mode = "AGREE", None
    elif not negated and mod == "future" and typ in CONFLICT_MATERIAL and (attributed or c.actors):
        _as_threat(c, speaker)  # "the NGO will hold a protest outside the embassy": an announced protest
    elif not negated and mod == "intent" and typ in CONFLICT_MATERIAL and (attributed or c.actors) and not departure:
        _as_threat(c, speaker)  # "remains committed to carrying out attacks", "plans to impose quotas"
    elif not negated and mod == "hypothetical" and cue in ("if", "unless") and typ in CONFLICT_MATERIAL and c.actors:
        _as_threat(c, speaker)  # "if the police arrest him, the workers will walk out": a conditional warning


def _rallied_against(tok, ctx, speaker):
    """"called for sanctions against Nigeria", "mobilize against Sharon": the third party a request
    rallies opposition against (an actor head), or None."""
    heads = []
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("for", "on")) or \
                (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            inner = [c] + [p for p in c.children if p.dep_ == "pobj"]
            for h in inner:
                heads.append(h)
                heads.extend(x for x in h.children if x.dep_ == "conj")
    for h in heads:
        against = [p for c in h.children if c.dep_ == "prep" and c.lower_ == "against" for p in c.children if p.dep_ == "pobj"]
        if against and actor_like(against[0]):
            return against[0]
    return None


def recast(c: Coding, tok, trig, ctx, speaker, attributed: bool) -> dict | None:
    """Apply the recasts to ``c``; the ``recast_from`` record when the type changed, else None."""
    lex = ctx.lex
    orig = (c.type, c.modality)
    _auxiliary_mode(c, tok, trig, lex, speaker, attributed)
    if c.type == "REQUEST" and trig.content:
        third = _rallied_against(tok, ctx, speaker)
        if third is not None:
            c.type, c.mode = "ACCUSE", "disapprove"  # rallying opposition against a third party (CAMEO 113)
            c.recipients = dedupe(resolve_phrase(ctx.doc, third, ctx.result, speaker))
    if c.type == "SUPPORT" and agreement_to_act(tok, lex):
        c.type = "AGREE"  # "reached an agreement to share the waters": a commitment to future cooperation
    if c.type == "MOBILIZE" and trig.lemma in words("exercise_nouns") and (
            len({a.get("country") for a in c.actors if a.get("country")}) >= 2 or
            any(m.dep_ in ("amod", "compound") and m.lower_ in words("joint_modifiers") for m in tok.children)):
        c.type, c.mode = "COOPERATE", None  # joint exercises are cooperation (PLOVER: MOBILIZE is one side)
    if c.type == orig[0]:
        return None
    # the agreement / threat / rejection itself is a reported fact
    if c.type in ("AGREE", "THREATEN", "REJECT") and c.modality in ("future", "intent", "hypothetical"):
        c.modality = "asserted"
    return {"type": orig[0], "modality": orig[1]}
