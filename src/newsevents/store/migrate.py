"""Numbered schema migrations (``store/migrations/NNNN_name.sql``) recorded in ``schema_version``."""
from __future__ import annotations

import datetime as dt
import re
import sqlite3
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError

@lru_cache(maxsize=4)
def migrations(prefix: str = "") -> tuple[tuple[int, str, str], ...]:
    """(version, name, sql) for every migration shipped with the package, in order.

    SQLite migrations are ``NNNN_name.sql``; another backend's carry its prefix (``pg_NNNN_name.sql``)."""
    pattern = re.compile(rf"^{re.escape(prefix)}(\d{{4}})_([\w-]+)\.sql$")
    folder = resources.files("newsevents").joinpath("store/migrations")
    found = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if match:
            found.append((int(match[1]), match[2], entry.read_text("utf-8")))
    return tuple(sorted(found))


def latest_version() -> int:
    return migrations()[-1][0] if migrations() else 0


def statements(sql: str):
    """Split a script into complete statements (trigger bodies stay whole)."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            buffer = ""
            if statement and not all(l.strip().startswith("--") or not l.strip() for l in statement.splitlines()):
                yield statement
    if buffer.strip() and not all(l.strip().startswith("--") or not l.strip() for l in buffer.splitlines()):
        yield buffer.strip()


def current_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the database to the latest schema, atomically; returns the version.

    Safe when several processes open a fresh database at once: the check is repeated inside an
    immediate (write-locked) transaction."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL)")
    supported = latest_version()
    found = current_version(conn)
    if found > supported:
        raise ConfigError("E017", path=path, found=found, supported=supported)
    if found == supported:
        return found
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = current_version(conn)
        for version, name, sql in migrations():
            if version <= found:
                continue
            for statement in statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                         (version, name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return supported
