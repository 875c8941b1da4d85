"""The speaker lexicon: ``data/quote_cues.json`` (speaker nouns, pronouns, function words) and the
speech verbs of ``data/reporting_verbs.tsv`` by construction, read once."""
from __future__ import annotations

from functools import lru_cache

from ... import datafiles
from ...vocabulary import attribution_frames, content_preps, noun_cues, speech_verbs, verb_platforms


NOUNS = ("document", "document_modifiers", "media", "organisation", "anonymous", "person", "title_female", "title_male",
         "person_titles", "ranks", "honorifics", "name_particles", "org_name_words", "interview_nouns", "remark_nouns", "data_documents",
         "office_nouns", "entourage_nouns", "ambiguous_titles", "rank_modifiers", "plain_address", "scholarly_address")
GRAMMAR = ("wh_words", "relative_pronouns", "anaphoric_determiners", "determiners", "articles", "quantifiers", "group_pronouns",
           "pronoun_words", "first_second_person", "non_speaker_subjects", "statement_voices", "cue_links",
           "name_connectives", "clause_host_preps")
# speech-verb constructions of data/reporting_verbs.tsv that are no cue of their own
VERB_ROLES = {"raising": "raising", "prep_directives": "prep_directive", "addressee_verbs": "addressee",
              "interview_verbs": "interview", "issuing": "issuing"}


def _grammar(key: str) -> frozenset[str]:
    return frozenset(datafiles.document("quote_cues.json")["grammar"][key])


PRONOUN_WORDS = _grammar("pronoun_words")        # never a speaker's name
PRON_FIRST_SECOND = _grammar("first_second_person")
DETS = _grammar("determiners")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """``data/quote_cues.json`` with its lists turned into sets, and the speech verbs of
    ``data/reporting_verbs.tsv`` by construction."""
    raw = datafiles.document("quote_cues.json")
    nouns = raw["nouns"]
    lex = {
        "clausal": set(speech_verbs("clausal")),
        "directive": set(speech_verbs("directive")),
        "object": set(speech_verbs("object")),
        "claim_objects": set(speech_verbs("claim_object")),
        "object_preps": {k: set(v) for k, v in content_preps().items()},
        "quoting": set(speech_verbs("quoting")),
        "media_verbs": dict(verb_platforms()),
        "weak": set(speech_verbs("weak")),
        "strong": set(speech_verbs("strong")),
        "commissive": set(speech_verbs("commissive")),
        "according_to": [tuple(p.split()) for p in raw["according_to"]],
        "platforms": {p.lower(): p for p in raw["platforms"]},
        "pronouns": raw["pronouns"],
        "min_words": int(raw["short_quote"]["min_words"]),
        "anonymity": [a.lower() for a in raw["anonymity"]],
        "promo_labels": {w.lower() for w in raw["promo_labels"]},
        "promo_openers": {w.lower() for w in raw["promo_openers"]},
        "frames": attribution_frames(),
        "noun_cues": noun_cues(),
    }
    for key in NOUNS:
        lex[key] = {w.lower() for w in nouns[key]}
    for key in GRAMMAR:
        lex[key] = set(raw["grammar"][key])
    for key, form in VERB_ROLES.items():
        lex[key] = set(speech_verbs(form))
    lex["title_words"] = {k.lower(): v.lower() for k, v in nouns["title_words"].items()}
    lex["cue_verbs"] = lex["clausal"] | lex["directive"] | lex["object"] | lex["quoting"] | set(lex["media_verbs"]) \
        | lex["commissive"]
    return lex


def in_lexicon(tok, key: str) -> bool:
    """Is the word (its lemma, lower-cased form, or singular) in the noun list ``key``?"""
    words = lexicon()[key]
    low = tok.lower_
    return tok.lemma_.lower() in words or low in words or (low.endswith("s") and low[:-1] in words)
