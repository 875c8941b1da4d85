"""Events: every reported action coded into PLOVER (type, mode, context), with typed actor and
recipient lists, modality, attribution (reported speech) and codes for other ecosystems.

Precision first. A trigger (verb or noun lemma from ``data/events/plover_triggers.tsv``) only
fires when its syntactic frame holds; nouns need participants ("raids on suspected smugglers",
"U.S. airstrikes") or a light verb ("carried out raids"); the content of speech acts ("urged NATO
to *step in*", "accused X of *attacking*") is not coded again; passives take the recipient from
the subject and the actor only from a "by" phrase.
"""
from __future__ import annotations

import re

from ...resolve.actors import actor_like, resolve_phrase, resolve_token
from ...resolve.modality import modality
from ...stages import EventFindings
from .lexicon import REPORTING_VERBS, lemma_forms, lexicon
from .quantity import count_of
from .roles import noun_roles, verb_roles
from .syntax import children
from .attribution import quote_spans, reporter, speaker_actor, speaker_head
from .frames import frame_ok, hyphen_noun, match
from .merge import dedupe, same_event
from .suppress import CARRIERS, content_tokens, dependent_triggers, yields_to_object, alleged_tokens, goal_tokens
from ..registry import extractor

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
CONFLICT_MATERIAL = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
THREAT_MODE = {"ASSAULT": "violence", "COERCE": "restrict", "PROTEST": "restrict", "SANCTION": "relations",
               "MOBILIZE": "violence"}


def _clause_span(tok, sent) -> tuple[int, int]:
    """Character span of the trigger's clause (its subtree), inside its sentence."""
    if tok.pos_ in ("NOUN", "PROPN"):
        left, right = tok.left_edge, tok.right_edge
        head = tok.head
        if head.i != tok.i and head.pos_ in ("VERB", "AUX") and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
            left, right = head.left_edge, head.right_edge
    else:
        left, right = tok.left_edge, tok.right_edge
    start = max(left.idx, sent.start_char)
    end = min(right.idx + len(right), sent.end_char)
    text = _doc_text(sent.doc)
    while end > start and text[end - 1] in " \n\t,;:":
        end -= 1
    return start, end


def _doc_text(doc) -> str:
    """``doc.text`` rebuilds the whole string on every access: keep it once per doc."""
    cached = doc.user_data.get("_newsevents_text")
    if cached is None:
        cached = doc.user_data["_newsevents_text"] = doc.text
    return cached


def _codes(lex, typ, mode, actors, recipients):
    return lex.event_codes(typ, mode, actors, recipients)


def published_year(result) -> int | None:
    pub = getattr(result.article, "published", None) or ""
    m = re.match(r"(\d{4})", str(pub))
    return int(m.group(1)) if m else None


@extractor("events", requires=("entities",), after=("quotes", "coref"))
def extract_events(doc, result) -> None:
    """PLOVER events with actors, recipients, modality, attribution and CAMEO/ACLED codes."""
    lex = lexicon()
    text = result.text
    quotes = quote_spans(text, result)
    sents = list(doc.sents)
    year = published_year(result)
    if result.stages.events is None:
        result.stages.events = EventFindings()
    token_event = result.stages.events.by_token
    for si, sent in enumerate(sents):
        try:
            code_sentence(doc, result, lex, sents, si, sent, quotes, year, token_event)
        except Exception as exc:  # one odd parse must not lose the article's other events
            from ...errors import warning
            result.warnings.append(warning("W009", article=getattr(result.article, "id", "?"),
                                           start=sent.start_char, reason=f"{type(exc).__name__}: {exc}"))


