"""Read endpoints under ``/api``: events, articles, quotes, places, counts, stories.

Every handler validates its parameters (a bad one is ``400`` with ``[E021] Invalid parameter ...``),
asks the store, and reshapes rows into the typed models of :mod:`newsevents.web.models`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Optional

from fastapi import APIRouter, Depends, Path, Query, Request

from ...errors import NewsEventsError
from ...redact import public_name, public_text
from ...store.base import EventFilter
from .. import models
from ..models import COUNT_BY, PLOVER_TYPES

router = APIRouter(prefix="/api", tags=["data"])

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_COUNTRY = re.compile(r"^[A-Za-z]{2,3}$")
MAX_TEXT = 200
ERRORS = {400: {"model": models.ErrorMessage, "description": "a parameter is invalid (code E021)"}}
NOT_FOUND = {**ERRORS, 404: {"model": models.ErrorMessage, "description": "no such item (code E022)"}}


def store_of(request: Request):
    return request.app.state.stores.get()


def bad(name: str, reason: str) -> NewsEventsError:
    return NewsEventsError("E021", name=name, reason=reason)


# ---------------------------------------------------------------- parameter parsing

def _text(name: str, value: Optional[str]) -> Optional[str]:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise bad(name, f"longer than {MAX_TEXT} characters")
    return value.strip()


def _date(name: str, value: Optional[str], *, end: bool = False) -> Optional[str]:
    """An ISO date, month or year; a month or year widens to its first (or, for ``end``, last) day."""
    value = _text(name, value)
    if value is None:
        return None
    if not _DATE.match(value):
        raise bad(name, f"'{value}' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            return dt.date(*parts).isoformat()
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            if not end:
                return first.isoformat()
            following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return (following - dt.timedelta(days=1)).isoformat()
        return dt.date(parts[0], 12, 31).isoformat() if end else dt.date(parts[0], 1, 1).isoformat()
    except ValueError as exc:
        raise bad(name, f"'{value}' is not a real date ({exc})") from None


def _bbox(value: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    value = _text("bbox", value)
    if value is None:
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise bad("bbox", "expected four numbers: min_lon,min_lat,max_lon,max_lat")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise bad("bbox", f"'{value}' has a part that is not a number") from None
    if not all(-180 <= lon <= 180 for lon in (min_lon, max_lon)) or not all(-90 <= lat <= 90 for lat in (min_lat, max_lat)):
        raise bad("bbox", "longitudes must lie in [-180, 180] and latitudes in [-90, 90]")
    if min_lon > max_lon or min_lat > max_lat:
        raise bad("bbox", "min_lon/min_lat must not exceed max_lon/max_lat")
    return (min_lon, min_lat, max_lon, max_lat)


def event_filter(
    type: Optional[str] = Query(None, description="PLOVER event type, e.g. ASSAULT"),
    mode: Optional[str] = Query(None, description="PLOVER mode, e.g. firearms"),
    actor: Optional[str] = Query(None, description="part of an actor's or recipient's name"),
    sector: Optional[str] = Query(None, description="PLOVER sector of an actor or recipient, e.g. COP, GOV"),
    country: Optional[str] = Query(None, description="ISO alpha-2 of the event's place (XK = Kosovo), or an actor's alpha-2/alpha-3"),
    place: Optional[str] = Query(None, description="place name"),
    date_from: Optional[str] = Query(None, description="ISO date (or month, year), inclusive"),
    date_to: Optional[str] = Query(None, description="ISO date (or month, year), inclusive"),
    bbox: Optional[str] = Query(None, description="min_lon,min_lat,max_lon,max_lat"),
    q: Optional[str] = Query(None, description="full-text search in evidence, trigger, actors and place"),
    disputed: Optional[bool] = Query(None, description="true: only events whose facts are disputed between reports"),
    article: Optional[str] = Query(None, description="only events of this article id"),
) -> EventFilter:
    type_ = _text("type", type)
    if type_ is not None:
        type_ = type_.upper()
        if type_ not in PLOVER_TYPES:
            raise bad("type", f"'{type}' is not a PLOVER type (one of: {', '.join(PLOVER_TYPES)})")
    country_ = _text("country", country)
    if country_ is not None:
        if not _COUNTRY.match(country_):
            raise bad("country", f"'{country}' is not an ISO 3166-1 alpha-2 or alpha-3 code")
        country_ = country_.upper()
    start, end = _date("date_from", date_from), _date("date_to", date_to, end=True)
    if start and end and start > end:
        raise bad("date_from", f"{start} is after date_to {end}")
    sector_ = _text("sector", sector)
    return EventFilter(type=type_, mode=_text("mode", mode), actor=_text("actor", actor),
                       sector=sector_.upper() if sector_ else None, country=country_,
                       place=_text("place", place), date_from=start, date_to=end, bbox=_bbox(bbox),
                       q=_text("q", q), disputed=disputed, article=_text("article", article))


def _cursor(value: Optional[str]) -> Optional[str]:
    if value is None or value == "":
        return None
    if len(value) > 500:
        raise bad("cursor", "too long; pass back the next_cursor of a previous page unchanged")
    return value


def paged(call, cursor: Optional[str], **kwargs):
    """Call a store listing; a cursor the store cannot read becomes ``E021`` (400), not a 500."""
    try:
        return call(cursor=_cursor(cursor), **kwargs)
    except NewsEventsError:
        raise
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise bad("cursor", f"not a cursor this server issued ({type(exc).__name__})") from None


# ---------------------------------------------------------------- reshaping store rows

def article_ref(item: dict) -> Optional[dict]:
    art = item.get("article")
    if isinstance(art, dict):
        return art
    art_id = art if isinstance(art, str) else item.get("article_id")
    return {"id": art_id} if art_id else None


def event_out(row: dict) -> dict:
    """An event as the API shows it: ``place`` completed from the store's resolved columns (a
    reference like ``{"id": "plc2"}`` gets the place's name, country and coordinates), plus flat
    ``lat``/``lon`` and ``disputed``."""
    event = dict(row)
    event["article"] = article_ref(event)
    if not event.get("key"):
        event["key"] = f"{(event['article'] or {}).get('id')}/{event['id']}"
    resolved = event.get("resolved") if isinstance(event.get("resolved"), dict) else {}
    place = dict(event["place"]) if isinstance(event.get("place"), dict) else {}
    if resolved.get("place") and not place.get("name"):
        place["name"] = resolved["place"]
    for field, source in (("country", "country"), ("lat", "lat"), ("lon", "lon")):
        if place.get(field) is None and resolved.get(source) is not None:
            place[field] = resolved[source]
    event["place"] = place or None
    if event.get("lat") is None:
        event["lat"], event["lon"] = place.get("lat"), place.get("lon")
    if event.get("disputed") is None and "disputed" in resolved:
        event["disputed"] = resolved["disputed"]
    return event


def quote_out(row: dict) -> dict:
    quote = dict(row)
    quote["article"] = article_ref(quote)
    if not quote.get("key"):
        quote["key"] = f"{(quote['article'] or {}).get('id')}/{quote['id']}"
    quote.setdefault("via", [])
    return quote


def _label(event: dict) -> str:
    def names(actors):
        return ", ".join(a.get("name", "?") for a in actors or []) or "?"
    return f"{names(event.get('actor'))} → {names(event.get('recipient'))}"


def _cut(text: Optional[str], size: int) -> Optional[str]:
    if not text:
        return None
    return text if len(text) <= size else text[: size - 1] + "…"


def _event_date(event: dict) -> Optional[str]:
    date = event.get("date")
    if isinstance(date, dict) and date.get("value"):
        return date["value"]
    resolved = event.get("resolved") or {}
    return resolved.get("date_start") or (event.get("article") or {}).get("published")


# ---------------------------------------------------------------- endpoints

@router.get("/health", response_model=models.Health, summary="Liveness and version")
def health(request: Request):
    from ... import __version__
    return {"status": "ok", "version": __version__, "store": public_name(request.app.state.stores.path)}


@router.get("/stats", response_model=dict[str, int], summary="Totals per table", responses=ERRORS)
def stats(request: Request):
    return store_of(request).stats()


@router.get("/events", response_model=models.EventPage, responses=ERRORS,
            summary="Events, filtered, in a stable order, one page at a time")
def list_events(request: Request, flt: EventFilter = Depends(event_filter),
                cursor: Optional[str] = Query(None, description="next_cursor of the previous page"),
                limit: int = Query(50, ge=1, le=1000),
                total: bool = Query(False, description="also count all matching events (scans every match: "
                                                       "tens of ms on 100k events); otherwise total is null")):
    page = paged(store_of(request).events, cursor, flt=flt, limit=limit, count=total)
    return {"items": [event_out(item) for item in page.items], "next_cursor": page.next_cursor, "total": page.total}


@router.get("/points", response_model=models.PointSet, responses=ERRORS,
            summary="Compact map points (coordinates, type, label) of the events matching the filters")
def points(request: Request, flt: EventFilter = Depends(event_filter),
           limit: int = Query(5000, ge=1, le=20000)):
    store = store_of(request)
    out, missing, cursor = [], 0, None
    while len(out) < limit:
        page = store.events(flt, cursor=cursor, limit=1000, count=False)
        for row in page.items:
            event = event_out(row)
            if event.get("lat") is None or event.get("lon") is None:
                missing += 1
                continue
            place = event.get("place") or {}
            out.append({"key": event["key"], "type": event["type"], "lat": event["lat"], "lon": event["lon"],
                        "place": place.get("name"), "country": place.get("country"),
                        "date": _event_date(event), "label": _label(event),
                        "evidence": _cut((event.get("evidence") or {}).get("text"), 160)})
        cursor = page.next_cursor
        if not cursor:
            break
    return {"items": out[:limit], "truncated": bool(cursor) or len(out) > limit, "without_coordinates": missing}


@router.get("/events/{key:path}", response_model=models.EventDetail, responses=NOT_FOUND,
            summary="One event (key ARTICLE_ID/evtN) with its evidence, casualties and other mentions")
def get_event(request: Request, key: str = Path(..., description="ARTICLE_ID/evtN")):
    if "/" not in key:
        raise bad("key", f"'{key}' is not an event key (expected ARTICLE_ID/evtN)")
    row = store_of(request).event(key)
    if row is None:
        raise NewsEventsError("E022", what=f"event '{key}'")
    event = event_out(row)
    event.setdefault("casualties", [])
    event.setdefault("mentions", [])
    return event


@router.get("/articles", response_model=models.ArticlePage, responses=ERRORS, summary="Stored articles (metadata and counts)")
def list_articles(request: Request, q: Optional[str] = Query(None, description="full-text search in title and text"),
                  cursor: Optional[str] = None, limit: int = Query(50, ge=1, le=1000)):
    page = paged(store_of(request).articles, cursor, q=_text("q", q), limit=limit)
    items = [{**item, "source_path": public_text(item.get("source_path"))} for item in page.items]
    return {"items": items, "next_cursor": page.next_cursor, "total": page.total}


DOCUMENT = {200: {"description": "a newsevents/1 document",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewsEventsDocument"}}}}}


@router.get("/articles/{article_id:path}", responses={**NOT_FOUND, **DOCUMENT}, response_model=None,
            summary="One article: its text, metadata and every extracted item (the newsevents/1 document)")
def get_article(request: Request, article_id: str) -> dict:
    doc = store_of(request).article(article_id)
    if doc is None:
        raise NewsEventsError("E022", what=f"article '{article_id}'")
    return doc


@router.get("/quotes", response_model=models.QuotePage, responses=ERRORS, summary="Quotes, by speaker and/or text")
def list_quotes(request: Request, speaker: Optional[str] = Query(None, description="part of the speaker's name"),
                q: Optional[str] = Query(None, description="full-text search in the quote"),
                cursor: Optional[str] = None, limit: int = Query(50, ge=1, le=1000)):
    page = paged(store_of(request).quotes, cursor, speaker=_text("speaker", speaker), q=_text("q", q), limit=limit)
    return {"items": [quote_out(item) for item in page.items], "next_cursor": page.next_cursor, "total": page.total}


@router.get("/places", response_model=models.PlacePage, responses=ERRORS, summary="Resolved places")
def list_places(request: Request, country: Optional[str] = Query(None, description="ISO alpha-2"),
                cursor: Optional[str] = None, limit: int = Query(100, ge=1, le=1000)):
    code = _text("country", country)
    if code is not None and not re.match(r"^[A-Za-z]{2}$", code):
        raise bad("country", f"'{country}' is not an ISO 3166-1 alpha-2 code")
    page = paged(store_of(request).places, cursor, country=code.upper() if code else None, limit=limit)
    return {"items": page.items, "next_cursor": page.next_cursor, "total": page.total}


@router.get("/counts", response_model=models.Counts, responses=ERRORS,
            summary="Event counts grouped by day, type, country, sector or place (for charts)")
def counts(request: Request, by: str = Query(..., description="day | type | country | sector | place"),
           flt: EventFilter = Depends(event_filter)):
    if by not in COUNT_BY:
        raise bad("by", f"'{by}' is not one of: {', '.join(COUNT_BY)}")
    return {"by": by, "items": store_of(request).counts(by, flt)}


@router.get("/timeline", response_model=models.Timeline, responses=ERRORS,
            summary="Events per day and PLOVER type (the dashboard's stacked chart)")
def timeline(request: Request, flt: EventFilter = Depends(event_filter)):
    store = store_of(request)
    types = [row["key"] for row in store.counts("type", flt) if row.get("key")]
    days: dict[str, dict[str, int]] = {}
    for type_ in types:
        for row in store.counts("day", replace(flt, type=type_)):
            if row.get("key"):
                days.setdefault(row["key"], {})[type_] = row["count"]
    return {"types": types, "items": [{"day": day, "counts": days[day]} for day in sorted(days)]}


@router.get("/stories", response_model=models.StoryPage, responses=ERRORS,
            summary="Stories: the same event reported by several articles (when the store builds them)")
def list_stories(request: Request, cursor: Optional[str] = None, limit: int = Query(50, ge=1, le=1000)):
    stories = getattr(store_of(request), "stories", None)
    if stories is None:
        return {"available": False, "items": [], "next_cursor": None}
    page = paged(stories, cursor, limit=limit)
    return {"available": True, "items": page.items, "next_cursor": page.next_cursor}


@router.get("/stories/{story_id}", responses=NOT_FOUND, summary="One story: all mentions, outlets, disputed versions")
def get_story(request: Request, story_id: str) -> dict:
    story = getattr(store_of(request), "story", None)
    found = story(story_id) if story is not None else None
    if found is None:
        raise NewsEventsError("E022", what=f"story '{story_id}'")
    return found


@router.get("/errors", response_model=list[models.ErrorRow], responses=ERRORS,
            summary="Articles that failed to ingest, newest first")
def list_errors(request: Request, limit: int = Query(100, ge=1, le=1000)):
    return [{key: public_text(value) if isinstance(value, str) else value for key, value in row.items()}
            for row in store_of(request).errors(limit=limit)]
