"""Trigger matching: a token + the lexicon entries for its lemma → the first entry whose
syntactic frame holds (``plover_triggers.tsv`` frame language, documented in that file)."""
from __future__ import annotations

from ...resolve.actors import actor_like
from .lexicon import Trigger
from .roles import has_argument
from .syntax import children, climb_of, is_passive, passive_subject, prep_objects, subject, time_phrase

def _is_verb(tok) -> bool:
    if tok.pos_ == "ADJ" and tok.tag_ == "JJ":
        return False
    return tok.pos_ == "VERB" or (tok.tag_ in ("VBN", "VBD", "VBG") and tok.pos_ in ("ADJ", "AUX") and tok.lemma_ != "be")


def _subject_for_frame(tok):
    if is_passive(tok):
        return passive_subject(tok)
    return subject(tok)


def frame_ok(tok, trig: Trigger, lex, noun: bool) -> bool:
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
            if key == "objperson" and not (cand.ent_type_ == "PERSON" or (cand.pos_ == "PRON" and cand.lower_ not in ("it", "this", "that")) or
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
            if not any(c.dep_ in ("prep", "agent", "prt") and c.lower_ in want and not time_phrase(c) for c in tok.children) and \
                    not (dobj and any(c.dep_ == "prep" and c.lower_ in want for c in dobj[0].children) and "with" in want) and \
                    not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in want for m in c.children) for c in tok.children):
                return False
        elif key == "noprep":
            want = set(val.split("|"))
            if any(c.dep_ == "prep" and c.lower_ in want for c in tok.children):
                return False
        elif key == "inprotest":
            # "farmers dumped manure outside parliament in protest"
            if not (tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB"
                    and not any(c.dep_ == "prep" for c in tok.children)):
                return False
        elif key == "frompobj":
            # "withdrew from the talks", "pulled out of the negotiations"
            want = set(val.split("|"))
            objs = []
            for c in tok.children:
                if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "of", "out"):
                    objs += [p for p in c.children if p.dep_ == "pobj"]
                    objs += [p for cc in c.children if cc.dep_ == "prep" and cc.lower_ in ("of", "from")
                             for p in cc.children if p.dep_ == "pobj"]
            if not any(o.lower_ in want or o.lemma_.lower() in want for o in objs):
                return False
        elif key == "pobj":
            if not any(lex.in_class(p, val) for c in tok.children if c.dep_ in ("prep", "agent")
                       for p in c.children if p.dep_ == "pobj"):
                return False
        elif key == "comp":
            # "found X guilty", "held X responsible": a predicative complement
            want = set(val.split("|"))
            comps = [c for c in tok.children if c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")]
            comps += [c for d in dobj for c in d.children if c.dep_ in ("amod", "oprd")]
            if not any(c.lemma_.lower() in want or c.lower_ in want for c in comps):
                return False
        elif key == "subjactor":
            if passive:
                continue
            subj = _subject_for_frame(tok)
            if subj is None or not actor_like(subj):
                return False
        elif key == "subjpeople":
            subj = _subject_for_frame(tok)
            from ...resolve.actors import tables, of_member
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
        elif key == "noamod":
            if any(c.dep_ in ("amod", "compound") and c.lower_ in val.split("|") for c in tok.children):
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
            t2 = climb_of(tok)
            if t2.i != tok.i:
                tok, head = t2, t2.head
            from .lexicon import LIGHT_VERBS, lemma_forms
            allowed = set(val.split("|")) if val else LIGHT_VERBS
            if not (tok.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "conj") and lemma_forms(head) & allowed):
                if not (tok.dep_ == "pobj" and lemma_forms(head.head) & allowed):
                    return False
        elif key == "kills":
            from .lexicon import KILL_VERBS
            head = tok.head
            if not ((tok.dep_ == "nsubj" and head.lemma_.lower() in KILL_VERBS) or _caused_harm(tok, KILL_VERBS)):
                return False
        elif key == "obj_or_subj":
            continue
    return True



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
    if tok.pos_ == "VERB" and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") and tok.tag_ == "VBZ":
        # mis-tagged plural nouns ("U.S. airstrikes" as VBZ)
        noun_lemma = tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_
        for trig in lex.nouns.get(noun_lemma, []):
            if frame_ok(tok, trig, lex, noun=True):
                return trig
        return None
    if _is_verb(tok):
        if tok.dep_ == "amod" or (tok.dep_ == "compound" and tok.tag_ == "VBN"):
            return None  # participial descriptors: "kidnapped engineers", "wounded soldiers"
        entries = lex.verbs.get(lemma)
        if not entries:
            from .lexicon import lemma_forms
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

