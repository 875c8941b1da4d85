"""A story's summary: its reports as a timeline, its outlets and counts, its story events and what
the reports dispute. Built from the members' stored features alone (no document is read)."""
from __future__ import annotations

from collections import Counter

from .disputes import story_facts
from .events import build as build_events


def _report(article_id: str, row: dict) -> dict:
    meta = row["features"].get("article") or {}
    return {"article": article_id, "title": meta.get("title"), "headline": meta.get("headline"),
            "published": meta.get("published"), "outlet": meta.get("outlet"), "url": meta.get("url"),
            "source": row["source"], "copy_of": row.get("copy_of"), "features": row["features"],
            "canon": row["canon"]}


def summarise(story_id: str, members: dict[str, dict]) -> tuple[dict, list[dict]]:
    """``members``: ``{article_id: {canon, source, copy_of, features}}`` → (story, story events)."""
    reports = sorted((_report(a, row) for a, row in members.items()), key=lambda r: (r["canon"], r["article"]))
    by_id = {r["article"]: r for r in reports}
    for r in reports:  # a copy counts for its original's outlet
        if r["copy_of"] in by_id:
            r["source"] = by_id[r["copy_of"]]["source"]
    originals = [r for r in reports if not r["copy_of"]]
    events = build_events(story_id, originals + [r for r in reports if r["copy_of"]])
    facts, disputed = story_facts(reports)
    published = sorted(r["published"] for r in reports if r.get("published"))
    types = Counter()
    countries = Counter()
    for e in events:
        types[e["type"]] += e["n_articles"]
        for m in e["facts"].get("place") or []:
            if m["value"].get("country"):
                countries[m["value"]["country"]] += len(m["reports"])
    disputes = [{"fact": name, "event": None} for name in disputed]
    disputes += [{"fact": name, "event": e["id"]} for e in events for name in e["disputed"]]
    timeline = []
    for r in originals:
        via = [{"article": c["article"], "name": c.get("outlet") or c["source"], "url": c.get("url"),
                "published": c.get("published"), "kind": "republished"} for c in reports if c["copy_of"] == r["article"]]
        timeline.append({k: r[k] for k in ("article", "title", "headline", "published", "outlet", "url", "source")}
                        | {"via": via})
    first = originals[0] if originals else reports[0]
    story = {
        "id": story_id, "title": first.get("title") or first.get("headline"),
        "first_report": published[0] if published else None, "last_report": published[-1] if published else None,
        "n_articles": len(reports), "n_sources": len({r["source"] for r in reports}),
        "n_events": len(events), "n_mentions": sum(e["n_mentions"] for e in events),
        "type": min(types, key=lambda t: (-types[t], t)) if types else None,
        "country": min(countries, key=lambda c: (-countries[c], c)) if countries else None,
        "outlets": sorted({r["outlet"] for r in reports if r.get("outlet")}),
        "disputed": bool(disputes), "disputes": disputes, "facts": facts,
        "reports": timeline,
    }
    return story, events
