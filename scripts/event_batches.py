#!/usr/bin/env python3
"""Run the event coder on our own test batches (tests/fixtures/events/batch-*.tsv) and print, per
batch, how many sentences it codes right: the expected type and no other (as the PLOVER scorers
count spurious events), and the actor when the batch names one.

    scripts/event_batches.py                 # every batch
    scripts/event_batches.py batch-c -v      # one batch, every case shown

A batch is written before the coder is run on it, so its first run is a generalisation figure
(docs/events.md keeps those figures); tests/test_events_batches.py then holds every case.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BATCHES = ROOT / "tests" / "fixtures" / "events"


def read_batch(path: Path) -> list[tuple[str, set[str], str]]:
    """``(sentence, allowed types, actor word)`` per line; an empty set means no event."""
    cases = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + ["", ""]
        typ = cols[1].strip()
        cases.append((cols[0].strip(), set() if typ == "-" else set(typ.split("|")), cols[2].strip()))
    return cases


def judge(doc: dict, allowed: set[str], actor: str) -> tuple[bool, str]:
    """Right when the coded types are exactly one of ``allowed`` (or none when nothing is
    allowed) and, when ``actor`` is given, an event of an allowed type has an actor holding it."""
    events = [e for e in doc.get("events") or [] if not e.get("negated")]
    types = [e["type"] for e in events]
    names = [a.get("name") or "" for e in events if e["type"] in allowed for a in e.get("actor") or []]
    ok = set(types) <= allowed and (bool(types) == bool(allowed))
    if ok and actor:
        ok = any(actor.lower() in n.lower() for n in names)
    return ok, f"{types} actors={names}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("batches", nargs="*", help="batch names (default: all)")
    ap.add_argument("-v", "--verbose", action="store_true", help="show every case, not only the wrong ones")
    a = ap.parse_args(argv)
    import newsevents
    paths = sorted(BATCHES.glob("batch-*.tsv")) + sorted(BATCHES.glob("pending-*.tsv"))  # pending: not yet in the tests
    if a.batches:
        paths = [p for p in paths if p.stem in a.batches]
    total = right = 0
    for path in paths:
        cases = read_batch(path)
        ok_n = 0
        for sentence, allowed, actor in cases:
            doc = newsevents.extract(sentence, published="2024-05-06", )
            ok, got = judge(doc, allowed, actor)
            ok_n += ok
            if a.verbose or not ok:
                print(f"  {'ok ' if ok else 'BAD'} {'|'.join(sorted(allowed)) or '-'} {actor!r}: {got}  {sentence}")
        print(f"{path.stem}: {ok_n}/{len(cases)}")
        total += len(cases)
        right += ok_n
    print(f"all: {right}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
