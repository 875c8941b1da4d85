"""newsevents: structured, source-attributed event data from news articles, offline.

Public API::

    import newsevents
    result = newsevents.extract("On October 13th, one Serb was shot ...", published="2021-10-13")
    for result in newsevents.pipe(articles): ...
"""
from __future__ import annotations

from typing import Iterable, Iterator

from .config import Config
from .contract import Result, validate
from .errors import NewsEventsError
from .ingest.article import Article
from .nlp.pipeline import load_nlp

__version__ = "0.1.0"
__all__ = ["Article", "Config", "Result", "NewsEventsError", "extract", "pipe", "load_pipeline", "validate"]


def load_pipeline(model: str | None = None):
    """Load the spaCy pipeline once (cached) and return it."""
    return load_nlp(model)


def pipe(articles: Iterable[Article], *, config: Config | None = None,
         extractors: list[str] | None = None) -> Iterator[Result]:
    """Extract from many articles, in order, yielding one :class:`Result` each."""
    from .runner import pipe as _pipe
    return _pipe(articles, config=config, extractors=extractors)


def extract(text: str | Article, *, id: str = "article", published: str | None = None,
            title: str | None = None, outlet: str | None = None, url: str | None = None,
            config: Config | None = None, extractors: list[str] | None = None) -> dict:
    """Extract one article (text or :class:`Article`) and return the ``newsevents/1`` dict."""
    if isinstance(text, Article):
        article = text
    else:
        from .ingest.text import article_from_text
        article = article_from_text(text, id=id, published=published, title=title, outlet=outlet, url=url)
    return next(iter(pipe([article], config=config, extractors=extractors))).to_dict()
