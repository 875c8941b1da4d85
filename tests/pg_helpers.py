"""The local PostgreSQL server for tests: its URL, a skip when it is unreachable, and throw-away schemas."""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager

import pytest

POSTGRES_URL = os.environ.get("NEWSEVENTS_TEST_POSTGRES", "postgresql://127.0.0.1:5432/test")


def postgres_or_skip() -> str:
    psycopg = pytest.importorskip("psycopg")
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=2).close()
    except psycopg.Error as exc:
        pytest.skip(f"no PostgreSQL server for the tests ({type(exc).__name__})")
    return POSTGRES_URL


def new_schema() -> str:
    return f"ne_test_{uuid.uuid4().hex[:12]}"


def drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@contextmanager
def throwaway_schema():
    """A schema name that does not exist yet (nothing is created), dropped afterwards with all it holds."""
    postgres_or_skip()
    schema = new_schema()
    try:
        yield schema
    finally:
        drop_schema(schema)
