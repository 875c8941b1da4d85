"""Stories: one real-world event across many articles, with its sources and its disputed facts.

The stage after resolution and before the exports: :func:`update` groups stored articles into
stories (``newsevents ingest`` calls it as it stores; ``newsevents stories build`` for a store
filled another way), :func:`annotate` adds ``story`` and ``story_event`` to a document read from
the store. The rules and their thresholds: docs/stories.md.
"""
from __future__ import annotations

from .build import StoriesSummary, forget, update

__all__ = ["StoriesSummary", "annotate", "forget", "update"]


def annotate(store, doc: dict) -> dict:
    """``doc`` (a newsevents/1 document read from ``store``) with ``story`` ({id, title, n_articles,
    n_sources, first_report, copy_of}) and each event's ``story_event`` (its story event id); an
    article not grouped yet comes back unchanged."""
    story_of = getattr(store, "story_of", None)
    if story_of is None:
        return doc
    article_id = doc["article"]["id"]
    story = story_of(article_id)
    if story is None:
        return doc
    links = store.story_events_of(article_id)
    events = [{**e, "story_event": links.get(e.get("id"))} for e in doc.get("events") or []]
    return {**doc, "events": events, "story": story}
