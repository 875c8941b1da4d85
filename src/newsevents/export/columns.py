"""Flat tables (one row per item), shared by the CSV and Parquet exports: each column has a name, a
type (``string``, ``int``, ``float``, ``bool``) and a function of the item. docs/exports.md lists
them; a test checks the two agree.

Events carry their codes (CAMEO, QuadClass, Goldstein, ACLED), their casualties as numbers
(``fatalities`` is the killed count of the casualties linked to the event, left out those whose
modality is not asserted) and their actors as aligned lists: ``actors``, ``actor_sectors`` and
``actor_countries`` have one ``"; "``-separated slot per actor, empty when unknown, so the n-th
sector is the n-th actor's.
"""
from __future__ import annotations

import json
from typing import Callable, NamedTuple

from .source import EventRow, location_precision

SEP = "; "
COUNTED_MODALITIES = (None, "", "asserted")


class Column(NamedTuple):
    name: str
    type: str
    get: Callable
    doc: str = ""


def aligned(actors, key: str) -> str | None:
    slots = [a for a in actors or [] if isinstance(a, dict)]
    if not slots:
        return None
    return SEP.join("" if a.get(key) is None else str(a.get(key)) for a in slots)


def span(item: dict, key: str, part: str):
    value = item.get(key)
    return value.get(part) if isinstance(value, dict) else None


def reporter(value) -> str | None:
    if isinstance(value, dict):
        speaker = value.get("speaker")
        name = value.get("name") or (speaker.get("name") if isinstance(speaker, dict) else speaker)
        return name if isinstance(name, str) else None
    return value if isinstance(value, str) else None


def casualty_total(casualties: list[dict], kind: str) -> int:
    """People of ``kind`` in the asserted casualties (numbers only; 0 when none is given)."""
    return sum(c["count"] for c in casualties
               if c.get("kind") == kind and isinstance(c.get("count"), int) and not isinstance(c.get("count"), bool)
               and c.get("modality") in COUNTED_MODALITIES)


def _codes(row: EventRow) -> dict:
    codes = row.event.get("codes")
    return codes if isinstance(codes, dict) else {}


def _date(row: EventRow) -> dict:
    date = row.event.get("date")
    return date if isinstance(date, dict) else {}


def _magnitude(row: EventRow, part: str):
    magnitude = row.event.get("magnitude")
    return magnitude.get(part) if isinstance(magnitude, dict) else None


def _article(part: str) -> Callable:
    return lambda item: ((item.event if isinstance(item, EventRow) else item).get("article") or {}).get(part)


def _context(row: EventRow) -> str | None:
    context = row.event.get("context")
    return SEP.join(context) if isinstance(context, list) and context else None


ARTICLE_REF = [Column("article_id", "string", _article("id")), Column("article_title", "string", _article("title")),
               Column("published", "string", _article("published")), Column("outlet", "string", _article("outlet")),
               Column("url", "string", _article("url"))]

