"""Event scoring: P/R/F1, type, actor, recipient, place and date accuracy.

* A predicted event matches a gold event when its type is the gold type or one of ``alt_types``
  AND it lies in a sentence that holds the gold evidence: its trigger's sentence when it has a
  trigger, else a sentence its evidence overlaps. Matching is one-to-one, maximal and optimal:
  among maximal matchings, the one whose pairs also agree on actor, then recipient, then exact
  type (over an alternative one), then evidence wording (:func:`pair_weights`).
* ``type``: of the gold events that have at least one predicted event in their sentence, the share
  where one of those has an accepted type (detection and classification kept apart).
* ``actor`` / ``recipient``: of the matched pairs, the share where some predicted actor (recipient)
  name matches an accepted name (:func:`newsevents.evaluate.match.name_matches`). When the gold
  list is empty (no actor stated), the prediction is right only when it names none either.
  ``actor_overall`` / ``recipient_overall`` divide by all gold events (a missed event counts as
  wrong): unlike the conditional rates they cannot fall when recall rises.
* ``place``: matched pairs whose gold place is set; right when the event's place name matches it,
  or the event's place lies within 30 km of the gold file's place of that name, same country.
* ``date``: matched pairs whose gold date is set; right when the event's date value starts with the
  gold value (a day inside a gold month is right; a month for a gold day is not).
"""
from __future__ import annotations

from typing import Sequence

from .gold import Gold
from .match import find_all, max_weight_matching, name_matches, sentences_of, split_sentences
from .scores import FieldScore, Issue


def event_sentences(event: dict, sentences: Sequence[tuple[int, int]]) -> set[int]:
    """The sentence(s) of a predicted event: those of its trigger when it has one (a long evidence
    span must not reach into a neighbouring sentence), else those its evidence overlaps."""
    for key in ("trigger", "evidence"):
        span = event.get(key)
        if isinstance(span, dict) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
            return sentences_of((span["start"], span["end"]), sentences)
    return set()


def gold_sentences(text: str, evidence: str, sentences: Sequence[tuple[int, int]]) -> set[int]:
    hit: set[int] = set()
    for span in find_all(text, evidence):
        hit |= sentences_of(span, sentences)
    return hit


def party_names(parties: list | None, entity_names: dict[str, str]) -> list[str]:
    """Names of predicted actors/recipients (their own name, and their entity's)."""
    names: list[str] = []
    for party in parties or []:
        if not isinstance(party, dict):
            continue
        for name in (party.get("name"), entity_names.get(party.get("entity") or "")):
            if name and name not in names:
                names.append(name)
    return names


def parties_right(parties: list | None, accepted: list[str], entity_names: dict[str, str]) -> bool:
    names = party_names(parties, entity_names)
    if not accepted:
        return not (parties or [])
    return any(name_matches(name, accepted) for name in names)


def _ref_name(ref, items: list[dict], key: str = "name") -> str | None:
    """Resolve an event's place/date object: inline value, or an id pointing into a list."""
    if not isinstance(ref, dict):
        return None
    if ref.get(key):
        return ref[key]
    for id_key in ("id", "place", "date", "ref"):
        target = ref.get(id_key)
        if isinstance(target, str):
            for item in items:
                if item.get("id") == target and item.get(key):
                    return item[key]
    return None


def place_right(gold_name: str, pred_ref, gold_places: list[dict], pred_places: list[dict]) -> bool:
    """The event's place matches the gold place name, or lies within 30 km of the gold place of
    that name (when the gold file lists it) in the same country."""
    from .places import place_matches

    if not isinstance(pred_ref, dict):
        return False
    if name_matches(_ref_name(pred_ref, pred_places), [gold_name]):
        return True
    point = pred_ref if pred_ref.get("lat") is not None else next(
        (p for p in pred_places if p.get("id") == pred_ref.get("id")), pred_ref)
    for gp in gold_places:
        if name_matches(gp["name"], [gold_name]) and place_matches({**gp, "kind": None}, point):
            return True
    return False


def date_right(gold_value: str, pred_value: str | None) -> bool:
    return bool(pred_value) and len(pred_value) >= len(gold_value) and pred_value.startswith(gold_value)


PAIR_BASE = 1000.0  # every allowed pair: a maximum matching first, then the best pairs


