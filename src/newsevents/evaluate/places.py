"""Place scoring: recall, precision, F1 and country accuracy.

* A predicted place *matches* a gold place when it has coordinates within 30 km of the gold point
  and the same country (ISO alpha-2, case-insensitive). A gold place of kind ``country`` is also
  matched by a predicted place of feature ``country`` with that country code: country centroids
  differ between gazetteers by far more than 30 km.
* Recall: gold places matched by some prediction. Precision: predictions that match some gold
  place (several mentions resolving to one gold place all count as right).
* ``country``: of the gold places the system resolved *by name* (a predicted place whose name or
  one of whose mention texts equals the gold name, case-insensitively), the share placed in the
  gold country. This isolates disambiguation errors (Mitrovica, Kosovo vs Sremska Mitrovica, Serbia).
"""
from __future__ import annotations

from .gold import Gold
from .match import haversine_km, normalise_name
from .scores import FieldScore, Issue

MAX_KM = 30.0


def place_matches(gold_place: dict, pred: dict, max_km: float = MAX_KM) -> bool:
    country = (pred.get("country") or "").upper()
    if country != gold_place["country"]:
        return False
    if gold_place.get("kind") == "country" and pred.get("feature") == "country":
        return True
    lat, lon = pred.get("lat"), pred.get("lon")
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
        return False
    return haversine_km(gold_place["lat"], gold_place["lon"], lat, lon) <= max_km


def _names(pred: dict) -> set[str]:
    names = {normalise_name(pred.get("name"))}
    names |= {normalise_name(m.get("text")) for m in pred.get("mentions") or [] if isinstance(m, dict)}
    ev = pred.get("evidence")
    if isinstance(ev, dict):
        names.add(normalise_name(ev.get("text")))
    return names - {""}


def score_places(gold: Gold, doc: dict, issues: list[Issue] | None = None) -> FieldScore:
    issues = issues if issues is not None else []
    score = FieldScore()
    prf = score.p("all")
    score.a("country")
    # the gold lists the places where things are: no associative place, no state named only to qualify a town
    preds = [p for p in doc.get("places") or [] if p.get("role") != "associative" and not p.get("qualifies")]
    prf.gold, prf.pred = len(gold.places), len(preds)
    for gp in gold.places:
        if any(place_matches(gp, pp) for pp in preds):
            prf.tp_gold += 1
        else:
            issues.append(Issue(gold.id, "places", "miss", gp["name"], f"{gp['country']} {gp['lat']},{gp['lon']}"))
        named = [pp for pp in preds if normalise_name(gp["name"]) in _names(pp)]
        if named:
            ok = any((pp.get("country") or "").upper() == gp["country"] for pp in named)
            score.a("country").count(ok)
            if not ok:
                issues.append(Issue(gold.id, "places", "wrong country", gp["name"],
                                    f"predicted {[pp.get('country') for pp in named]}, gold {gp['country']}"))
    for pp in preds:
        if any(place_matches(gp, pp) for gp in gold.places):
            prf.tp_pred += 1
        else:
            issues.append(Issue(gold.id, "places", "false positive", pp.get("name") or "",
                                f"{pp.get('country')} {pp.get('lat')},{pp.get('lon')}"))
    return score