def _promises_force(tok, lex, depth: int = 0) -> bool:
    """"vowed to fight", "swore to continue fighting": a promise whose content is force."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl"):
            trig = match(c, lex)
            if trig is not None and trig.type in CONFLICT_MATERIAL:
                return True
            if trig is None and any(t.type == "ASSAULT" and not t.particle for t in lex.verbs.get(c.lemma_.lower(), [])) \
                    and c.lemma_.lower() in ("fight", "attack", "kill", "strike", "destroy", "crush", "retake", "wipe"):
                return True
            if depth < 1 and c.lemma_.lower() in ("continue", "keep", "resume", "start", "begin", "step"):
                if _promises_force(c, lex, depth + 1):
                    return True
    return False


def code_sentence(doc, result, lex, sents, si, sent, quotes, year, token_event) -> None:
    if sent.text.rstrip(" ”\"'’").endswith("?"):
        return  # a question reports no event ("Will Russia attack Ukraine?")
    cands = []
    words = lex.trigger_words
    for tok in sent:
        low = tok.lower_
        if tok.is_punct or (tok.lemma_.lower() not in words and low not in words and
                            not (lemma_forms(tok) & words) and not (low.endswith("s") and low[:-1] in words)
                            and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-")
                            and not (tok.dep_ == "compound" and tok.head.lemma_.lower() in CARRIERS)):
            continue  # not a trigger candidate: a set lookup, not the frame matcher (most tokens)
        hyphen = hyphen_noun(tok, lex)
        if hyphen is not None:
            cands.append(hyphen)
            continue
        trig = match(tok, lex)
        if trig is not None:
            cands.append((tok, trig))
        elif tok.dep_ == "compound" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in CARRIERS:
            # "a mediation mission between Syria and …": the carrier noun holds the arguments
            for t2 in lex.nouns.get(tok.lemma_.lower(), []):
                if frame_ok(tok.head, t2, lex, noun=True):
                    cands.append((tok.head, t2))
                    break
    modal_demands = _modal_demands(sent)
    if not cands and not modal_demands:
        return
    # suppress the content of speech acts and nested same-type nominals
    depth = {tok.i: sum(1 for _ in tok.ancestors) for tok, _ in cands}
    cands.sort(key=lambda c: depth[c[0].i])
    suppressed: set[int] = set()
    for tok, trig in cands:
        if tok.i in suppressed:
            continue
        if trig.pos == "V" and yields_to_object(tok, trig, cands):
            suppressed.add(tok.i)  # "ordered the closure of three newspapers": the closure is the event
            continue
        if trig.content:
            suppressed |= content_tokens(tok) - {tok.i}
    for v in modal_demands:
        suppressed |= {t.i for t in v.subtree} - {v.i}
        suppressed.add(v.i)
    suppressed |= alleged_tokens(sent)  # "arrested a man for allegedly offering cash"
    suppressed |= goal_tokens(sent)  # "… so that same-sex marriages are banned": a goal, not an event
    kept = [(t, tr) for t, tr in cands if t.i not in suppressed]
    suppressed |= dependent_triggers(kept, lex)
    kept = [(t, tr) for t, tr in kept if t.i not in suppressed]
    suppressed |= _descriptive_clause_triggers(kept)
    kept = [(t, tr) for t, tr in kept if t.i not in suppressed]
    # nominal inside a verbal trigger of the same type → one event
    final = []
    for tok, trig in kept:
        if trig.pos == "N":
            merged = False
            for vt, vtrig in kept:
                if vtrig.pos == "V" and vtrig.type == trig.type and vt.i != tok.i and \
                        (tok in vt.subtree) and (tok.head.i == vt.i or tok.head.head.i == vt.i or tok.head.head.head.i == vt.i):
                    merged = True
                    break
            if merged:
                continue
        final.append((tok, trig))
    for tok, trig in final:
        _emit(doc, result, lex, sent, si, sents, tok, trig, quotes, year, token_event, kept)
    for v in modal_demands:
        _emit_modal_demand(doc, result, lex, sent, si, sents, v, quotes, year, token_event)


def _noun_clause(tok):
    """The relative or participial clause describing a noun whose predicate (or its object) is
    ``tok`` ("weapons depots it has seized", "a cargo plane flying from Karachi", "funding, which
    will help people"), or None. A noun with participants of its own deeper in the clause is its
    own event ("a crowd that became hostile after raids on suspected smugglers")."""
    t = tok
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "nsubjpass", "attr"):
        t = t.head
    return t if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON") else None


def _descriptive_clause_triggers(kept) -> set[int]:
    """Events in clauses that describe a participant are background when the sentence reports an
    event of its own outside them (PLOVER codes the reported event, not its description)."""
    out = set()
    for tok, _ in kept:
        clause = _noun_clause(tok)
        if clause is None:
            continue
        span = {t.i for t in clause.subtree}
        if any(t.i not in span for t, _ in kept):
            out.add(tok.i)
    return out


def _modal_demands(sent) -> list:
    """"Russia said Sudan must return the helicopter": a reported obligation on another actor
    is a REQUEST by the speaker (PLOVER: demands in statements)."""
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


def _emit_modal_demand(doc, result, lex, sent, si, sents, verb, quotes, year, token_event):
    speaker = speaker_head(verb.head)[0]
    actors = resolve_phrase(doc, speaker, result)
    recipients = resolve_phrase(doc, children(verb, "nsubj")[0], result)
    if not actors:
        return
    start, end = _clause_span(verb.head, sent)
    event = {
        "type": "REQUEST", "mode": None, "context": None,
        "actor": dedupe(actors), "recipient": dedupe(recipients),
        "place": None, "date": None, "negated": False, "modality": "asserted",
        "reported_by": None, "magnitude": None,
        "trigger": result.evidence(verb.idx, verb.idx + len(verb)),
        "evidence": result.evidence(start, end),
        "sentence": {"start": sent.start_char, "end": sent.end_char},
        "codes": _codes(lex, "REQUEST", None, actors, recipients),
    }
    eid = result.add("events", event)
    token_event[verb.i] = eid


def _agreement_to_act(tok, lex) -> bool:
    """An agreement whose content is an act to come ("an agreement to share the waters", "a deal
    to release prisoners"): AGREE, not the SUPPORT of a concluded accord."""
    if tok.lemma_.lower() in ("sign", "ratify", "ink", "initial"):
        return False  # signing is SUPPORT whatever the agreement provides
    nouns = [tok] if tok.pos_ in ("NOUN", "PROPN") else []
    nouns += [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    nouns += [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for n in nouns:
        if lex.in_class(n, "@agreement") and any(
                c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in n.children):
            return True
    return False


def _assault_mode(tok, lex) -> str | None:
    """"British aircraft … killed", "gunmen attacked": the weapon or attacker names the mode."""
    anchor = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ == "VERB" else tok
    from .suppress import no_relcl
    for i in sorted(no_relcl(anchor)):
        t = tok.doc[i]
        words = [t.lemma_.lower(), t.lower_]
        prev = tok.doc[i - 1] if i > 0 else None
        if prev is not None and prev.dep_ in ("compound", "amod") and prev.head.i == t.i:
            words.insert(0, f"{prev.lower_}_{t.lemma_.lower()}")
        for w in words:
            if w in lex.assault_modes:
                return lex.assault_modes[w]
    return None


def _speaker_mention_span(doc, result, reported_by):
    """The span of a quote speaker's first naming mention (the full name, not "the committee")."""
    q = result.get("quotes", reported_by.get("quote")) if reported_by.get("quote") else None
    sp = (q or {}).get("speaker") or {}
    name = reported_by.get("name") or ""
    text = result.text
    m = sp.get("mention") or {}
    pos = text.find(name) if name else -1
    if pos >= 0:
        return doc.char_span(pos, pos + len(name), alignment_mode="expand")
    if isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
        return doc.char_span(m["start"], m["end"], alignment_mode="expand")
    return None


def _emit(doc, result, lex, sent, si, sents, tok, trig, quotes, year, token_event, kept):
    typ, mode = trig.type, trig.mode
    if mode is None and trig.pos == "V":
        # "killed in a roadside blast": the merged noun tells how
        inside = {t.i for t in tok.subtree}
        for other, otrig in kept:
            if otrig.pos == "N" and otrig.type == typ and otrig.mode and other.i in inside:
                mode = otrig.mode
                break
    if mode is None and typ == "ASSAULT":
        mode = _assault_mode(tok, lex)
    if typ == "MOBILIZE":
        # "deployed riot police" → police, "moved tanks to the border" → weapons
        for h in children(tok, "dobj", "nsubjpass") + ([tok] if trig.pos == "N" else []):
            words = [h.lemma_.lower()] + [c.lower_ for c in h.children if c.dep_ in ("compound", "amod")]
            hit = next((lex.mobilize_modes[w] for w in words if w in lex.mobilize_modes), None)
            if hit:
                mode = hit
                break
    light = None
    if trig.pos == "V":
        a_heads, r_heads, passive = verb_roles(tok, trig, lex)
        if trig.swap and not passive:
            a_heads, r_heads = r_heads, a_heads  # "Yeltsin hosted Hashimoto": the visitor acts
        # "A U.S. strike hit two vehicles", "a series of airstrikes killed …": the subject is the
        # attack itself; its own participants are the event's
        from ...resolve.actors import of_member
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
                if otrig.pos == "N" and otrig.type == typ and other.i in inside and other.i != tok.i:
                    na = noun_roles(other, lex)[0]
                    if na:
                        a_heads = na
                        break
    else:
        a_heads, r_heads, light = noun_roles(tok, lex)
        passive = False
    reported_by, speaker_tok = reporter(doc, tok, sent, result, quotes, si, sents)
    speaker = speaker_actor(doc, speaker_tok, result) if speaker_tok is not None else None
    if speaker is None and reported_by and reported_by.get("name"):
        speaker = {"name": reported_by["name"], "entity": reported_by.get("entity"), "sector": None,
                   "country": None, "country2": None, "role": None, "evidence": None}
        if reported_by.get("entity"):
            ent = result.get("entities", reported_by["entity"])
            if ent:
                m = ent["mentions"][0]
                sp = resolve_token(doc, doc.char_span(m["start"], m["end"], alignment_mode="expand").root, result) \
                    if doc.char_span(m["start"], m["end"], alignment_mode="expand") is not None else None
                if sp:
                    sp["name"] = reported_by["name"]
                    speaker = sp
        else:
            # a speaker without an entity ("a doctors' committee said"): type it from its mention
            span = _speaker_mention_span(doc, result, reported_by)
            sp = resolve_token(doc, span.root, result) if span is not None else None
            if sp:
                speaker.update({k: sp[k] for k in ("sector", "country", "country2", "role") if sp.get(k)})
    actors, recipients = [], []
    for h in a_heads:
        actors.extend(resolve_phrase(doc, h, result, speaker))
    for h in r_heads:
        recipients.extend(resolve_phrase(doc, h, result, speaker, targets=typ in ("ASSAULT", "COERCE")))
    negated, mod, cue = modality(tok, year, light_verb=light)
    # PLOVER recasts (manual: auxiliary modes): future cooperation is AGREE, a promise to use
    # force or a conditional/stated future use of force is THREATEN (by the speaker)
    def as_threat(t, keep_actor=False):
        nonlocal typ, mode, actors
        mode = THREAT_MODE.get(t, "violence" if t == "ASSAULT" else None)
        typ = "THREATEN"
        if actors:
            return  # "the EC may halt mediation", "al-Qaida remains committed to attacks"
        if speaker is not None:
            actors = [speaker]  # "criminal groups will be fought": the one who says so threatens
    attributed = bool(reported_by or speaker)
    orig = (typ, mod)
    if trig.type == "AGREE" and trig.content and _promises_force(tok, lex):
        typ, mode = "THREATEN", "violence"
    elif negated and mod == "future" and trig.lemma in ("tolerate", "allow", "permit") and attributed:
        # "will not tolerate rallies", "will not allow al-Qaida to grow": a warning of coercion
        typ, mode, negated = "THREATEN", "restrict", False
        if speaker is not None and not any(a.get("name") == speaker.get("name") for a in actors):
            actors = [speaker] if not actors or actors[0].get("sector") is None else actors
    elif negated and typ in ("AGREE", "CONCEDE") and mod in ("future", "asserted", "hypothetical"):
        typ, mode, negated = "REJECT", None, False
    elif negated and mod == "future" and typ in COOPERATIVE:
        # "We will not negotiate with terrorists": a refusal
        if typ == "CONSULT" and len(actors) > 1 and not recipients:
            actors, recipients = actors[:1], actors[1:]
        typ, mode, negated = "REJECT", "meet" if typ == "CONSULT" else None, False
    elif not negated and mod == "hypothetical" and attributed and \
            (typ in CONFLICT_MATERIAL or (typ == "RETREAT" and cue == "unless")):
        as_threat(typ)  # "will withdraw its force unless …"
    elif not negated and mod == "hypothetical" and attributed and typ in ("RETREAT", "CONCEDE") and cue == "if":
        typ, mode = "AGREE", None  # "would lay down their arms if …": a conditional offer
    elif not negated and mod == "hypothetical" and cue in ("if", "unless") and attributed and typ in COOPERATIVE:
        typ, mode = "AGREE", None  # a conditional offer
    elif not negated and mod in ("future", "intent") and typ in COOPERATIVE and cue not in ("go", "leave", "way") \
            and not (typ == "SUPPORT" and cue in ("want", "like", "wish", "hope")):
        typ, mode = "AGREE", None  # ("I want to thank …" is thanking, not a promise)
    elif not negated and mod == "future" and typ in ("RETREAT", "CONCEDE"):
        typ, mode = "AGREE", None
    elif not negated and mod == "future" and typ in CONFLICT_MATERIAL and (attributed or actors):
        as_threat(typ)  # "the NGO will hold a protest outside the embassy": an announced protest
    elif not negated and mod == "intent" and typ in CONFLICT_MATERIAL and (attributed or actors) and cue not in ("go", "leave", "way"):
        as_threat(typ, keep_actor=True)  # "remains committed to carrying out attacks", "plans to impose quotas"
    elif not negated and mod == "hypothetical" and cue in ("if", "unless") and typ in CONFLICT_MATERIAL and actors:
        as_threat(typ)  # "if the police arrest him, the workers will walk out": a conditional warning
    if typ == "REQUEST" and trig.content:
        # "called for sanctions against Nigeria", "mobilize against Sharon": rallying opposition
        # against a third party is ACCUSE (CAMEO 113)
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
                typ, mode = "ACCUSE", "disapprove"
                recipients = dedupe(resolve_phrase(doc, against[0], result, speaker))
                break
    if typ == "SUPPORT" and _agreement_to_act(tok, lex):
        typ = "AGREE"  # "reached an agreement to share the waters": a commitment to future cooperation
    if typ == "MOBILIZE" and trig.lemma in ("exercise", "drill", "game", "maneuver", "manoeuvre") and \
            len({a.get("country") for a in actors if a.get("country")}) >= 2:
        typ, mode = "COOPERATE", None  # joint exercises are cooperation (PLOVER: MOBILIZE is one side)
    recast = None
    if typ != orig[0]:
        # the agreement / threat / rejection itself is a reported fact
        recast = {"type": orig[0], "modality": orig[1]}
        if typ in ("AGREE", "THREATEN", "REJECT") and mod in ("future", "intent", "hypothetical"):
            mod = "asserted"
    if not actors and not recipients and trig.pos == "N" and typ not in ("ASSAULT",):
        return
    if typ == "CONSULT" and not actors:
        return
    if typ == "ASSAULT" and not actors and not recipients and trig.pos == "V" and \
            trig.lemma in ("set", "burn", "torch", "shoot", "injure", "wound", "hurt", "kill"):
        return  # "one vehicle set on fire": no participant, nothing to code
    # speech acts by an abstract subject inside a quote are the speaker's ("this moment demands …")
    if typ in ("REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE") and not actors and speaker is not None:
        actors = [speaker]
    actors, recipients = dedupe(actors), dedupe(recipients)
    main_event = token_event.get(tok.head.i) or next(
        (token_event[c.i] for c in tok.head.children if c.dep_ in ("dobj", "attr") and c.i in token_event), None)
    if trig.pos == "V" and tok.dep_ == "advcl" and tok.tag_ == "VBG" and not recipients and \
            not any(c.dep_ in ("mark", "aux") for c in tok.children) and main_event:
        # "prisoners rioted, setting fire to their mattresses": a participial adjunct without
        # a target of its own tells how the main action went
        token_event[tok.i] = main_event
        return
    if actors and recipients:
        names = {a["name"].lower() for a in actors}
        recipients = [r for r in recipients if r["name"].lower() not in names]
    magnitude = None
    count_from = r_heads if typ in ("ASSAULT", "COERCE") else a_heads
    from ...resolve.actors import of_member
    for h in count_from:
        unit_tok = of_member(h) or h
        n, approx, span = count_of(unit_tok)
        if not n and h.lower_ in lex.quantities:
            n, approx = lex.quantities[h.lower_]
        if n:
            magnitude = {"count": n, "unit": unit_tok.lemma_.lower(), "approximate": approx}
            break
    context = list(trig.context) or None
    sectors = {a.get("sector") for a in actors + recipients}
    if "CRM" in sectors:
        context = (context or []) + ["crime"]
    # contexts named in the event's own clause ("raids on suspected smugglers" → trafficking)
    clause = result.text[min(_clause_span(tok, sent)[0], tok.idx):_clause_span(tok, sent)[1]]
    found = lex.contexts_in(clause)
    if found:
        context = (context or []) + found
    if context:
        context = list(dict.fromkeys(context))
    tstart, tend = tok.idx, tok.idx + len(tok)
    if trig.particle:
        prt = [c for c in tok.children if c.lower_ == trig.particle]
        if prt and prt[0].i == tok.i + 1:
            tend = prt[0].idx + len(prt[0])
    if trig.pos == "N":
        comp = [c for c in tok.children if c.dep_ in ("compound",) and c.i == tok.i - 1]
        if comp and ((comp[0].lower_, tok.lemma_.lower()) in lex.noun_phrases or comp[0].lemma_.lower() == trig.lemma):
            tstart = comp[0].idx
    start, end = _clause_span(tok if light is None else light, sent)
    start, end = min(start, tstart), max(end, tend)
    event = {
        "type": typ,
        "mode": mode,
        "context": context,
        "actor": actors,
        "recipient": recipients,
        "place": None,
        "date": None,
        "negated": bool(negated),
        "modality": mod,
        "reported_by": reported_by,
        "magnitude": magnitude,
        "trigger": result.evidence(tstart, tend),
        "evidence": result.evidence(start, end),
        "sentence": {"start": sent.start_char, "end": sent.end_char},
        "codes": _codes(lex, typ, mode, actors, recipients),
    }
    if recast:
        event["recast_from"] = recast
    # one action, one event: coordinated verbs of the same type ("killed … and destroyed …",
    # "one Serb was shot and six officers injured") and later re-reports of the same event
    # ("a 36-year-old Serb was shot") merge into the first mention
    same = same_event(result, event, tok, token_event)
    if same is not None:
        for r in event["recipient"]:
            if all(r["name"].lower() != x["name"].lower() for x in same["recipient"]) and same["sentence"] == event["sentence"]:
                same["recipient"].append(r)
        token_event[tok.i] = same["id"]
        return
    eid = result.add("events", event)
    token_event[tok.i] = eid
