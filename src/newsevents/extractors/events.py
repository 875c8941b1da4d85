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

from ..resolve.actors import actor_like, resolve_phrase, resolve_token
from ..resolve.modality import modality
from .events_lexicon import REPORTING_VERBS, Trigger, lexicon
from .events_quantity import count_of
from .events_roles import (children, has_argument, noun_roles, prep_objects, reporting_head, subject,
                           verb_roles, is_passive, passive_subject)
from .registry import extractor

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
CONFLICT_MATERIAL = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
THREAT_MODE = {"ASSAULT": "violence", "COERCE": "restrict", "PROTEST": "restrict", "SANCTION": "relations",
               "MOBILIZE": "violence"}
CONTENT_DEPS = {"xcomp", "ccomp", "dobj", "prep", "acl", "advcl", "conj", "dative", "oprd", "attr"}
_QUOTE_RE = re.compile(r"[“\"]([^”\"]{2,}?)[”\"]", re.S)


def _is_verb(tok) -> bool:
    if tok.pos_ == "ADJ" and tok.tag_ == "JJ":
        return False
    return tok.pos_ == "VERB" or (tok.tag_ in ("VBN", "VBD", "VBG") and tok.pos_ in ("ADJ", "AUX") and tok.lemma_ != "be")


def _subject_for_frame(tok):
    if is_passive(tok):
        return passive_subject(tok)
    return subject(tok)


