"""The embedded SQLite store (stdlib ``sqlite3``): WAL, foreign keys, FTS5, numbered migrations.

Concurrency: every thread gets its own connection; readers never block in WAL mode, and writers
take the write lock up front (``BEGIN IMMEDIATE``) and wait up to ``timeout`` seconds for it, so
two ingests into one database, or an ingest and the web pages, run side by side. Idempotency: one
row per article text (``text_sha256`` is UNIQUE); the check and the insert happen under that lock.
"""
from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from contextlib import contextmanager

from ..errors import StoreError
from .base import EventFilter, SaveOutcome
from .migrate import migrate
from .paging import fts_query
from .stories import StoryIndex
from .sql import ARTICLE_SUMMARY, COUNT_BY, EVENT_RESOLVED, Dialect, SQLStore, event_where, now

__all__ = ["ARTICLE_SUMMARY", "COUNT_BY", "EVENT_RESOLVED", "SQLITE", "SQLiteStore"]

SQLITE = Dialect(
    sql=lambda text: text,
    true="1",
    like="LIKE",
    fts_query=fts_query,
    fts="{alias}.seq IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)",
    type_in=lambda types: (f"e.type IN ({', '.join('?' * len(types))})", types),
    sector="+ea.sector = ?",  # "+": look actors up by event, not by sector
    place="e.place_name = ? COLLATE NOCASE",
    place_key="e.place_name",
    place_group="e.place_name COLLATE NOCASE",
)


class SQLiteStore(SQLStore):
    """A :class:`newsevents.store.base.Store` in one SQLite file (or in memory)."""

    dialect = SQLITE
    _errors = sqlite3.Error

    def __init__(self, path: str = "newsevents.db", *, timeout: float = 30.0):
        self.path = str(path)
        self.timeout = timeout
        self._memory = self.path in (":memory:", "")
        self._uri = f"file:newsevents-{uuid.uuid4().hex}?mode=memory&cache=shared" if self._memory else None
        self._local = threading.local()
        self._lock = threading.Lock()
        self._conns: list[sqlite3.Connection] = []
        try:
            conn = self._conn()
            self.version = migrate(conn, self.path)
        except sqlite3.Error as exc:
            self.close()
            raise StoreError("E016", article="-", reason=f"cannot open '{self.path}': {exc}") from None

    # -- connections -------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        target, uri = (self._uri, True) if self._memory else (self.path, False)
        conn = sqlite3.connect(target, timeout=self.timeout, isolation_level=None, check_same_thread=False, uri=uri)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not self._memory:
            self._set_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    def _set_wal(self, conn: sqlite3.Connection) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:  # another process is creating the file right now
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._conns.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._conns:
                try:
                    conn.close()
                except sqlite3.Error:  # pragma: no cover
                    pass
            self._conns.clear()
        self._local = threading.local()

    # -- writes ------------------------------------------------------------------------------
    def save(self, document: dict, *, source_path: str | None = None) -> SaveOutcome:
        """Store one document atomically; ``unchanged`` if its text is already stored.

        If its article id is already taken by a different text, it is stored as ``ID~<sha8>`` (the
        document's ``article.id`` is changed and a ``W006`` warning added)."""
        article_id, sha = self._checked(document)
        conn = self._conn()
        with self._write_errors(article_id):
            conn.execute("BEGIN IMMEDIATE")
            try:
                stored = self._stored_id(conn, sha)
                if stored is not None:
                    conn.execute("ROLLBACK")
                    return SaveOutcome(stored, "unchanged")
                document = self._free_id(conn, document, article_id, sha)
                counts = self._insert(conn, document, sha, source_path)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        return SaveOutcome(document["article"]["id"], "stored", counts)

    def _insert_article(self, conn, sql: str, params: tuple) -> bool:
        conn.execute(sql, params)
        return True

    def _insert_event(self, conn, sql: str, params: tuple) -> int:
        return conn.execute(sql, params).lastrowid

    @contextmanager
    def story_writer(self):
        """A write transaction over the story tables (one writer at a time: BEGIN IMMEDIATE)."""
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield StoryIndex(self, conn)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError("E016", article="-", reason=f"stories: {exc}") from None

    def record_error(self, article: str | None, source: str | None, code: str, message: str) -> None:
        try:
            self._conn().execute("INSERT INTO errors (article, source, code, message, created_at) VALUES (?, ?, ?, ?, ?)",
                                 (article, source, code, message, now()))
        except sqlite3.Error as exc:
            raise StoreError("E016", article=article or "-", reason=str(exc)) from None

    def delete(self, article_id: str) -> bool:
        """Remove an article and all its items; True if it existed. Its story is regrouped first."""
        self._leave_story(article_id)
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
            cur = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError("E016", article=article_id, reason=str(exc)) from None
        return cur.rowcount > 0


def _event_where(flt: EventFilter) -> tuple[list[str], list]:
    """SQL conditions (over alias ``e``) and their parameters for an :class:`EventFilter`."""
    return event_where(flt, SQLITE)