EVENTS = [
    Column("key", "string", lambda r: r.key, "ARTICLE_ID/evtN, unique in the store"),
    Column("event_id", "string", lambda r: r.event["id"], "evtN within the article"),
    Column("type", "string", lambda r: r.event.get("type"), "PLOVER event type"),
    Column("mode", "string", lambda r: r.event.get("mode"), "PLOVER mode"),
    Column("context", "string", _context, "PLOVER contexts, '; '-separated"),
    Column("cameo", "string", lambda r: _codes(r).get("cameo"), "CAMEO root code (a string: '04', not 4)"),
    Column("quad_class", "int", lambda r: _codes(r).get("quad_class"), "1 verbal / 2 material cooperation, 3 verbal / 4 material conflict"),
    Column("goldstein", "float", lambda r: _codes(r).get("goldstein"), "conflict-cooperation score, -10 to +10"),
    Column("acled_event_type", "string", lambda r: _codes(r).get("acled_event_type"), "ACLED event type"),
    Column("acled_sub_event_type", "string", lambda r: _codes(r).get("acled_sub_event_type"), "ACLED sub-event type"),
    Column("negated", "bool", lambda r: bool(r.event.get("negated")), "the text says it did not happen"),
    Column("modality", "string", lambda r: r.event.get("modality"), "asserted, future, intent, hypothetical …"),
    Column("disputed", "bool", lambda r: bool((r.event.get("resolved") or {}).get("disputed")), "its facts are contested"),
    Column("date", "string", lambda r: _date(r).get("value"), "the event's date as written (ISO, any precision)"),
    Column("date_precision", "string", lambda r: _date(r).get("precision"), "day, week, month, year …"),
    Column("date_start", "string", lambda r: (r.event.get("resolved") or {}).get("date_start"), "first day it covers (else the publication day)"),
    Column("date_end", "string", lambda r: (r.event.get("resolved") or {}).get("date_end"), "last day it covers"),
    Column("place", "string", lambda r: r.place.get("name"), "place name as the article spells it"),
    Column("place_country", "string", lambda r: r.place.get("country"), "ISO alpha-2 of the place"),
    Column("admin1", "string", lambda r: r.place.get("admin1"), "first-level division of the place"),
    Column("geonameid", "int", lambda r: r.place.get("geonameid"), "GeoNames id of the place"),
    Column("lat", "float", lambda r: r.place.get("lat"), "WGS84 latitude"),
    Column("lon", "float", lambda r: r.place.get("lon"), "WGS84 longitude"),
    Column("geo_precision", "int", lambda r: location_precision(r.place), "1 town, 2 near a town / part of a region, 3 province or larger"),
    Column("actors", "string", lambda r: aligned(r.event.get("actor"), "name"), "actor names, '; '-separated"),
    Column("actor_sectors", "string", lambda r: aligned(r.event.get("actor"), "sector"), "their PLOVER sectors, aligned"),
    Column("actor_countries", "string", lambda r: aligned(r.event.get("actor"), "country"), "their ISO alpha-3 countries, aligned"),
    Column("recipients", "string", lambda r: aligned(r.event.get("recipient"), "name"), "recipient names, '; '-separated"),
    Column("recipient_sectors", "string", lambda r: aligned(r.event.get("recipient"), "sector"), "their sectors, aligned"),
    Column("recipient_countries", "string", lambda r: aligned(r.event.get("recipient"), "country"), "their countries, aligned"),
    Column("fatalities", "int", lambda r: casualty_total(r.casualties, "killed"), "people killed (asserted casualties)"),
    Column("injured", "int", lambda r: casualty_total(r.casualties, "injured"), "people injured"),
    Column("arrested", "int", lambda r: casualty_total(r.casualties, "arrested"), "people arrested"),
    Column("missing", "int", lambda r: casualty_total(r.casualties, "missing"), "people missing"),
    Column("magnitude_count", "int", lambda r: _magnitude(r, "count"), "size: how many (\"six police officers\")"),
    Column("magnitude_unit", "string", lambda r: _magnitude(r, "unit"), "size: of what"),
    Column("reported_by", "string", lambda r: reporter(r.event.get("reported_by")), "who says so"),
    Column("trigger", "string", lambda r: span(r.event, "trigger", "text"), "the word that signals it"),
    Column("evidence", "string", lambda r: span(r.event, "evidence", "text"), "the clause that reports it"),
    Column("evidence_start", "int", lambda r: span(r.event, "evidence", "start"), "its offset in the article text"),
    Column("evidence_end", "int", lambda r: span(r.event, "evidence", "end"), "its end offset"),
    Column("story_event", "string", lambda r: r.event.get("story_event"), "its story event (STORY/seN; empty before stories are built)"),
    Column("story", "string", lambda r: (r.event.get("story_event") or "").rpartition("/")[0] or None, "its story (st-…)"),
    *ARTICLE_REF,
]

ARTICLES = [
    Column("article_id", "string", lambda a: a["id"]), Column("title", "string", lambda a: a.get("title")),
    Column("published", "string", lambda a: a.get("published")), Column("outlet", "string", lambda a: a.get("outlet")),
    Column("url", "string", lambda a: a.get("url")), Column("author", "string", lambda a: a.get("author")),
    Column("language", "string", lambda a: a.get("language")), Column("text_sha256", "string", lambda a: a.get("text_sha256")),
    Column("ingested_at", "string", lambda a: a.get("ingested_at")),
    Column("characters", "int", lambda a: a.get("n_characters")),
    Column("entities", "int", lambda a: a.get("n_entities")), Column("events", "int", lambda a: a.get("n_events")),
    Column("quotes", "int", lambda a: a.get("n_quotes")), Column("places", "int", lambda a: a.get("n_places")),
    Column("casualties", "int", lambda a: a.get("n_casualties")), Column("warnings", "int", lambda a: a.get("n_warnings")),
]


def _speaker(part: str) -> Callable:
    return lambda q: (q.get("speaker") if isinstance(q.get("speaker"), dict) else {}).get(part)


QUOTES = [
    Column("key", "string", lambda q: q.get("key")), Column("quote_id", "string", lambda q: q["id"]),
    Column("kind", "string", lambda q: q.get("kind")), Column("speaker", "string", _speaker("name")),
    Column("speaker_role", "string", _speaker("role")), Column("speaker_kind", "string", _speaker("kind")),
    Column("speaker_country", "string", _speaker("country")), Column("speaker_entity", "string", _speaker("entity")),
    Column("anonymous", "bool", lambda q: bool(_speaker("anonymous")(q))),
    Column("text", "string", lambda q: q.get("text")), Column("start", "int", lambda q: q.get("start")),
    Column("end", "int", lambda q: q.get("end")), Column("cue", "string", lambda q: span(q, "cue", "text")),
    Column("via", "string", lambda q: SEP.join(v.get("name") or "" for v in q.get("via") or []) or None),
    Column("medium", "string", lambda q: q.get("medium")), Column("attribution", "string", lambda q: q.get("attribution")),
    *ARTICLE_REF,
]

