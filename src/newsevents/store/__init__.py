"""Storage: the :class:`Store` interface and its backends. Open one with :func:`open_store`."""
from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from .base import EventFilter, Page, SaveOutcome, Store

DEFAULT_DB = "newsevents.db"

__all__ = ["DEFAULT_DB", "EventFilter", "Page", "SaveOutcome", "Store", "open_store"]


def open_store(url_or_path: str | Path = DEFAULT_DB, *, timeout: float = 30.0) -> Store:
    """Open (creating and migrating as needed) the store at a path or URL.

    ``newsevents.db``, ``sqlite:///relative.db``, ``sqlite:////abs/path.db`` and ``:memory:`` open the
    SQLite store; ``postgresql://[user@]host[:port]/db[?schema=NAME]`` the PostgreSQL store (needs
    ``pip install 'newsevents[postgres]'``). Any other scheme raises ``E025``."""
    from .sqlite import SQLiteStore

    target = str(url_or_path)
    if "://" in target:
        scheme, _, rest = target.partition("://")
        if scheme.lower() in ("postgresql", "postgres"):
            from .postgres import PostgresStore
            return PostgresStore(target)
        if scheme.lower() != "sqlite":
            raise ConfigError("E025", scheme=scheme)
        target = rest[1:] if rest.startswith("/") else rest
        target = target or ":memory:"
    return SQLiteStore(target, timeout=timeout)
