"""Shared fixtures: the spaCy pipeline is loaded once per test session.

Running the tests must leave a checkout as it was (#18.13): with NEWSEVENTS_TREE_CHECK=1 (as `make
test` runs them) a file the tests change, delete or create outside .gitignore fails the run, naming
it. Off by default, so that editing files while the tests run is no failure."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


def _tree_status() -> set[str] | None:
    """``git status --porcelain`` lines of the checkout (None outside a git checkout)."""
    if os.environ.get("NEWSEVENTS_TREE_CHECK") != "1" or not (REPO / ".git").exists():
        return None
    try:
        out = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=all"],
                             capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return set(out.splitlines())


def pytest_sessionstart(session):
    session.config.stash[_TREE] = _tree_status()


def pytest_sessionfinish(session, exitstatus):
    before = session.config.stash.get(_TREE, None)
    after = _tree_status() if before is not None else None
    if after is None or after <= before:
        return
    changed = sorted(after - before)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"the tests changed the checkout (git status): {changed}", red=True)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


_TREE = pytest.StashKey[object]()


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
