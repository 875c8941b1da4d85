"""Casualties: killed / injured / arrested / missing, with counts, the victims' group and sector,
linked to the event that caused them.

Only what the text states: "one Serb was shot" is one injured unless a death is stated ("shot
dead", "killed"); a count comes from digits or words ("six", "a dozen", "dozens" → 12
approximate). Repeated reports of the same casualties in one article are merged.
"""
from __future__ import annotations

from ..resolve.actors import resolve_token
from .events_quantity import count_of
from .events_roles import children, is_passive, passive_subject
from .registry import extractor

KIND_OF_VERB = {
    "kill": "killed", "murder": "killed", "slay": "killed", "behead": "killed", "execute": "killed",
    "massacre": "killed", "slaughter": "killed", "die": "killed", "assassinate": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "shoot": "injured", "stab": "injured",
    "beat": "injured",
    "arrest": "arrested", "detain": "arrested", "apprehend": "arrested", "jail": "arrested",
    "imprison": "arrested",
    "abduct": "missing", "kidnap": "missing",
}
FATAL_ADVERBS = {"dead", "fatally", "mortally", "death"}
GENERIC = {"person", "people", "man", "woman", "civilian", "other", "one"}


def _patient(verb):
    """The victims of ``verb``: passive subject (also shared by a coordinated verb: "were killed
    and injured"), object, the subject of an elided passive ("six officers injured") or of
    "died"."""
    if verb.lemma_.lower() == "die":
        subj = children(verb, "nsubj")
        return subj[0] if subj else None
    if is_passive(verb):
        return passive_subject(verb)
    if verb.dep_ == "conj" and not children(verb, "nsubj") and (not children(verb, "dobj") or
                                                                  (verb.tag_ == "VBN" and is_passive(verb.head))):
        shared = passive_subject(verb)
        if shared is not None:
            return shared
    dobj = children(verb, "dobj")
    if dobj:
        return dobj[0]
    subj = children(verb, "nsubj")
    if subj and verb.tag_ == "VBN" and subj[0].lower_ not in ("that", "which", "who"):
        return subj[0]  # "six police officers injured" (not "an attack that killed")
    return None


def _kind(verb) -> str | None:
    lemma = verb.lemma_.lower()
    kind = KIND_OF_VERB.get(lemma)
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if kind == "injured" and (any(c.lower_ in FATAL_ADVERBS for c in verb.children) or (nxt is not None and nxt.lower_ == "dead")):
        return "killed"  # "shot dead", "mortally wounded"
    if kind and lemma == "shoot":
        if any(c.dep_ == "conj" and c.lemma_.lower() in ("kill", "die") for c in verb.children):
            return None  # "shot and killed": the killing verb reports it
    return kind