def _frame_ok(tok, trig: Trigger, lex, noun: bool) -> bool:
    dobj = children(tok, "dobj")
    passive = not noun and is_passive(tok)
    obj = dobj[0] if dobj else (passive_subject(tok) if passive else None)
    for key, val in trig.conds:
        if key == "any":
            continue
        if key == "obj":
            objs = dobj if dobj else ([obj] if obj is not None else [])
            if not any(lex.in_class(o, val) for o in objs):
                return False
        elif key == "noobj":
            if obj is not None and lex.in_class(obj, val):
                return False
        elif key in ("objactor", "objgpe", "objperson", "objpeople", "objtarget", "objplace"):
            cand = obj
            if cand is None and key == "objactor":
                objs = prep_objects(tok, ("with",))
                cand = objs[0] if objs else None
            if cand is None and key == "objactor":
                # "allowed X to participate": the subject of the complement
                for c in children(tok, "ccomp", "xcomp"):
                    subj = children(c, "nsubj")
                    if subj:
                        cand = subj[0]
                        break
            if cand is None:
                return False
            if key == "objperson" and not (cand.ent_type_ == "PERSON" or cand.pos_ == "PRON" or
                                           (cand.lemma_.lower() in ("president", "minister", "king", "leader", "delegation",
                                                                    "envoy", "ambassador", "premier", "counterpart", "emir",
                                                                    "chancellor", "secretary", "official", "prince", "queen"))):
                return False
            if key in ("objtarget", "objplace"):
                if not (actor_like(cand) or cand.ent_type_ in ("GPE", "LOC", "FAC") or lex.in_class(cand, "@place|@building|@vehicle|@infrastructure|@stronghold")):
                    return False
            elif key == "objpeople":
                if not (actor_like(cand) or lex.in_class(cand, "@people")):
                    return False
            elif not actor_like(cand) and cand.ent_type_ not in ("GPE", "LOC"):
                return False
        elif key == "toactor":
            tos = prep_objects(tok, ("to",)) or (prep_objects(dobj[0], ("to",)) if dobj else [])
            if not tos or not (actor_like(tos[0]) or tos[0].ent_type_ == "GPE"):
                return False
        elif key in ("objnotevent", "objnotgpe"):
            if key == "objnotevent" and not dobj:
                return False
        elif key == "nodobj":
            if dobj:
                return False
        elif key == "noxcomp":
            if children(tok, "xcomp", "ccomp"):
                return False
        elif key == "conjsubj":
            # reciprocal: "X and Y met", "the two presidents will meet", "X met with Y"
            subj = _subject_for_frame(tok)
            plural = subj is not None and subj.tag_ in ("NNS", "NNPS") and actor_like(subj)
            if not ((subj is not None and children(subj, "conj")) or plural or prep_objects(tok, ("with",))):
                return False
        elif key == "prep":
            want = set(val.split("|"))
            if not any(c.dep_ in ("prep", "agent", "prt") and c.lower_ in want for c in tok.children) and \
                    not (dobj and any(c.dep_ == "prep" and c.lower_ in want for c in dobj[0].children) and "with" in want) and \
                    not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in want for m in c.children) for c in tok.children):
                return False
        elif key == "noprep":
            want = set(val.split("|"))
            if any(c.dep_ == "prep" and c.lower_ in want for c in tok.children):
                return False
        elif key == "pobj":
            want = set(val.split("|"))
            if not any(p.lower_ in want for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"):
                return False
        elif key == "subjactor":
            if passive:
                continue
            subj = _subject_for_frame(tok)
            if subj is None or not actor_like(subj):
                return False
        elif key == "subjpeople":
            subj = _subject_for_frame(tok)
            from ..resolve.actors import tables, of_member
            if subj is not None and of_member(subj) is not None:
                subj = of_member(subj)
            demonym_plural = subj is not None and subj.tag_ in ("NNS", "NNPS") and \
                (subj.ent_type_ == "NORP" or tables().country_of(subj.text) is not None)
            if subj is None or not (lex.in_class(subj, "@people|@crowd") or demonym_plural or
                                    tables().agents.get(subj.lemma_.lower()) in ("CVL", "LAB", "EDU", "AGR", "MED", "OPP", "REF", "REL", "JRN")):
                return False
        elif key == "subj":
            subj = _subject_for_frame(tok) if not passive else None
            if passive:
                agent = prep_objects(tok, ("by",))
                subj = agent[0] if agent else None
            if subj is None or not lex.in_class(subj, val):
                return False
        elif key == "xcomp":
            comps = children(tok, "xcomp", "ccomp") + [c for c in children(tok, "advcl") if any(a.lower_ == "to" for a in c.children)]
            if not comps:
                return False
            if val and not any(c.lemma_.lower() in val.split("|") for c in comps):
                return False
        elif key in ("advmod", "npadvmod"):
            if not any(c.dep_ == key and c.lower_ in val.split("|") for c in tok.children):
                return False
        elif key == "amod":
            if not any(c.dep_ in ("amod", "compound") and c.lower_ in val.split("|") for c in tok.children):
                return False
        elif key == "arg":
            if not has_argument(tok, lex):
                return False
            if val == "military" and tok.head.lemma_.lower() in ("go", "stage", "call", "declare", "hold", "end", "begin", "launch") and not prep_objects(tok, ("on", "against")):
                return False
        elif key == "argstrict":
            if not has_argument(tok, lex, strict=True):
                return False
        elif key == "lightverb":
            head = tok.head
            # "declared a state of emergency", "launched 10 days of war games"
            t2 = tok
            while t2.dep_ == "pobj" and t2.head.lower_ == "of" and t2.head.head.lemma_.lower() in OF_CARRIERS:
                t2 = t2.head.head
            if t2.i != tok.i:
                tok, head = t2, t2.head
            from .events_lexicon import LIGHT_VERBS, lemma_forms
            allowed = set(val.split("|")) if val else LIGHT_VERBS
            if not (tok.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "conj") and lemma_forms(head) & allowed):
                if not (tok.dep_ == "pobj" and lemma_forms(head.head) & allowed):
                    return False
        elif key == "kills":
            from .events_lexicon import KILL_VERBS
            head = tok.head
            if not ((tok.dep_ == "nsubj" and head.lemma_.lower() in KILL_VERBS)
                    or (tok.dep_ == "pobj" and head.head.lemma_.lower() in KILL_VERBS)):
                return False
        elif key == "obj_or_subj":
            continue
    return True


