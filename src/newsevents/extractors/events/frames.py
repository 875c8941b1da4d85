"""Trigger matching: a token + the lexicon entries for its lemma → the first entry whose
syntactic frame holds (``plover_triggers.tsv`` frame language, documented in that file)."""
from __future__ import annotations

from ...resolve.actors import actor_like
from .lexicon import FRAME_KEYS, Trigger, lemma_forms, words
from .roles import has_argument
from .syntax import (children, climb_of, gerund_owner, hyphen_prefix, is_passive, passive_subject, prep_objects, subject,
                     time_phrase)

def _is_verb(tok) -> bool:
    if tok.pos_ == "ADJ" and tok.tag_ == "JJ":
        return False
    return tok.pos_ == "VERB" or (tok.tag_ in ("VBN", "VBD", "VBG") and tok.pos_ in ("ADJ", "AUX") and tok.lemma_ != "be")


def _subject_for_frame(tok):
    if is_passive(tok):
        return passive_subject(tok)
    return subject(tok)


class FrameView:
    """The trigger as the frame keys of one entry see it. The object and the passive are read once
    from the trigger; ``tok`` is the trigger, or the carrier noun once ``lightverb`` climbed to it
    ("a *state* of emergency"), which the later keys of the entry then look at."""
    __slots__ = ("tok", "noun", "dobj", "passive", "obj")

    def __init__(self, tok, noun: bool):
        self.tok = tok
        self.noun = noun
        self.dobj = children(tok, "dobj")
        self.passive = not noun and is_passive(tok)
        self.obj = self.dobj[0] if self.dobj else (passive_subject(tok) if self.passive else None)


def frame_ok(tok, trig: Trigger, lex, noun: bool) -> bool:
    """Do all the frame keys of ``trig`` hold for ``tok``? (keys: :data:`CHECKS`, docs/events.md)"""
    view = FrameView(tok, noun)
    for key, val in trig.conds:
        if not CHECKS[key](view, val, lex):
            return False
    return True


def _alternatives(val: str) -> set[str]:
    return set(val.split("|"))


# ------------------------------------------------------------------------- the object


def _obj(v, val, lex) -> bool:
    objs = v.dobj if v.dobj else ([v.obj] if v.obj is not None else [])
    return any(lex.in_class(o, val) for o in objs)


def _noobj(v, val, lex) -> bool:
    return not (v.obj is not None and lex.in_class(v.obj, val))


def _nodobj(v, val, lex) -> bool:
    return not v.dobj


def _object_actor(v) -> object | None:
    """The object, else the first with-object, else the subject of a complement ("allowed X to
    participate")."""
    if v.obj is not None:
        return v.obj
    objs = prep_objects(v.tok, ("with",))
    if objs:
        return objs[0]
    for c in children(v.tok, "ccomp", "xcomp"):
        subj = children(c, "nsubj")
        if subj:
            return subj[0]
    return None


def _named_or_actor(cand) -> bool:
    return actor_like(cand) or cand.ent_type_ in ("GPE", "LOC")


def _objactor(v, val, lex) -> bool:
    cand = _object_actor(v)
    return cand is not None and _named_or_actor(cand)


def _objgpe(v, val, lex) -> bool:
    return v.obj is not None and _named_or_actor(v.obj)


def _is_person(cand) -> bool:
    return cand.ent_type_ == "PERSON" or (cand.pos_ == "PRON" and cand.lower_ not in ("it", "this", "that")) or \
        cand.lemma_.lower() in words("person_titles")


def _objperson(v, val, lex) -> bool:
    return v.obj is not None and _is_person(v.obj) and _named_or_actor(v.obj)


def _objpeople(v, val, lex) -> bool:
    return v.obj is not None and (actor_like(v.obj) or lex.in_class(v.obj, "@people"))


def _objtarget(v, val, lex) -> bool:
    cand = v.obj
    return cand is not None and (actor_like(cand) or cand.ent_type_ in ("GPE", "LOC", "FAC") or
                                 lex.in_class(cand, "@place|@building|@vehicle|@infrastructure|@stronghold"))


def _dobj(v, val, lex) -> bool:
    return bool(v.dobj)


