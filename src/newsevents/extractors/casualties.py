"""Casualties: killed / injured / arrested / missing, with counts, the victims' group and sector,
linked to the event that caused them.

Only what the text states: "one Serb was shot" is one injured unless a death is stated ("shot
dead", "killed"); a count comes from digits or words ("six", "a dozen", "dozens" → 12
approximate). Repeated reports of the same casualties in one article are merged.
"""
from __future__ import annotations

from ..resolve.actors import resolve_token
from .events.quantity import count_of
from .events.syntax import children, is_passive, passive_subject
from .registry import extractor

KIND_OF_VERB = {
    "kill": "killed", "murder": "killed", "slay": "killed", "behead": "killed", "execute": "killed",
    "massacre": "killed", "slaughter": "killed", "die": "killed", "assassinate": "killed", "drown": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "shoot": "injured", "stab": "injured",
    "beat": "injured",
    "arrest": "arrested", "detain": "arrested", "apprehend": "arrested", "jail": "arrested",
    "imprison": "arrested",
    "abduct": "missing", "kidnap": "missing",
}
FATAL_ADVERBS = {"dead", "fatally", "mortally", "death"}


_TERMS: dict | None = None


def terms() -> dict[str, dict[str, str]]:
    """``data/events/casualty_terms.tsv`` by role: euphemism, allege, bodyverb, deadgroup, staygov."""
    global _TERMS
    if _TERMS is None:
        from .. import datafiles
        out: dict[str, dict[str, str]] = {}
        for row in datafiles.table("events/casualty_terms.tsv"):
            out.setdefault(row["role"], {})[row["term"]] = row["value"]
        _TERMS = out
    return _TERMS


def _casualty_modality(verb, year) -> str:
    """"accused X of killing hundreds" → alleged; "killed … in March 2022" → historical."""
    allege = terms().get("allege", {})
    t = verb
    for _ in range(5):
        if t.head.i == t.i:
            break
        if t.dep_ not in ("ccomp", "xcomp", "pcomp", "pobj", "prep", "advcl", "conj", "acl", "relcl"):
            break
        dep = t.dep_
        t = t.head
        if t.lemma_.lower() in allege:
            return "alleged"
        if t.lemma_.lower() in terms().get("claim", {}) and dep in ("xcomp", "ccomp"):
            return "alleged"  # "the rebels claimed to have killed 30 soldiers" (not "claimed the attack that killed")
    from ..resolve.modality import modality
    return modality(verb, year)[1]
GENERIC = {"person", "people", "man", "woman", "civilian", "other", "one"}


def _patient(verb):
    """The victims of ``verb``: passive subject (also shared by a coordinated verb: "were killed
    and injured"), object, the subject of an elided passive ("six officers injured") or of
    "died"."""
    if verb.lemma_.lower() in ("die", "drown") and not children(verb, "dobj"):
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
    kind = KIND_OF_VERB.get(lemma) or terms().get("euphemism", {}).get(lemma)
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if kind == "injured" and (any(c.lower_ in FATAL_ADVERBS for c in verb.children) or (nxt is not None and nxt.lower_ == "dead")):
        return "killed"  # "shot dead", "mortally wounded"
    if kind and lemma == "shoot":
        if any(c.dep_ == "conj" and c.lemma_.lower() in ("kill", "die") for c in verb.children):
            return None  # "shot and killed": the killing verb reports it
    return kind


