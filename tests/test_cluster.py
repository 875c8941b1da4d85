"""Distributed ingest (issue 16): 1,000 articles on a real 2-worker Dask cluster into the local
PostgreSQL database, with a worker killed part-way, and with the client interrupted and restarted:
exactly 1,000 articles, no duplicate row in any table, the same documents as a one-process run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cluster_corpus import write_jsonl
from pg_helpers import drop_schema, new_schema, postgres_or_skip

distributed = pytest.importorskip("distributed")

N = 1000
ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow

# rows that must be unique in each table (beyond the unique constraints the schema already has)
NATURAL_KEYS = {
    "articles": "id", "entities": "article_id, id", "mentions": 'article_id, entity_id, start, "end"',
    "places": "article_id, id", "events": "article_id, id", "quotes": "article_id, id",
    "casualties": "article_id, id", "dates": "article_id, id",
    "event_actors": "event_seq, role, name, entity", "errors": "article, source, code, message",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("cluster") / "articles.jsonl", N, max_chars=300)


@pytest.fixture(scope="module")
def reference(corpus) -> dict:
    """The one-process extraction of the corpus, by article id."""
    from newsevents.extraction import extract_paths

    docs = {}
    for doc in extract_paths([str(corpus)]):
        assert isinstance(doc, dict), doc
        docs[doc["article"]["id"]] = doc
    assert len(docs) == N
    return docs


@pytest.fixture
def db():
    url = postgres_or_skip()
    schema = new_schema()
    try:
        yield f"{url}?schema={schema}"
    finally:
        drop_schema(schema)


@pytest.fixture
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50, memory_limit=0) as local, Client(local) as client:
        yield local, client


def _count(db: str) -> int:
    import psycopg

    from newsevents.store.postgres import split_url

    url, schema = split_url(db)
    with psycopg.connect(url) as conn:
        try:
            return conn.execute(f'SELECT COUNT(*) FROM "{schema}".articles').fetchone()[0]
        except psycopg.errors.UndefinedTable:
            return 0


def _wait_for(db: str, n: int, proc=None, thread=None) -> None:
    import time

    while _count(db) < n:
        assert proc is None or proc.poll() is None, "the ingest ended before it was interrupted"
        assert thread is None or thread.is_alive(), "the ingest ended before a worker was killed"
        time.sleep(0.2)


def _check_store(db: str, reference: dict) -> None:
    import psycopg

    from newsevents.store import open_store
    from newsevents.store.postgres import split_url

    url, schema = split_url(db)
    with psycopg.connect(url) as conn:
        for table, key in NATURAL_KEYS.items():
            total, distinct = conn.execute(
                f'SELECT COUNT(*), COUNT(DISTINCT ({key})) FROM "{schema}".{table}').fetchone()
            assert total == distinct, f"{table}: {total - distinct} duplicate rows"
        assert conn.execute(f'SELECT COUNT(*) FROM "{schema}".errors').fetchone()[0] == 0
    store = open_store(db)
    try:
        stats = store.stats()
        assert stats["articles"] == N
        expected = {kind: sum(len(doc[kind]) for doc in reference.values())
                    for kind in ("entities", "events", "quotes", "places", "casualties", "dates")}
        assert {kind: stats[kind] for kind in expected} == expected
        for article_id, doc in reference.items():
            assert store.article(article_id) == doc, f"{article_id} differs from the one-process extraction"
    finally:
        store.close()


def test_a_worker_killed_part_way_loses_and_doubles_nothing(corpus, reference, db, cluster):
    from newsevents.cluster import ingest_cluster

    local, client = cluster
    outcome = {}

    def run():
        try:
            outcome["summary"] = ingest_cluster([str(corpus)], db, client=client, partition_size=50, stories=False)
        except BaseException as exc:  # pragma: no cover - shown by the assertion below
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    _wait_for(db, 150, thread=thread)
    pids = client.run(os.getpid)  # {worker address: pid}
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)  # mid-partition: its transaction is rolled back, Dask re-runs the task
    thread.join()
    assert "error" not in outcome, outcome.get("error")
    summary = outcome["summary"]
    assert summary.failed == 0 and summary.stored + summary.unchanged == N
    assert victim not in client.run(os.getpid).values()  # the worker really died (the nanny started a new one)
    _check_store(db, reference)


def test_the_client_interrupted_and_restarted_stores_exactly_once(corpus, reference, db, cluster):
    local, client = cluster
    command = [sys.executable, "-c", "from newsevents.cli import main; main()", "ingest", str(corpus), "--db", db,
               "--scheduler", local.scheduler_address, "--partition-size", "50", "--no-stories", "--json"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(db, 200, proc=first)
        first.send_signal(signal.SIGINT)
        out, err = first.communicate(timeout=120)
    finally:
        first.kill()
    assert first.returncode == 130, err
    assert "E037" in err and "SIGINT" in err
    stored = _count(db)
    assert 200 <= stored < N
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1200)
    assert again.returncode == 0, again.stderr
    _check_store(db, reference)
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)  # all stored: nothing to do
    assert rerun.returncode == 0 and '"stored": 0' in rerun.stdout and f'"unchanged": {N}' in rerun.stdout


def test_a_poison_article_is_an_error_row_and_the_run_goes_on(tmp_path, db):
    import json

    import cloudpickle
    import dask
    from distributed import Client, LocalCluster

    import cluster_poison
    from cluster_corpus import articles
    from newsevents.cluster import ingest_cluster
    from newsevents.store import open_store

    records = articles(30, max_chars=300)
    records.insert(12, {"id": "poison", "text": f"Police said the {cluster_poison.POISON_MARK} was found."})
    path = tmp_path / "poison.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    cloudpickle.register_pickle_by_value(cluster_poison)
    with dask.config.set({"distributed.scheduler.allowed-failures": 2}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                         silence_logs=50, memory_limit=0) as local, Client(local) as client:
        client.register_plugin(cluster_poison.PoisonPlugin())
        summary = ingest_cluster([str(path)], db, client=client, partition_size=10, stories=False)
    # (an innocent partition that shared the dying worker may be re-run article by article too)
    assert summary.stored + summary.unchanged == 30 and summary.retried_partitions >= 1
    assert [f["article"].rsplit("/", 1)[-1] for f in summary.failures] == ["poison.jsonl:13"]
    store = open_store(db)
    try:
        assert store.stats()["articles"] == 30 and store.article("poison") is None
        (error,) = store.errors()
        assert error["code"] == "E035" and error["article"].endswith("poison.jsonl:13")
        assert "3 times" in error["message"] and "KilledWorker" in error["message"]
    finally:
        store.close()


def test_an_unreachable_postgresql_is_retried_then_a_coded_error(tmp_path, monkeypatch):
    from cluster_corpus import write_jsonl

    corpus = write_jsonl(tmp_path / "few.jsonl", 3)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NEWSEVENTS_PG_WAIT": "1.5"}
    run = subprocess.run([sys.executable, "-c", "from newsevents.cli import main; main()", "ingest", str(corpus),
                          "--db", "postgresql://someone:S3cretPw@127.0.0.1:9/test", "--workers", "2"],
                         env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 2
    assert "[E034]" in run.stderr and "unreachable after" in run.stderr and "S3cretPw" not in run.stderr
    tries = int(run.stderr.split("unreachable after ")[1].split(" tries")[0])
    assert tries >= 3  # retried with backoff before giving up
