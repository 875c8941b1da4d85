"""Disputed facts: what the reports of one story event (or one story) disagree on.

For every fact — casualty counts by kind (``killed``, ``injured``, ``arrested``, ``missing``), the
place, the date, the actors' sectors — each report's value is kept with who reported it: the
article, its outlet and publication time, the quoted speaker when the figure sits in a quote, and
the evidence span. A fact is *disputed* when the reports give two or more different values:

- counts: different numbers (a report without a number for that kind does not dispute one);
- place: two different places at the same level (two cities, two countries); one naming a city and
  the other only its province or country is not a dispute;
- date: two different days;
- actors: reports that name actors whose sectors do not overlap (police vs rebels).

Values are listed in the order of their first report.
"""
from __future__ import annotations

COUNT_KINDS = ("killed", "injured", "arrested", "missing")


def _who(report: dict, speaker: str | None, evidence: dict | None) -> dict:
    return {"article": report["article"], "outlet": report.get("outlet"), "source": report.get("source"),
            "published": report.get("published"), "speaker": speaker, "evidence": evidence}


def _collect(values: list[tuple[object, dict]]) -> list[dict]:
    """[(value, who)] → [{value, reports: [who…]}] in order of first report."""
    out: list[dict] = []
    for value, who in values:
        for entry in out:
            if entry["value"] == value:
                if all(w["article"] != who["article"] for w in entry["reports"]):
                    entry["reports"].append(who)
                break
        else:
            out.append({"value": value, "reports": [who]})
    return out


def _counts(items: list[tuple[dict, list[dict]]]) -> dict[str, list[dict]]:
    """Per kind, each article's figure (its largest, when it gives several)."""
    facts = {}
    for kind in COUNT_KINDS:
        per_article: dict[str, tuple[int, dict]] = {}
        for report, casualties in items:
            for cas in casualties:
                if cas["kind"] != kind:
                    continue
                best = per_article.get(report["article"])
                if best is None or cas["count"] > best[0]:
                    per_article[report["article"]] = (cas["count"], _who(report, cas.get("speaker"), cas.get("evidence")))
        if per_article:
            facts[kind] = _collect(list(per_article.values()))
    return facts


def _place_value(place: dict | None):
    if not place:
        return None
    level = place.get("feature") or "place"
    return (level, place.get("geonameid") or (place.get("name") or "").lower(), place.get("name"), place.get("country"))


def event_facts(group: list[tuple[dict, dict]]) -> tuple[dict, list[str]]:
    """The facts of one story event (its mentions as (report, mention) pairs) and what is disputed."""
    facts = _counts([(r, m.get("casualties") or []) for r, m in group])
    places = [(v, _who(r, m.get("reported_by"), m.get("evidence"))) for r, m in group if (v := _place_value(m.get("place")))]
    if places:
        facts["place"] = [{**e, "value": {"name": e["value"][2], "country": e["value"][3], "level": e["value"][0]}}
                          for e in _collect(places)]
    dates = [((m.get("date") or {}).get("value"), _who(r, m.get("reported_by"), m.get("evidence")))
             for r, m in group if (m.get("date") or {}).get("precision") in ("day", "time")]
    if dates:
        facts["date"] = _collect([(v[:10], w) for v, w in dates if isinstance(v, str)])
    sectors = []
    for r, m in group:
        found = sorted({a["sector"] for a in m.get("actor") or [] if a.get("sector")})
        if found:
            sectors.append((tuple(found), _who(r, m.get("reported_by"), m.get("evidence"))))
    if sectors:
        facts["actor"] = [{**e, "value": list(e["value"])} for e in _collect(sectors)]
    return facts, disputed_of(facts)


def disputed_of(facts: dict) -> list[str]:
    out = []
    for name, values in facts.items():
        if name in COUNT_KINDS or name == "date":
            if len(values) > 1:
                out.append(name)
        elif name == "place":
            levels = [v["value"]["level"] for v in values]
            if len(levels) > len(set(levels)):
                out.append(name)
        elif name == "actor":
            sets = [set(v["value"]) for v in values]
            if any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1:]):
                out.append(name)
    return out


def story_facts(reports: list[dict]) -> tuple[dict, list[str]]:
    """The casualty figures of the story: each report's largest asserted figure per kind, whatever
    event it gives it for (the toll of the incident the story is about)."""
    facts = _counts([(r, r["features"].get("casualties") or []) for r in reports])
    return facts, disputed_of(facts)
