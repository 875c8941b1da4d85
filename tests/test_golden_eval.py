"""Golden evaluation gate: quality may not drop below the floors pinned in ``golden/floors.json``.

The pipeline runs on the three annotated reference articles (``fixtures/gold`` +
``fixtures/articles``), on the PLOVER gold-standard sentences (``fixtures/plover``) and on the
re3d CENTCOM documents (``fixtures/re3d``, place mentions); every metric named in the floors file
is compared with its floor (``min``) or ceiling (``max``).

When a change improves a score, raise its floor in the same commit. Lowering a floor is a visible
decision: its own commit, saying which score dropped and why. A metric that cannot be measured
(``None``: nothing matched to judge) counts as 0 against a floor.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

FLOORS_PATH = Path(__file__).parent / "golden" / "floors.json"
FLOORS = json.loads(FLOORS_PATH.read_text("utf-8"))
CHECKS = [(suite, bound, metric, limit)
          for suite in ("gold", "plover", "re3d")
          for bound in ("min", "max")
          for metric, limit in FLOORS[suite].get(bound, {}).items()]
TOLERANCE = 1e-9


@pytest.fixture(scope="session")
def golden_scores(nlp) -> dict[str, dict]:
    from newsevents.evaluate import evaluate_gold, evaluate_plover, evaluate_re3d

    gold = evaluate_gold(sorted((FIXTURES / "gold").glob("*.gold.json")), articles_dir=FIXTURES / "articles")
    plover = evaluate_plover(FIXTURES / "plover" / "plover-gsr-dev.jsonl")
    re3d = evaluate_re3d(FIXTURES / "re3d")
    assert not gold.errors and not plover.errors and not re3d.errors, gold.errors + plover.errors + re3d.errors
    assert gold.count == 3 and plover.count == 163 and re3d.count == 23
    return {"gold": gold.flat(), "plover": plover.flat(), "re3d": re3d.flat()}


def test_floor_metrics_exist(golden_scores):
    """A renamed or misspelt metric must fail here rather than pass its floor silently."""
    for suite, _, metric, _ in CHECKS:
        assert metric in golden_scores[suite], f"{suite}: no metric {metric!r} in the evaluation report"


@pytest.mark.parametrize("suite,bound,metric,limit", CHECKS, ids=[f"{s}:{m}" for s, _, m, _ in CHECKS])
def test_score_within_bound(golden_scores, suite, bound, metric, limit):
    value = golden_scores[suite].get(metric)
    if bound == "min":
        got = 0.0 if value is None else value
        assert got >= limit - TOLERANCE, (
            f"{suite} {metric} = {got:.3f} fell below its floor {limit} (tests/golden/floors.json). "
            f"Fix the regression, or lower the floor in a commit of its own that says why.")
    else:
        assert value is not None and value <= limit + TOLERANCE, (
            f"{suite} {metric} = {value} rose above its ceiling {limit} (tests/golden/floors.json).")
