"""One action, one event: which candidate triggers only elaborate another one (speech-act
content, purposes, conditions, background adjuncts, descriptive clauses, instruments, objects)."""
from __future__ import annotations

from .lexicon import is_light_verb, words
from .syntax import gerund_owner

CONTENT_DEPS = {"xcomp", "ccomp", "dobj", "prep", "acl", "advcl", "conj", "dative", "oprd", "attr"}


def content_tokens(tok) -> set[int]:
    """Token indices inside the content of a speech act (complements, objects, not the subject)."""
    out = set()
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and tok.pos_ in ("VERB", "AUX"):
            continue  # a coordinated predicate shares the subject: "condemned … and urged …"
        if c.dep_ in CONTENT_DEPS:
            out.update(t.i for t in c.subtree)
    return out


def _anchor(tok):
    """The verb a trigger's clause hangs on (the light verb for nominal triggers)."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and \
            tok.head.head.pos_ == "VERB" and is_light_verb(tok.head.head) and tok.head.head.lemma_.lower() in words("light_verbs"):
        return tok.head.head  # "resorted to a lathi-charge to disperse the mob"
    return tok


def no_relcl(tok) -> set[int]:
    out, stack = set(), [tok]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl"))
    return out


def _has_prep_argument(tok) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against", "between", "with", "into", "upon") for c in tok.children)


def _background(c) -> set[int]:
    """Tokens of a child clause or phrase that is a condition or background of its head: "*unless*
    the president agrees", "*following* a government offensive", "*during* a demonstration", "in
    *response* to", "hours *after* …"."""
    marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
    if c.dep_ == "advcl" and marks & ({"if", "unless", "until", "till"} | BACKGROUND):
        return {t.i for t in c.subtree}
    if c.dep_ == "prep" and (c.lower_ in BACKGROUND | SETTING or _background_in(c)):
        return {t.i for t in c.subtree}
    if c.dep_ in ("npadvmod", "advmod"):
        # "hours after Armenia and Azerbaijan agreed …", "shortly before the raid"
        return {t.i for p in c.children if p.dep_ == "prep" and p.lower_ in BACKGROUND for t in p.subtree}
    return set()


