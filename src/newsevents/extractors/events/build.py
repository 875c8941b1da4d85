"""One event record from a kept trigger: its mode, its parties (role heads resolved to actors), who
reports it, modality and PLOVER recasts, magnitude, contexts, spans and codes; then merged into an
earlier mention of the same action or added to the result."""
from __future__ import annotations

from ...resolve.actors import of_member, resolve_phrase
from ...resolve.modality import modality
from .attribution import reporter, speaker_for
from .codes import codes
from .frames import match
from .lexicon import words
from .merge import dedupe, same_event
from .modes import event_mode
from .quantity import count_of
from .recast import Coding, recast
from .roles import noun_roles, verb_roles
from .spans import clause_span, trigger_span

SPEECH_ACTS = ("REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE")


def _verb_heads(tok, trig, lex, kept, mode):
    """``(actor_heads, recipient_heads, mode)`` of a verbal trigger."""
    a_heads, r_heads, passive = verb_roles(tok, trig, lex)
    if trig.swap and not passive:
        a_heads, r_heads = r_heads, a_heads  # "Yeltsin hosted Hashimoto": the visitor acts
    # "A U.S. strike hit two vehicles", "a series of airstrikes killed …": the subject is the
    # attack itself; its own participants are the event's
    for h in list(a_heads):
        inner = of_member(h) or h
        nt = match(inner, lex) if inner.pos_ in ("NOUN", "PROPN") else None
        if nt is not None and nt.type == trig.type:
            na, nr, _ = noun_roles(inner, lex)
            a_heads = [x for x in a_heads if x.i != h.i] + na
            # "an attack on a church killed 15 worshippers": the target and the victims
            r_heads = nr + [x for x in r_heads if all(x.i != y.i for y in nr)]
            if mode is None:
                mode = nt.mode
    if not a_heads:
        # "were killed in clashes between the army and rebels", "killed in a U.S. strike":
        # the merged attack noun names the attackers
        inside = {t.i for t in tok.subtree}
        for other, otrig in kept:
            if otrig.pos == "N" and otrig.type == trig.type and other.i in inside and other.i != tok.i:
                na = noun_roles(other, lex)[0]
                if na:
                    a_heads = na
                    break
    return a_heads, r_heads, mode


def _nothing_to_code(c: Coding, trig) -> bool:
    """A noun without parties, a meeting without an actor, a bare harm verb without participants
    ("one vehicle set on fire")."""
    if not c.actors and not c.recipients and trig.pos == "N" and c.type not in ("ASSAULT",):
        return True
    if c.type == "CONSULT" and not c.actors:
        return True
    return c.type == "ASSAULT" and not c.actors and not c.recipients and trig.pos == "V" and \
        trig.lemma in words("bare_harm_verbs")


def _main_event(tok, token_event):
    return token_event.get(tok.head.i) or next(
        (token_event[c.i] for c in tok.head.children if c.dep_ in ("dobj", "attr") and c.i in token_event), None)


def _manner_adjunct(tok, trig, recipients) -> bool:
    """"prisoners rioted, setting fire to their mattresses": a participial adjunct without a target
    of its own tells how the main action went."""
    return trig.pos == "V" and tok.dep_ == "advcl" and tok.tag_ == "VBG" and not recipients and \
        not any(c.dep_ in ("mark", "aux") for c in tok.children)


def _magnitude(typ, a_heads, r_heads, lex) -> dict | None:
    """How many acted (or, for attacks and coercion, were hit): "dozens of protesters"."""
    for h in (r_heads if typ in ("ASSAULT", "COERCE") else a_heads):
        unit_tok = of_member(h) or h
        n, approx, _ = count_of(unit_tok)
        if not n and h.lower_ in lex.quantities:
            n, approx = lex.quantities[h.lower_]
        if n:
            return {"count": n, "unit": unit_tok.lemma_.lower(), "approximate": approx}
    return None


