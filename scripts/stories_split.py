#!/usr/bin/env python3
"""Score a stories set (ecbplus-dev) on two halves split by *topic*: one scorer line per half.

    scripts/stories_split.py                 # ecbplus-dev: "tune" and "held-out" topics
    scripts/stories_split.py --topics        # which topics fall in which half

Splitting articles by id (as for the sentence sets) would put both halves of every topic in both
parts, so a rule tuned on one part would have seen the other's stories. Here a topic goes to a half by
the leading 64 bits of the sha256 of its number (the hash rule of scripts/split_score.py), so the
split never changes and a new topic does not move the others. The whole set is ingested once, the way
the scorer does it (``stories_run``: a fresh SQLite store, then the JSONL export, cached per tree
state); each half is scored with the scorer's own ``score``, on its own articles. Run from the
project root. A development script: it reads ../shared.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HALVES = ("tune", "held-out")


def half_of(topic) -> int:
    lead = int.from_bytes(hashlib.sha256(str(topic).encode("utf-8")).digest()[:8], "big")
    return (lead * 2) >> 64


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset", nargs="?", default="ecbplus-dev")
    ap.add_argument("--topics", action="store_true", help="print the topics of each half and stop")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
    import score  # ../shared/tools/score.py

    if score.DATASETS.get(a.dataset, ("",))[0] != "stories":
        sys.exit(f"{a.dataset!r} is not a stories set (../shared/tools/score.py --list)")
    ins, golds = score.load(a.dataset)
    halves = [[g for g in golds if half_of(g["topic"]) == h] for h in (0, 1)]
    if a.topics:
        for name, part in zip(HALVES, halves):
            print(f"{name}: {' '.join(str(t) for t in sorted({g['topic'] for g in part}))}")
        return 0
    outs = score.extract(a.dataset, ins)
    for name, part in zip(HALVES, halves):
        ids = {g["id"] for g in part}
        m = score.score(a.dataset, [o for o in outs if ((o.get("article") or {}).get("id") or o.get("id")) in ids], part)
        line = " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in m.items())
        print(f"{a.dataset}[{name}] @{score.head()}: {line} articles={len(part)}/{len(golds)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
