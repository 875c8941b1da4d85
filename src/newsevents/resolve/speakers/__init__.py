"""Speakers: who a speaker noun phrase is — a named person or organisation of the article, an
outlet, a statement and whoever issued it, an anonymous source — with role and country.

Shared by the ``coref`` and ``quotes`` stages. :class:`ArticleIndex` (:mod:`.index`) is the per-article
index both use (paragraphs, quotation marks, which entity mention each token belongs to). :func:`describe` turns
the head token of a speaker phrase into the contract's ``speaker`` object:

* "Serbian Prime Minister Ana Brnabic" → name "Ana Brnabic", role "Prime Minister", country RS;
* "Zlatan Elek, the head of a hospital in Mitrovica" → role "head of a hospital in Mitrovica";
* "A Kosovo police statement" → the issuer, "Kosovo police" (the statement is the channel);
* "Serbian state TV" → an outlet; "sources" → anonymous; "his office" → the person's office;
* "he", "it", "the press secretary", "the release" → whatever ``coref`` resolved them to, or an
  explicit unresolved speaker (``name`` null, ``unresolved`` the word) — never the pronoun itself.

Modules: :mod:`.lexicon` (the word lists), :mod:`.phrases` (noun-phrase extents and text),
:mod:`.persons` (people: titles, ranks, roles), :mod:`.index`, :mod:`.describe`.
Lexicons (speaker nouns, pronouns, function words) are in ``data/quote_cues.json``, cue verbs in ``data/reporting_verbs.tsv``; countries come from
:mod:`newsevents.countries`.
"""
from __future__ import annotations

from .describe import describe, joint, unresolved
from .index import ArticleIndex, article_index
from .lexicon import in_lexicon, lexicon
from .persons import appositive, collective, looks_like_person_name, person_attributes, person_evidence, speakerish, strip_titles
from .phrases import np_left

__all__ = ["ArticleIndex", "appositive", "article_index", "collective", "describe", "in_lexicon", "joint", "lexicon",
           "looks_like_person_name", "np_left", "person_attributes", "person_evidence", "speakerish", "strip_titles",
           "unresolved"]
