"""The PostgreSQL store (``pip install newsevents[postgres]``): the same interface and behaviour as the
SQLite store, for a database that several machines share.

URL: ``postgresql://[user[:password]@]host[:port]/dbname[?schema=NAME]``; tables live in schema
``NAME`` (default ``newsevents``), created on first use (under an advisory lock, so several processes
may be the first at once). Idempotency: ``text_sha256`` is UNIQUE and
articles are inserted with ``ON CONFLICT DO NOTHING``, so concurrent ingests store each text once.
Full-text search uses generated ``tsvector`` columns (``simple`` configuration: no stemming, like
the SQLite FTS5 tables).
"""
from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from contextlib import contextmanager
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import ConfigError, StoreError
from ..redact import redacted
from .base import EventFilter, SaveOutcome
from .migrate import migrations
from .stories import StoryIndex
from .sql import ARTICLE_SUMMARY, COUNT_BY, EVENT_RESOLVED, Dialect, SQLStore, event_where as _event_where, now

__all__ = ["ARTICLE_SUMMARY", "COUNT_BY", "EVENT_RESOLVED", "POSTGRES", "PostgresStore", "event_where", "split_url",
           "tsquery"]

_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_MIGRATION_LOCK = 0x6E657773  # pg_advisory_xact_lock key: one migrator at a time
_STORY_LOCK = 0x73746F72  # one story writer at a time
_PARTITION_LOCK = 0x7061  # with hashtext(partition key): the two runs of one partition, one after the other


def tsquery(text: str | None) -> str | None:
    """A ``to_tsquery`` string in which every word (or "quoted phrase") must occur; ``word*`` is a prefix."""
    if not text:
        return None
    terms = []
    for phrase, word in re.findall(r'"([^"]+)"|([\w][\w\'-]*\*?)', text):
        if phrase:
            words = re.findall(r"\w+", phrase.lower())
            if words:
                terms.append("(" + " <-> ".join(words) + ")")
        else:
            parts = re.findall(r"\w+", word.lower())
            terms += parts
            if word.endswith("*") and parts:
                terms[-1] += ":*"
    return " & ".join(terms) or None