def _match(tok, lex):
    """The first trigger entry whose frame holds for ``tok`` (phrasal verbs first)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") and tok.tag_ == "VBZ":
        # mis-tagged plural nouns ("U.S. airstrikes" as VBZ)
        noun_lemma = tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_
        for trig in lex.nouns.get(noun_lemma, []):
            if _frame_ok(tok, trig, lex, noun=True):
                return trig
        return None
    if _is_verb(tok):
        if tok.dep_ == "amod" or (tok.dep_ == "compound" and tok.tag_ == "VBN"):
            return None  # participial descriptors: "kidnapped engineers", "wounded soldiers"
        entries = lex.verbs.get(lemma)
        if not entries:
            from .events_lexicon import lemma_forms
            for form in lemma_forms(tok) - {lemma}:
                if form in lex.verbs:
                    entries = lex.verbs[form]
                    break
        if not entries:
            return None
        parts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep") or (c.dep_ == "advmod" and c.i == tok.i + 1)}
        for trig in sorted(entries, key=lambda t: t.particle is None):
            if trig.particle and trig.particle not in parts:
                continue
            if _frame_ok(tok, trig, lex, noun=False):
                return trig
        return None
    if tok.pos_ == "ADJ":
        for trig in lex.adjectives.get(lemma, []):
            if _frame_ok(tok, trig, lex, noun=False):
                return trig
        return None
    if tok.pos_ in ("NOUN", "PROPN") and tok.tag_ not in ("NNP",) or (tok.pos_ == "PROPN" and tok.lower_ in ("clashes",)):
        comp = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i == tok.i - 1]
        if comp:
            for trig in lex.noun_phrases.get((comp[0].lower_, lemma), []):
                if _frame_ok(tok, trig, lex, noun=True):
                    return trig
        for trig in lex.nouns.get(lemma, []) or lex.nouns.get(tok.lower_, []):
            if _frame_ok(tok, trig, lex, noun=True):
                return trig
    return None


def _hyphen_noun(tok, lex):
    """"a sit-in", "a walk-out": hyphenated nouns come as three tokens; the last one is the
    head the parse attaches. Returns ``(head_token, trigger)`` or None."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "-":
        return None
    key = f"{tok.lower_}-{doc[tok.i + 2].lower_}"
    head = doc[tok.i + 2]
    for trig in lex.nouns.get(key, []):
        if _frame_ok(head, trig, lex, noun=True):
            return head, trig
    return None


def _content_tokens(tok) -> set[int]:
    """Token indices inside the content of a speech act (complements, objects, not the subject)."""
    out = set()
    for c in tok.children:
        if c.dep_ in CONTENT_DEPS:
            out.update(t.i for t in c.subtree)
    return out


def _quote_spans(text: str, result) -> list[tuple[int, int, dict | None]]:
    spans = []
    for q in getattr(result, "items", {}).get("quotes", []) or []:
        s, e = q.get("start"), q.get("end")
        if isinstance(s, int) and isinstance(e, int):
            spans.append((s, e, q))
    if spans:
        return spans
    return [(m.start(1), m.end(1), None) for m in _QUOTE_RE.finditer(text)]


def _speaker_from_sentence(doc, sent, result):
    """A reporting verb's subject in ``sent`` ("…,” said Petkovic", "Kurti said:")."""
    for tok in sent:
        if tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ in ("VERB", "AUX"):
            subj = children(tok, "nsubj")
            if subj and subj[0].lower_ not in ("it", "that", "this"):
                return subj[0]
            if tok.lower_ == "quoted":
                return None
    return None


def _reported_by(doc, tok, sent, result, quotes, sent_index, sents) -> tuple[dict | None, object | None]:
    """``(reported_by, speaker_token)`` for a trigger: quote speaker or reporting-verb subject."""
    start = tok.idx
    for s, e, q in quotes:
        if s <= start < e:
            if q is not None and q.get("speaker"):
                sp = q["speaker"] or {}
                return {"name": sp.get("name"), "entity": sp.get("entity"), "quote": q.get("id")}, None
            speaker = _speaker_from_sentence(doc, sent, result)
            if speaker is None and sent_index > 0:
                prev = sents[sent_index - 1]
                if prev.text.rstrip().endswith(":") or (s < prev.end_char):
                    speaker = _speaker_from_sentence(doc, prev, result)
            if speaker is None and sent_index + 1 < len(sents):
                nxt = sents[sent_index + 1]
                if s <= nxt.start_char < e + 3 or nxt.text.lstrip().startswith(("”", "\"")):
                    speaker = _speaker_from_sentence(doc, nxt, result)
            if speaker is not None:
                actor = resolve_token(doc, speaker, result)
                name = actor["name"] if actor else speaker.text
                return {"name": name, "entity": actor["entity"] if actor else None, "quote": None}, speaker
            return None, None
    head = reporting_head(tok)
    if head is not None:
        subj = children(head, "nsubj")
        if subj:
            actor = resolve_token(doc, subj[0], result)
            if actor is None:
                sp = subj[0]
                toks = [t for t in sp.subtree if t.dep_ not in ("det", "punct")] or [sp]
                name = doc[toks[0].i: toks[-1].i + 1].text
                return {"name": name, "entity": None, "quote": None}, None
            return {"name": actor["name"], "entity": actor["entity"], "quote": None}, subj[0]
        # "… was quoted as saying", "according to X"
    return None, None