def dependent_triggers(kept, lex) -> set[int]:
    """Triggers that only elaborate another one: its purpose ("sent troops *to investigate*"), its
    condition ("*unless* the president *agrees*"), background adjuncts ("surrendered *following*
    a government *offensive*") and relative or participial clauses describing a participant ("aid
    to Macedonia, *which is preparing an offensive*", "weapons *seized* last year")."""
    out: set[int] = set()
    ids = {t.i for t, _ in kept}
    speech = {t.i for t, tr in kept if tr.content}
    for tok, trig in kept:
        anchor = _anchor(tok)
        for c in anchor.children:
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                    and trig.type != "AGREE" and not trig.content:
                purpose = no_relcl(c)
                if (trig.type == "MOBILIZE" or trig.lemma in ("send", "dispatch", "deploy")) and purpose & (ids - {tok.i}):
                    out.add(tok.i)  # "sent personnel to investigate": the purpose is the event
                elif trig.type == "CONSULT" and trig.mode == "phone" and any(
                        t.i in purpose and t.i != tok.i and tr.type in VERBAL_THROUGH_CALL for t, tr in kept):
                    out.add(tok.i)  # "called Erdogan to apologize": the apology is the event
                else:
                    out |= purpose
            elif c.dep_ == "advcl" and c.tag_ == "VBG" and not marks and trig.content and c.i in speech:
                # "slammed the plan, arguing that …", "condemned the attack, calling it …": a
                # participle of speech after a speech act elaborates it
                out |= {t.i for t in c.subtree} & ids
            elif c.dep_ == "advcl" and c.tag_ == "VBG" and not marks and not trig.content and \
                    speech & {t.i for t in c.subtree}:
                # "expelled the ambassador, accusing him of …": the stated reason; "rioted …,
                # joining demonstrators in demanding a referendum": the protest's demand
                out |= speech & {t.i for t in c.subtree}
            else:
                out |= _background(c)
        if anchor.dep_ == "xcomp" and anchor.head.pos_ in ("VERB", "AUX"):
            # "began deploying Tuesday, hours after Armenia and Azerbaijan agreed …": the
            # conditions and background of the governing verb are the trigger's too
            for c in anchor.head.children:
                if c.i != anchor.i:
                    out |= _background(c)
        # inside the event's phrase: descriptive clauses and background nominals
        for t in anchor.subtree:
            if t.i == anchor.i:
                continue
            if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON") and gerund_owner(t) is None and \
                    t.head.lemma_.lower() not in words("report_nouns") and not _states_content(t, speech, lex):
                if t.i in ids or any(d.i in ids for d in t.children if d.dep_ in ("dobj", "xcomp")):
                    out |= {x.i for x in t.subtree}
            elif t.dep_ == "prep" and (t.lower_ in BACKGROUND | SETTING or _background_in(t)):
                for x in t.subtree:
                    if x.i in ids and x.pos_ in ("NOUN", "PROPN") and not _has_prep_argument(x):
                        out.add(x.i)
            elif t.dep_ == "prep" and (t.lower_ in ("including", "like") or (t.lower_ == "with" and t.head.i == anchor.i)):
                # "10 airstrikes, including strikes against …"; "support Iraqi forces with air strikes"
                for x in t.subtree:
                    if x.i in ids and x.pos_ in ("NOUN", "PROPN", "VERB"):
                        out.add(x.i)
        # "signed an agreement", "lifted the ban on opposition rallies": the verb's object, and
        # what it says, are part of its event -- unless the verb only carries the noun's act: a
        # dictionary (derived) reading or a commissioning verb yields to a curated noun of another
        # type ("filed charges against", "ordered massive attacks on Gaza")
        if trig.pos == "V" and yields_to_object(tok, trig, kept):
            out.add(tok.i)
            continue
        if trig.pos == "V" and trig.type in ("RETREAT", "CONCEDE"):
            # "released the former president from house arrest": the state it ends is no new event
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    out |= {x.i for x in c.subtree if x.i in ids and x.pos_ in ("NOUN", "PROPN")}
        if trig.pos == "V":
            restricts = any(c.dep_ == "dobj" and lex.in_class(c, "@restriction") for c in tok.children)
            for c in tok.children:
                if c.dep_ in ("dobj", "nsubjpass") or (restricts and c.dep_ == "prep" and c.lower_ in ("on", "against")):
                    for i in no_relcl(c):  # not into relative clauses: "a crowd that … after raids on …"
                        if i in ids and tok.doc[i].pos_ in ("NOUN", "PROPN"):
                            out.add(i)
    return out


def yields_to_object(tok, trig, kept) -> bool:
    """A dictionary reading of a verb yields to a curated noun object of another type; a
    commissioning verb ("ordered the closure of three newspapers") to a material act it orders."""
    commission = tok.lemma_.lower() in words("commission_verbs")
    if not (trig.derived or commission):
        return False
    objs = {c.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
    for t, tr in kept:
        if t.i in objs and tr.pos == "N" and not tr.derived and tr.type != trig.type:
            if trig.derived or tr.type in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE"):
                return True
    return False


def _alleged(tok) -> set[int]:
    """The alleged act under an arrest, a charge or a suspicion is not an asserted event:
    "arrested a man for allegedly offering cash", "a man suspected of shooting three people",
    "jailed on charges of inciting violence"."""
    out = set()
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "over", "on", "with"):
            for p in c.children:
                if p.dep_ in ("pcomp", "pobj") and (p.pos_ == "VERB" or p.lower_ in words("charge_nouns")):
                    out |= {t.i for t in p.subtree}
    return out


def goal_tokens(sent) -> set[int]:
    """Clauses of purpose or result that state a goal ("so that marriages are banned", "in order
    that", "lest"): what they say is wanted, not done."""
    out = set()
    for tok in sent:
        if tok.dep_ != "advcl":
            continue
        doc = tok.doc
        follows = lambda m, word: m.i + 1 < len(doc) and doc[m.i + 1].lower_ == word
        marks = [m for m in tok.children if m.dep_ == "mark"]
        if any(m.lower_ == "lest" or (m.lower_ in ("so", "order") and follows(m, "that")) for m in marks) or \
                any(m.lower_ == "order" and follows(m, "that") for m in tok.children):
            out |= {t.i for t in tok.subtree}
    return out