def _count(patient) -> tuple[int | None, bool]:
    from .events_lexicon import lexicon
    q = lexicon().quantities
    if patient.lower_ in q and q[patient.lower_][0] >= 100:
        # "hundreds of thousands (of Syrians)", "tens of thousands"
        mods = [c for c in patient.children if c.dep_ in ("quantmod", "nummod") and c.lower_ in q and q[c.lower_][0] >= 10]
        if mods:
            return q[mods[0].lower_][0] * q[patient.lower_][0], True
    n, approx, _span = count_of(patient)
    if n is not None:
        return n, approx
    # "one of our brave service members", "dozens of protesters", "hundreds of thousands of Syrians"
    from .events_lexicon import lexicon
    q = lexicon().quantities
    if patient.lower_ in q:
        inner = [p for c in patient.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if inner and inner[0].lower_ in q:
            return q[patient.lower_][0] * q[inner[0].lower_][0], True
    if patient.like_num or patient.lower_ in q:
        from .events_quantity import _word_count
        n, approx = _word_count([patient.text])
        if n is not None:
            return n, approx
    if patient.ent_type_ == "PERSON" or patient.tag_ in ("NN", "NNP") or patient.lower_ in ("he", "she"):
        return 1, False
    return None, True


def _sentence_event(result, sent) -> str | None:
    for ev in result.events:
        if ev["type"] in ("ASSAULT", "COERCE") and ev["sentence"]["start"] <= sent.start_char < ev["sentence"]["end"]:
            return ev["id"]
    return None


QUANTITY_WORDS = {"tens", "one", "some", "several", "many", "dozens", "hundreds", "thousands", "scores", "tens", "millions",
                  "most", "all", "none", "two", "three", "four", "five"}


def _who_token(patient, _depth: int = 0):
    """"one of our service members" → members; "hundreds of thousands of Syrians" → Syrians."""
    if _depth < 3 and (patient.like_num or patient.lower_ in QUANTITY_WORDS):
        for c in patient.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = children(c, "pobj")
                if pobj:
                    return _who_token(pobj[0], _depth + 1)
    return patient


STATE_ADJECTIVES = {"dead": "killed", "missing": "missing", "injured": "injured", "wounded": "injured"}
TOLL_VERBS = {"rise", "climb", "reach", "stand", "increase", "jump", "hit", "be"}


def _state_patients(sent):
    """"12 people are dead", "30 are missing": predicative adjectives with a subject."""
    out = []
    for tok in sent:
        subj = None
        if tok.lower_ in STATE_ADJECTIVES and tok.dep_ == "acomp" and tok.pos_ == "ADJ" and tok.head.lemma_ == "be":
            verb = tok.head
            subj = children(verb, "nsubj")
        elif tok.lower_ == "missing" and tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
            verb = tok  # "30 are missing" (parsed as a progressive verb)
            subj = children(tok, "nsubj") or [c for a in children(tok, "aux") for c in children(a, "nsubj")]
        if not subj or any(c.dep_ == "neg" for c in verb.children):
            continue
        s0 = subj[0]
        if s0.lower_ in ("nobody", "none", "noone") or any(c.lower_ == "no" for c in s0.children):
            continue  # "no one was dead"
        out.append((tok, s0, STATE_ADJECTIVES[tok.lower_]))
    return out


def _death_tolls(sent):
    """"the death toll rose to 45", "a death toll of 30": killed, count as stated."""
    out = []
    for tok in sent:
        if tok.lemma_.lower() != "toll" or not any(c.lower_ in ("death", "casualty") for c in tok.children):
            continue
        nums = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.like_num]
        verb = tok.head
        if not nums and tok.dep_ == "nsubj" and verb.lemma_.lower() in TOLL_VERBS:
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "at"):
                    nums += [p for p in c.children if p.like_num or p.dep_ == "pobj"]
                if c.dep_ in ("attr", "dobj") and (c.like_num or any(n.like_num for n in c.children)):
                    nums.append(c)
        for n in nums[:1]:
            out.append((tok, n))
    return out


