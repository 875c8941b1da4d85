"""Roles of an event trigger in the dependency parse: actor and recipient heads of verbal triggers
(subjects, objects, passives, elided passives, "against"/"on" phrases, complements) and of nominal
triggers (possessors, modifiers, "by"/"between" phrases, light verbs).

Everything here returns *tokens*; :mod:`newsevents.resolve.actors` turns them into actors.
"""
from __future__ import annotations

from .lexicon import is_light_verb, words
from .syntax import children, climb_of, gerund_owner, is_passive, owner, passive_subject, prep_objects, subject


RECIPIENT_PREPS = {
    "default": ("against", "on", "at", "upon", "into"),
    "CONSULT": ("with",),
    "COOPERATE": ("with",),
    "AID": ("to", "for"),
    "SUPPORT": ("to", "with"),
    "REQUEST": ("from", "on", "of"),
    "ACCUSE": ("against", "of"),
    "REJECT": ("from", "by"),
    "THREATEN": ("against", "with"),
    "SANCTION": ("against", "on", "with", "to", "from"),
    "COERCE": ("against", "on", "from", "in"),
    "PROTEST": ("against", "outside", "at"),
    "CONCEDE": ("to",),
    "RETREAT": ("from",),
    "MOBILIZE": ("against", "to", "near"),
}


def complement_recipient(verb):
    """"offered to hand over to Great Britain", "agreed to US mediation": the recipient named in
    the content of a verbal act."""
    from ...resolve.actors import actor_like
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") or
               (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))]
    for d in children(verb, "dobj"):  # "demands clear reaction to stop the policies …"
        clauses += [c for c in d.children if c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children)]
    for c in clauses:
        if True:
            objs = [p for p in prep_objects(c, ("to", "with", "for", "from", "against")) if actor_like(p)]
            if objs:
                return objs[:1]
            dobj = children(c, "dobj")
            if dobj and actor_like(dobj[0]):
                return dobj[:1]
            if dobj and owner(dobj[0]) is not None:
                return [owner(dobj[0])]
    return []


