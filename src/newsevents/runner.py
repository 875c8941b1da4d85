"""Run the pipeline: parse articles with spaCy, then run the registered extractors in order."""
from __future__ import annotations

import time
from typing import Callable, Iterable, Iterator

from .config import Config
from .contract import Result
from .errors import NewsEventsError, warning
from .extractors.registry import Extractor, ordered
from .nlp.pipeline import parse


def run_extractors(doc, article, extractors: list[Extractor], budget: float | None = None,
                   on_timing: Callable[[str, float], None] | None = None) -> Result:
    """Fill a :class:`Result` for ``article`` from its parsed ``doc``.

    A failing extractor is recorded as a warning (``E014``) and the others still run; the time
    budget is checked between extractors (``E015``). ``on_timing(name, seconds)``, when given, is
    called after each extractor (``newsevents bench`` uses it; the normal path does not time)."""
    result = Result(article, text=doc.text)
    started = time.monotonic()
    for ext in extractors:
        if budget is not None and time.monotonic() - started > budget:
            result.warnings.append({"code": "E015", "message": str(NewsEventsError("E015", article=article.id, budget=budget))})
            break
        tick = time.perf_counter() if on_timing else 0.0
        try:
            ext(doc, result)
        except Exception as exc:  # one broken extractor must not lose the article
            msg = str(NewsEventsError("E014", article=article.id, name=ext.name, reason=f"{type(exc).__name__}: {exc}"))
            result.warnings.append({"code": "E014", "message": msg})
        if on_timing:
            on_timing(ext.name, time.perf_counter() - tick)
    return result


def _clip(articles: Iterable, config: Config):
    for article in articles:
        if len(article.text) > config.max_chars:
            article.warnings.append(warning("W005", article=article.id, limit=config.max_chars))
            article.text = article.text[: config.max_chars]
        yield article


def pipe(articles: Iterable, *, config: Config | None = None,
         extractors: list[str] | None = None,
         on_timing: Callable[[str, float], None] | None = None) -> Iterator[Result]:
    """Yield a :class:`Result` per article, in input order (``on_timing``: see :func:`run_extractors`)."""
    config = config or Config()
    chain = ordered(extractors)
    for doc, article in parse(_clip(articles, config), n_process=config.n_process,
                              batch_size=config.batch_size, model=config.model):
        yield run_extractors(doc, article, chain, budget=config.time_budget, on_timing=on_timing)
