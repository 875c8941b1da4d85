"""Crash safety: ``newsevents ingest`` killed with SIGKILL part-way through 1,000 articles (twice),
then restarted: exactly 1,000 articles stored, no duplicates, no orphan rows, every article complete.
"""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import time

import pytest

from reliability_helpers import cli, short_articles, write_articles

N = 1000
CHILD_TABLES = ("entities", "mentions", "places", "events", "quotes", "casualties", "dates")
COUNTED = {"entities": "n_entities", "events": "n_events", "quotes": "n_quotes", "places": "n_places",
           "casualties": "n_casualties"}


def stored_count(db) -> int:
    """Articles committed so far, read by an independent connection (0 while the file is being made)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def kill_when(proc, db, at_least: int, timeout: float = 300) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"ingest ended before it could be killed (rc={proc.returncode}): {err[-2000:]}")
        count = stored_count(db)
        if count >= at_least:
            os.kill(proc.pid, signal.SIGKILL)
            proc.communicate()
            assert proc.returncode == -signal.SIGKILL
            return count
        time.sleep(0.05)
    proc.kill()
    pytest.fail(f"no progress: {stored_count(db)} articles stored after {timeout}s")


def check_store(db, expected: dict[str, str]) -> sqlite3.Connection:
    """Count, uniqueness, orphans, completeness and index integrity of a store holding ``expected``."""
    conn = sqlite3.connect(str(db))
    conn.row_factory = sqlite3.Row
    rows = conn.execute("SELECT id, text, text_sha256, document, n_entities, n_events, n_quotes, n_places, "
                        "n_casualties FROM articles").fetchall()
    assert len(rows) == len(expected), "exactly one row per article"
    assert len({r["id"] for r in rows}) == len(expected)
    assert len({r["text_sha256"] for r in rows}) == len(expected), "no text stored twice"
    assert {r["id"]: r["text"] for r in rows} == expected, "every article stored, under its id, with its text"
    # no orphan rows anywhere
    for table in CHILD_TABLES:
        orphans = conn.execute(f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
        assert orphans == 0, table
    assert conn.execute("SELECT count(*) FROM event_actors WHERE event_seq NOT IN (SELECT seq FROM events)").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM entities e "
                        "WHERE e.article_id = m.article_id AND e.id = m.entity_id)").fetchone()[0] == 0
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for fts in ("articles_fts", "quotes_fts", "events_fts"):
        conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")  # raises if out of step
    # every article complete: its rows agree with its counts and with its stored document
    per_table = {table: dict(conn.execute(f"SELECT article_id, count(*) FROM {table} GROUP BY article_id").fetchall())
                 for table in COUNTED}
    for r in rows:
        document = json.loads(r["document"])
        for table, column in COUNTED.items():
            assert per_table[table].get(r["id"], 0) == r[column] == len(document[table]), (r["id"], table)
    return conn


@pytest.mark.slow
def test_sigkill_midway_and_restart_store_each_article_exactly_once(tmp_path, nlp):
    from newsevents.extraction import extract_articles
    from newsevents.ingest.sources import iter_articles

    articles = short_articles(N, seed=11)
    folder = write_articles(tmp_path / "articles", articles)
    db = tmp_path / "store.db"
    kills = []
    for at_least in (random.randint(100, 250), random.randint(450, 650)):
        proc = cli("ingest", str(folder), "--db", str(db), "--json")
        kills.append(kill_when(proc, db, at_least))
    assert kills[0] < kills[1] < N, kills
    print(f"killed with {kills} articles stored")

    final = cli("ingest", str(folder), "--db", str(db), "--json")
    out, err = final.communicate(timeout=900)
    assert final.returncode == 0, err[-3000:]
    summary = json.loads(out)
    assert summary["seen"] == N and summary["failed"] == 0
    assert summary["unchanged"] >= kills[1] and summary["stored"] + summary["unchanged"] == N

    expected = {article_id: text for article_id, text in articles}
    conn = check_store(db, expected)
    assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 0

    # the articles around each kill were at most in flight: they must equal a clean extraction
    order = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY seq")]
    around = {i for k in kills for i in range(max(0, k - 8), min(N, k + 8))}
    sample = sorted({order[i] for i in around} | set(random.sample(order, 20)))
    fresh_inputs = list(iter_articles([str(folder / f"{article_id}.txt") for article_id in sample]))
    fresh = {doc["article"]["id"]: doc for doc in extract_articles(fresh_inputs)}
    for article_id in sample:
        stored = json.loads(conn.execute("SELECT document FROM articles WHERE id = ?", (article_id,)).fetchone()[0])
        for kind in ("entities", "events", "quotes", "places", "casualties", "dates"):
            assert stored[kind] == fresh[article_id][kind], (article_id, kind)
    conn.close()