def verb_roles(verb, trig, lex) -> tuple[list, list, bool]:
    """``(actor_heads, recipient_heads, passive)`` for a verbal trigger."""
    actors, recipients = [], []
    dobj = children(verb, "dobj")
    passive = is_passive(verb) or (passive_subject(verb) is not None and not children(verb, "nsubj"))
    if passive:
        patient = passive_subject(verb)
        agent = []
        for c in verb.children:
            if c.dep_ == "agent":
                agent.extend(p for p in c.children if p.dep_ == "pobj")
        if trig.theme or (trig.lemma == "oppose" and prep_objects(verb, ("to",))):
            # "KFOR forces were deployed"; "Israel is opposed to French mediation"
            actors = [patient] if patient is not None else []
            if trig.lemma == "oppose":
                obj = prep_objects(verb, ("to",))[0]
                from ...resolve.actors import actor_like
                rec = obj if actor_like(obj) else owner(obj)
                return actors, [rec] if rec is not None else [], False
        else:
            if patient is not None:
                recipients = [patient]
            actors = agent[:1]
        if verb.dep_ == "acl" and not patient:
            recipients = [verb.head] if verb.head.pos_ in ("NOUN", "PROPN") else []
        return actors, recipients, True
    subj = subject(verb)
    # elided passive: "six police officers injured", "one vehicle set on fire"
    if subj is not None and not dobj and verb.lemma_.lower() in words("patient_verbs") and subj.dep_ == "nsubj" \
            and subj.head.i == verb.i and not any(c.dep_ == "prep" and c.lower_ in ("at", "on") for c in verb.children) \
            and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return [], [subj], True
    if subj is not None:
        actors = [subj]
    if trig.type in ("ASSAULT", "CONSULT") and trig.lemma in words("reciprocal_verbs") and not dobj:
        actors += prep_objects(verb, ("with",))
        return actors, [], False
    if dobj and trig.lemma not in words("object_not_recipient_verbs"):
        from ...resolve.actors import actor_like, TARGET_NOUNS
        d = dobj[0]
        if actor_like(d) or d.ent_type_ in ("GPE", "LOC", "FAC") or \
                (trig.type in ("ASSAULT", "COERCE") and d.lemma_.lower() in TARGET_NOUNS) or \
                any(c.ent_type_ in ("GPE", "NORP", "ORG") and c.dep_ in ("amod", "compound", "poss") for c in d.children):
            recipients = [d]
    if not recipients and dobj and trig.mode == "seize":
        # "seized a Greek oil tanker": the owner of what is seized
        own = owner(dobj[0])
        if own is not None:
            recipients = [own]
    preps = RECIPIENT_PREPS.get(trig.type, ()) + RECIPIENT_PREPS["default"]
    if not recipients:
        recipients = prep_objects(verb, preps)[:1]
        # "withdrew from the town of Shire", "fired at the city of Homs": the named place
        from ...resolve.actors import actor_like
        if not recipients and dobj and dobj[0].lemma_.lower() in words("border_nouns"):
            recipients = (prep_objects(verb, ("with",)) + prep_objects(dobj[0], ("with",)))[:1]  # "closed its border with Rwanda"
        if not recipients and trig.type == "RETREAT":
            # "pulled out of the town"
            recipients = [p for c in verb.children if c.dep_ in ("prep", "prt", "advmod") and c.lower_ == "out"
                          for p in prep_objects(c, ("of",))][:1]
        recipients = [next((q for q in prep_objects(r, ("of",)) if q.ent_type_ in ("GPE", "LOC") or q.pos_ == "PROPN"), r)
                      if not actor_like(r) and r.ent_type_ not in ("GPE", "LOC") else r for r in recipients]
        # "fired tear gas to disperse a crowd", "used grenades against officers"
        if not recipients and dobj:
            preps2 = ("against", "on", "at", "to") + (("with",) if trig.type in ("CONSULT", "COOPERATE") or
                                                    dobj[0].lemma_.lower() in words("border_nouns") else ())
            recipients = prep_objects(dobj[0], preps2)[:1]
    if trig.type == "REQUEST" and not recipients:
        # "urged NATO to …": NATO is the dobj; "called on X"
        from ...resolve.actors import actor_like
        recipients = [d for d in dobj[:1] if actor_like(d)] or prep_objects(verb, ("on",))[:1]
    if not recipients and trig.type in ("REQUEST", "THREATEN", "ACCUSE"):
        # "pushing for the US to support …", "demanded that the government release …"
        from ...resolve.actors import actor_like
        for c in verb.children:
            if c.dep_ in ("ccomp", "advcl", "xcomp"):
                subj = children(c, "nsubj")
                if subj and actor_like(subj[0]) and subj[0].pos_ != "PRON":
                    recipients = subj[:1]
                    break
    if not recipients:
        from ...resolve.actors import actor_like
        # the owner of a non-actor object or prepositional object: "rejected an Indian proposal"
        for obj in dobj[:1] + prep_objects(verb, ("to", "for")):
            if not actor_like(obj):
                own = owner(obj)
                if own is not None:
                    recipients = [own]
                    break
    if not recipients and trig.type == "AGREE":
        # "pledged $500 million in aid to Ukraine"
        from ...resolve.actors import actor_like
        recipients = [p for p in prep_objects(verb, ("to",)) if actor_like(p) or p.ent_type_ == "GPE"][:1]
    if not recipients and (trig.content or trig.type in ("AGREE", "REJECT", "CONCEDE")):
        recipients = complement_recipient(verb)
    if not recipients and trig.type in ("CONCEDE", "RETREAT", "COERCE", "SANCTION", "MOBILIZE"):
        # "lifted a state of emergency in West Darfur State", "evacuate settlements in the Gaza Strip"
        for holder in [verb] + dobj[:1]:
            objs = prep_objects(holder, ("in", "from"))
            # "withdrew from the town of Shire": the named place of a place noun
            objs += [q for o in objs for q in prep_objects(o, ("of",)) if o.ent_type_ not in ("GPE",)]
            places = [p for p in objs if p.ent_type_ in ("GPE",)]
            if places:
                recipients = places[:1]
                break
    if not recipients and trig.type == "ASSAULT":
        # "fired tear gas to disperse a crowd": the purpose clause names the target
        for c in verb.children:
            if c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in c.children):
                objs = children(c, "dobj")
                if objs:
                    recipients = objs[:1]
                    break
    if not recipients and dobj and ((trig.type == "SANCTION" and trig.lemma in ("expel", "recall", "withdraw"))
                                    or (trig.type == "RETREAT" and trig.mode == "release")):
        # "expelled two Russian diplomats": the diplomats (and so their country) bear it;
        # "released 17 political prisoners": the freed
        from ...resolve.actors import actor_like
        if actor_like(dobj[0]):
            recipients = dobj[:1]
    if trig.type in ("REQUEST", "AID", "SANCTION", "REJECT", "ACCUSE") and not recipients and dobj:
        # "demanded quick reaction from the international community"
        recipients = prep_objects(dobj[0], ("from", "to", "by", "of"))[:1]
    return actors, recipients, False


