"""Codes of other ecosystems for a coded event: CAMEO root, QuadClass, Goldstein, ACLED types
(the lexicon's tables, :meth:`Lexicon.event_codes`, which the exports also use)."""
from __future__ import annotations


def codes(lex, typ, mode, actors, recipients) -> dict:
    return lex.event_codes(typ, mode, actors, recipients)
