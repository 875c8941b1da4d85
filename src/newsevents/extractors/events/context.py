"""What every step of coding one sentence reads: the document, the article's result, the lexicon,
the sentence and its neighbours, the quotations, the publication year and the events coded so far
(by trigger token)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SentenceContext:
    doc: object
    result: object
    lex: object
    sents: list
    index: int  # of ``sent`` in ``sents``
    sent: object
    quotes: list  # (start, end, quote record or None)
    year: int | None  # publication year, for historical modality
    token_event: dict  # trigger token index → event id