def _speaker_actor(doc, speaker_tok, result):
    if speaker_tok is None:
        return None
    return resolve_token(doc, speaker_tok, result)


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
    while end > start and doc_text_strip(sent, end):
        end -= 1
    return start, end


def doc_text_strip(sent, end) -> bool:
    ch = sent.doc.text[end - 1]
    return ch in " \n\t,;:"


def _codes(lex, typ, mode, actors, recipients):
    cameo, quad, gold = lex.codes_for(typ, mode)
    a_sec = {a.get("sector") for a in actors if a.get("sector")}
    r_sec = {a.get("sector") for a in recipients if a.get("sector")}
    etype, sub = lex.acled_for(typ, mode or "", a_sec, r_sec)
    if typ == "ASSAULT" and etype is None:
        etype, sub = "Violence against civilians", "Attack"
    return {"cameo": cameo or None, "quad_class": quad or None, "goldstein": gold,
            "acled_event_type": etype, "acled_sub_event_type": sub}


def _dedupe(actors: list[dict]) -> list[dict]:
    seen, out = set(), []
    for a in actors:
        key = (a["name"].lower(), a.get("entity"))
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _published_year(result) -> int | None:
    pub = getattr(result.article, "published", None) or ""
    m = re.match(r"(\d{4})", str(pub))
    return int(m.group(1)) if m else None


@extractor("events", requires=("entities",), after=("quotes", "coref"))
def extract_events(doc, result) -> None:
    """PLOVER events with actors, recipients, modality, attribution and CAMEO/ACLED codes."""
    lex = lexicon()
    text = result.text
    quotes = _quote_spans(text, result)
    sents = list(doc.sents)
    year = _published_year(result)
    stage = result.stages.setdefault("events", {})
    token_event = stage.setdefault("by_token", {})
    for si, sent in enumerate(sents):
        try:
            _code_sentence(doc, result, lex, sents, si, sent, quotes, year, token_event)
        except Exception as exc:  # one odd parse must not lose the article's other events
            from ..errors import warning
            result.warnings.append(warning("W009", article=getattr(result.article, "id", "?"),
                                           start=sent.start_char, reason=f"{type(exc).__name__}: {exc}"))


