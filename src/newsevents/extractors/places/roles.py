"""How a place mention is used in its sentence: a location, an actor noun's modifier, an actor,
a vague part of a place; a country name used as an adjective."""
from __future__ import annotations

import re

from ...resolve.gazetteer import demonyms, normalize
from .cues import LOCATIVE_BEFORE, LOCATIVE_PREPS, VAGUE_BEFORE, cues, nouns

NOT_LOCATION_DEPS = {"compound", "amod", "nmod", "poss"}
POSSESSOR = re.compile(r"(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*['’]s\s+$")


def mention_role(doc, text: str, start: int, end: int) -> dict:
    """How a place mention is used: ``locative`` ("in Mitrovica", "the town of Raska"), ``modifier``
    of an actor noun ("Kosovo police", "U.S. airstrikes", "Kosovo Serbs"), ``actor`` ("Brussels
    said", "conducted by Pristina"), ``vague`` ("an area of Kosovo"). The parse decides; a
    preposition right before the name is the fallback when the parse has no attachment."""
    before = POSSESSOR.sub("", text[max(0, start - 60):start])  # "in northwestern Syria's Idlib"
    vague = bool(VAGUE_BEFORE.search(before))
    locative = bool(LOCATIVE_BEFORE.search(before))
    span = doc.char_span(start, end, alignment_mode="expand")
    modifier = actor = False
    if span is not None:
        root = span.root
        first = root
        while first.dep_ in ("conj", "appos") and first.head.i < first.i:  # "Belgrade and Pristina", "Sarmada, Syria"
            first = first.head
        while first.dep_ == "poss" and first.head.dep_ in ("pobj", "conj", "appos"):  # "Syria's Idlib province"
            first = first.head
        words = cues()
        head = first.head
        if first.dep_ in NOT_LOCATION_DEPS and head.i > first.i \
                and (head.lower_ in words["agent_heads"] or normalize(head.text) in demonyms()) \
                and head.lower_ not in nouns("modified"):
            modifier = True
        elif first.dep_ in ("nsubj", "nsubjpass"):
            actor = True
        elif first.dep_ == "pobj":
            prep = head.lower_
            if prep in ("by", "with", "against", "between", "for", "about", "over") \
                    or (prep == "on" and head.head.lower_ not in words["on_heads"]):
                actor = not locative or prep in ("by", "with")
                locative = False
            elif prep in LOCATIVE_PREPS or (prep == "on" and head.head.lower_ in words["on_heads"]):
                locative = True  # "in Mitrovica", "strikes on Rafah"
            elif prep == "of":
                locative = head.head.lower_ in nouns("modified") or head.head.lower_ in nouns("of_place")
        elif first.dep_ in ("dobj", "attr", "ROOT", "npadvmod") and first.i != root.i:
            locative = False
        elif first.dep_ == "dobj":
            locative = False  # "to attack the United States", "left Belgrade"
    return {"locative": locative and not (modifier or actor), "modifier": modifier, "actor": actor, "vague": vague}


def attributive(doc, start: int, end: int) -> bool:
    """A country name used as an adjective before a common noun that is no place noun ("U.S.
    efforts", "U.K. commitment"), not where something is ("U.S. soil", "U.S. territory")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ not in ("compound", "amod", "nmod") or head.i <= root.i or head.pos_ != "NOUN":
        return False
    if head.lower_ in nouns("modified") or head.lower_ in nouns("of_place") or head.lower_ in nouns("ground"):
        return False
    return not any(t.pos_ == "PROPN" for t in doc[root.i + 1:head.i])  # "U.S. Central Command" is a name
