"""Flatten a newsevents/1 document into table rows (pure functions, no database)."""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
DISPUTED_MODALITIES = {"disputed", "contested", "denied"}


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def date_range(value: str | None, precision: str | None = None) -> tuple[str | None, str | None]:
    """First and last ISO day a date value covers: ``2021-10`` → (2021-10-01, 2021-10-31)."""
    if not isinstance(value, str):
        return None, None
    value = value.strip()
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            end = day + dt.timedelta(days=6) if precision == "week" else day
            return day.isoformat(), end.isoformat()
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1).isoformat(), dt.date(year, month, last).isoformat()
        if m := _WEEK.match(value):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()
        if m := _YEAR.match(value):
            year = int(m[1])
            last = year + 9 if precision == "decade" else year
            return f"{year:04d}-01-01", f"{last:04d}-12-31"
    except ValueError:
        return None, None
    return None, None


def _by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items if isinstance(item, dict) and "id" in item}


def resolve_ref(value, table: dict[str, dict]) -> dict | None:
    """An event's place/date object; ``{"id": "plc1"}`` (or a bare id) is completed from the list."""
    if isinstance(value, str):
        return dict(table[value]) if value in table else None
    if not isinstance(value, dict):
        return None
    ref = value.get("id") or value.get("place") or value.get("date")
    if isinstance(ref, str) and ref in table:
        return {**table[ref], **value}
    return value


def actor_rows(event: dict) -> list[tuple]:
    rows = []
    for role in ("actor", "recipient"):
        for actor in event.get(role) or []:
            if isinstance(actor, dict) and actor.get("name"):
                rows.append((role, actor["name"], actor.get("entity"), _upper(actor.get("sector")),
                             _upper(actor.get("country")), _upper(actor.get("country2"))))
    return rows


def _upper(value):
    return value.upper() if isinstance(value, str) else None


def _names(event: dict, role: str) -> str | None:
    names = [a["name"] for a in event.get(role) or [] if isinstance(a, dict) and a.get("name")]
    return "; ".join(names) or None


def _reported_by(value) -> str | None:
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        return None
    speaker = value.get("speaker")
    if isinstance(speaker, dict):
        speaker = speaker.get("name")
    name = value.get("name") or speaker
    return name if isinstance(name, str) else None


def is_disputed(event: dict) -> bool:
    reported = event.get("reported_by")
    return bool(event.get("disputed")
                or (isinstance(reported, dict) and reported.get("disputed"))
                or (event.get("modality") or "").lower() in DISPUTED_MODALITIES)


def _number(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def event_row(event: dict, places: dict[str, dict], dates: dict[str, dict], published: str | None) -> dict:
    """The indexed columns of one event (its full JSON goes in ``item``)."""
    place = resolve_ref(event.get("place"), places) or {}
    date = resolve_ref(event.get("date"), dates) or {}
    value = date.get("value") if isinstance(date.get("value"), str) else None
    start, end = date_range(value, date.get("precision"))
    if start is None and published:
        start, end = date_range(published[:10])
    trigger = event.get("trigger") if isinstance(event.get("trigger"), dict) else {}
    country = place.get("country")
    return {
        "id": event["id"], "type": event["type"], "mode": event.get("mode"),
        "negated": int(bool(event.get("negated"))), "modality": event.get("modality"),
        "disputed": int(is_disputed(event)),
        "date": value, "date_precision": date.get("precision"), "date_start": start, "date_end": end,
        "place_name": place.get("name") if isinstance(place.get("name"), str) else None,
        "place_country": country.upper() if isinstance(country, str) else None,
        "lat": _number(place.get("lat")), "lon": _number(place.get("lon")),
        "actor_names": _names(event, "actor"), "recipient_names": _names(event, "recipient"),
        "reported_by": _reported_by(event.get("reported_by")),
        "trigger_text": trigger.get("text"), "evidence_text": event["evidence"]["text"],
        "item": dumps(event),
    }


def document_rows(doc: dict) -> dict[str, list]:
    """All item rows of a document, by table (article id not included)."""
    places, dates = _by_id(doc.get("places", [])), _by_id(doc.get("dates", []))
    published = doc["article"].get("published")
    out: dict[str, list] = {"entities": [], "mentions": [], "places": [], "events": [], "quotes": [],
                            "casualties": [], "dates": []}
    for ent in doc.get("entities", []):
        out["entities"].append((ent["id"], ent["name"], ent.get("label"), len(ent.get("mentions") or []), dumps(ent)))
        for span in ent.get("mentions") or []:
            out["mentions"].append((ent["id"], span["start"], span["end"], span["text"]))
    for plc in doc.get("places", []):
        out["places"].append((plc["id"], plc["name"], plc.get("geonameid"), _number(plc.get("lat")),
                              _number(plc.get("lon")), _upper(plc.get("country")), plc.get("admin1"),
                              plc.get("feature"), _number(plc.get("score")), dumps(plc)))
    for evt in doc.get("events", []):
        out["events"].append((event_row(evt, places, dates, published), actor_rows(evt)))
    for quo in doc.get("quotes", []):
        speaker = quo.get("speaker") if isinstance(quo.get("speaker"), dict) else {}
        out["quotes"].append((quo["id"], quo["kind"], quo["text"], quo["start"], quo["end"], speaker.get("name"),
                              speaker.get("entity"), speaker.get("role"), dumps(quo)))
    for cas in doc.get("casualties", []):
        out["casualties"].append((cas["id"], cas["kind"], cas.get("count"), int(bool(cas.get("approximate"))),
                                  cas.get("who"), cas.get("event"), dumps(cas)))
    for dat in doc.get("dates", []):
        out["dates"].append((dat["id"], dat.get("value"), dat.get("precision"), dumps(dat)))
    return out
