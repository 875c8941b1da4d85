"""Dependency helpers the event stage (and the casualty stage) reads the parse with: children by
relation, prepositional objects, subjects inherited through control and coordination, passives,
owners of non-actor nouns, the reporting verb over a clause.

Everything here returns *tokens*; :mod:`newsevents.resolve.actors` turns them into actors.
"""
from __future__ import annotations

from ... import datelines
from .lexicon import REPORTING_VERBS, lexicon, words


def children(token, *deps):
    return [c for c in token.children if c.dep_ in deps]


TIME_ENTS = {"DATE", "TIME"}


def prep_objects(token, preps) -> list:
    """Objects of the given prepositions under ``token`` (time expressions excluded: "on Friday")."""
    out = []
    for c in token.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            out.extend(p for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in TIME_ENTS
                       and p.lower_ not in words("time_nouns") and p.lemma_.lower() not in words("time_nouns"))
    return out


def is_passive(verb) -> bool:
    return bool(children(verb, "nsubjpass", "auxpass")) or \
        (verb.tag_ == "VBN" and verb.dep_ in ("acl",) and not headline_subject(verb))




def headline_subject(verb):
    """The small parser reads "Tribal elders negotiated with …" as a noun root with a participle:
    when the root noun has no verb of its own and the participle is no verb of harm ("six officers
    injured" stays an elided passive), the noun is the subject of an active verb."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.lemma_.lower() in words("patient_verbs") or verb.i != head.right_edge.i and verb.i < head.i:
        return None
    if any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children):
        return None
    return head


def hyphen_prefix(verb):
    """"lathi-charged" comes as three tokens: the word before the hyphen, or None."""
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and not doc[verb.i - 1].whitespace_ and \
            not doc[verb.i - 2].whitespace_ and doc[verb.i - 2].is_alpha:
        return doc[verb.i - 2]
    return None


def gerund_owner(tok):
    """"died in *police firing*", "deaths due to *army shelling*": the small parser reads the
    compound noun as a participle (acl) of the noun before it. The noun that owns the act, or None
    (not for a participle with an object of its own: "police firing tear gas" is a clause)."""
    if tok.tag_ != "VBG" or tok.dep_ != "acl" or tok.head.i != tok.i - 1 or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if children(tok, "dobj", "nsubj", "aux", "auxpass", "xcomp", "ccomp"):
        return None
    if children(tok.head, "det", "nummod", "amod", "poss", "predet"):
        return None  # "the men firing at the police": a clause describing the men
    return tok.head


def subject(verb, _hops: int = 0):
    """The subject of ``verb``, inherited through control/purpose/coordination when missing."""
    # a dateline the parse read as a subject ("KHARTOUM, May 14 (Daily Courier) - Gunmen attacked")
    # is where the story was filed, not who acted
    subj = [s for s in children(verb, "nsubj", "csubj") if not datelines.covers(s)]
    if subj and hyphen_prefix(verb) is not None and subj[0].i == verb.i - 2:
        # "The police lathi-charged the mob": the parse makes the prefix the subject and the real
        # subject its modifier
        inner = [c for c in subj[0].children if c.dep_ in ("compound", "nmod", "amod", "poss") and c.i < subj[0].i]
        return speaking_owner(inner[-1]) if inner else None
    if subj:
        return speaking_owner(subj[0])
    if _hops > 4 or verb.head.i == verb.i:
        return None
    if headline_subject(verb) is not None:
        return verb.head
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        gov = head.head  # "remains committed to carrying out …", "accused X of attacking"
        if gov.lemma_.lower() in words("accusing_verbs"):
            obj = children(gov, "dobj")
            return obj[0] if obj else None
        if gov.pos_ in ("ADJ",) and gov.dep_ in ("acomp", "amod") and gov.head.i != gov.i:
            return subject(gov.head, _hops + 1)
        if gov.pos_ in ("VERB", "AUX"):
            return subject(gov, _hops + 1)
        return None
    if verb.dep_ in ("acomp", "oprd") and head.pos_ in ("VERB", "AUX"):
        return subject(head, _hops + 1)  # "France is ready to …"
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        passive = children(head, "nsubjpass")
        if passive and not children(verb, "nsubj"):
            return None  # shares a passive subject: handled as patient
        return subject(head, _hops + 1)
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and head.pos_ in ("VERB", "AUX") and not children(head, "dobj"):
        return subject(head, _hops + 1)  # "Russia has begun withdrawing troops": subject control
    if verb.dep_ in ("xcomp", "advcl") and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        # object control: "urged NATO to step in" → NATO
        obj = children(head, "dobj")
        if verb.dep_ == "xcomp" and obj and head.lemma_ in words("object_control_verbs"):
            return obj[0]
        return subject(head, _hops + 1)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.pos_ in ("VERB", "AUX") and \
            not any(c.dep_ in ("mark", "aux") for c in verb.children):
        # participial adjunct: "forces fired at protesters, killing three" → forces; after a
        # passive the agent acts: "a camp was attacked by militiamen, killing 156"
        if children(head, "nsubjpass", "auxpass"):
            agent = [p for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            return agent[0] if agent else None
        return subject(head, _hops + 1)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "to" for c in verb.children):
        # "an operation to seize goods", "gathered in an organized way to block roads": the
        # subject of the verb governing the noun
        gov = head.head
        if gov.dep_ == "prep":
            gov = gov.head
        if gov.pos_ in ("VERB", "AUX") and gov.i != head.i:
            return subject(gov, _hops + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        # "issued a declaration demanding that …": the subject of the issuing verb
        gov = head.head
        if gov.pos_ in ("VERB", "AUX") and head.dep_ in ("dobj", "nsubj"):
            return subject(gov, _hops + 1) if head.dep_ == "dobj" else None
    return None


def speaking_owner(subj):
    """"A police statement accused protesters …", "the UN report said …": a statement speaks for
    its owner."""
    if subj.pos_ not in ("NOUN",):
        return subj
    if not lexicon().in_class(subj, "@statement"):
        return subj
    own = owner(subj)
    return own if own is not None else subj


def passive_subject(verb):
    subj = children(verb, "nsubjpass")
    if subj:
        return subj[0]
    if verb.dep_ == "conj" and not children(verb, "nsubj"):
        return passive_subject(verb.head) if verb.head.i != verb.i else None
    return None


def owner(noun):
    """Who a non-actor object belongs to: "an Indian proposal" → Indian, "Saddam Hussein's
    proposal" → Saddam Hussein, "demands from Shona rebels" → rebels."""
    from ...resolve.actors import actor_like
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON" and actor_like(c):
            return c
    for p in prep_objects(noun, ("from", "by", "of")):
        if actor_like(p) and p.ent_type_ not in ("DATE", "TIME"):
            return p
    for c in noun.children:  # "the policies conducted by Pristina"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            for p in prep_objects(c, ("by",)):
                if actor_like(p):
                    return p
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and (c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or actor_like(c)):
            return c
    return None




def climb_of(noun):
    """"a state of emergency" → state; "10 days of war games" → days (the word a verb governs)."""
    t = noun
    while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in words("of_carriers"):
        t = t.head.head
    return t


def reporting_head(token):
    """The reporting verb whose clausal complement contains ``token`` ("X said [that …]")."""
    t = token
    hops = 0
    while t.head.i != t.i and hops < 12:
        if t.dep_ in ("ccomp", "parataxis", "xcomp") and t.head.lemma_.lower() in REPORTING_VERBS:
            return t.head
        if t.dep_ == "ROOT":
            # quote-first sentences: "“…,” said Petkovic." parse the quote as the root's ccomp
            break
        t = t.head
        hops += 1
    return None

def time_phrase(prep) -> bool:
    """"for Thursday", "on Monday": a preposition whose object is a time expression."""
    if prep.lower_ not in ("for", "on", "at", "in", "during", "by", "until", "till", "since", "before", "after"):
        return False  # "sentenced to seven years" is no time phrase
    return any(p.dep_ == "pobj" and (p.ent_type_ in TIME_ENTS or p.lemma_.lower() in words("time_nouns")) for p in prep.children)