def noun_roles(noun, lex) -> tuple[list, list, object | None]:
    """``(actor_heads, recipient_heads, light_verb)`` for a nominal trigger."""
    actors, recipients = [], []
    light = None
    carrier = climb_of(noun)
    head = carrier.head
    noun_for_light = carrier
    if noun_for_light.dep_ in ("dobj", "attr", "nsubjpass") and is_light_verb(head):
        light = head
    elif noun_for_light.dep_ == "pobj" and head.dep_ == "prep" and (
            (head.lower_ == "in" and head.head.lemma_ in words("state_verbs"))
            or is_light_verb(head.head)):
        light = head.head  # "was in contact with", "remained on alert", "put under investigation"
    elif noun_for_light.dep_ == "conj" and head.dep_ in ("dobj",) and is_light_verb(head.head):
        light = head.head
    elif noun_for_light.dep_ == "dobj" and head.lemma_.lower() in words("commission_verbs"):
        light = head  # "Netanyahu ordered massive attacks on Gaza": the one who orders them acts
    elif noun.lower_ == "protest" and noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB":
        light = head.head  # "… in protest": the protesting act is the verb
    for c in noun.children:
        if c.dep_ == "poss" and not (c.pos_ == "PRON" and light is not None):
            actors.append(c)
        elif c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i:
            from ...resolve.actors import actor_like
            if actor_like(c) and c.lower_ not in words("instrument_modifiers"):
                actors.append(c)
    owner_noun = gerund_owner(noun)
    if owner_noun is not None:
        from ...resolve.actors import actor_like
        if actor_like(owner_noun) and owner_noun.lower_ not in words("instrument_modifiers"):
            actors.append(owner_noun)  # "died in police firing"
    by = prep_objects(noun, ("by",))
    if by:
        actors = by[:1]
    between = prep_objects(noun, ("between",))
    recipients = prep_objects(noun, ("on", "against", "at", "into", "with", "upon", "of"))[:1]
    if not recipients and by:
        # "an attack by militants on a church": the parse often hangs the target on the attacker
        recipients = prep_objects(by[0], ("on", "against", "upon"))[:1]
    if recipients and recipients[0].head.lower_ == "of":
        from ...resolve.actors import actor_like
        if not actor_like(recipients[0]):
            recipients = []
    if not between and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        between = prep_objects(noun.head, ("between",))  # "clashes broke out between X and Y"
    if between and light is None:
        actors = between[:1]  # "talks between X and Y"
    elif between and not recipients:
        recipients = between[:1]  # "X launched a mediation effort between Y and Z"
    if light is not None and actors and all(a.dep_ in ("amod", "compound") and a.ent_type_ not in ("GPE", "NORP", "ORG", "PERSON")
                                            for a in actors):
        subj = subject(light) if not is_passive(light) else None
        from ...resolve.actors import actor_like
        if subj is not None and actor_like(subj):
            actors = []  # "al-Qaida … carrying out terrorist attacks": the doer, not the descriptor
    if not recipients:
        # "conducted 10 airstrikes, including strikes against tactical units"
        for inc in prep_objects(noun, ("including",)):
            recipients = prep_objects(inc, ("against", "on", "at"))[:1]
            if recipients:
                break
    claimant = responsibility_claimant(noun)
    if claimant is not None and not actors:
        actors = [claimant]  # "the armed wing claimed responsibility for the rocket fire"
    if light is not None and not actors:
        if light.dep_ == "ROOT" or light.pos_ in ("VERB", "AUX"):
            if is_passive(light):
                agent = prep_objects(light, ("by",))
                actors = agent[:1]
                patient = passive_subject(light)
                if patient is not None and not recipients:
                    recipients = [patient]  # "a US national has been put under investigation"
            else:
                subj = subject(light)
                if subj is not None and light.lemma_.lower() in words("receiving_light_verbs") and noun.dep_ == "dobj":
                    # "Iran faces criticism from the U.N.": the subject bears it, "from" names the actor
                    actors = prep_objects(noun, ("from", "by"))[:1] or prep_objects(light, ("from", "by"))[:1]
                    recipients = recipients or [subj]
                elif subj is not None:
                    actors = [subj]
        if not recipients:
            recipients = prep_objects(light, ("with", "against", "on", "for"))[:1]
    return actors, recipients, light




def responsibility_claimant(noun):
    """Who claims the act: "X claimed responsibility for the attack" → X."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "for" or head.head.lemma_.lower() != "responsibility":
        return None
    verb = head.head.head
    if verb.lemma_.lower() not in words("claim_verbs") or head.head.dep_ != "dobj":
        return None
    return subject(verb)


def has_argument(noun, lex, strict: bool = False) -> bool:
    """Is the nominal trigger anchored to participants (precision guard for nouns)?"""
    from ...resolve.actors import actor_like
    head = noun.head
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and (is_light_verb(head) or head.lemma_.lower() in words("commission_verbs")):
        return True
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_ in words("state_verbs"):
        return True
    preps = ("with", "between") if strict else ("on", "against", "by", "between", "with", "into", "upon", "at")
    if any(c.dep_ == "prep" and c.lower_ in preps and any(p.ent_type_ not in ("DATE", "TIME") for p in children(c, "pobj"))
           for c in noun.children):
        return True
    if strict:
        return False
    if responsibility_claimant(noun) is not None:
        return True
    if noun.dep_ == "nsubj" and head.lemma_.lower() in words("harm_verbs"):
        return True
    if noun.dep_ == "pobj" and head.lower_ in ("in", "during", "by") and head.head.lemma_.lower() in words("harm_verbs"):
        return True
    owner_noun = gerund_owner(noun)
    if owner_noun is not None and actor_like(owner_noun):
        return True  # "died in police firing"
    for c in noun.children:
        if c.dep_ == "poss" and actor_like(c):
            return True
        if c.dep_ in ("compound", "amod") and c.i < noun.i and actor_like(c) and c.pos_ in ("PROPN", "ADJ", "NOUN"):
            return True
    return False
