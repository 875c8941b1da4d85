"""Concurrency over one SQLite store (WAL): readers never see "database is locked" while an ingest
writes, and two ingests of overlapping folders at the same time store each article once."""
from __future__ import annotations

import json
import socket
import sqlite3
import threading
import time

import httpx
import pytest

from reliability_helpers import cli, short_articles, write_articles

ENDPOINTS = ("/api/stats", "/api/articles?limit=20", "/api/events?limit=50", "/api/quotes?limit=20",
             "/api/places", "/api/counts?by=type", "/api/timeline", "/api/errors", "/api/articles?q=police")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_server(base: str, proc, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited: {proc.communicate()[1][-2000:]}")
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    pytest.fail("server did not start")


@pytest.mark.slow
def test_api_reads_while_an_ingest_writes_never_fail(tmp_path):
    from newsevents.store import open_store

    folder = write_articles(tmp_path / "articles", short_articles(200, seed=21))
    db = tmp_path / "live.db"
    open_store(db).close()  # the server needs the file to exist
    port = _free_port()
    server = cli("serve", "--db", str(db), "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    failures: list[str] = []
    responses = [0]
    done = threading.Event()
    try:
        _wait_for_server(base, server)
        writer = cli("ingest", str(folder), "--db", str(db), "--json")

        def reader(offset: int) -> None:
            with httpx.Client(base_url=base, timeout=60) as client:
                i = offset
                while not done.is_set():
                    url = ENDPOINTS[i % len(ENDPOINTS)]
                    i += 1
                    r = client.get(url)
                    responses[0] += 1
                    if r.status_code != 200 or "database is locked" in r.text.lower() or "E016" in r.text:
                        failures.append(f"{url} -> {r.status_code} {r.text[:200]}")

        threads = [threading.Thread(target=reader, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        out, err = writer.communicate(timeout=900)
        done.set()
        for t in threads:
            t.join(60)
        assert writer.returncode == 0, err[-3000:]
        summary = json.loads(out)
        assert summary["stored"] == 200 and summary["failed"] == 0
        assert not failures, failures[:5]
        assert responses[0] > 50, "the readers really ran during the ingest"
        final = httpx.get(base + "/api/stats", timeout=30).json()
        assert final["articles"] == 200
    finally:
        done.set()
        server.terminate()
        server.communicate(timeout=30)


@pytest.mark.slow
def test_two_ingests_of_overlapping_folders_store_each_article_once(tmp_path):
    articles = short_articles(240, seed=31)
    root = tmp_path / "articles"
    write_articles(root / "a", articles[:80])
    write_articles(root / "b", articles[80:160])
    write_articles(root / "c", articles[160:])
    db = tmp_path / "both.db"
    # both start at once on the same new database; folder b is in both runs
    first = cli("ingest", str(root / "a"), str(root / "b"), "--db", str(db), "--json")
    second = cli("ingest", str(root / "c"), str(root / "b"), "--db", str(db), "--json")
    results = []
    for proc in (first, second):
        out, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err[-3000:]
        results.append(json.loads(out))
    assert sum(r["stored"] for r in results) == 240
    assert sum(r["unchanged"] for r in results) == 80
    assert all(r["failed"] == 0 for r in results)

    conn = sqlite3.connect(str(db))
    rows = conn.execute("SELECT id, text, text_sha256 FROM articles").fetchall()
    assert len(rows) == 240
    assert len({r[2] for r in rows}) == 240
    assert {r[0]: r[1] for r in rows} == dict(articles), "each article once, under its own id (no '~' renames)"
    for table in ("entities", "events", "quotes", "places", "dates", "mentions"):
        assert conn.execute(f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0] == 0
    conn.close()
