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


def extract(text: str | Article | None = None, *, html: str | None = None, id: str = "article",
            published: str | None = None, title: str | None = None, outlet: str | None = None,
            url: str | None = None, input_format: str = "auto", config: Config | None = None,
            extractors: list[str] | None = None) -> dict:
    """Extract one article and return the ``newsevents/1`` dict.

    ``text`` is the article's text (or an :class:`Article`); ``html=`` a web page, read as the
    command line reads an ``.html`` file: the main text without menus, cookie banners, ads and
    reader comments, and the page's title, date, outlet, author and URL where the arguments give
    none. A ``text`` that is a page (or a fragment of one) is detected and read the same way;
    ``input_format="text"`` keeps it as text, ``"html"`` always reads it as a page."""
    if isinstance(text, Article):
        article = text
    else:
        from .ingest.html import article_from_html, looks_like_html
        from .ingest.text import article_from_text

        if (text is None) == (html is None):
            raise NewsEventsError("E021", name="text/html", reason="give the article as text or as html=, not both")
        if input_format not in ("auto", "text", "html"):
            raise NewsEventsError("E021", name="input_format", reason=f"'{input_format}' is not one of auto, text, html")
        page = html if html is not None else text
        if not isinstance(page, str):
            raise NewsEventsError("E021", name="html" if html is not None else "text",
                                  reason=f"expected a string, got {type(page).__name__}")
        as_html = html is not None and input_format != "text" or input_format == "html" or (
            input_format == "auto" and looks_like_html(page))
        read = article_from_html if as_html else article_from_text
        article = read(page, id=id, published=published, title=title, outlet=outlet, url=url)
    return next(iter(pipe([article], config=config, extractors=extractors))).to_dict()
