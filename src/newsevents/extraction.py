"""Library entry points that go from paths to contract documents (used by CLI, API and store)."""
from __future__ import annotations

from typing import Iterable, Iterator

from .config import Config
from .contract import validate as validate_doc
from .errors import NewsEventsError
from .ingest.article import Article
from .ingest.sources import iter_articles
from .runner import pipe


def extract_articles(items: Iterable[Article | NewsEventsError], *, config: Config | None = None,
                     validate: bool = False) -> Iterator[dict | NewsEventsError]:
    """Contract dicts for the Articles in ``items``; errors pass through in their place, in order."""
    config = config or Config()
    pending: list = []

    def articles():
        for item in items:
            if isinstance(item, NewsEventsError):
                pending.append(item)
                continue
            pending.append(item)
            yield item

    results = pipe(articles(), config=config)
    for result in results:
        # flush errors that came before this article so order is kept
        while pending and isinstance(pending[0], NewsEventsError):
            yield pending.pop(0)
        pending.pop(0)
        doc = result.to_dict()
        if validate:
            try:
                validate_doc(doc)
            except NewsEventsError as exc:
                yield exc
                continue
        yield doc
    while pending:
        yield pending.pop(0)


def extract_paths(paths: Iterable[str], *, input_format: str = "auto", published: str | None = None,
                  config: Config | None = None, validate: bool = False) -> Iterator[dict | NewsEventsError]:
    """Read, parse and extract every article under ``paths``."""
    config = config or Config()
    items = iter_articles(paths, input_format=input_format, published=published, config=config)
    yield from extract_articles(items, config=config, validate=validate)
