"""Candidate triggers of a sentence: tokens whose lemma (or form) is in the lexicon and whose frame
holds, hyphenated nouns ("a sit-in"), and carrier nouns holding a modifier's act ("a mediation
mission between ...")."""
from __future__ import annotations

from .frames import frame_ok, hyphen_noun, match
from .lexicon import lemma_forms, words


def _may_trigger(tok, lex) -> bool:
    """A set lookup before the frame matcher: most tokens are no trigger of any entry."""
    if tok.is_punct:
        return False
    trigger_words = lex.trigger_words
    low = tok.lower_
    return (tok.lemma_.lower() in trigger_words or low in trigger_words or bool(lemma_forms(tok) & trigger_words)
            or (low.endswith("s") and low[:-1] in trigger_words)
            or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-")
            or (tok.dep_ == "compound" and tok.head.lemma_.lower() in words("carrier_nouns")))


def candidates(sent, lex) -> list[tuple]:
    """``(token, trigger)`` for every token of ``sent`` whose entry's frame holds."""
    out = []
    for tok in sent:
        if not _may_trigger(tok, lex):
            continue
        hyphen = hyphen_noun(tok, lex)
        if hyphen is not None:
            out.append(hyphen)
            continue
        trig = match(tok, lex)
        if trig is not None:
            out.append((tok, trig))
        elif tok.dep_ == "compound" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in words("carrier_nouns"):
            # "a mediation mission between Syria and …": the carrier noun holds the arguments
            for t2 in lex.nouns.get(tok.lemma_.lower(), []):
                if frame_ok(tok.head, t2, lex, noun=True):
                    out.append((tok.head, t2))
                    break
    return out
