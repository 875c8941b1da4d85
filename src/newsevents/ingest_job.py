"""Ingest: read articles, extract them, and store each one; failures are recorded and the batch goes on.

Texts already in the store are recognised by their SHA-256 *before* spaCy runs, so re-ingesting a
folder costs little more than reading it.
"""
from __future__ import annotations

import hashlib
import itertools
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable

from .config import Config
from .contract import LISTS
from .errors import NewsEventsError
from .extraction import extract_articles
from .ingest.sources import iter_articles
from .store.base import Store

ITEM_KINDS = ("entities", "events", "quotes", "places", "casualties", "dates")
STORY_BATCH = 50


@dataclass
class IngestSummary:
    seen: int = 0          # articles (or input lines) found
    stored: int = 0        # newly stored
    unchanged: int = 0     # text already in the store
    failed: int = 0        # recorded in the errors table
    entities: int = 0      # items in the newly stored articles
    events: int = 0
    quotes: int = 0
    places: int = 0
    casualties: int = 0
    dates: int = 0
    warnings: int = 0
    grouped: int = 0       # articles that joined their stories
    stories_seconds: float = 0.0
    seconds: float = 0.0
    failures: list[dict] = field(default_factory=list)  # {article, source, code, message}

    def as_dict(self) -> dict:
        return asdict(self)


# on_item(status, article_id, detail): status is "stored", "unchanged" or "failed"; detail is the
# SaveOutcome's counts or the error.
OnItem = Callable[[str, str, object], None]


def ingest(paths: Iterable[str], store: Store, config: Config | None = None, *, input_format: str = "auto",
           published: str | None = None, validate: bool = True, on_item: OnItem | None = None,
           stories: bool = True) -> IngestSummary:
    """Read everything under ``paths``, extract what is not stored yet, and store it article by article.

    With ``stories`` (the default), every ``STORY_BATCH`` stored articles and at the end the new
    articles join their stories (:func:`newsevents.stories.update`). Every document is validated
    against the contract once, by the store as it saves it (``validate`` is kept for callers; the
    store's check cannot be turned off)."""
    config = config or Config()
    summary = IngestSummary()
    started = time.monotonic()
    notify = on_item or (lambda status, article, detail: None)
    queued: deque = deque()
    seen_texts: set[str] = set()

    def fail(exc: NewsEventsError, source: str | None) -> None:
        summary.failed += 1
        record = {"article": exc.article, "source": source, "code": exc.code, "message": str(exc)}
        summary.failures.append(record)
        store.record_error(record["article"], source, exc.code, record["message"])
        notify("failed", exc.article, exc)

    def fresh_articles():
        for item in iter_articles(paths, input_format=input_format, published=published, config=config):
            summary.seen += 1
            if isinstance(item, NewsEventsError):
                fail(item, item.params.get("path") or item.article)
                continue
            sha = _stored_sha(item, config)
            if sha in seen_texts or store.has_text(sha):
                if sha not in seen_texts:  # stored by an earlier run: an error recorded since is stale
                    store.clear_errors(item.id, item.source_path)
                summary.unchanged += 1
                notify("unchanged", item.id, None)
                continue
            seen_texts.add(sha)
            queued.append(item)
            yield item

    fresh = fresh_articles()
    first = next(fresh, None)  # when every text is already stored, spaCy is never even loaded
    # the store validates every document it saves (E016 naming the article): validating here too
    # would pay for it twice
    outputs = extract_articles(itertools.chain([first], fresh), config=config, validate=False) if first else ()
    grouped = summary.stored
    for output in outputs:
        article = queued.popleft()
        if isinstance(output, NewsEventsError):
            fail(output, article.source_path)
            continue
        _save(store, output, article, summary, fail, notify)
        if stories and summary.stored - grouped >= STORY_BATCH:
            _group(store, summary)
            grouped = summary.stored
    if stories and summary.stored > grouped:
        _group(store, summary)
    summary.seconds = round(time.monotonic() - started, 3)
    return summary


def _group(store: Store, summary: IngestSummary) -> None:
    """Every stored article not yet in a story joins its story (a failure is recorded, ingest goes on)."""
    from .stories import update

    try:
        result = update(store)
    except NewsEventsError as exc:
        store.record_error(None, None, exc.code, str(exc))
        summary.failures.append({"article": None, "source": None, "code": exc.code, "message": str(exc)})
        return
    summary.grouped += result.articles
    summary.stories_seconds = round(summary.stories_seconds + result.seconds, 3)


def _stored_sha(article, config: Config) -> str:
    """The SHA-256 the stored document will have: the runner cuts texts longer than ``max_chars``.

    (Best effort: a text the runner also cuts by token count is parsed again, then found unchanged.)"""
    if len(article.text) <= config.max_chars:
        return article.text_sha256
    return hashlib.sha256(article.text[: config.max_chars].encode("utf-8")).hexdigest()


def _save(store: Store, doc: dict, article, summary: IngestSummary, fail, notify) -> None:
    try:
        outcome = store.save(doc, source_path=article.source_path)
    except NewsEventsError as exc:
        fail(exc, article.source_path)
        return
    if outcome.status == "unchanged":
        summary.unchanged += 1
        notify("unchanged", outcome.article_id, None)
        return
    summary.stored += 1
    for kind in LISTS:
        setattr(summary, kind, getattr(summary, kind) + outcome.counts.get(kind, 0))
    summary.warnings += len(doc.get("warnings") or [])
    notify("stored", outcome.article_id, outcome.counts)
