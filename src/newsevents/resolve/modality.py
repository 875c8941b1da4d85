"""Modality of an event trigger: negation, future, intent, hypothetical, historical.

Cues come from ``data/events/modality.tsv``: auxiliaries ("will", "could"), negation ("not",
"never"), subordinators ("if", "unless"), governing verbs ("plan to", "on his way to") and
background time phrases ("last month"). Asserted is the default.
"""
from __future__ import annotations

import re

from ..vocabulary import reporting_verbs

CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "pobj", "prep", "dobj"}
_LAST = re.compile(r"\blast (?:week|month|year|january|february|march|april|may|june|july|august|september|"
                   r"october|november|december|spring|summer|autumn|fall|winter)\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _cues(kind: str):
    from ..extractors.events.lexicon import lexicon
    return lexicon().modality.get(kind, [])


def _aux_words(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod")]


def _clause_verb(token):
    """The verb a nominal trigger belongs to (its governing predicate), or the token itself."""
    t = token
    hops = 0
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and hops < 4:
        t = t.head
        hops += 1
    return t


def _local(token) -> list:
    """``token``'s subtree without embedded clauses (relative, adverbial, complement)."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        # (nor a gerund's clause: "accused X of killing … in March 2022" dates the killing)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "pcomp"))
    return sorted(out, key=lambda t: t.i)


def modality(token, published_year: int | None = None, light_verb=None) -> tuple[bool, str, str | None]:
    """``(negated, modality, cue)`` for the trigger ``token``."""
    verb = light_verb if light_verb is not None else (token if token.pos_ in ("VERB", "AUX") else _clause_verb(token))
    negated = False
    aux_cues = {c: k for c, k in _cues("aux")}
    neg_cues = {c for c, _ in _cues("neg")}
    mark_cues = {c: k for c, k in _cues("mark")}
    gov_cues = {c: k for c, k in _cues("gov")}
    found: list[tuple[str, str]] = []
    # walk the verb and its conjunction head (shared auxiliaries: "will not be tolerated and will be fought")
    chain = [verb]
    if verb.dep_ == "conj":
        chain.append(verb.head)
    for v in chain:
        for c in _aux_words(v):
            low = c.lower_
            if c.dep_ == "neg" or low in neg_cues:
                if v.i == verb.i:
                    negated = True
            elif low in aux_cues and c.dep_ in ("aux", "auxpass"):
                found.append((aux_cues[low], low))
        if found or v.i != verb.i:
            break
    # nominal triggers: "no attack"; verbs whose object is denied: "no deadline had been set",
    # "no arrests were made", "set no conditions"
    if token.i != verb.i and any(c.lower_ == "no" and c.dep_ == "det" for c in token.children):
        negated = True
    if token.i == verb.i and any(c.dep_ in ("dobj", "nsubjpass") and any(d.lower_ == "no" and d.dep_ == "det" for d in c.children)
                                 for c in token.children):
        negated = True
    # purpose and complement clauses share the governing verb's future/conditional:
    # "would send troops to fight drug gangs"
    if not found and verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        for c in _aux_words(verb.head):
            if c.dep_ in ("aux", "auxpass") and c.lower_ in aux_cues:
                found.append((aux_cues[c.lower_], c.lower_))
    # "going to attack"
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG":
        found.append(("future", "going to"))
    # subordinate conditionals anywhere up the clause chain
    t = verb
    hops = 0
    while hops < 4:
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in mark_cues:
                found.append((mark_cues[c.lower_], c.lower_))
        if t.dep_ in ("advcl", "xcomp", "ccomp", "conj", "relcl") and t.head.i != t.i:
            if t.dep_ == "ccomp" and t.head.lemma_ in reporting_verbs("modality"):
                break
            t = t.head
            hops += 1
        else:
            break
    # "will withdraw … unless X": a conditional clause under the trigger makes it conditional
    for c in verb.children:
        marks = [m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ in ("unless", "if")]
        if c.dep_ == "advcl" and marks:
            found.append(("hypothetical", marks[0]))
    # governing verb of intent ("plans to visit", "left … to meet", "on his way to")
    if verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        gov = verb.head
        hops = 0
        while gov is not None and hops < 3:
            lem = gov.lemma_.lower()
            if lem in gov_cues:
                found.append((gov_cues[lem], lem))
                break
            if gov.dep_ in ("xcomp", "advcl") and gov.head.i != gov.i:
                gov = gov.head
                hops += 1
            else:
                break
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ == "to":
        gov = verb.head.head  # "committed to carrying out", "determined to fight"
        if gov.lemma_.lower() in gov_cues or gov.lower_ in gov_cues:
            found.append((gov_cues.get(gov.lemma_.lower()) or gov_cues.get(gov.lower_), gov.lower_))
    if verb.dep_ in ("acl", "relcl") and verb.head.lemma_ in ("way", "plan", "intention", "intent"):
        found.append(("intent", verb.head.lemma_))
    # historical background
    if published_year is not None or True:
        span_text = " ".join(t.text.lower() for c in verb.children if c.dep_ in ("npadvmod", "advmod", "prep")
                             for t in _local(c))
        if token.i != verb.i:
            span_text += " " + " ".join(t.text.lower() for t in _local(token))
        if _LAST.search(span_text):
            found.append(("historical", "last"))
        for cue, kind in _cues("adv"):
            if re.search(r"\b" + re.escape(cue) + r"\b", span_text):
                found.append((kind, cue))
        if published_year:
            for y in _YEAR.findall(span_text):
                if int(y) < published_year:
                    found.append(("historical", y))
    order = ("hypothetical", "future", "intent", "historical")
    for kind in order:
        for k, cue in found:
            if k == kind:
                return negated, kind, cue
    return negated, "asserted", None