def _count(patient) -> tuple[int | None, bool]:
    from .events.lexicon import lexicon
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
    from .events.lexicon import lexicon
    q = lexicon().quantities
    if patient.lower_ in q:
        inner = [p for c in patient.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if inner and inner[0].lower_ in q:
            return q[patient.lower_][0] * q[inner[0].lower_][0], True
    if patient.like_num or patient.lower_ in q:
        from .events.quantity import word_count
        n, approx = word_count([patient.text])
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
    stay = terms().get("staygov", {})
    for tok in sent:
        subj = None
        gov = tok.head.lemma_.lower()
        if tok.lower_ in STATE_ADJECTIVES and tok.dep_ in ("acomp", "oprd") and gov in stay and \
                (tok.pos_ == "ADJ" or gov != "be"):
            # "12 people are dead", "two people were reported missing", "nine others remain missing"
            verb = tok.head
            # "clashes left 11 people dead": the object is the casualty, not the cause
            subj = children(verb, "dobj") if gov == "leave" else children(verb, "nsubj", "nsubjpass")
        elif tok.lower_ in STATE_ADJECTIVES and tok.dep_ in ("amod", "oprd", "ccomp") and tok.i > tok.head.i and \
                tok.head.pos_ in ("NOUN", "PROPN", "NUM") and tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() == "leave":
            verb = tok.head.head  # "the blast left 12 people dead"
            subj = [tok.head]
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


def _found_bodies(sent):
    """"17 bodies were found", "the bodies of two men were recovered": killed."""
    out = []
    verbs = terms().get("bodyverb", {})
    for tok in sent:
        if tok.lemma_.lower() not in ("body", "corpse") or tok.dep_ not in ("nsubjpass", "dobj"):
            continue
        verb = tok.head
        if verb.lemma_.lower() not in verbs or any(c.dep_ == "neg" for c in verb.children):
            continue
        if tok.dep_ == "dobj" and verb.lemma_.lower() == "pull" and not any(c.lower_ in ("from", "out") for c in verb.children):
            continue
        if any(c.lower_ == "no" and c.dep_ == "det" for c in tok.children):
            continue
        members = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        out.append((tok, verb, members[0] if members else None))
    return out


def _idioms(sent) -> dict[int, tuple[str, object]]:
    """``verb index → (kind, patient)`` for casualty idioms ("claimed the lives of 120 people",
    "lost their lives", "sustained injuries", "were taken into custody")."""
    t = terms()
    out = {}
    for tok in sent:
        if tok.pos_ not in ("VERB",):
            continue
        lem = tok.lemma_.lower()
        for d in children(tok, "dobj"):
            key = f"{lem}:{d.lemma_.lower()}"
            if key in t.get("idiom_of", {}):
                victims = [p for c in d.children if c.dep_ == "prep" and c.lower_ == "of" for p in children(c, "pobj")]
                if victims:
                    out[tok.i] = (t["idiom_of"][key], victims[0])
            elif key in t.get("idiom_subj", {}):
                subj = children(tok, "nsubj")
                if subj:
                    out[tok.i] = (t["idiom_subj"][key], subj[0])
        for c in tok.children:
            if c.dep_ == "prep":
                for p in children(c, "pobj"):
                    key = f"{lem}:{p.lemma_.lower()}"
                    if key in t.get("idiom_pp", {}):
                        patient = passive_subject(tok) if is_passive(tok) else (children(tok, "dobj") or [None])[0]
                        if patient is not None:
                            out[tok.i] = (t["idiom_pp"][key], patient)
    return out


def _verb_casualties(sent, euphemisms):
    """``(verb, kind, patient)`` for casualty verbs and idioms of the sentence."""
    idioms = _idioms(sent)
    for verb in sent:
        if verb.i in idioms:
            kind, patient = idioms[verb.i]
            yield verb, kind, patient
            continue
        if verb.pos_ not in ("VERB", "ADJ") or (verb.lemma_.lower() not in KIND_OF_VERB and
                                                 verb.lemma_.lower() not in euphemisms):
            continue
        kind = _kind(verb)
        if kind is None:
            continue
        yield verb, kind, _patient(verb)


def _arrestable(patient) -> bool:
    """Only people are arrested: "apprehending trouble" is the fear sense of *apprehend*. Nouns
    of states and trends (``@abstract`` in ``data/events/classes.tsv``: trouble, violence, the
    situation, a decline) are not people ("helped to arrest the deteriorating situation")."""
    if patient.pos_ in ("PROPN", "PRON", "NUM") or patient.ent_type_ in ("PERSON", "NORP", "ORG"):
        return True
    from .events.lexicon import lexicon
    return not lexicon().in_class(_who_token(patient), "@abstract")


UNASSERTED = ("future", "intent", "hypothetical")


def _unasserted_arrest(verb) -> bool:
    """An arrest stated as a consequence, condition or intention, not as done: the verb (or the
    clause it heads) is governed by a future or conditional modal, or is the main clause of an
    "if"/"unless" condition."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "would", "shall", "should", "could", "might", "may", "must", "'ll", "wo"}:
        return True
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in verb.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


CIVILIAN_SECTORS = {"CVL", "OPP", "EDU", "LAB", "MED", "REF", "JRN", "REL", "AGR"}


def _main_clause_people(doc, main, result):
    """``(who, sector, country)`` of the civilian group a main clause targets (object, or the
    object of at/on/into), or None."""
    cands = children(main, "dobj") + [p for c in main.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "into")
                                       for p in children(c, "pobj")]
    for c in cands:
        who_tok = _who_token(c)
        actor = resolve_token(doc, who_tok, result)
        if actor and actor.get("sector") in CIVILIAN_SECTORS:
            return actor["name"], actor["sector"], actor["country"]
    return None


def _death_tolls(sent):
    """"the death toll rose to 45", "a death toll of 30", "the deaths … have risen to seven": killed,
    count as stated."""
    out = []
    for tok in sent:
        toll = tok.lemma_.lower() == "toll" and any(c.lower_ in ("death", "casualty") for c in tok.children)
        deaths = tok.lower_ in ("deaths", "fatalities") and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in TOLL_VERBS \
            and tok.head.lemma_.lower() != "be" and not any(c.dep_ == "nummod" for c in tok.children)
        if not (toll or deaths):
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


def _nominal_casualties(sent):
    """``(noun, kind, patient_or_None, count_token_or_None)`` for nouns that name casualties: counted
    ("more than 300 arrests were made", "seven deaths") or with their of-object ("the arrest of
    three men", "the death of a constable"). Not when denied ("no arrests"), asked for or planned
    ("demanded the arrest of", "will make arrests"): those are not casualties that happened."""
    nouns = terms().get("noun", {})
    out = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns:
            continue
        if any(c.lower_ in ("no", "any", "more") and c.dep_ in ("det", "amod") for c in tok.children):
            continue
        count = [c for c in tok.children if c.dep_ == "nummod"]
        members = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in children(c, "pobj")]
        if not count and not members:
            continue
        if members and not (members[0].pos_ in ("PROPN", "NUM") or _arrestable(members[0])):
            continue
        arg = tok
        while arg.dep_ in ("conj", "appos") and arg.head.i != arg.i:
            arg = arg.head  # "demanded a ban on the party and the arrest of its leaders"
        gov = arg.head if arg.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") else None
        if arg.dep_ == "pobj":
            gov = arg.head.head
        if gov is not None and gov.lemma_.lower() in terms().get("askfor", {}):
            continue
        if gov is not None and gov.pos_ in ("VERB", "AUX") and (_unasserted_arrest(gov) or any(c.dep_ == "neg" for c in gov.children)):
            continue
        out.append((tok, nouns[tok.lemma_.lower()], members[0] if members else None, count[0] if count else None))
    return out


@extractor("casualties", requires=("events",))
def extract_casualties(doc, result) -> None:
    """Killed, injured, arrested and missing people with counts, linked to their event."""
    token_event = result.stages.events.by_token if result.stages.events else {}
    from .events import published_year
    year = published_year(result)
    dead_group = terms().get("deadgroup", {})
    euphemisms = terms().get("euphemism", {})
    group_of_verb: dict[int, tuple] = {}
    seen: list[dict] = []
    patient_kinds: dict[int, str] = {}
    from .events.quantity import word_count
    for sent in doc.sents:
        for adj, subj, kind in _state_patients(sent):
            count, approx = _count(subj)
            if subj.like_num and count is None:
                count, approx = word_count([subj.text])
            who_tok = _who_token(subj)
            actor = resolve_token(doc, who_tok, result) if not who_tok.like_num else None
            if any(p["kind"] == kind and p["count"] == count for p in seen):
                continue
            start, end = doc[min(t.i for t in subj.subtree)].idx, adj.idx + len(adj)
            item = {"kind": kind, "count": count, "approximate": bool(approx),
                    "who": actor["name"] if actor else (None if who_tok.like_num else who_tok.text),
                    "sector": actor["sector"] if actor else None, "country": actor["country"] if actor else None,
                    "event": _sentence_event(result, sent), "evidence": result.evidence(start, end),
                    "modality": "asserted", "euphemism": None}
            result.add("casualties", item)
            seen.append(dict(item, _head=who_tok.lemma_.lower(), _person=False))
        for body, verb, member in _found_bodies(sent):
            count, approx = _count(member) if member is not None else (None, True)
            if count is None or (count == 1 and member is not None and not member.like_num and
                                 not any(c.dep_ == "nummod" for c in member.children)):
                count, approx = _count(body)
                if body.tag_ == "NNS" and count == 1:
                    count, approx = None, True
            actor = resolve_token(doc, _who_token(member), result) if member is not None and not member.like_num else None
            lo, hi = sorted((min(t.i for t in body.subtree), verb.i))
            hi = max(hi, body.right_edge.i) if body.i > verb.i else hi
            start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
            item = {"kind": "killed", "count": count, "approximate": bool(approx),
                    "who": actor["name"] if actor else None,
                    "sector": actor["sector"] if actor else None, "country": actor["country"] if actor else None,
                    "event": _sentence_event(result, sent), "evidence": result.evidence(start, end),
                    "modality": _casualty_modality(verb, year), "euphemism": None}
            result.add("casualties", item)
            seen.append(dict(item, _head="body", _person=False))
        for toll, num in _death_tolls(sent):
            count, approx = word_count([t.text for t in num.subtree if t.like_num or t.lower_ in ("more", "than", "at", "least")])
            if count is None or any(p["kind"] == "killed" and p["count"] == count for p in seen):
                continue
            lo, hi = sorted((toll.i, num.i))
            start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
            item = {"kind": "killed", "count": count, "approximate": bool(approx), "who": None, "sector": None,
                    "country": None, "event": _sentence_event(result, sent), "evidence": result.evidence(start, end),
                    "modality": "asserted", "euphemism": None}
            result.add("casualties", item)
            seen.append(dict(item, _head="toll", _person=False))
        for noun, kind, member, num in _nominal_casualties(sent):
            if member is not None:
                count, approx = _count(member)
                who_tok = _who_token(member)
                actor = resolve_token(doc, who_tok, result) if not who_tok.like_num else None
            else:
                count, approx = word_count([t.text for t in num.subtree if t.like_num or t.lower_ in ("more", "than", "at", "least", "over", "about", "nearly")])
                who_tok, actor = None, None
            if count is None and member is None:
                continue
            if any(p["kind"] == kind and p["count"] == count for p in seen):
                continue
            span = [noun.i] + ([t.i for t in member.subtree] if member is not None else [t.i for t in num.subtree])
            start, end = doc[min(span)].idx, doc[max(span)].idx + len(doc[max(span)])
            who = actor["name"] if actor else (who_tok.text if who_tok is not None and who_tok.lower_ not in QUANTITY_WORDS else None)
            modality = _casualty_modality(noun.head if noun.head.pos_ in ("VERB", "AUX") else noun, year)
            if kind == "arrested" and modality in UNASSERTED:
                continue
            item = {"kind": kind, "count": count, "approximate": bool(approx), "who": who,
                    "sector": actor["sector"] if actor else None, "country": actor["country"] if actor else None,
                    "event": token_event.get(noun.i) or _sentence_event(result, sent), "evidence": result.evidence(start, end),
                    "modality": modality, "euphemism": None}
            result.add("casualties", item)
            seen.append(dict(item, _head=who_tok.lemma_.lower() if who_tok is not None else noun.lemma_.lower(), _person=False))
        for verb, kind, patient in _verb_casualties(sent, euphemisms):
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
            if kind == "arrested" and not _arrestable(patient):
                continue  # "apprehending trouble": to apprehend a thing is to fear it, not to arrest it
            if kind == "arrested" and _unasserted_arrest(verb):
                continue  # "those found rioting would be arrested", "if they refuse, they will be arrested"
            who_tok = _who_token(patient)
            if who_tok.lemma_.lower() in dead_group or who_tok.lower_ in dead_group:
                continue  # "two of the dead were shot": already counted among the killed
            count, approx = _count(patient)
            if patient_kinds.get(patient.i, kind) != kind:
                count, approx = None, True  # "60 civilians were killed and injured": one total, not two
            patient_kinds.setdefault(patient.i, kind)
            actor = resolve_token(doc, who_tok, result)
            who = actor["name"] if actor else who_tok.text
            if who_tok.lower_ in QUANTITY_WORDS or who_tok.like_num:
                who = None  # "dozens were injured": no group named
            sector = actor["sector"] if actor else None
            country = actor["country"] if actor else None
            # "killing three people and wounding dozens", "killing 14 soldiers and wounding 20
            # others": an elided group is the coordinated verb's group
            sib = verb.head if verb.dep_ == "conj" else None
            if (who is None or who_tok.lemma_.lower() == "other") and sib is not None and sib.i in group_of_verb:
                who, sector, country = group_of_verb[sib.i]
            if who is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
                # "charged student protesters with batons, injuring at least 50": the main
                # clause's civilian targets
                group = _main_clause_people(doc, verb.head, result)
                if group is not None:
                    who, sector, country = group
            if who is not None:
                group_of_verb[verb.i] = (who, sector, country)
            left = min(t.i for t in patient.subtree if t.i <= patient.i)
            colons = [t.i for t in doc[left:patient.i] if t.text in (":", "\n") or "\n" in t.text]
            if colons:
                left = colons[-1] + 1  # "new delhi: simranjit singh mann … was arrested": not the dateline
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
            modality = _casualty_modality(verb, year)
            if kind == "arrested" and modality in UNASSERTED:
                continue  # "the police are likely to take him into custody": not an arrest yet
            item = {
                "kind": kind,
                "count": count,
                "approximate": bool(approx),
                "who": who,
                "sector": sector,
                "country": country,
                "event": event_id,
                "evidence": result.evidence(start, end),
                "modality": modality,
                "euphemism": verb.lemma_.lower() if verb.lemma_.lower() in euphemisms else None,
            }
            result.add("casualties", item)
            item_ref = dict(item)
            item_ref["_head"] = head
            item_ref["_person"] = who_tok.ent_type_ == "PERSON"
            seen.append(item_ref)
