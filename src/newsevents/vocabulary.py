"""Vocabulary several stages share, read from the data files (one list per notion).

* Reporting and speech verbs (``data/reporting_verbs.tsv``): :func:`reporting_verbs` for a
  stage's use (``events``, ``dates``, ``modality``), :func:`speech_verbs` for the quotes stage's
  cue constructions (``clausal``, ``directive`` …), :func:`content_preps` and
  :func:`verb_platforms` for the attributes of some of them.
* Place nouns (``data/place_nouns.tsv``): :func:`place_nouns` for one use (``after_admin``,
  ``scan_of``, ``gazetteer`` …; the places stage and the gazetteer index), :func:`noun_alternation`
  for the same as a regex alternation.

Each stage keeps the exact subset it was written for: a verb is added to a use in the data file,
not to a list in code.
"""
from __future__ import annotations

from functools import lru_cache

from . import datafiles

USES = ("events", "dates", "modality")
FORMS = ("clausal", "directive", "object", "claim_object", "quoting", "commissive", "weak", "strong", "raising",
         "prep_directive", "addressee", "interview", "issuing")


def _verbs():
    return datafiles.table("reporting_verbs.tsv")


@lru_cache(maxsize=None)
def reporting_verbs(use: str) -> frozenset[str]:
    """The lemmas a stage reads as reporting verbs: ``use`` is events, dates or modality."""
    if use not in USES:
        raise ValueError(f"unknown use {use!r} (one of {', '.join(USES)})")
    return frozenset(row["lemma"] for row in _verbs() if use in row["uses"])


@lru_cache(maxsize=None)
def speech_verbs(form: str) -> frozenset[str]:
    """The quotes stage's cue verbs of one construction (``clausal``, ``directive``, …)."""
    if form not in FORMS:
        raise ValueError(f"unknown construction {form!r} (one of {', '.join(FORMS)})")
    return frozenset(row["lemma"] for row in _verbs() if form in row["quote"])


@lru_cache(maxsize=1)
def content_preps() -> dict[str, frozenset[str]]:
    """Object verbs → the prepositions that introduce their content ("accused X of …")."""
    return {row["lemma"]: frozenset(row["preps"]) for row in _verbs() if row["preps"]}


CLASSES = ("speech", "belief", "evidence", "stance", "intent")


@lru_cache(maxsize=1)
def attribution_frames() -> dict[str, tuple[str, str, frozenset[str]]]:
    """Attribution verbs → (class, frames, content prepositions): the verbs with a ``class``."""
    return {row["lemma"]: (row["class"], " ".join(row["frames"]), frozenset(row["preps"]))
            for row in _verbs() if row["class"]}


@lru_cache(maxsize=1)
def noun_cues() -> dict[str, tuple[str, frozenset[str]]]:
    """Attribution nouns ("allegations that …") → (class, content prepositions)."""
    return {row["lemma"]: (row["class"], frozenset(row["preps"])) for row in datafiles.table("attribution_nouns.tsv")}


@lru_cache(maxsize=1)
def verb_platforms() -> dict[str, str]:
    """Verbs that name their medium → the platform ("tweet" → Twitter)."""
    return {row["lemma"]: row["platform"] for row in _verbs() if row["platform"]}


@lru_cache(maxsize=None)
def place_nouns(use: str) -> frozenset[str]:
    """The place nouns read for ``use`` (see the header of ``data/place_nouns.tsv``)."""
    uses = datafiles.TABLES["place_nouns.tsv"].columns[1].choices
    if use not in uses:
        raise ValueError(f"unknown use {use!r} (one of {', '.join(uses)})")
    return frozenset(row["noun"] for row in datafiles.table("place_nouns.tsv") if use in row["uses"])


def noun_alternation(use: str) -> str:
    """The place nouns of ``use`` as a non-capturing regex alternation, longest first, a space as
    ``\\s+`` ("port city")."""
    import re
    words = sorted(place_nouns(use), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in words) + ")"