def alleged_tokens(sent) -> set[int]:
    """Tokens of the alleged acts in a sentence: the gerunds under "suspected of", "accused of",
    "charged with", "arrested for", "convicted of" (participles, adjectives or verbs)."""
    out = set()
    for tok in sent:
        if tok.lower_ in words("suspicion_words") or tok.lemma_.lower() in words("charging_verbs"):
            out |= _alleged(tok)
    return out


VERBAL_THROUGH_CALL = {"SUPPORT", "AGREE", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"}


BACKGROUND = {"after", "following", "since", "amid", "before", "despite"}
SETTING = {"during", "over"}  # "arrested journalists during a demonstration", "expelled diplomats over a protest"


def _background_in(prep) -> bool:
    """"in the wake of", "in response to", "in retaliation for": a reason or a setting."""
    return prep.lower_ == "in" and any(p.dep_ == "pobj" and p.lemma_.lower() in words("background_nouns")
                                       for p in prep.children)


def _noun_clause(tok):
    """The relative or participial clause describing a noun whose predicate (or its object) is
    ``tok`` ("weapons depots it has seized", "a cargo plane flying from Karachi", "funding, which
    will help people"), or None. A noun with participants of its own deeper in the clause is its
    own event ("a crowd that became hostile after raids on suspected smugglers")."""
    t = tok
    if gerund_owner(t) is not None:
        return None  # "police firing" is a compound noun, not a clause describing the police
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "nsubjpass", "attr"):
        t = t.head
    return t if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON") else None


def _states_content(clause, speech: set[int], lex) -> bool:
    """A speech act in the clause of a statement noun ("a letter *threatening* to pull funding")."""
    return clause.i in speech and clause.head.pos_ in ("NOUN", "PROPN") and lex.in_class(clause.head, "@statement")


def statement_carriers(kept, lex) -> set[int]:
    """"sent a letter threatening to pull funding", "issued a statement demanding …": the speech
    act stated in a statement noun's clause is the event; the verb that sends or issues the
    statement only carries it."""
    ids = {t.i for t, _ in kept}
    speech = {t.i for t, tr in kept if tr.content}
    out = set()
    for tok, _ in kept:
        if tok.dep_ in ("acl", "relcl") and _states_content(tok, speech, lex) and tok.head.dep_ == "dobj":
            carrier = tok.head.head
            if carrier.i in ids and carrier.i != tok.i:
                out.add(carrier.i)
    return out


def descriptive_clause_triggers(kept, lex) -> set[int]:
    """Events in clauses that describe a participant are background when the sentence reports an
    event of its own outside them (PLOVER codes the reported event, not its description)."""
    out = set()
    speech = {t.i for t, tr in kept if tr.content}
    for tok, _ in kept:
        clause = _noun_clause(tok)
        if clause is None or _states_content(clause, speech, lex):
            continue
        span = {t.i for t in clause.subtree}
        if any(t.i not in span for t, _ in kept):
            out.add(tok.i)
    return out


def kept_triggers(cands, sent, lex, demands) -> list:
    """The candidates that are events of their own: not the content of a speech act or of a
    reported obligation (``demands``), not an alleged act, a goal, an elaboration of another
    trigger or a description of a participant. Sorts ``cands`` outermost first."""
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
    for v in demands:
        suppressed |= {t.i for t in v.subtree} - {v.i}
        suppressed.add(v.i)
    suppressed |= alleged_tokens(sent)  # "arrested a man for allegedly offering cash"
    suppressed |= goal_tokens(sent)  # "… so that same-sex marriages are banned": a goal, not an event
    kept = [(t, tr) for t, tr in cands if t.i not in suppressed]
    suppressed |= dependent_triggers(kept, lex)
    kept = [(t, tr) for t, tr in kept if t.i not in suppressed]
    suppressed |= statement_carriers(kept, lex)
    suppressed |= descriptive_clause_triggers(kept, lex)
    return [(t, tr) for t, tr in kept if t.i not in suppressed]
