"""Two processes using a new PostgreSQL schema for the first time, at the same moment: both open the
store and store their article (CREATE SCHEMA runs under the migration lock, so neither dies on
``duplicate key value violates unique constraint "pg_namespace_nspname_index"``)."""
from __future__ import annotations

import multiprocessing
import os

import pytest

from pg_helpers import drop_schema, new_schema, postgres_or_skip

TRIALS = int(os.environ.get("NEWSEVENTS_PG_RACE_TRIALS", "20"))
# Before the fix 14 of 30 such trials failed, so 20 trials miss the race with a probability near 1e-5.
TIMEOUT = 120  # seconds a worker may take to answer before the test gives up (never reached when it works)


def _worker(url: str, name: str, barrier, jobs, results) -> None:
    """One real process: for every schema it is given, wait for the other, then open and write."""
    from contract_docs import kosovo_doc
    from newsevents.store import open_store

    while True:
        schema = jobs.get()
        if schema is None:
            return
        barrier.wait()  # both processes open the same new schema at the same moment
        try:
            store = open_store(f"{url}?schema={schema}")
            try:
                results.put((schema, name, store.save(kosovo_doc(f"{name}-article", suffix=name)).status))
            finally:
                store.close()
        except Exception as exc:  # reported to the test, which fails with it
            results.put((schema, name, f"{type(exc).__name__}: {exc}"))


@pytest.mark.slow
def test_two_processes_first_using_a_schema_both_store():
    url = postgres_or_skip()
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    queues = {name: ctx.Queue() for name in ("one", "two")}
    workers = [ctx.Process(target=_worker, args=(url, name, barrier, queue, results), daemon=True)
               for name, queue in queues.items()]
    for worker in workers:
        worker.start()
    failures, schemas = [], []
    try:
        for _ in range(TRIALS):
            schema = new_schema()
            schemas.append(schema)
            for queue in queues.values():
                queue.put(schema)
            outcomes = [results.get(timeout=TIMEOUT) for _ in workers]
            statuses = sorted(status for _, _, status in outcomes)
            if statuses != ["stored", "stored"]:
                failures.append(statuses)
            drop_schema(schema)
    finally:
        for queue in queues.values():
            queue.put(None)
        for worker in workers:
            worker.join(timeout=30)
            if worker.is_alive():
                worker.kill()
        for schema in schemas:
            drop_schema(schema)
    assert not failures, f"{len(failures)} of {TRIALS} trials failed: {failures[:3]}"
