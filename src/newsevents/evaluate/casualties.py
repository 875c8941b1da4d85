"""Casualty scoring: P/R/F1 by kind+count, by kind alone, "who" accuracy, invented casualties.

* Identity is ``(kind, count)``: predictions with the same kind and count are one prediction (an
  article repeats its figures), and a gold record matches a prediction with the same pair (a gold
  ``count`` of null, "several were injured", matches a prediction without a count).
* A gold record with ``count`` 0 says nothing of that kind was reported: it is not a positive; any
  predicted casualty of that kind is a false positive and is listed as *invented*. ``no_invention``
  is the share of such records that the prediction respected.
* ``kind`` row: the same, on the set of kinds alone (count ignored).
* ``who``: of matched records with a gold ``who``, the share whose predicted group shares a word
  with it (plural "s" ignored).
"""
from __future__ import annotations

from .gold import Gold
from .match import tokens
from .scores import FieldScore, Issue


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def who_right(gold_who: str, pred_who: str | None) -> bool:
    return bool({_stem(t) for t in tokens(gold_who)} & {_stem(t) for t in tokens(pred_who)})


def score_casualties(gold: Gold, doc: dict, issues: list[Issue] | None = None) -> FieldScore:
    issues = issues if issues is not None else []
    score = FieldScore()
    score.a("who"), score.a("no_invention")
    positives = {(c["kind"], c.get("count")): c for c in gold.casualties if c.get("count") != 0}
    none_kinds = {c["kind"] for c in gold.casualties if c.get("count") == 0}
    predicted: dict[tuple, dict] = {}
    for cas in doc.get("casualties") or []:
        predicted.setdefault((cas.get("kind"), cas.get("count")), cas)

    prf = score.p("all")
    prf.gold, prf.pred = len(positives), len(predicted)
    for key, gc in positives.items():
        if key in predicted:
            prf.tp_gold += 1
            if gc.get("who"):
                score.a("who").count(who_right(gc["who"], predicted[key].get("who")))
        else:
            issues.append(Issue(gold.id, "casualties", "miss", gc.get("evidence") or "", f"{key[0]} {key[1]} {gc.get('who')}"))
    for key, pc in predicted.items():
        if key in positives:
            prf.tp_pred += 1
            continue
        kind = "invented" if key[0] in none_kinds else "false positive"
        note = f"{key[0]} {key[1]} {pc.get('who')}"
        issues.append(Issue(gold.id, "casualties", kind, (pc.get("evidence") or {}).get("text") or "", note))

    gold_kinds = {k for k, _ in positives}
    pred_kinds = {k for k, _ in predicted}
    by_kind = score.p("kind")
    by_kind.gold, by_kind.pred = len(gold_kinds), len(pred_kinds)
    by_kind.tp_gold = by_kind.tp_pred = len(gold_kinds & pred_kinds)
    for kind in sorted(none_kinds):
        score.a("no_invention").count(kind not in pred_kinds)
    return score
