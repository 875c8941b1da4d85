"""Our own test batches (tests/fixtures/events/batch-*.tsv): each was written before the coder was
run on it (first-run figures in docs/events.md); every case now holds. A case is right when the
sentence's coded types are exactly the expected one (as the PLOVER scorers count spurious events)
and, when the batch names one, an actor of that type holds the word."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("event_batches", ROOT / "scripts" / "event_batches.py")
batches = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(batches)

CASES = [(path.stem, *case) for path in sorted(batches.BATCHES.glob("batch-*.tsv")) for case in batches.read_batch(path)]


def test_every_batch_has_cases():
    assert len(CASES) >= 80
    assert {c[0] for c in CASES} >= {"batch-a", "batch-b"}


@pytest.mark.parametrize("batch,sentence,allowed,actor", CASES, ids=[f"{c[0]}:{c[1][:50]}" for c in CASES])
def test_batch_sentence(extract_text, batch, sentence, allowed, actor):
    doc = extract_text(sentence, published="2024-05-06")
    ok, got = batches.judge(doc, allowed, actor)
    assert ok, f"expected {sorted(allowed) or 'no event'} (actor {actor!r}), got {got}"


def test_judge_counts_spurious_types():
    doc = {"events": [{"type": "ASSAULT", "actor": [{"name": "Gunmen"}]}, {"type": "COERCE", "actor": []}]}
    assert batches.judge(doc, {"ASSAULT"}, "gunmen")[0] is False
    assert batches.judge(doc, {"ASSAULT", "COERCE"}, "gunmen")[0] is True
    assert batches.judge({"events": []}, set(), "")[0] is True
    assert batches.judge(doc, {"ASSAULT", "COERCE"}, "police")[0] is False