def _objnotgpe(v, val, lex) -> bool:
    """No place name as the object: "raided *a house*", not "raided *Kosovo*"."""
    return v.obj is None or v.obj.ent_type_ not in ("GPE", "LOC")


def _obj_or_subj(v, val, lex) -> bool:
    """The object, or else the subject, in the class; the subject of an elided passive is the noun
    its participle describes ("one *vehicle* set on fire", "*a car* set on fire" in a headline)."""
    if _obj(v, val, lex):
        return True
    tok = v.tok
    subj = tok.head if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") else _subject_for_frame(tok)
    return subj is not None and lex.in_class(subj, val)


def _always(v, val, lex) -> bool:
    return True


def _toactor(v, val, lex) -> bool:
    tos = prep_objects(v.tok, ("to",)) or (prep_objects(v.dobj[0], ("to",)) if v.dobj else [])
    return bool(tos) and (actor_like(tos[0]) or tos[0].ent_type_ == "GPE")


# ------------------------------------------------------------------------- complements, prepositions


def _noxcomp(v, val, lex) -> bool:
    return not children(v.tok, "xcomp", "ccomp")


def _xcomp(v, val, lex) -> bool:
    tok = v.tok
    comps = children(tok, "xcomp", "ccomp") + [c for c in children(tok, "advcl") if any(a.lower_ == "to" for a in c.children)]
    if not comps:
        return False
    return not val or any(c.lemma_.lower() in val.split("|") for c in comps)


def _prep(v, val, lex) -> bool:
    want = _alternatives(val)
    tok, dobj = v.tok, v.dobj
    return any(c.dep_ in ("prep", "agent", "prt") and c.lower_ in want and not time_phrase(c) for c in tok.children) or \
        (bool(dobj) and any(c.dep_ == "prep" and c.lower_ in want for c in dobj[0].children) and "with" in want) or \
        any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in want for m in c.children) for c in tok.children)


def _noprep(v, val, lex) -> bool:
    want = _alternatives(val)
    return not any(c.dep_ == "prep" and c.lower_ in want for c in v.tok.children)


def _underprep(v, val, lex) -> bool:
    # "farmers dumped manure outside parliament in protest"
    tok = v.tok
    return tok.dep_ == "pobj" and tok.head.lower_ in _alternatives(val) and tok.head.head.pos_ == "VERB" \
        and not any(c.dep_ == "prep" for c in tok.children)


def _frompobj(v, val, lex) -> bool:
    # "withdrew from the talks", "pulled out of the negotiations"
    want = _alternatives(val)
    objs = []
    for c in v.tok.children:
        if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "of", "out"):
            objs += [p for p in c.children if p.dep_ == "pobj"]
            objs += [p for cc in c.children if cc.dep_ == "prep" and cc.lower_ in ("of", "from")
                     for p in cc.children if p.dep_ == "pobj"]
    return any(o.lower_ in want or o.lemma_.lower() in want for o in objs)


def _pobj(v, val, lex) -> bool:
    return any(lex.in_class(p, val) for c in v.tok.children if c.dep_ in ("prep", "agent")
               for p in c.children if p.dep_ == "pobj")


