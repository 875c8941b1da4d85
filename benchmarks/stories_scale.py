#!/usr/bin/env python3
"""How story grouping scales: time per article from 5,000 to 50,000 stored articles.

    .venv/bin/python benchmarks/stories_scale.py                    # 50,000 articles, SQLite in a temp dir
    .venv/bin/python benchmarks/stories_scale.py --articles 20000 --db postgresql://127.0.0.1/test?schema=bench

Synthetic articles are built from real extracted documents: the ECB+ dev texts (``../shared``, a
development corpus; extracted once with ``newsevents extract`` and cached next to the database), or
any JSONL of ``newsevents/1`` documents given with ``--documents``. Article *i* is document
``i mod n`` of the corpus, republished in "round" ``i div n``: with a publication date
``WINDOW_DAYS + 3`` days after the previous round's (publication days vary by up to 2 within a round,
so one round's reports are always more than the comparison window apart from another's and never
meet: a flow of ~25 articles a day over six years at 50,000), a round-specific outlet, and a dateline line that makes its text (and
hash) new. Each round therefore holds the corpus's own stories, near-duplicates included.

Articles are saved first (not timed), then grouped exactly as ``ingest`` groups them
(``newsevents.stories.update`` every 50 articles); the time per article is reported for each step
of the size, with its ratio to the first step: near-linear growth keeps it near 1.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from newsevents.stories.similarity import WINDOW_DAYS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "corpora" / "ecbplus" / "ecbplus-dev.jsonl"
OUTLETS = ["Northern Courier", "Pan-African Press", "Evening Post", "Sahel Times", "Borno Radio", "Daily Ledger",
           "Coastal Herald", "Metro Wire", "Valley News", "Capital Tribune", "Harbour Gazette", "Plains Observer"]
START = dt.date(2020, 1, 1)


def corpus(path: Path | None, cache: Path) -> list[dict]:
    if path:
        return [json.loads(line) for line in path.open(encoding="utf-8")]
    if cache.exists():
        return [json.loads(line) for line in cache.open(encoding="utf-8")]
    if not ECB.exists():
        sys.exit(f"no documents: give --documents FILE.jsonl (newsevents/1 documents) or provide {ECB}")
    with tempfile.TemporaryDirectory() as td:
        inp = Path(td) / "in.jsonl"
        inp.write_text("".join(json.dumps({"id": g["id"], "text": g["text"]}) + "\n"
                               for g in map(json.loads, ECB.open(encoding="utf-8"))), encoding="utf-8")
        print(f"extracting {ECB.name} once (a few minutes) → {cache}", file=sys.stderr)
        subprocess.run([str(ROOT / ".venv" / "bin" / "newsevents"), "extract", "--input-format", "jsonl", "-f", "jsonl",
                        str(inp), "-o", str(cache)], check=True)
    return [d for d in map(json.loads, cache.open(encoding="utf-8")) if "schema" in d]


def synthetic(base: list[dict], i: int) -> dict:
    doc = base[i % len(base)]
    rnd = i // len(base)
    day = START + dt.timedelta(days=(WINDOW_DAYS + 3) * rnd + (i % 3))
    outlet = OUTLETS[(i + rnd) % len(OUTLETS)]
    dateline = f"{day:%B} {day.day} ({outlet}) —\n"
    text = dateline + doc["text"]
    shift = len(dateline)
    article = {**doc["article"], "id": f"syn{i:06d}", "published": day.isoformat(), "outlet": outlet,
               "url": f"https://{outlet.lower().replace(' ', '-')}.example/{day:%Y/%m/%d}/{i}",
               "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    return {**doc, "article": article, "text": text, **{k: _shifted(doc.get(k) or [], shift)
                                                        for k in ("entities", "events", "quotes", "places",
                                                                  "casualties", "dates")}}


def _shifted(items, shift: int):
    """Items with their spans moved past the dateline (so evidence still slices the text)."""
    def move(value):
        if isinstance(value, dict):
            out = {k: move(v) for k, v in value.items()}
            if isinstance(out.get("start"), int) and isinstance(out.get("end"), int) and "text" in out:
                out["start"] += shift
                out["end"] += shift
            return out
        if isinstance(value, list):
            return [move(v) for v in value]
        return value
    return move(items)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--steps", default="5000,10000,20000,30000,40000,50000")
    ap.add_argument("--documents", type=Path, help="JSONL of newsevents/1 documents to build from")
    ap.add_argument("--db", help="store URL or path (default: a temporary SQLite file)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from newsevents.store import open_store
    from newsevents.stories import update
    from newsevents.stories.features import features

    cache = Path(tempfile.gettempdir()) / "newsevents-bench-ecbplus-dev.jsonl"
    base = corpus(a.documents, cache)
    steps = [int(s) for s in a.steps.split(",") if int(s) <= a.articles]
    tmp = tempfile.TemporaryDirectory()
    store = open_store(a.db or str(Path(tmp.name) / "stories-bench.db"))
    features(base[0])  # imports and word lists: paid once per process, not per article
    rows, done, grouped_seconds, window_start = [], 0, 0.0, 0
    try:
        for step in steps:
            window_seconds = 0.0
            while done < step:
                chunk = [synthetic(base, i) for i in range(done, min(step, done + 50))]
                for doc in chunk:
                    store.save(doc)
                started = time.perf_counter()
                update(store)
                window_seconds += time.perf_counter() - started
                done += len(chunk)
            grouped_seconds += window_seconds
            per = 1000 * window_seconds / (step - window_start)
            rows.append({"articles": step, "ms_per_article_in_step": round(per, 2),
                         "ms_per_article_overall": round(1000 * grouped_seconds / step, 2),
                         "stories": store.stats()["stories"]})
            window_start = step
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    finally:
        store.close()
        tmp.cleanup()
    first = rows[0]["ms_per_article_in_step"]
    for row in rows:
        row["ratio_to_first_step"] = round(row["ms_per_article_in_step"] / first, 2)
    if a.json:
        print(json.dumps(rows, indent=2))
    else:
        print("| stored articles | ms per article (this step) | ms per article (overall) | stories | ratio to first step |")
        print("|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['articles']:,} | {r['ms_per_article_in_step']} | {r['ms_per_article_overall']} | "
                  f"{r['stories']:,} | {r['ratio_to_first_step']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