def split_url(url: str) -> tuple[str, str]:
    """The libpq URL without our ``schema`` parameter, and the schema name."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), "newsevents")
    if not _SCHEMA_NAME.match(schema):
        raise ConfigError("E021", name="schema", reason="lower-case letters, digits and _ only")
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, rest, parts.fragment)), schema


POSTGRES = Dialect(
    sql=lambda text: text.replace("?", "%s"),
    true="TRUE",
    like="ILIKE",
    fts_query=tsquery,
    fts="{alias}.tsv @@ to_tsquery('simple', ?)",
    type_in=lambda types: ("e.type = ANY(?)", [types]),
    sector="ea.sector = ?",
    place="lower(e.place_name) = lower(?)",
    place_key="MIN(e.place_name)",
    place_group="lower(e.place_name)",
)


class PostgresStore(SQLStore):
    """A :class:`newsevents.store.base.Store` in a PostgreSQL schema."""

    dialect = POSTGRES

    def __init__(self, url: str, *, wait: float | None = None):
        try:
            import psycopg
        except ImportError:
            raise ConfigError("E025", scheme="postgresql (install with: pip install 'newsevents[postgres]')") from None
        self._errors = psycopg.Error
        self.url, self.schema = split_url(url)
        self.wait = float(os.environ.get("NEWSEVENTS_PG_WAIT", 30)) if wait is None else wait
        self._local = threading.local()
        self._lock = threading.Lock()
        self._conns: list = []
        self.version = self._migrate()

    # -- connections -------------------------------------------------------------------------
    def _conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._conns.append(conn)
        return conn

    def _connect(self):
        """A new connection; while the server cannot be reached (restarting, network down) the
        attempt is repeated with exponential backoff for ``NEWSEVENTS_PG_WAIT`` seconds (default 30),
        then ``E034`` names the store (password hidden), the tries and the last reason."""
        import psycopg
        from psycopg.rows import dict_row

        started = time.monotonic()
        delay, tries = 0.25, 0
        while True:
            tries += 1
            try:
                conn = psycopg.connect(self.url, autocommit=True, row_factory=dict_row, connect_timeout=10)
                # the schema may not exist yet: _migrate creates it, under the migration lock
                conn.execute(f'SET search_path TO "{self.schema}"')
                return conn
            except psycopg.OperationalError as exc:
                waited = time.monotonic() - started
                if waited + delay > self.wait:
                    raise StoreError("E034", store=redacted(self.url), tries=tries, seconds=round(waited, 1),
                                     reason=redacted(str(exc).strip().splitlines()[0] if str(exc).strip() else
                                                     type(exc).__name__)) from None
                time.sleep(delay)
                delay = min(delay * 2, 8.0)
            except psycopg.Error as exc:  # not a matter of waiting (bad database name, refused login …)
                raise StoreError("E016", article="-", reason=redacted(f"cannot connect to PostgreSQL: {exc}".strip())) from None

    def _reconnect(self) -> None:
        """Forget this thread's connection (it was lost): the next use opens a new one."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
        self._local.conn = None

    def close(self) -> None:
        with self._lock:
            for conn in self._conns:
                conn.close()
            self._conns.clear()
        self._local = threading.local()

    def _migrate(self) -> int:
        available = migrations("pg_")
        supported = available[-1][0]
        conn = self._conn()
        with conn.transaction():
            # CREATE SCHEMA IF NOT EXISTS is not safe against a concurrent CREATE SCHEMA (one of two
            # first users dies on pg_namespace's unique index): it runs after the lock, like the rest
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                         "applied_at TEXT NOT NULL)")
            found = conn.execute("SELECT COALESCE(MAX(version), 0) AS v FROM schema_version").fetchone()["v"]
            if found > supported:
                raise ConfigError("E017", path=f"{redacted(self.url)} (schema {self.schema})", found=found, supported=supported)
            for version, name, sql in available:
                if version > found:
                    conn.execute(sql)
                    conn.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (%s, %s, %s)",
                                 (version, name, now()))
        return supported

    # -- writes ------------------------------------------------------------------------------
    def save(self, document: dict, *, source_path: str | None = None) -> SaveOutcome:
        article_id, sha = self._checked(document)
        conn = self._conn()
        with self._write_errors(article_id):
            for _ in range(5):  # a concurrent writer stored this text or took this id first: look again
                try:
                    with conn.transaction():
                        stored = self._stored_id(conn, sha)
                        if stored is not None:
                            return SaveOutcome(stored, "unchanged")
                        doc = self._free_id(conn, document, article_id, sha)
                        counts = self._insert(conn, doc, sha, source_path)
                        if counts is None:
                            raise _Retry
                        return SaveOutcome(doc["article"]["id"], "stored", counts)
                except _Retry:
                    continue
        raise StoreError("E016", article=article_id, reason="could not store after retries")  # pragma: no cover

    def save_partition(self, key: str, documents: list[tuple[dict, str | None]], errors: list[dict] = (),
                       unchanged: list[tuple[str, str | None]] = ()) -> dict:
        """Store a partition of a distributed ingest in ONE transaction: its documents (each with its
        source), the errors of its articles that failed (``{article, source, code, message}``), and
        the clearing of stale errors for the ``unchanged`` (id, source) pairs.

        Exactly once: run twice (Dask re-runs the task of a worker that died, perhaps after it
        committed), it stores nothing twice: articles go in with ``INSERT … ON CONFLICT`` on the text's
        SHA-256 (``unchanged`` the second time), an error row is written only if the same row is not
        there yet, and two runs of one partition are serialised by an advisory lock on its key. A
        document the store refuses (schema, malformed) becomes an ``E016`` error row and the others are
        stored; a lost connection or a deadlock re-runs the whole transaction (after reconnecting
        with backoff, then ``E034``). Returns ``{"outcomes": [SaveOutcome…], "failures": [error…]}``."""
        checked, failures = [], list(errors)
        for document, source in documents:
            try:
                checked.append((document, source, *self._checked(document)))
            except StoreError as exc:
                failures.append({"article": exc.article, "source": source, "code": exc.code, "message": str(exc)})
        import psycopg

        for attempt in range(6):
            conn = self._conn()
            try:
                with conn.transaction():
                    conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (_PARTITION_LOCK, key))
                    outcomes, refused = [], []
                    for document, source, article_id, sha in checked:
                        outcome = self._save_in(conn, document, source, article_id, sha)
                        if isinstance(outcome, StoreError):
                            refused.append({"article": article_id, "source": source, "code": outcome.code,
                                            "message": str(outcome)})
                        else:
                            outcomes.append(outcome)
                    for article_id, source in unchanged:
                        sql, params = self._clear_errors_sql(article_id, source)
                        conn.execute(POSTGRES.sql(sql), params).fetchall()
                    for record in [*failures, *refused]:
                        conn.execute("INSERT INTO errors (article, source, code, message, created_at) "
                                     "SELECT %s, %s, %s, %s, %s WHERE NOT EXISTS (SELECT 1 FROM errors WHERE "
                                     "article IS NOT DISTINCT FROM %s AND source IS NOT DISTINCT FROM %s "
                                     "AND code = %s AND message = %s)",
                                     (record["article"], record["source"], record["code"], record["message"], now(),
                                      record["article"], record["source"], record["code"], record["message"]))
                return {"outcomes": outcomes, "failures": [*failures, *refused]}
            except (psycopg.OperationalError, psycopg.errors.DeadlockDetected,
                    psycopg.errors.SerializationFailure) as exc:
                if isinstance(exc, psycopg.OperationalError) and not isinstance(
                        exc, (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure)):
                    self._reconnect()  # the server went away: _conn waits for it (E034 when it does not come back)
                last = exc
                time.sleep(min(0.1 * 2 ** attempt, 2.0))
            except psycopg.Error as exc:
                raise StoreError("E016", article=f"partition {key}", reason=f"{type(exc).__name__}: {exc}".strip()) from None
        raise StoreError("E016", article=f"partition {key}", reason=f"could not store after retries: {last}")

    def _save_in(self, conn, document: dict, source: str | None, article_id: str, sha: str):
        """One document inside the caller's transaction, in a savepoint: its SaveOutcome, or the
        StoreError that refused it (the savepoint rolled back, the partition goes on)."""
        import psycopg

        for _ in range(5):
            try:
                with conn.transaction():
                    stored = self._stored_id(conn, sha)
                    if stored is not None:
                        return SaveOutcome(stored, "unchanged")
                    doc = self._free_id(conn, document, article_id, sha)
                    counts = self._insert(conn, doc, sha, source)
                    if counts is None:
                        raise _Retry
                    return SaveOutcome(doc["article"]["id"], "stored", counts)
            except _Retry:
                continue
            except (psycopg.OperationalError, psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure):
                raise
            except psycopg.Error as exc:
                return StoreError("E016", article=article_id, reason=f"{type(exc).__name__}: {exc}".strip())
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                return StoreError("E016", article=article_id, reason=f"malformed document ({type(exc).__name__}: {exc})")
        return StoreError("E016", article=article_id, reason="could not store after retries")

    def stored_texts(self, shas: list[str]) -> set[str]:
        """Which of these text SHA-256s are stored already (one query)."""
        if not shas:
            return set()
        return {row["text_sha256"] for row in self._rows("SELECT text_sha256 FROM articles WHERE text_sha256 = ANY(?)",
                                                         (list(shas),))}

    def _insert_article(self, conn, sql: str, params: tuple) -> bool:
        return conn.execute(sql + " ON CONFLICT DO NOTHING RETURNING seq", params).fetchone() is not None

    def _insert_event(self, conn, sql: str, params: tuple) -> int:
        return conn.execute(sql + " RETURNING seq", params).fetchone()["seq"]

    def _batch(self, conn):
        return conn.cursor()

    @contextmanager
    def story_writer(self):
        """A write transaction over the story tables (one writer at a time: an advisory lock)."""
        conn = self._conn()
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_STORY_LOCK,))
                yield StoryIndex(self, conn)
        except self._errors as exc:
            raise StoreError("E016", article="-", reason=f"stories: {exc}".strip()) from None

    def record_error(self, article: str | None, source: str | None, code: str, message: str) -> None:
        self._rows("INSERT INTO errors (article, source, code, message, created_at) VALUES (%s, %s, %s, %s, %s) "
                   "RETURNING seq", (article, source, code, message, now()))

    def delete(self, article_id: str) -> bool:
        self._leave_story(article_id)
        return bool(self._rows("DELETE FROM articles WHERE id = %s RETURNING seq", (article_id,)))


class _Retry(Exception):
    pass


def event_where(flt: EventFilter) -> tuple[list[str], list]:
    """The conditions of :func:`newsevents.store.sql.event_where`, in PostgreSQL."""
    where, params = _event_where(flt, POSTGRES)
    return [POSTGRES.sql(condition) for condition in where], params