PLACES = [
    Column("key", "string", lambda p: p.get("key")), Column("place_id", "string", lambda p: p["id"]),
    Column("name", "string", lambda p: p.get("name")), Column("geonameid", "int", lambda p: p.get("geonameid")),
    Column("lat", "float", lambda p: p.get("lat")), Column("lon", "float", lambda p: p.get("lon")),
    Column("country", "string", lambda p: p.get("country")), Column("admin1", "string", lambda p: p.get("admin1")),
    Column("feature", "string", lambda p: p.get("feature")), Column("score", "float", lambda p: p.get("score")),
    Column("geo_precision", "int", lambda p: location_precision(p)),
    Column("mentions", "int", lambda p: len(p.get("mentions") or []) or 1),
    *ARTICLE_REF,
]

CASUALTIES = [
    Column("key", "string", lambda c: c.get("key")), Column("casualty_id", "string", lambda c: c["id"]),
    Column("event_key", "string", lambda c: f"{_article('id')(c)}/{c['event']}" if c.get("event") else None),
    Column("kind", "string", lambda c: c.get("kind")), Column("count", "int", lambda c: c.get("count")),
    Column("approximate", "bool", lambda c: bool(c.get("approximate"))), Column("who", "string", lambda c: c.get("who")),
    Column("sector", "string", lambda c: c.get("sector")), Column("country", "string", lambda c: c.get("country")),
    Column("modality", "string", lambda c: c.get("modality") or "asserted"),
    Column("euphemism", "string", lambda c: c.get("euphemism")),
    Column("evidence", "string", lambda c: span(c, "evidence", "text")),
    *ARTICLE_REF,
]

ENTITIES = [
    Column("key", "string", lambda n: n.get("key")), Column("entity_id", "string", lambda n: n["id"]),
    Column("name", "string", lambda n: n.get("name")), Column("label", "string", lambda n: n.get("label")),
    Column("mentions", "int", lambda n: len(n.get("mentions") or [])),
    *ARTICLE_REF,
]

# The story tables (docs/stories.md), in the Parquet bundle: one row per story, one per story event.
STORIES = [
    Column("story", "string", lambda s: s["id"]), Column("title", "string", lambda s: s.get("title")),
    Column("first_report", "string", lambda s: s.get("first_report")),
    Column("last_report", "string", lambda s: s.get("last_report")),
    Column("articles", "int", lambda s: s.get("n_articles")), Column("sources", "int", lambda s: s.get("n_sources")),
    Column("story_events", "int", lambda s: s.get("n_events")), Column("mentions", "int", lambda s: s.get("n_mentions")),
    Column("disputed", "bool", lambda s: bool(s.get("disputed"))),
    Column("disputed_facts", "string", lambda s: SEP.join(sorted({d["fact"] for d in s.get("disputes") or []})) or None),
    Column("type", "string", lambda s: s.get("type")), Column("country", "string", lambda s: s.get("country")),
    Column("outlets", "string", lambda s: SEP.join(s.get("outlets") or []) or None),
]

STORY_EVENTS = [
    Column("story_event", "string", lambda e: e["id"]), Column("story", "string", lambda e: e.get("story")),
    Column("type", "string", lambda e: e.get("type")), Column("mode", "string", lambda e: e.get("mode")),
    Column("first_report", "string", lambda e: e.get("first_report")),
    Column("mentions", "int", lambda e: e.get("n_mentions")), Column("articles", "int", lambda e: e.get("n_articles")),
    Column("sources", "int", lambda e: e.get("n_sources")),
    Column("disputed", "bool", lambda e: bool(e.get("disputed"))),
    Column("disputed_facts", "string", lambda e: SEP.join(e.get("disputed") or []) or None),
    Column("first_mention", "string", lambda e: next((f"{m['article']}/{m['event']}" for m in e.get("mentions") or []), None)),
]

TABLES: dict[str, list[Column]] = {"events": EVENTS, "articles": ARTICLES, "quotes": QUOTES, "places": PLACES,
                                   "casualties": CASUALTIES, "entities": ENTITIES}


def typed(column: Column, item):
    """The column's value with its declared type (None stays None)."""
    value = column.get(item)
    if value is None:
        return None
    if column.type == "int":
        return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if column.type == "float":
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if column.type == "bool":
        return bool(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
