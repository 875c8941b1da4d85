"""CSV: flat rows, one per event (default), article, quote, place, casualty or entity.

Lists (actors, sectors …) are joined with ``"; "``. Text cells that a spreadsheet would run as a
formula (starting with = + - @) are prefixed with an apostrophe.
"""
from __future__ import annotations

import csv
import json
from typing import Callable, TextIO

from ..store.base import EventFilter, Store
from . import exporter, iter_items

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _join(values) -> str:
    return "; ".join(str(v) for v in values if v not in (None, ""))


def _actors(event: dict, role: str, key: str) -> str:
    return _join(a.get(key) for a in event.get(role) or [] if isinstance(a, dict))


def _span(item: dict, key: str, part: str):
    span = item.get(key)
    return span.get(part) if isinstance(span, dict) else None


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _reporter(value) -> str | None:
    if isinstance(value, dict):
        speaker = value.get("speaker")
        return value.get("name") or (speaker.get("name") if isinstance(speaker, dict) else speaker)
    return value


def _article_columns(item: dict) -> dict:
    article = item.get("article") or {}
    return {"article_id": article.get("id"), "article_title": article.get("title"),
            "published": article.get("published"), "outlet": article.get("outlet"), "url": article.get("url")}


def event_row(event: dict) -> dict:
    resolved = event.get("resolved") or {}
    date = event.get("date") if isinstance(event.get("date"), dict) else {}
    return {
        "key": event.get("key"), "event_id": event["id"], "type": event.get("type"), "mode": event.get("mode"),
        "negated": event.get("negated"), "modality": event.get("modality"), "disputed": resolved.get("disputed"),
        "date": date.get("value"), "date_precision": date.get("precision"),
        "date_start": resolved.get("date_start"), "date_end": resolved.get("date_end"),
        "place": resolved.get("place"), "place_country": resolved.get("country"),
        "lat": resolved.get("lat"), "lon": resolved.get("lon"),
        "actors": _actors(event, "actor", "name"), "actor_sectors": _actors(event, "actor", "sector"),
        "actor_countries": _actors(event, "actor", "country"),
        "recipients": _actors(event, "recipient", "name"), "recipient_sectors": _actors(event, "recipient", "sector"),
        "recipient_countries": _actors(event, "recipient", "country"),
        "reported_by": _reporter(event.get("reported_by")), "magnitude": _json(event.get("magnitude")),
        "trigger": _span(event, "trigger", "text"), "evidence": _span(event, "evidence", "text"),
        "evidence_start": _span(event, "evidence", "start"), "evidence_end": _span(event, "evidence", "end"),
        **_article_columns(event),
    }


def article_row(doc: dict) -> dict:
    meta = doc["article"]
    return {"article_id": meta["id"], "title": meta.get("title"), "published": meta.get("published"),
            "outlet": meta.get("outlet"), "url": meta.get("url"), "author": meta.get("author"),
            "via": _join(v.get("url") or v.get("name") for v in meta.get("via") or []),
            "language": meta.get("language"), "text_sha256": meta.get("text_sha256"),
            "entities": len(doc["entities"]), "events": len(doc["events"]), "quotes": len(doc["quotes"]),
            "places": len(doc["places"]), "casualties": len(doc["casualties"]), "warnings": len(doc["warnings"]),
            "characters": len(doc["text"])}


def quote_row(quote: dict) -> dict:
    speaker = quote.get("speaker") if isinstance(quote.get("speaker"), dict) else {}
    return {"key": quote.get("key"), "quote_id": quote["id"], "kind": quote.get("kind"),
            "speaker": speaker.get("name"), "speaker_role": speaker.get("role"), "speaker_entity": speaker.get("entity"),
            "text": quote.get("text"), "start": quote.get("start"), "end": quote.get("end"),
            "cue": _span(quote, "cue", "text"), "via": _join(v.get("name") for v in quote.get("via") or []),
            **_article_columns(quote)}


def place_row(place: dict) -> dict:
    return {"key": place.get("key"), "place_id": place["id"], "name": place.get("name"),
            "geonameid": place.get("geonameid"), "lat": place.get("lat"), "lon": place.get("lon"),
            "country": place.get("country"), "admin1": place.get("admin1"), "feature": place.get("feature"),
            "mentions": len(place.get("mentions") or []) or 1, **_article_columns(place)}


def casualty_row(casualty: dict) -> dict:
    return {"key": casualty.get("key"), "casualty_id": casualty["id"], "kind": casualty.get("kind"),
            "count": casualty.get("count"), "approximate": casualty.get("approximate"), "who": casualty.get("who"),
            "event": casualty.get("event"), "evidence": _span(casualty, "evidence", "text"),
            **_article_columns(casualty)}


def entity_row(entity: dict) -> dict:
    return {"key": entity.get("key"), "entity_id": entity["id"], "name": entity.get("name"),
            "label": entity.get("label"), "mentions": len(entity.get("mentions") or []), **_article_columns(entity)}


ROWS: dict[str, Callable[[dict], dict]] = {"events": event_row, "articles": article_row, "quotes": quote_row,
                                           "places": place_row, "casualties": casualty_row, "entities": entity_row}


def _safe(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


@exporter("csv", default_what="events")
def write_csv(store: Store, out: TextIO, what: str, flt: EventFilter) -> int:
    to_row = ROWS[what]
    writer = None
    count = 0
    for item in iter_items(store, what, flt):
        row = to_row(item)
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow({key: _safe(value) for key, value in row.items()})
        count += 1
    if writer is None:  # no rows: still write the header
        csv.DictWriter(out, fieldnames=list(to_row(_EMPTY[what])), lineterminator="\n").writeheader()
    return count


_EMPTY = {
    "events": {"id": ""}, "quotes": {"id": ""}, "places": {"id": ""}, "casualties": {"id": ""}, "entities": {"id": ""},
    "articles": {"article": {"id": ""}, "text": "", "entities": [], "events": [], "quotes": [], "places": [],
                 "casualties": [], "warnings": []},
}