@extractor("casualties", requires=("events",))
def extract_casualties(doc, result) -> None:
    """Killed, injured, arrested and missing people with counts, linked to their event."""
    token_event = result.stages.get("events", {}).get("by_token", {})
    seen: list[dict] = []
    patient_kinds: dict[int, str] = {}
    from .events_quantity import _word_count
    for sent in doc.sents:
        for adj, subj, kind in _state_patients(sent):
            count, approx = _count(subj)
            if subj.like_num and count is None:
                count, approx = _word_count([subj.text])
            who_tok = _who_token(subj)
            actor = resolve_token(doc, who_tok, result) if not who_tok.like_num else None
            if any(p["kind"] == kind and p["count"] == count for p in seen):
                continue
            start, end = doc[min(t.i for t in subj.subtree)].idx, adj.idx + len(adj)
            item = {"kind": kind, "count": count, "approximate": bool(approx),
                    "who": actor["name"] if actor else (None if who_tok.like_num else who_tok.text),
                    "sector": actor["sector"] if actor else None, "country": actor["country"] if actor else None,
                    "event": _sentence_event(result, sent), "evidence": result.evidence(start, end)}
            result.add("casualties", item)
            seen.append(dict(item, _head=who_tok.lemma_.lower(), _person=False))
        for toll, num in _death_tolls(sent):
            count, approx = _word_count([t.text for t in num.subtree if t.like_num or t.lower_ in ("more", "than", "at", "least")])
            if count is None or any(p["kind"] == "killed" and p["count"] == count for p in seen):
                continue
            lo, hi = sorted((toll.i, num.i))
            start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
            item = {"kind": "killed", "count": count, "approximate": bool(approx), "who": None, "sector": None,
                    "country": None, "event": _sentence_event(result, sent), "evidence": result.evidence(start, end)}
            result.add("casualties", item)
            seen.append(dict(item, _head="toll", _person=False))
        for verb in sent:
            if verb.pos_ not in ("VERB", "ADJ") or verb.lemma_.lower() not in KIND_OF_VERB:
                continue
            kind = _kind(verb)
            if kind is None:
                continue
            patient = _patient(verb)
            if patient is not None and patient.lower_ in ("who", "that", "which"):
                from ..resolve.actors import _antecedent
                patient = _antecedent(patient)
            if patient is None or patient.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
                continue
            if patient.pos_ == "PRON" and patient.lower_ not in ("he", "she"):
                continue
            lo_i, hi_i = sorted((patient.i, verb.i))
            if "\n" in doc[lo_i:hi_i + 1].text:
                continue  # a parse across a heading line is not a clause
            if any(c.dep_ == "neg" for c in verb.children) or patient.lower_ in ("nobody", "none", "noone") or \
                    any(c.lower_ == "no" and c.dep_ == "det" for c in patient.children):
                continue  # "nobody was killed", "was not injured"
            if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may") for c in verb.children):
                continue
            who_tok = _who_token(patient)
            count, approx = _count(patient)
            if patient_kinds.get(patient.i, kind) != kind:
                count, approx = None, True  # "60 civilians were killed and injured": one total, not two
            patient_kinds.setdefault(patient.i, kind)
            actor = resolve_token(doc, who_tok, result)
            who = actor["name"] if actor else who_tok.text
            if who_tok.lower_ in QUANTITY_WORDS or who_tok.like_num:
                who = None  # "dozens were injured": no group named
            sector = actor["sector"] if actor else None
            left = min(t.i for t in patient.subtree if t.i <= patient.i)
            lo = min(left, verb.i)
            hi = max(verb.i, patient.i if patient.i > verb.i else verb.i)
            if patient.i > verb.i:
                hi = patient.right_edge.i
            start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
            head = who_tok.lemma_.lower()
            dup = None
            for prev in seen:
                if prev["kind"] != kind:
                    continue
                same_group = prev["_head"] == head
                generic = head in GENERIC
                if same_group and (prev["count"] == count or count is None):
                    dup = prev
                elif generic and (count is None or count == prev["count"]) and prev["count"] is not None:
                    dup = prev
                elif count == 1 and prev["count"] == 1 and (prev["_person"] != (who_tok.ent_type_ == "PERSON")):
                    dup = prev  # a named victim and "the service member": one person
                if dup:
                    break
            if dup is not None:
                continue
            event_id = token_event.get(verb.i)
            if event_id is None:
                for ev in result.events:
                    if ev["type"] in ("ASSAULT", "COERCE") and ev["sentence"]["start"] <= verb.idx < ev["sentence"]["end"]:
                        event_id = ev["id"]
                        break
            item = {
                "kind": kind,
                "count": count,
                "approximate": bool(approx),
                "who": who,
                "sector": sector,
                "country": actor["country"] if actor else None,
                "event": event_id,
                "evidence": result.evidence(start, end),
            }
            result.add("casualties", item)
            item_ref = dict(item)
            item_ref["_head"] = head
            item_ref["_person"] = who_tok.ent_type_ == "PERSON"
            seen.append(item_ref)
