#!/usr/bin/env python3
"""Score a stable split of a scorer set: one scorer line per part.

    scripts/split_score.py plv-train                 # two halves, "tune" and "held-out"
    scripts/split_score.py plover-dev --parts 5      # five parts, part1 … part5
    scripts/split_score.py polnear-dev --errors 5    # the scorer's first errors, per part
    scripts/split_score.py plv-train --ids held-out  # the ids of one part, one a line
    scripts/split_score.py ipe-dev --sample 150      # the first 150 items of each part only

Each item goes to a part by a hash of its id (the leading 64 bits of the sha256 of the id, cut into
equal ranges), so the split never changes between runs, machines or commits, and a new item does not
move the others. (The low bits are not used: a hash modulo 2 is not safe against ids that happen to
share them, and one of the sets puts every id in the same half that way.) A part far from its share
is reported, so a degenerate split is seen.
Rule work is tuned on "tune"; "held-out" tells whether a rule carries. The loading, extraction
(with its cache) and scoring are ../shared/tools/score.py's own functions (``load``, ``extract``,
``score``), imported, not copied, so each part's line means exactly what the scorer's line means.
The whole set is extracted once; the parts are scored from that one output. ``--sample N`` keeps
the first N items (in the set's order) of each part, for a quicker look at a large set; its lines
say so (items=N/…), and they are not the set's figures. Run from the project
root (the scorer uses ./.venv/bin/newsevents or $NEWSEVENTS_CMD). A development script: it reads ../shared.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_TOOLS = ROOT.parent / "shared" / "tools"
HALVES = ("tune", "held-out")


def scorer():
    sys.path.insert(0, str(SHARED_TOOLS))
    try:
        import score  # ../shared/tools/score.py
    except ImportError:
        sys.exit(f"the scorer is missing: {SHARED_TOOLS / 'score.py'}")
    return score


def part_names(parts: int) -> tuple[str, ...]:
    return HALVES if parts == 2 else tuple(f"part{i + 1}" for i in range(parts))


def part_of(item_id: str, parts: int) -> int:
    """The part (0-based) of an item: stable, from the leading 64 bits of the sha256 of its id."""
    lead = int.from_bytes(hashlib.sha256(str(item_id).encode("utf-8")).digest()[:8], "big")
    return (lead * parts) >> 64


def split(ids: list[str], parts: int) -> list[list[int]]:
    """Indexes of ``ids`` per part."""
    out: list[list[int]] = [[] for _ in range(parts)]
    for i, item_id in enumerate(ids):
        out[part_of(item_id, parts)].append(i)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset", help="a set the scorer knows (../shared/tools/score.py --list)")
    ap.add_argument("--parts", type=int, default=2, help="number of parts (default 2: tune / held-out)")
    ap.add_argument("--errors", type=int, default=0, help="print the scorer's first N errors of each part")
    ap.add_argument("--sample", type=int, default=0, help="score only the first N items of each part (a quick look)")
    ap.add_argument("--ids", metavar="PART", help="print the ids of one part (a name or a 1-based number) and stop")
    a = ap.parse_args(argv)
    if a.parts < 2:
        ap.error("--parts must be at least 2")
    score = scorer()
    if a.dataset not in score.DATASETS:
        sys.exit(f"unknown dataset {a.dataset!r}; ../shared/tools/score.py --list shows them")
    if a.dataset == "seed":
        sys.exit("seed is one article: it cannot be split")
    names = part_names(a.parts)
    ins, golds = score.load(a.dataset)
    ids = [str(r["id"]) for r in ins]
    parts = split(ids, a.parts)
    if a.ids:
        wanted = names.index(a.ids) if a.ids in names else int(a.ids) - 1
        print("\n".join(ids[i] for i in parts[wanted]))
        return 0
    for name, idx in zip(names, parts):
        if len(ids) >= 20 * a.parts and len(idx) < len(ids) / a.parts / 2:
            print(f"note: part {name} holds {len(idx)} of {len(ids)} items", file=sys.stderr)
    if a.sample > 0:  # extract only the sampled items; indexes now point into the sample
        parts = [idx[:a.sample] for idx in parts]
        keep = sorted(i for idx in parts for i in idx)
        where = {i: k for k, i in enumerate(keep)}
        ins, golds = [ins[i] for i in keep], [golds[i] for i in keep]
        parts = [[where[i] for i in idx] for idx in parts]
        ids = [ids[i] for i in keep]
    outs = score.extract(a.dataset, ins)  # the whole set once (cached by the scorer per tree state)
    total = len(score.load(a.dataset)[0]) if a.sample > 0 else len(ins)
    for name, idx in zip(names, parts):
        if not idx:
            print(f"{a.dataset}[{name}] @{score.head()}: no items")
            continue
        score.ERRORS.clear()
        m = score.score(a.dataset, [outs[i] for i in idx], [golds[i] for i in idx])
        line = " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in m.items())
        for item, what in score.ERRORS[:a.errors]:
            print(f"  {item}: {what}")
        print(f"{a.dataset}[{name}] @{score.head()}: {line} items={len(idx)}/{total}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