def _comp(v, val, lex) -> bool:
    # "found X guilty", "held X responsible": a predicative complement
    want = _alternatives(val)
    comps = [c for c in v.tok.children if c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")]
    comps += [c for d in v.dobj for c in d.children if c.dep_ in ("amod", "oprd")]
    return any(c.lemma_.lower() in want or c.lower_ in want for c in comps)


# ------------------------------------------------------------------------- the subject


def _conjsubj(v, val, lex) -> bool:
    # reciprocal: "X and Y met", "the two presidents will meet", "X met with Y"
    subj = _subject_for_frame(v.tok)
    plural = subj is not None and subj.tag_ in ("NNS", "NNPS") and actor_like(subj)
    return bool((subj is not None and children(subj, "conj")) or plural or prep_objects(v.tok, ("with",)))


def _subjactor(v, val, lex) -> bool:
    if v.passive:
        return True
    subj = _subject_for_frame(v.tok)
    return subj is not None and actor_like(subj)


CIVIL_SECTORS = ("CVL", "LAB", "EDU", "AGR", "MED", "OPP", "REF", "REL", "JRN")  # PLOVER sectors of civil society


def _subjpeople(v, val, lex) -> bool:
    from ...resolve.actors import tables, of_member
    subj = _subject_for_frame(v.tok)
    if subj is not None and of_member(subj) is not None:
        subj = of_member(subj)
    if subj is None:
        return False
    demonym_plural = subj.tag_ in ("NNS", "NNPS") and \
        (subj.ent_type_ == "NORP" or tables().country_of(subj.text) is not None)
    return lex.in_class(subj, "@people|@crowd") or demonym_plural or \
        tables().agents.get(subj.lemma_.lower()) in CIVIL_SECTORS


def _subj(v, val, lex) -> bool:
    if v.passive:
        agent = prep_objects(v.tok, ("by",))
        subj = agent[0] if agent else None
    else:
        subj = _subject_for_frame(v.tok)
    return subj is not None and lex.in_class(subj, val)


# ------------------------------------------------------------------------- modifiers


def _advmod(v, val, lex) -> bool:
    # "sexually abused", "test-fired" (a noun as an adverb: npadvmod)
    return any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in val.split("|") for c in v.tok.children)


def _amod(v, val, lex) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.lower_ in val.split("|") for c in v.tok.children)


def _noamod(v, val, lex) -> bool:
    return not _amod(v, val, lex)


# ------------------------------------------------------------------------- nominal triggers


def _arg(v, val, lex) -> bool:
    tok = v.tok
    if not has_argument(tok, lex):
        return False
    return not (val == "military" and tok.head.lemma_.lower() in words("strike_action_verbs")
                and not prep_objects(tok, ("on", "against")))


def _argstrict(v, val, lex) -> bool:
    return has_argument(v.tok, lex, strict=True)


def _lightverb(v, val, lex) -> bool:
    tok = v.tok
    head = tok.head
    # "declared a state of emergency", "launched 10 days of war games"
    carrier = climb_of(tok)
    if carrier.i != tok.i:
        tok, head = carrier, carrier.head
        v.tok = carrier
    allowed = _alternatives(val) if val else words("light_verbs")
    if tok.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "conj") and lemma_forms(head) & allowed:
        return True
    return tok.dep_ == "pobj" and bool(lemma_forms(head.head) & allowed)


def _kills(v, val, lex) -> bool:
    tok = v.tok
    harm = words("harm_verbs")
    return (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in harm) or _caused_harm(tok, harm)


CHECKS = {
    "any": _always, "obj": _obj, "noobj": _noobj, "nodobj": _nodobj, "objactor": _objactor, "objgpe": _objgpe,
    "objperson": _objperson, "objpeople": _objpeople, "objtarget": _objtarget,
    "dobj": _dobj, "objnotgpe": _objnotgpe, "obj_or_subj": _obj_or_subj, "toactor": _toactor,
    "noxcomp": _noxcomp, "xcomp": _xcomp, "prep": _prep, "noprep": _noprep, "underprep": _underprep,
    "frompobj": _frompobj, "pobj": _pobj, "comp": _comp, "conjsubj": _conjsubj, "subjactor": _subjactor,
    "subjpeople": _subjpeople, "subj": _subj, "advmod": _advmod, "amod": _amod,
    "noamod": _noamod, "arg": _arg, "argstrict": _argstrict, "lightverb": _lightverb, "kills": _kills,
}
"""Frame key → its check ``(view, value, lexicon) -> bool``; the lexicon refuses any other key."""


def _caused_harm(noun, kill_verbs) -> bool:
    """"killed in a car bomb explosion", "died as a result of torture", "wounds sustained in a
    blast": the noun sits in a prepositional phrase (up to three deep) of a harm verb."""
    t = noun
    for _ in range(3):
        if t.dep_ != "pobj" or t.head.dep_ != "prep":
            return False
        gov = t.head.head
        if gov.lower_ in ("due", "because", "owing") and t.head.lower_ in ("to", "of"):
            gov = gov.head  # "died due to continued torture", "killed because of the blast"
            if gov.lemma_.lower() in kill_verbs:
                return True
        if gov.lemma_.lower() in kill_verbs and t.head.lower_ in ("in", "of", "from", "by", "after", "during", "as"):
            return True
        t = gov
    return False


