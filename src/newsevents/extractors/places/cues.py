"""The places stage's vocabulary, read from data files, and the patterns built from it.

``data/place_nouns.tsv`` is the one list of place nouns (administrative units, settlements, parts
of a place), each row naming where it is read; ``data/place_cues.json`` holds the other word lists
(actor heads, "on X" heads, locative words and prepositions, name particles, words never a place).
Every pattern below that names a kind of place is built from the nouns of one use.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ... import datafiles, datelines
from ...vocabulary import noun_alternation, place_nouns


def nouns(use: str) -> frozenset[str]:
    return place_nouns(use)


def alternation(use: str) -> str:
    return noun_alternation(use)


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset]:
    """The word lists of ``place_cues.json`` as sets."""
    return {key: frozenset(value) for key, value in datafiles.document("place_cues.json").items()}


PLACE_LABELS = {"GPE", "LOC", "FAC"}
OTHER_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT"}
LOCATIVE_WORDS = cues()["locative_words"]
LOCATIVE_PREPS = cues()["locative_preps"]
LOCATIVE_ADJ = cues()["locative_adjectives"]
NAME_PARTICLES = cues()["name_particles"]
NOT_PLACE_WORDS = cues()["not_places"]

# directions ("northern Mitrovica", "the north of Kosovo")
DIR = (r"(?:north|south|east|west|central|north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west)"
       r"(?:ern)?")
_NAME = r"[A-Z][\w\.\-’']*"

ADMIN_HINT = re.compile(r"^\s+(" + alternation("after_admin")[3:-1] + r")\b", re.I)
CITY_HINT = re.compile(r"^\s+(" + alternation("city_hint")[3:-1] + r")\b(?!\s+of)", re.I)
ADMIN_OF_BEFORE = re.compile(r"\b" + alternation("admin_of") + r"\s+of\s+$", re.I)
CITY_OF_BEFORE = re.compile(r"\b" + alternation("city_hint") + r"\s+of\s+$", re.I)
REGION_BEFORE = re.compile(r"(?:\b(?:the\s+)?(" + DIR + r")\s+(?:part\s+of\s+|parts\s+of\s+)?"
                           r"|\bthe\s+(" + DIR + r")(?:\s+part|\s+parts)?\s+of\s+)$", re.I)
DEMONYM_BEFORE = re.compile(r"\b([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+(?:[a-z][\w\-]*\s+){0,2}?"
                            + alternation("demonym_of") + r"\s+of\s+$")
POSSESSIVE_BEFORE = re.compile(r"\b([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)['’]s\s+(?:[a-z][\w\-]*\s+)?$")
CONTAINER_AFTER = re.compile(r"^,\s*(?:the\s+)?(" + _NAME + r"(?:\s+" + _NAME + r"){0,3})")
APPOSITIVE_AFTER = re.compile(  # "El Fasher, the capital of North Darfur state", "Lashio, the largest town in Shan"
    r"^,\s+(?:the|a)\s+(?:[a-z][\w\-]*\s+){1,4}?(?:of|in)\s+(?:the\s+)?(?:" + DIR + r"\s+)?"
    r"(" + _NAME + r"(?:\s+" + _NAME + r"){0,2})")
IN_AFTER = re.compile(r"^,?\s+in\s+(?:the\s+)?(?:" + DIR + r"\s+)?(" + _NAME + r"(?:\s+" + _NAME + r"){0,2})"
                      r"(?!['’]s\b|\w)")
CUE_OF = re.compile(r"\b" + alternation("cue_of") + r"\s+of\s+$", re.I)
POSSESSIVE_PLACE = re.compile(r"\s+(?:[A-Z]|(?:north|south|east|west|central)\w*\b|"
                              + alternation("possessive_after") + r"\b)")
CONTAINER_END = re.compile(r"\s*(?:" + alternation("after_admin") + r"\b\s*)?(?:[,.;:)—–]|\s-\s|$)")
LEADING_CUE = re.compile(r"^(?:near|in|at|outside|from|around)\s+", re.I)

# the gazetteer scan: spans NER missed, after explicit cues only
SCAN_OF = re.compile(  # "the town of raska", "the city of Mosul" (lower case allowed after a place noun)
    r"\b" + alternation("scan_of") + r"\s+of\s+((?:al-|el-|ar-|as-)?[A-Za-z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})")
SCAN_SUFFIX = re.compile(  # "Idlib province"
    r"\b([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})\s+" + alternation("scan_suffix") + r"\b")
SCAN_AFTER_PREP = re.compile(  # "in Sarmada", "near Ayn Issa" (title case only)
    r"\b(?:[Ii]n|[Nn]ear|[Aa]t|[Oo]utside|[Aa]cross|[Aa]round|[Tt]hroughout|into|from|toward|towards|"
    r"out\s+of)\s+((?:al-|el-)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})")

# how a mention is used
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|into|to|from|outside|inside|across|around|toward|towards|throughout|within|through|"
    + alternation("locative_of") + r"\s+of)\s+(?:the\s+)?"
    r"(?:(?!(?:with|by|for|against|on|about|over|and|or|between|of|to|from|into|at|in|that|which|who)\s)"
    r"[a-z\-]+\s+){0,2}$")
VAGUE_BEFORE = re.compile(r"\b" + alternation("vague_of") + r"\s+of\s+(?:the\s+)?$")
TITLES = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|President|Minister|Prime Minister|General|Gen|Sen|Rep|Judge|King|Queen|"
                    r"Prince|Sheikh|Imam|Pope|Lt|Col|Capt|Sgt|spokesman|spokeswoman)\.?\s+$")

SCAN_CUES = [SCAN_OF, SCAN_SUFFIX, datelines.OPENING_PLACE, SCAN_AFTER_PREP]  # a dateline: "KYIV, March 3 (Reuters) -"
SCAN_SUFFIX_INDEX = 1  # the pattern whose name ends at the cue (its longest known suffix is taken)
