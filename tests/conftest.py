"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def nlp():
    from newsevents import load_pipeline
    return load_pipeline()


@pytest.fixture(scope="session")
def extract_text(nlp):
    """``extract_text(text, published=None)`` → the contract dict (pipeline loaded once)."""
    import newsevents

    def run(text: str, published: str | None = None, **kw) -> dict:
        return newsevents.extract(text, published=published, **kw)

    return run


@pytest.fixture(scope="session")
def kosovo(nlp) -> dict:
    """The reference article, extracted once for the whole session."""
    import newsevents
    from newsevents.ingest.sources import iter_articles

    article = next(iter(iter_articles([str(FIXTURES / "articles" / "kosovo-mitrovica.txt")])))
    return newsevents.extract(article)