def match(tok, lex):
    """The first trigger entry whose frame holds for ``tok`` (phrasal verbs first)."""
    lemma = tok.lemma_.lower()
    if gerund_owner(tok) is not None:
        # "died in police firing": the parse reads a compound noun as a participle of its modifier
        for trig in lex.nouns.get(tok.lower_, []):
            if frame_ok(tok, trig, lex, noun=True):
                return trig
        return None
    if tok.pos_ == "VERB" and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") and tok.tag_ == "VBZ":
        # mis-tagged plural nouns ("U.S. airstrikes" as VBZ)
        noun_lemma = tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_
        for trig in lex.nouns.get(noun_lemma, []):
            if frame_ok(tok, trig, lex, noun=True):
                return trig
        return None
    if tok.tag_ == "VBG" and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") and \
            any(c.dep_ in ("det", "compound", "poss") and c.i < tok.i for c in tok.children) and lex.nouns.get(tok.lower_):
        # a gerund the parse leaves a verb in a noun's place: "injured in *the police firing*"
        for trig in lex.nouns[tok.lower_]:
            if frame_ok(tok, trig, lex, noun=True):
                return trig
        return None
    if _is_verb(tok):
        if tok.dep_ == "amod" or (tok.dep_ == "compound" and tok.tag_ == "VBN"):
            return None  # participial descriptors: "kidnapped engineers", "wounded soldiers"
        prefix = hyphen_prefix(tok)
        entries = lex.verbs.get(f"{prefix.lower_}-{lemma}") if prefix is not None else None
        if not entries:
            entries = lex.verbs.get(lemma)  # "lathi-charged": the hyphenated verb first
        if not entries:
            for form in lemma_forms(tok) - {lemma}:
                if form in lex.verbs:
                    entries = lex.verbs[form]
                    break
        if not entries:
            return None
        # particles and prepositions ("call for", "meet with"); not a time phrase ("called … for Thursday")
        parts = {c.lower_ for c in tok.children
                 if (c.dep_ in ("prt", "prep") or (c.dep_ == "advmod" and c.i == tok.i + 1)) and not time_phrase(c)}
        for trig in sorted(entries, key=lambda t: t.particle is None):
            if trig.particle and trig.particle not in parts:
                continue
            if frame_ok(tok, trig, lex, noun=False):
                return trig
        return None
    if tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and lex.nouns.get(tok.lower_):
        # a noun tagged as an adjective in a nominal role ("a regime offensive on …")
        for trig in lex.nouns[tok.lower_]:
            if frame_ok(tok, trig, lex, noun=True):
                return trig
        return None
    if tok.pos_ == "ADJ":
        for trig in lex.adjectives.get(lemma, []):
            if frame_ok(tok, trig, lex, noun=False):
                return trig
        return None
    if tok.pos_ in ("NOUN", "PROPN") and tok.tag_ not in ("NNP",) or (tok.pos_ == "PROPN" and tok.lower_ in ("clashes",)):
        comp = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i == tok.i - 1]
        if comp:
            for trig in lex.noun_phrases.get((comp[0].lower_, lemma), []):
                if frame_ok(tok, trig, lex, noun=True):
                    return trig
        for trig in lex.nouns.get(lemma, []) or lex.nouns.get(tok.lower_, []):
            if frame_ok(tok, trig, lex, noun=True):
                return trig
    return None


def hyphen_noun(tok, lex):
    """"a sit-in", "a walk-out": hyphenated nouns come as three tokens; the last one is the
    head the parse attaches. Returns ``(head_token, trigger)`` or None."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "-":
        return None
    key = f"{tok.lower_}-{doc[tok.i + 2].lower_}"
    head = doc[tok.i + 2]
    for trig in lex.nouns.get(key, []):
        if frame_ok(head, trig, lex, noun=True):
            return head, trig
    return None


assert set(CHECKS) == set(FRAME_KEYS), "every frame key has one check"  # noqa: S101 (module invariant)