def pair_weights(gold: Gold, preds: list[dict], candidates: dict[int, list[int]],
                 entity_names: dict[str, str], text: str) -> dict[int, dict[int, float]]:
    """Weights of the allowed (gold, predicted) pairs: matching actor (8) and recipient (4) first,
    then the exact type over an alternative one (2), then evidence overlap (≤ 1), so that in a
    sentence with several events of one type each gold event gets the prediction about it."""
    from .match import token_overlap
    weights: dict[int, dict[int, float]] = {}
    for g, cands in candidates.items():
        ge = gold.events[g]
        row: dict[int, float] = {}
        for p in cands:
            pe = preds[p]
            w = PAIR_BASE
            if parties_right(pe.get("actor"), ge["source"], entity_names):
                w += 8
            if parties_right(pe.get("recipient"), ge["target"], entity_names):
                w += 4
            if pe.get("type") == ge["type"]:
                w += 2
            ev = (pe.get("evidence") or {}).get("text") or ""
            w += token_overlap(ev, ge["evidence"])
            row[p] = w
        weights[g] = row
    return weights


def score_events(gold: Gold, doc: dict, issues: list[Issue] | None = None,
                 sentences: Sequence[tuple[int, int]] | None = None) -> FieldScore:
    issues = issues if issues is not None else []
    text = doc.get("text") or ""
    sentences = list(sentences) if sentences is not None else split_sentences(text)
    preds = doc.get("events") or []
    entity_names = {e["id"]: e.get("name") for e in doc.get("entities") or [] if "id" in e}
    pred_sents = [event_sentences(e, sentences) for e in preds]
    score = FieldScore()
    prf = score.p("all")
    for name in ("type", "actor", "recipient", "actor_overall", "recipient_overall", "place", "date"):
        score.a(name)

    candidates: dict[int, list[int]] = {}
    localised: dict[int, list[int]] = {}
    for g, ge in enumerate(gold.events):
        sents = gold_sentences(text, ge["evidence"], sentences)
        if not sents:
            issues.append(Issue(gold.id, "events", "gold evidence not in text", ge["evidence"]))
        near = [p for p, ps in enumerate(pred_sents) if ps & sents]
        localised[g] = near
        exact = [p for p in near if preds[p].get("type") == ge["type"]]
        alt = [p for p in near if preds[p].get("type") in ge["alt_types"] and p not in exact]
        candidates[g] = exact + alt
    pairs = max_weight_matching(pair_weights(gold, preds, candidates, entity_names, text))

    for g, ge in enumerate(gold.events):
        prf.gold += 1
        if localised[g]:
            score.a("type").count(bool(candidates[g]))
        if g not in pairs:
            got = sorted({preds[p].get("type") for p in localised[g]})
            note = f"predicted in that sentence: {', '.join(got)}" if got else "no predicted event in that sentence"
            issues.append(Issue(gold.id, "events", f"miss ({ge['type']})", ge["evidence"], note))
            score.a("actor_overall").count(False)
            score.a("recipient_overall").count(False)
            continue
        prf.tp_gold += 1
        pe = preds[pairs[g]]
        for role, key in (("actor", "source"), ("recipient", "target")):
            ok = parties_right(pe.get(role), ge[key], entity_names)
            score.a(role).count(ok)
            score.a(f"{role}_overall").count(ok)
            if not ok:
                issues.append(Issue(gold.id, "events", f"wrong {role}", ge["evidence"],
                                    f"predicted {party_names(pe.get(role), entity_names)}, gold {ge[key]}"))
        if ge.get("place"):
            ok = place_right(ge["place"], pe.get("place"), gold.places, doc.get("places") or [])
            score.a("place").count(ok)
            if not ok:
                issues.append(Issue(gold.id, "events", "wrong place", ge["evidence"],
                                    f"predicted {_ref_name(pe.get('place'), doc.get('places') or [])!r}, gold {ge['place']!r}"))
        if ge.get("date"):
            score.a("date").count(date_right(str(ge["date"]), _ref_name(pe.get("date"), doc.get("dates") or [], "value")))

    matched = set(pairs.values())
    for p, pe in enumerate(preds):
        prf.pred += 1
        prf.tp_pred += p in matched
        if p not in matched:
            span = pe.get("evidence") or {}
            issues.append(Issue(gold.id, "events", f"false positive ({pe.get('type')})", span.get("text") or "",
                                f"actor {party_names(pe.get('actor'), entity_names)} "
                                f"recipient {party_names(pe.get('recipient'), entity_names)}"))
    return score
