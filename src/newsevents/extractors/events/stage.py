"""The registered ``events`` extractor: every sentence → candidate triggers → the ones that are
events of their own → event records.

Precision first. A trigger (verb or noun lemma from ``data/events/plover_triggers.tsv``) only
fires when its syntactic frame holds; nouns need participants ("raids on suspected smugglers",
"U.S. airstrikes") or a light verb ("carried out raids"); the content of speech acts ("urged NATO
to *step in*", "accused X of *attacking*") is not coded again; passives take the recipient from
the subject and the actor only from a "by" phrase.
"""
from __future__ import annotations

import re

from ...errors import warning
from ...stages import EventFindings
from ..registry import extractor
from .attribution import quote_spans
from .build import emit
from .candidates import candidates
from .context import SentenceContext
from .demands import emit_demand, modal_demands
from .lexicon import lexicon
from .merge import fold_nominals
from .suppress import kept_triggers


def published_year(result) -> int | None:
    pub = getattr(result.article, "published", None) or ""
    m = re.match(r"(\d{4})", str(pub))
    return int(m.group(1)) if m else None


@extractor("events", requires=("entities",), after=("quotes", "coref"))
def extract_events(doc, result) -> None:
    """PLOVER events with actors, recipients, modality, attribution and CAMEO/ACLED codes."""
    lex = lexicon()
    quotes = quote_spans(result.text, result)
    sents = list(doc.sents)
    year = published_year(result)
    if result.stages.events is None:
        result.stages.events = EventFindings()
    token_event = result.stages.events.by_token
    for si, sent in enumerate(sents):
        ctx = SentenceContext(doc, result, lex, sents, si, sent, quotes, year, token_event)
        try:
            code_sentence(ctx)
        except Exception as exc:  # one odd parse must not lose the article's other events
            result.warnings.append(warning("W009", article=getattr(result.article, "id", "?"),
                                           start=sent.start_char, reason=f"{type(exc).__name__}: {exc}"))


def code_sentence(ctx: SentenceContext) -> None:
    """The events of one sentence, in order: its kept triggers, then its reported obligations."""
    sent = ctx.sent
    if sent.text.rstrip(" ”\"'’").endswith("?"):
        return  # a question reports no event ("Will Russia attack Ukraine?")
    cands = candidates(sent, ctx.lex)
    demands = modal_demands(sent)
    if not cands and not demands:
        return
    kept = kept_triggers(cands, sent, ctx.lex, demands)
    for tok, trig in fold_nominals(kept):
        emit(ctx, tok, trig, kept)
    for verb in demands:
        emit_demand(ctx, verb)
