"""Story events: the event mentions of one story's articles that tell of the same incident, merged.

Mentions are taken in canonical order (article by publication time then text hash, then text
order); each joins the first story event whose first mention it is *related* to and none of whose
mentions it *conflicts* with, else starts one. Related means: the same PLOVER type, neither
negated, and

- the same trigger stem ("killed" / "kills"), or the same mode with a shared actor or recipient.
  A shooting and the killing it caused stay two story events, as ECB+ annotates them (giving them
  one story event because both carry a toll lowers merge precision there from 0.90 to 0.83); the
  story's casualty figures, whatever event carries them, are compared in :mod:`.disputes`.

Conflicting: places in different countries, or explicit dates more than ``DATE_APART`` days apart.

That rule is a function of the story's mentions alone, so the story events are the same whatever
order the articles came in. Counts follow GDELT: ``n_mentions`` every mention, ``n_articles``
distinct articles, ``n_sources`` distinct outlets (a copy counts for its original's outlet), and
``first_report`` the earliest publication time. Facts the reports disagree on are in
:mod:`.disputes`.
"""
from __future__ import annotations

import datetime as dt

from .disputes import event_facts

DATE_APART = 7


def _day(value: str | None) -> int | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _actor_keys(m: dict) -> set[str]:
    return {a["key"] for a in (m.get("actor") or []) + (m.get("recipient") or []) if a.get("key")}


def related(a: dict, b: dict) -> bool:
    """Whether two mentions tell of the same incident (see the module docstring)."""
    if a["type"] != b["type"] or a.get("negated") or b.get("negated"):
        return False
    same_trigger = bool(a.get("trigger")) and a.get("trigger") == b.get("trigger")
    same_mode = bool(a.get("mode")) and a.get("mode") == b.get("mode") and bool(_actor_keys(a) & _actor_keys(b))
    return (same_trigger or same_mode) and not conflict(a, b)


def conflict(a: dict, b: dict) -> bool:
    """Places in different countries, or explicit dates more than ``DATE_APART`` days apart."""
    pa, pb = a.get("place") or {}, b.get("place") or {}
    if pa.get("country") and pb.get("country") and pa["country"] != pb["country"]:
        return True
    da, db = _day((a.get("date") or {}).get("value")), _day((b.get("date") or {}).get("value"))
    return da is not None and db is not None and abs(da - db) > DATE_APART


def build(story_id: str, reports: list[dict]) -> list[dict]:
    """The story events of a story. ``reports``: its articles in canonical order, each
    ``{"article", "published", "source", "outlet", "features"}``."""
    groups: list[list[tuple[dict, dict]]] = []  # [(report, mention)]
    for report in reports:
        for mention in report["features"].get("mentions") or []:
            for group in groups:
                if related(group[0][1], mention) and not any(conflict(m, mention) for _, m in group[1:]):
                    group.append((report, mention))
                    break
            else:
                groups.append([(report, mention)])
    out = []
    for n, group in enumerate(groups, 1):
        modes = [m.get("mode") for _, m in group if m.get("mode")]
        published = sorted(r["published"] for r, _ in group if r.get("published"))
        facts, disputed = event_facts(group)
        out.append({
            "id": f"{story_id}/se{n}", "story": story_id, "type": group[0][1]["type"],
            "mode": max(set(modes), key=lambda x: (modes.count(x), x)) if modes else None,
            "first_report": published[0] if published else None,
            "n_mentions": len(group), "n_articles": len({r["article"] for r, _ in group}),
            "n_sources": len({r["source"] for r, _ in group}),
            "disputed": disputed, "facts": facts,
            "mentions": [{"article": r["article"], "event": m["id"], "outlet": r.get("outlet"),
                          "published": r.get("published"), "trigger": m.get("span"), "evidence": m.get("evidence"),
                          "reported_by": m.get("reported_by")} for r, m in group],
        })
    return out
