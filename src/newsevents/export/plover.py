"""PLOVER: one JSON record per line, with the fields of the PLOVER manual's "Data Fields" chapter
(``schema/plover-record.json`` is that chapter as a JSON Schema). docs/exports.md gives the mapping.

Required fields are always there (``id``, ``date``, ``actor``, ``event``); optional ones only when
known. Actors' ``code`` is their country as PLOVER spells it (ISO alpha-3, ``KOS`` for Kosovo) or
a non-state code (IGO, UNO, EUR, NGO …). Negated events are left out (PLOVER codes what happened).
"""
from __future__ import annotations

import json
from typing import Iterator

from .. import __version__
from ..filters import Selection
from ..store.base import Store
from . import Tally, codes, exporter
from .columns import casualty_total, span
from .source import EventRow, event_rows

CODEBOOK = "plover-base-1.0"
RESOLUTION = {"country": 1, "admin1": 2, "admin2": 3, "region": 3, "city": 4}
FEATURES = {"country": ("A", "PCLI"), "admin1": ("A", "ADM1"), "admin2": ("A", "ADM2"), "city": ("P", "PPL")}


def _clean(obj: dict) -> dict:
    return {k: v for k, v in obj.items() if v not in (None, "", [], {})}


def entity(actor: dict) -> dict:
    country = actor.get("country") if isinstance(actor.get("country"), str) else None
    code = "KOS" if country == "XKX" else country
    return _clean({"code": code if code and len(code) == 3 and code.isalpha() else None,
                   "sector": actor.get("sector") if isinstance(actor.get("sector"), str) and len(actor["sector"]) == 3 else None,
                   "entity_text": actor.get("name"), "identifier_text": actor.get("name") if actor.get("entity") else None,
                   "office": actor.get("role") if isinstance(actor.get("role"), str) else None})


def location(place: dict) -> dict | None:
    if not place.get("name") and place.get("lat") is None:
        return None
    feature = (place.get("feature") or "").lower()
    country = place.get("country")
    cls, code = FEATURES.get(feature, (None, None))
    alpha3 = codes.alpha3(country)
    lat, lon = place.get("lat"), place.get("lon")
    return _clean({"extracted_place": place.get("name"), "resolved_place": place.get("name"),
                   "geonameid": place.get("geonameid") if isinstance(place.get("geonameid"), int) else None,
                   "lat": float(lat) if isinstance(lat, (int, float)) else None,
                   "lon": float(lon) if isinstance(lon, (int, float)) else None,
                   "city": place.get("name") if feature == "city" else None, "province": place.get("admin1"),
                   "country": codes.name(country), "country_code": "KOS" if alpha3 == "XKX" else alpha3,
                   "feature_class": cls, "feature_code": code, "resolution": RESOLUTION.get(feature)})


def record(row: EventRow) -> dict | None:
    event = row.event
    resolved = event.get("resolved") or {}
    if not resolved.get("date_start"):
        return None
    codes_ = event.get("codes") if isinstance(event.get("codes"), dict) else {}
    article = event.get("article") or {}
    size = _clean({kind: casualty_total(row.casualties, source) or None
                   for kind, source in (("dead", "killed"), ("injured", "injured"), ("arrested", "arrested"))})
    ingested = row.article.get("ingested_at") or ""
    start, end = span(event, "evidence", "start"), span(event, "evidence", "end")
    required = {"id": row.key, "date": resolved["date_start"],
                "actor": [entity(a) for a in event.get("actor") or [] if isinstance(a, dict)], "event": [event["type"]]}
    return {**required, **_clean({
        "has_event": True,
        "enddate": resolved.get("date_end") if resolved.get("date_end") != resolved["date_start"] else None,
        "recipient": [entity(a) for a in event.get("recipient") or [] if isinstance(a, dict)],
        "event_loc": location(row.place),
        "event_text": [span(event, "evidence", "text")] if span(event, "evidence", "text") else None,
        "quad_code": codes_.get("quad_class"), "event_scale": codes_.get("goldstein"),
        "mode": [event["mode"]] if event.get("mode") else None,
        "context": [c for c in event.get("context") or [] if isinstance(c, str)],
        "text_info": _clean({"start": start, "end": end}),
        "cite_info": _clean({"corpus": "newsevents", "citation": article.get("id"), "url": article.get("url"),
                             "title": article.get("title"), "language": row.article.get("language"),
                             "publication": article.get("outlet"), "coder": f"newsevents {__version__}",
                             "codebook": CODEBOOK}),
        "coder": f"newsevents {__version__}", "coded_date": ingested[:10] or None,
        "coded_time": ingested[11:] or None, "size": size,
    })}


@exporter("plover", tables=("events",), default="events", media_type="application/x-ndjson; charset=utf-8",
          extension="plover.jsonl", description="PLOVER JSONL records (the manual's Data Fields)")
def write_plover(store: Store, selection: Selection, tally: Tally) -> Iterator[str]:
    lines: list[str] = []
    for row in event_rows(store, selection):
        if row.event.get("negated"):
            tally.skip("negated events")
            continue
        item = record(row)
        if item is None:
            tally.skip("events without a date")
            continue
        lines.append(json.dumps(item, ensure_ascii=False) + "\n")
        tally.rows += 1
        if len(lines) >= 200:
            yield "".join(lines)
            lines = []
    if lines:
        yield "".join(lines)
