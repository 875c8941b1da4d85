"""Reported obligations: "Russia said Sudan must return the helicopter" is a REQUEST by the speaker
to the one who must act (PLOVER: demands in statements); what must be done is not asserted."""
from __future__ import annotations

from ...resolve.actors import actor_like, resolve_phrase
from .attribution import speaker_head
from .codes import codes
from .lexicon import REPORTING_VERBS
from .merge import dedupe
from .spans import clause_span
from .syntax import children


def modal_demands(sent) -> list:
    """The verbs of ``sent`` under "must"/"should" in the complement of a reporting verb, whose
    subject is an actor other than the speaker."""
    out = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children):
            continue
        if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in REPORTING_VERBS | {"demand", "insist"}:
            continue
        if tok.head.lemma_.lower() == "demand":
            continue  # the demand verb itself is the trigger ("insisted that X must …" is not one)
        subj = children(tok, "nsubj")
        speaker = speaker_head(tok.head)
        if not subj or not speaker or not actor_like(subj[0]) or subj[0].pos_ == "PRON":
            continue
        if subj[0].lemma_ == speaker[0].lemma_:
            continue
        out.append(tok)
    return out


def emit_demand(ctx, verb) -> None:
    """The REQUEST event of a reported obligation ``verb`` (from :func:`modal_demands`)."""
    doc, result = ctx.doc, ctx.result
    speaker = speaker_head(verb.head)[0]
    actors = resolve_phrase(doc, speaker, result)
    recipients = resolve_phrase(doc, children(verb, "nsubj")[0], result)
    if not actors:
        return
    start, end = clause_span(verb.head, ctx.sent)
    event = {
        "type": "REQUEST", "mode": None, "context": None,
        "actor": dedupe(actors), "recipient": dedupe(recipients),
        "place": None, "date": None, "negated": False, "modality": "asserted",
        "reported_by": None, "magnitude": None,
        "trigger": result.evidence(verb.idx, verb.idx + len(verb)),
        "evidence": result.evidence(start, end),
        "sentence": {"start": ctx.sent.start_char, "end": ctx.sent.end_char},
        "codes": codes(ctx.lex, "REQUEST", None, actors, recipients),
    }
    eid = result.add("events", event)
    ctx.token_event[verb.i] = eid
