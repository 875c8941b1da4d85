"""A worker plugin for the tests: an article whose text holds POISON_MARK kills the worker process
that extracts it (as a segfault or the kernel's OOM killer would). Pickled by value (the workers
do not import the tests)."""
from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin

POISON_MARK = "POISON-PILL-7f3a"


class PoisonPlugin(WorkerPlugin):
    name = "test-poison"

    def setup(self, worker=None):
        import os

        import newsevents.extraction as extraction

        original = extraction.extract_articles
        if getattr(original, "_poisoned", False):
            return

        def extract_articles(items, **kwargs):
            items = list(items)
            if any(POISON_MARK in getattr(item, "text", "") for item in items):
                os._exit(9)
            yield from original(items, **kwargs)

        extract_articles._poisoned = True
        extraction.extract_articles = extract_articles