def _anchor(tok):
    """The verb a trigger's clause hangs on (the light verb for nominal triggers)."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return tok


def _no_relcl(tok) -> set[int]:
    out, stack = set(), [tok]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl"))
    return out


def _has_prep_argument(tok) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against", "between", "with", "into", "upon") for c in tok.children)


def _dependent_triggers(kept, lex) -> set[int]:
    """Triggers that only elaborate another one: its purpose ("sent troops *to investigate*"), its
    condition ("*unless* the president *agrees*"), background adjuncts ("surrendered *following*
    a government *offensive*") and relative or participial clauses describing a participant ("aid
    to Macedonia, *which is preparing an offensive*", "weapons *seized* last year")."""
    out: set[int] = set()
    ids = {t.i for t, _ in kept}
    for tok, trig in kept:
        anchor = _anchor(tok)
        for c in anchor.children:
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                    and trig.type != "AGREE" and not trig.content:
                purpose = _no_relcl(c)
                if (trig.type == "MOBILIZE" or trig.lemma in ("send", "dispatch", "deploy")) and purpose & (ids - {tok.i}):
                    out.add(tok.i)  # "sent personnel to investigate": the purpose is the event
                else:
                    out |= purpose
            elif c.dep_ == "advcl" and marks & ({"if", "unless"} | BACKGROUND):
                out |= {t.i for t in c.subtree}
            elif c.dep_ == "prep" and (c.lower_ in BACKGROUND or (c.lower_ == "in" and any(p.lower_ == "wake" for p in c.children))):
                out |= {t.i for t in c.subtree}
        # inside the event's phrase: descriptive clauses and background nominals
        for t in anchor.subtree:
            if t.i == anchor.i:
                continue
            if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON") and \
                    t.head.lemma_.lower() not in REPORT_NOUNS:
                if t.i in ids or any(d.i in ids for d in t.children if d.dep_ in ("dobj", "xcomp")):
                    out |= {x.i for x in t.subtree}
            elif t.dep_ == "prep" and t.lower_ in BACKGROUND:
                for x in t.subtree:
                    if x.i in ids and x.pos_ in ("NOUN", "PROPN") and not _has_prep_argument(x):
                        out.add(x.i)
            elif t.dep_ == "prep" and (t.lower_ in ("including", "like") or (t.lower_ == "with" and t.head.i == anchor.i)):
                # "10 airstrikes, including strikes against …"; "support Iraqi forces with air strikes"
                for x in t.subtree:
                    if x.i in ids and x.pos_ in ("NOUN", "PROPN", "VERB"):
                        out.add(x.i)
        # "signed an agreement", "lifted the ban on opposition rallies": the verb's object, and
        # what it says, are part of its event
        if trig.pos == "V":
            restricts = any(c.dep_ == "dobj" and lex.in_class(c, "@restriction") for c in tok.children)
            for c in tok.children:
                if c.dep_ in ("dobj", "nsubjpass") or (restricts and c.dep_ == "prep" and c.lower_ in ("on", "against")):
                    for i in _no_relcl(c):  # not into relative clauses: "a crowd that … after raids on …"
                        if i in ids and tok.doc[i].pos_ in ("NOUN", "PROPN"):
                            out.add(i)
    return out


GENERIC_HEADS = {"person", "people", "one", "man", "woman", "civilian", "other", "resident"}


def _head_word(actor: dict) -> str:
    words = re.findall(r"[\w.'-]+", actor["name"].lower())
    w = words[-1] if words else ""
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


_STOP = {"the", "of", "a", "an", "and", "in", "its", "their", "his", "her"}


def _words(actor: dict) -> set[str]:
    out = set()
    for w in re.findall(r"[\w.'-]+", actor["name"].lower()):
        w = w.strip(".")
        if w not in _STOP:
            out.add(w[:-1] if w.endswith("s") and len(w) > 3 else w)
    return out


def _parties_overlap(a: list[dict], b: list[dict], strict: bool = False) -> bool:
    """Do two party lists name the same party? Strict: the same entity or the same words
    ("representatives of Kosovo Serbs" = "Kosovo Serb representatives"); loose: also the same head."""
    a = [x for x in a if x.get("kind") != "target"]
    b = [x for x in b if x.get("kind") != "target"]
    ents = {x.get("entity") for x in a if x.get("entity")} & {x.get("entity") for x in b if x.get("entity")}
    if ents:
        return True
    if not strict and ({_head_word(x) for x in a} & {_head_word(x) for x in b}):
        return True
    for x in a:
        for y in b:
            wx, wy = _words(x), _words(y)
            if wx and wy and (wx == wy if strict else len(wx & wy) / len(wx | wy) >= 0.5):
                return True
    return False


def _same_event(result, event: dict, tok, token_event: dict) -> dict | None:
    """An earlier event this one repeats, or None."""
    base = (event.get("recast_from") or {}).get("type", event["type"])
    head = tok.head
    for prev in result.events:
        pbase = (prev.get("recast_from") or {}).get("type", prev["type"])
        if prev["negated"] != event["negated"]:
            continue
        # coordinated verbs in one sentence: "killed 20 militants and destroyed eight vehicles"
        if tok.dep_ == "conj" and token_event.get(head.i) == prev["id"] and (pbase == base or prev["type"] == event["type"]):
            if not event["actor"] or not prev["actor"] or _parties_overlap(event["actor"], prev["actor"]):
                return prev
        if pbase != base or prev["sentence"] == event["sentence"]:
            continue
        # a later re-report: same (or no) actor and the same recipients
        if event["actor"] and not (prev["actor"] and _parties_overlap(event["actor"], prev["actor"])):
            continue
        if not event["recipient"]:
            continue
        if _parties_overlap(event["recipient"], prev["recipient"], strict=bool(event["actor"])):
            return prev
        if not event["actor"] and base == "ASSAULT" and all(_head_word(r) in GENERIC_HEADS for r in event["recipient"]):
            return prev  # "one person was seriously injured" after the incident was reported
    return None


def _promises_force(tok, lex, depth: int = 0) -> bool:
    """"vowed to fight", "swore to continue fighting": a promise whose content is force."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl"):
            trig = _match(c, lex)
            if trig is not None and trig.type in CONFLICT_MATERIAL:
                return True
            if trig is None and any(t.type == "ASSAULT" and not t.particle for t in lex.verbs.get(c.lemma_.lower(), [])) \
                    and c.lemma_.lower() in ("fight", "attack", "kill", "strike", "destroy", "crush", "retake", "wipe"):
                return True
            if depth < 1 and c.lemma_.lower() in ("continue", "keep", "resume", "start", "begin", "step"):
                if _promises_force(c, lex, depth + 1):
                    return True
    return False


def _code_sentence(doc, result, lex, sents, si, sent, quotes, year, token_event) -> None:
    if sent.text.rstrip(" ”\"'’").endswith("?"):
        return  # a question reports no event ("Will Russia attack Ukraine?")
    cands = []
    for tok in sent:
        hyphen = _hyphen_noun(tok, lex)
        if hyphen is not None:
            cands.append(hyphen)
            continue
        trig = _match(tok, lex)
        if trig is not None:
            cands.append((tok, trig))
        elif tok.dep_ == "compound" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in CARRIERS:
            # "a mediation mission between Syria and …": the carrier noun holds the arguments
            for t2 in lex.nouns.get(tok.lemma_.lower(), []):
                if _frame_ok(tok.head, t2, lex, noun=True):
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
        if trig.content:
            suppressed |= _content_tokens(tok) - {tok.i}
    for v in modal_demands:
        suppressed |= {t.i for t in v.subtree} - {v.i}
        suppressed.add(v.i)
    kept = [(t, tr) for t, tr in cands if t.i not in suppressed]
    suppressed |= _dependent_triggers(kept, lex)
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


OF_CARRIERS = {"state", "series", "wave", "round", "day", "week", "month", "campaign", "number", "string", "spate"}
CARRIERS = {"effort", "mission", "process", "bid", "initiative", "attempt", "round", "campaign"}
REPORT_NOUNS = {"news", "report", "claim", "allegation", "statement", "announcement", "word", "confirmation",
                "fact", "reports", "accusation", "evidence", "sign", "indication", "rumour", "rumor"}
BACKGROUND = {"after", "following", "since", "amid", "before", "despite"}


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
        if tok.head.lemma_.lower() in ("demand", "insist"):
            continue  # the demand verb itself is the trigger
        subj = children(tok, "nsubj")
        speaker = _speaker_head(tok.head)
        if not subj or not speaker or not actor_like(subj[0]) or subj[0].pos_ == "PRON":
            continue
        if subj[0].lemma_ == speaker[0].lemma_:
            continue
        out.append(tok)
    return out


def _speaker_head(verb) -> list:
    """The subject of a reporting verb ("The Red Cross operating in Iraq said": Cross)."""
    subj = children(verb, "nsubj")
    if subj and subj[0].pos_ == "VERB":
        inner = children(subj[0], "nsubj")
        return inner[:1]
    return subj[:1]


def _emit_modal_demand(doc, result, lex, sent, si, sents, verb, quotes, year, token_event):
    speaker = _speaker_head(verb.head)[0]
    actors = resolve_phrase(doc, speaker, result)
    recipients = resolve_phrase(doc, children(verb, "nsubj")[0], result)
    if not actors:
        return
    start, end = _clause_span(verb.head, sent)
    event = {
        "type": "REQUEST", "mode": None, "context": None,
        "actor": _dedupe(actors), "recipient": _dedupe(recipients),
        "place": None, "date": None, "negated": False, "modality": "asserted",
        "reported_by": None, "magnitude": None,
        "trigger": result.evidence(verb.idx, verb.idx + len(verb)),
        "evidence": result.evidence(start, end),
        "sentence": {"start": sent.start_char, "end": sent.end_char},
        "codes": _codes(lex, "REQUEST", None, actors, recipients),
    }
    eid = result.add("events", event)
    token_event[verb.i] = eid


def _emit(doc, result, lex, sent, si, sents, tok, trig, quotes, year, token_event, kept):
    typ, mode = trig.type, trig.mode
    light = None
    if trig.pos == "V":
        a_heads, r_heads, passive = verb_roles(tok, trig, lex)
        if trig.swap and not passive:
            a_heads, r_heads = r_heads, a_heads  # "Yeltsin hosted Hashimoto": the visitor acts
        # "A U.S. strike hit two vehicles", "a series of airstrikes killed …": the subject is the
        # attack itself; its own participants are the event's
        from ..resolve.actors import of_member
        for h in list(a_heads):
            inner = of_member(h) or h
            nt = _match(inner, lex) if inner.pos_ in ("NOUN", "PROPN") else None
            if nt is not None and nt.type == trig.type:
                na, nr, _ = noun_roles(inner, lex)
                a_heads = [x for x in a_heads if x.i != h.i] + na
                if not r_heads:
                    r_heads = nr
                if mode is None:
                    mode = nt.mode
    else:
        a_heads, r_heads, light = noun_roles(tok, lex)
        passive = False
    reported_by, speaker_tok = _reported_by(doc, tok, sent, result, quotes, si, sents)
    speaker = _speaker_actor(doc, speaker_tok, result) if speaker_tok is not None else None
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
    actors, recipients = [], []
    for h in a_heads:
        actors.extend(resolve_phrase(doc, h, result, speaker))
    for h in r_heads:
        recipients.extend(resolve_phrase(doc, h, result, speaker, targets=typ in ("ASSAULT", "COERCE")))
    negated, mod, cue = modality(tok, year, light_verb=light)
    # PLOVER recasts (manual: auxiliary modes): future cooperation is AGREE, a promise to use
    # force or a conditional/stated future use of force is THREATEN (by the speaker)
    def as_threat(t, keep_actor=False):
        nonlocal typ, mode, actors, recipients
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
            (typ in CONFLICT_MATERIAL or (typ == "RETREAT" and cue in ("if", "unless"))):
        as_threat(typ)
    elif not negated and mod == "hypothetical" and cue in ("if", "unless") and attributed and typ in COOPERATIVE:
        typ, mode = "AGREE", None  # a conditional offer
    elif not negated and mod in ("future", "intent") and typ in COOPERATIVE and cue not in ("go", "leave", "way") \
            and not (typ == "SUPPORT" and cue in ("want", "like", "wish", "hope")):
        typ, mode = "AGREE", None  # ("I want to thank …" is thanking, not a promise)
    elif not negated and mod == "future" and typ in ("RETREAT", "CONCEDE"):
        typ, mode = "AGREE", None
    elif not negated and mod == "future" and typ in CONFLICT_MATERIAL and attributed:
        as_threat(typ)
    elif not negated and mod == "intent" and typ in CONFLICT_MATERIAL and attributed and cue not in ("go", "leave", "way"):
        as_threat(typ, keep_actor=True)  # "remains committed to carrying out attacks", "plans to attack"
    if typ == "REQUEST" and trig.content:
        # "called for sanctions against Nigeria", "mobilize against Sharon": rallying opposition
        # against a third party is ACCUSE (CAMEO 113)
        heads = []
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("for", "on")):
                inner = [c] + [p for p in c.children if p.dep_ == "pobj"]
                for h in inner:
                    heads.append(h)
                    heads.extend(x for x in h.children if x.dep_ == "conj")
        for h in heads:
            against = [p for c in h.children if c.dep_ == "prep" and c.lower_ == "against" for p in c.children if p.dep_ == "pobj"]
            if against and actor_like(against[0]):
                typ, mode = "ACCUSE", "disapprove"
                recipients = _dedupe(resolve_phrase(doc, against[0], result, speaker))
                break
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
    actors, recipients = _dedupe(actors), _dedupe(recipients)
    if actors and recipients:
        names = {a["name"].lower() for a in actors}
        recipients = [r for r in recipients if r["name"].lower() not in names]
    magnitude = None
    count_from = r_heads if typ in ("ASSAULT", "COERCE") else a_heads
    from ..resolve.actors import of_member
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
    if re.search(r"\bsmuggl|\btraffick", sent.text, re.I):
        context = (context or []) + ["trafficking"]
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
    same = _same_event(result, event, tok, token_event)
    if same is not None:
        for r in event["recipient"]:
            if all(r["name"].lower() != x["name"].lower() for x in same["recipient"]) and same["sentence"] == event["sentence"]:
                same["recipient"].append(r)
        token_event[tok.i] = same["id"]
        return
    eid = result.add("events", event)
    token_event[tok.i] = eid
