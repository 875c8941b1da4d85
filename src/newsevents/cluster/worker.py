"""What runs on a Dask worker: the plugin that loads the pipeline once, and the partition task.

:class:`PipelinePlugin` (registered by the client on every worker, present and future) loads the
spaCy model and opens the gazetteer at worker start, so no task pays for them; it also makes the
worker die with its parent on Linux (a local cluster's workers never outlive the ``ingest`` that
started them). :func:`run_partition` reads one partition, skips the texts already stored, extracts
the rest and writes the partition in one transaction; it returns a plain dict (no exception object
crosses the wire for an article that failed: those are error rows in the store).
"""
from __future__ import annotations

import os
import signal
import threading
import time

from ..config import Config
from ..contract import LISTS
from ..errors import NewsEventsError
from .partitions import Partition

PLUGIN_NAME = "newsevents-pipeline"

try:  # the plugin base class, when distributed is installed (the module also serves for tests without it)
    from distributed.diagnostics.plugin import WorkerPlugin as _Base
except ImportError:  # pragma: no cover
    _Base = object


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Linux: ask the kernel to send ``sig`` to this process when its parent dies (no-op elsewhere)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        if libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0 and os.getppid() == 1:
            os.kill(os.getpid(), sig)  # the parent died before we asked
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


class PipelinePlugin(_Base):
    """Loads the model and the gazetteer once per worker; holds the worker's store connections."""

    name = PLUGIN_NAME

    def __init__(self, model: str | None = None, die_with_parent: bool = False):
        self.model = model
        self.die_with_parent = die_with_parent
        self.stores: dict = {}
        self.lock = threading.Lock()

    def __getstate__(self):
        return {"model": self.model, "die_with_parent": self.die_with_parent}

    def __setstate__(self, state):
        self.__init__(**state)

    def setup(self, worker=None):
        if self.die_with_parent:
            die_with_parent()
        warm(self.model)

    def teardown(self, worker=None):
        with self.lock:
            for store in self.stores.values():
                try:
                    store.close()
                except Exception:  # pragma: no cover - closing a dead connection
                    pass
            self.stores.clear()

    def store(self, url: str):
        with self.lock:
            if url not in self.stores:
                from ..store import open_store

                self.stores[url] = open_store(url)
            return self.stores[url]


def warm(model: str | None = None) -> None:
    """Load what every article needs: the spaCy pipeline and the gazetteer index."""
    from ..nlp.pipeline import load_nlp
    from ..resolve.gazetteer import gazetteer
    from ..runner import guard_tokenizer

    guard_tokenizer(load_nlp(model))
    gazetteer()


def _plugin() -> PipelinePlugin:
    try:
        from distributed import get_worker

        plugin = get_worker().plugins.get(PLUGIN_NAME)
    except (ImportError, ValueError):  # not on a worker (a test calling the task directly)
        plugin = None
    if plugin is None:
        plugin = _LOCAL
    return plugin


_LOCAL = PipelinePlugin()


def run_partition(partition: Partition, db: str, config: Config, input_format: str = "auto",
                  published: str | None = None) -> dict:
    """Extract and store one partition (one transaction); a summary dict of what happened."""
    from ..extraction import extract_articles
    from ..ingest_job import _stored_sha

    started = time.monotonic()
    config = Config(**{**config.__dict__, "n_process": 1})  # the cluster is the parallelism
    store = _plugin().store(db)
    summary = {"key": partition.key, "seen": 0, "stored": 0, "unchanged": 0, "failed": 0, "warnings": 0,
               **{kind: 0 for kind in LISTS}, "failures": [], "stored_ids": [], "seconds": 0.0}
    errors, fresh, unchanged = [], [], []
    items = list(partition.read(input_format=input_format, published=published, config=config))
    shas = {}
    for item in items:
        summary["seen"] += 1
        if isinstance(item, NewsEventsError):
            errors.append(_record(item, item.params.get("path") or item.article))
        else:
            shas[id(item)] = _stored_sha(item, config)
    known = store.stored_texts(list(set(shas.values())))
    seen: set[str] = set()
    for item in items:
        if isinstance(item, NewsEventsError):
            continue
        sha = shas[id(item)]
        if sha in known or sha in seen:
            summary["unchanged"] += 1
            if sha in known:
                unchanged.append((item.id, item.source_path))
            continue
        seen.add(sha)
        fresh.append(item)
    documents = []
    for article, output in zip(fresh, extract_articles(iter(fresh), config=config, validate=False)):
        if isinstance(output, NewsEventsError):
            errors.append(_record(output, article.source_path))
        else:
            documents.append((output, article.source_path))
    result = store.save_partition(partition.key, documents, errors, unchanged)
    for outcome in result["outcomes"]:
        if outcome.status == "stored":
            summary["stored"] += 1
            summary["stored_ids"].append(outcome.article_id)
            for kind in LISTS:
                summary[kind] += outcome.counts.get(kind, 0)
        else:
            summary["unchanged"] += 1
    summary["warnings"] = sum(len(doc.get("warnings") or []) for doc, _ in documents)
    summary["failures"] = result["failures"]
    summary["failed"] = len(result["failures"])
    summary["seconds"] = round(time.monotonic() - started, 3)
    return summary


def _record(exc: NewsEventsError, source: str | None) -> dict:
    return {"article": exc.article, "source": source, "code": exc.code, "message": str(exc)}