def _contexts(trig, tok, ctx, parties) -> list | None:
    """The entry's contexts, crime when a party is criminal, and contexts named in the event's own
    clause ("raids on suspected smugglers" → trafficking)."""
    context = list(trig.context) or None
    if "CRM" in {a.get("sector") for a in parties}:
        context = (context or []) + ["crime"]
    start, end = clause_span(tok, ctx.sent)
    found = ctx.lex.contexts_in(ctx.result.text[min(start, tok.idx):end])
    if found:
        context = (context or []) + found
    return list(dict.fromkeys(context)) if context else context


def emit(ctx, tok, trig, kept) -> None:
    """Code the kept trigger ``tok`` (``kept``: the sentence's kept triggers) into an event."""
    doc, result, lex = ctx.doc, ctx.result, ctx.lex
    mode = event_mode(tok, trig, lex, kept)
    light = None
    if trig.pos == "V":
        a_heads, r_heads, mode = _verb_heads(tok, trig, lex, kept, mode)
    else:
        a_heads, r_heads, light = noun_roles(tok, lex)
    reported_by, speaker_tok = reporter(doc, tok, ctx.sent, result, ctx.quotes, ctx.index, ctx.sents)
    speaker = speaker_for(doc, result, reported_by, speaker_tok)
    actors, recipients = [], []
    for h in a_heads:
        actors.extend(resolve_phrase(doc, h, result, speaker))
    for h in r_heads:
        recipients.extend(resolve_phrase(doc, h, result, speaker, targets=trig.type in ("ASSAULT", "COERCE")))
    negated, mod, cue = modality(tok, ctx.year, light_verb=light)
    c = Coding(trig.type, mode, actors, recipients, negated, mod, cue)
    recast_from = recast(c, tok, trig, ctx, speaker, attributed=bool(reported_by or speaker))
    if _nothing_to_code(c, trig):
        return
    # speech acts by an abstract subject inside a quote are the speaker's ("this moment demands …")
    if c.type in SPEECH_ACTS and not c.actors and speaker is not None:
        c.actors = [speaker]
    actors, recipients = dedupe(c.actors), dedupe(c.recipients)
    main_event = _main_event(tok, ctx.token_event)
    if main_event and _manner_adjunct(tok, trig, recipients):
        ctx.token_event[tok.i] = main_event
        return
    if actors and recipients:
        names = {a["name"].lower() for a in actors}
        recipients = [r for r in recipients if r["name"].lower() not in names]
    tstart, tend = trigger_span(tok, trig, lex)
    start, end = clause_span(tok if light is None else light, ctx.sent)
    start, end = min(start, tstart), max(end, tend)
    event = {
        "type": c.type,
        "mode": c.mode,
        "context": _contexts(trig, tok, ctx, actors + recipients),
        "actor": actors,
        "recipient": recipients,
        "place": None,
        "date": None,
        "negated": bool(c.negated),
        "modality": c.modality,
        "reported_by": reported_by,
        "magnitude": _magnitude(c.type, a_heads, r_heads, lex),
        "trigger": result.evidence(tstart, tend),
        "evidence": result.evidence(start, end),
        "sentence": {"start": ctx.sent.start_char, "end": ctx.sent.end_char},
        "codes": codes(lex, c.type, c.mode, actors, recipients),
    }
    if recast_from:
        event["recast_from"] = recast_from
    _add_or_merge(ctx, tok, event)


def _add_or_merge(ctx, tok, event) -> None:
    """One action, one event: coordinated verbs of the same type ("killed … and destroyed …",
    "one Serb was shot and six officers injured") and later re-reports of the same event ("a
    36-year-old Serb was shot") merge into the first mention."""
    same = same_event(ctx.result, event, tok, ctx.token_event)
    if same is not None:
        for r in event["recipient"]:
            if all(r["name"].lower() != x["name"].lower() for x in same["recipient"]) and same["sentence"] == event["sentence"]:
                same["recipient"].append(r)
        ctx.token_event[tok.i] = same["id"]
        return
    ctx.token_event[tok.i] = ctx.result.add("events", event)
