"""Quote scoring: detection P/R/F1 (all, direct, indirect), speaker, kind and "via" accuracy.

* A predicted quote matches a gold quote when their token overlap (intersection over the shorter)
  is at least 0.5; the matching is one-to-one, maximal, best overlap first.
* ``direct`` / ``indirect`` rows: recall over the gold quotes of that kind, precision over the
  predicted quotes of that kind (a predicted ``mixed`` quote counts as direct: it has quotation marks).
* ``speaker``: of the matched pairs, the share whose predicted speaker name matches (see
  :func:`newsevents.evaluate.match.speaker_matches`); also per kind (``direct.speaker``…).
  ``speaker_overall`` (and ``direct.speaker_overall``…) divides by all gold quotes instead (a
  missed quote counts as a wrong speaker): it cannot fall when recall rises.
* ``via``: of the matched pairs where the gold or the prediction names an intermediary, the share
  where every gold "via" name is matched by a predicted one and no predicted one is extra.
* ``kind``: of the matched pairs, the share with the gold kind (``mixed`` is right for either).
* Only predictions of class ``speech`` are scored (gold quotes are speech; docs/quotes.md).
"""
from __future__ import annotations

from .gold import Gold
from .match import max_bipartite, name_matches, speaker_matches, token_overlap
from .scores import FieldScore, Issue

MIN_OVERLAP = 0.5


def speaker_name(quote: dict, entity_names: dict[str, str]) -> str | None:
    """The predicted speaker's name (falling back on its entity's name)."""
    speaker = quote.get("speaker") or {}
    return speaker.get("name") or entity_names.get(speaker.get("entity") or "")


def _pred_kind(quote: dict) -> str:
    return "indirect" if quote.get("kind") == "indirect" else "direct"


def via_right(gold_via: list[str], pred_via: list[dict]) -> bool:
    names = [v.get("name") for v in pred_via if isinstance(v, dict) and v.get("name")]
    if not gold_via:
        return not names
    found = all(any(name_matches(n, [g]) for n in names) for g in gold_via)
    extra = any(not name_matches(n, gold_via) for n in names)
    return found and not extra


def match_quotes(gold_quotes: list[dict], pred_quotes: list[dict]) -> dict[int, int]:
    """``gold index → predicted index`` for quotes overlapping by at least :data:`MIN_OVERLAP`."""
    candidates: dict[int, list[int]] = {}
    for g, gq in enumerate(gold_quotes):
        scored = [(token_overlap(gq["text"], pq.get("text")), p) for p, pq in enumerate(pred_quotes)]
        candidates[g] = [p for score, p in sorted(scored, key=lambda x: (-x[0], x[1])) if score >= MIN_OVERLAP]
    return max_bipartite(candidates)


def score_quotes(gold: Gold, doc: dict, issues: list[Issue] | None = None) -> FieldScore:
    issues = issues if issues is not None else []
    score = FieldScore()
    # gold quotes are speech: attributions of the other classes (belief, evidence, stance, intent) are left out
    preds = [q for q in doc.get("quotes") or [] if q.get("class", "speech") == "speech"]
    entity_names = {e["id"]: e.get("name") for e in doc.get("entities") or [] if "id" in e}
    pairs = match_quotes(gold.quotes, preds)
    matched_preds = set(pairs.values())

    for name in ("all", "direct", "indirect"):
        score.p(name)
    for name in ("speaker", "direct.speaker", "indirect.speaker", "speaker_overall", "direct.speaker_overall",
                 "indirect.speaker_overall", "kind", "via"):
        score.a(name)
    for g, gq in enumerate(gold.quotes):
        kind = "indirect" if gq["kind"] == "indirect" else "direct"
        found = g in pairs
        for name in ("all", kind):
            score.p(name).gold += 1
            score.p(name).tp_gold += found
        if not found:
            if gq["speaker"]:
                score.a("speaker_overall").count(False)
                score.a(f"{kind}.speaker_overall").count(False)
            issues.append(Issue(gold.id, "quotes", f"miss ({kind})", gq["text"], f"speaker {gq['speaker'][:1]}"))
            continue
        pq = preds[pairs[g]]
        pred_speaker = speaker_name(pq, entity_names)
        if gq["speaker"]:  # a gold quote without a speaker is not scored for attribution
            right = speaker_matches(pred_speaker, gq["speaker"])
            score.a("speaker").count(right)
            score.a(f"{kind}.speaker").count(right)
            score.a("speaker_overall").count(right)
            score.a(f"{kind}.speaker_overall").count(right)
            if not right:
                issues.append(Issue(gold.id, "quotes", "wrong speaker", gq["text"],
                                    f"predicted {pred_speaker!r}, gold {gq['speaker']}"))
        score.a("kind").count(pq.get("kind") == "mixed" or pq.get("kind") == gq["kind"])
        pred_via = pq.get("via") or []
        if gq["via"] or pred_via:
            ok = via_right(gq["via"], pred_via)
            score.a("via").count(ok)
            if not ok:
                issues.append(Issue(gold.id, "quotes", "wrong via", gq["text"],
                                    f"predicted {[v.get('name') for v in pred_via]}, gold {gq['via']}"))

    for p, pq in enumerate(preds):
        kind = _pred_kind(pq)
        hit = p in matched_preds
        for name in ("all", kind):
            score.p(name).pred += 1
            score.p(name).tp_pred += hit
        if not hit:
            issues.append(Issue(gold.id, "quotes", f"false positive ({pq.get('kind')})", pq.get("text") or "",
                                f"speaker {speaker_name(pq, entity_names)!r}"))
    return score
