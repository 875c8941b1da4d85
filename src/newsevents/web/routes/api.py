"""Read endpoints under ``/api``: events, articles, quotes, places, counts, stories.

Every handler validates its parameters (a bad one is ``400`` with ``[E021] Invalid parameter ...``),
asks the store, and reshapes rows into the typed models of :mod:`newsevents.web.models`.
"""
from __future__ import annotations

import inspect
from dataclasses import replace
from typing import Optional

from fastapi import APIRouter, Depends, Path, Query, Request

from ...errors import NewsEventsError
from ...redact import public_name, public_text
from ...filters import COUNT_BY, Selection, applicable, counts as count_events, event_filter, page as select_page, parse, values
from ...filters.spec import BY_NAME
from .. import models

router = APIRouter(prefix="/api", tags=["data"])

ERRORS = {400: {"model": models.ErrorMessage, "description": "a parameter is invalid (code E021)"}}
NOT_FOUND = {**ERRORS, 404: {"model": models.ErrorMessage, "description": "no such item (code E022)"}}


def store_of(request: Request):
    return request.app.state.stores.get()


bad = values.bad


# ---------------------------------------------------------------- parameter parsing

def selection_of(table: str):
    """A dependency parsing the filters of ``table`` (declared once in :mod:`newsevents.filters`, like
    the CLI's options) into a :class:`Selection`. Every filter is a query parameter; a list can be
    comma-separated and/or repeated (``type=ASSAULT,COERCE`` or ``type=ASSAULT&type=COERCE``); a
    filter of another table is a 400, like a bad value."""
    params = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)]
    for spec in applicable(table):
        # documented as one string: a query string cannot tell a list from text, and the values are
        # read raw below (a list may be comma-separated or repeated)
        annotation = Optional[bool] if spec.boolean else Optional[str]
        description = spec.help + (" (comma-separated or repeated)" if spec.multiple else "")
        examples = [spec.example] if spec.example else None
        params.append(inspect.Parameter(spec.name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation,
                                        default=Query(None, description=description, examples=examples)))

    def dependency(request: Request, **given) -> Selection:
        # the declared parameters document the API; the values are read raw, so that a repeated
        # single-valued parameter and a filter of another table are errors, as on the CLI
        raw = {name: request.query_params.getlist(name) for name in request.query_params if name in BY_NAME}
        return parse(table, raw)

    dependency.__signature__ = inspect.Signature(params)
    dependency.__name__ = f"{table}_filters"
    return dependency


event_selection = selection_of("events")


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
def list_events(request: Request, selection: Selection = Depends(event_selection),
                cursor: Optional[str] = Query(None, description="next_cursor of the previous page"),
                limit: int = Query(50, ge=1, le=1000),
                total: bool = Query(False, description="also count all matching events (scans every match: "
                                                       "tens of ms on 100k events); otherwise total is null")):
    page = paged(select_page, cursor, store=store_of(request), selection=selection, limit=limit, count=total)
    return {"items": [event_out(item) for item in page.items], "next_cursor": page.next_cursor, "total": page.total}


@router.get("/points", response_model=models.PointSet, responses=ERRORS,
            summary="Compact map points (coordinates, type, label) of the events matching the filters")
def points(request: Request, selection: Selection = Depends(event_selection),
           limit: int = Query(5000, ge=1, le=20000)):
    store = store_of(request)
    flt = event_filter(selection)
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
    event["mentions"] = _other_mentions(store_of(request), event)
    return event


def _other_mentions(store, event: dict) -> list[dict]:
    """The other reports of the same story event (article, event, outlet, evidence)."""
    story_event = event.get("story_event")
    if not story_event or not hasattr(store, "story"):
        return []
    story = store.story(story_event.rpartition("/")[0]) or {}
    for se in story.get("events") or []:
        if se["id"] == story_event:
            return [m for m in se["mentions"] if f"{m['article']}/{m['event']}" != event["key"]]
    return []


@router.get("/articles", response_model=models.ArticlePage, responses=ERRORS, summary="Stored articles (metadata and counts)")
def list_articles(request: Request, selection: Selection = Depends(selection_of("articles")),
                  cursor: Optional[str] = None, limit: int = Query(50, ge=1, le=1000)):
    page = paged(select_page, cursor, store=store_of(request), selection=selection, limit=limit)
    items = [{**item, "source_path": public_text(item.get("source_path"))} for item in page.items]
    return {"items": items, "next_cursor": page.next_cursor, "total": page.total}


DOCUMENT = {200: {"description": "a newsevents/1 document",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewsEventsDocument"}}}}}


@router.get("/articles/{article_id:path}", responses={**NOT_FOUND, **DOCUMENT}, response_model=None,
            summary="One article: its text, metadata and every extracted item (the newsevents/1 document)")
def get_article(request: Request, article_id: str) -> dict:
    store = store_of(request)
    doc = store.article(article_id)
    if doc is None:
        raise NewsEventsError("E022", what=f"article '{article_id}'")
    from ...stories import annotate
    return annotate(store, doc)


@router.get("/quotes", response_model=models.QuotePage, responses=ERRORS, summary="Quotes, by speaker and/or text")
def list_quotes(request: Request, selection: Selection = Depends(selection_of("quotes")),
                cursor: Optional[str] = None, limit: int = Query(50, ge=1, le=1000)):
    page = paged(select_page, cursor, store=store_of(request), selection=selection, limit=limit)
    return {"items": [quote_out(item) for item in page.items], "next_cursor": page.next_cursor, "total": page.total}


@router.get("/places", response_model=models.PlacePage, responses=ERRORS, summary="Resolved places")
def list_places(request: Request, selection: Selection = Depends(selection_of("places")),
                cursor: Optional[str] = None, limit: int = Query(100, ge=1, le=1000)):
    page = paged(select_page, cursor, store=store_of(request), selection=selection, limit=limit)
    return {"items": page.items, "next_cursor": page.next_cursor, "total": page.total}


@router.get("/counts", response_model=models.Counts, responses=ERRORS,
            summary="Event counts grouped by day, type, country, actor_country, sector or place (for charts); "
                    "each count is what /api/events lists with that value as the filter")
def counts(request: Request, by: str = Query(..., description=" | ".join(COUNT_BY)),
           selection: Selection = Depends(event_selection)):
    return {"by": by, "items": count_events(store_of(request), by, selection)}


@router.get("/timeline", response_model=models.Timeline, responses=ERRORS,
            summary="Events per day and PLOVER type (the dashboard's stacked chart)")
def timeline(request: Request, selection: Selection = Depends(event_selection)):
    store = store_of(request)
    flt = event_filter(selection)
    types = [row["key"] for row in store.counts("type", flt) if row.get("key")]
    days: dict[str, dict[str, int]] = {}
    for type_ in types:
        for row in store.counts("day", replace(flt, type=type_)):
            if row.get("key"):
                days.setdefault(row["key"], {})[type_] = row["count"]
    return {"types": types, "items": [{"day": day, "counts": days[day]} for day in sorted(days)]}


@router.get("/stories", response_model=models.StoryPage, responses=ERRORS,
            summary="Stories: the same real-world event reported by several articles, largest first")
def list_stories(request: Request, cursor: Optional[str] = None, limit: int = Query(50, ge=1, le=1000),
                 disputed: Optional[bool] = Query(None, description="true: only stories whose reports dispute a fact"),
                 q: Optional[str] = Query(None, description="part of the story's title"),
                 min_articles: int = Query(1, ge=1, le=1_000_000_000, description="only stories of at least this many articles")):
    stories = getattr(store_of(request), "stories", None)
    if stories is None:
        return {"available": False, "items": [], "next_cursor": None}
    page = paged(stories, cursor, limit=limit, disputed=disputed, q=values.text("q", q), min_articles=min_articles)
    return {"available": True, "items": page.items, "next_cursor": page.next_cursor, "total": page.total}


@router.get("/stories/{story_id}", responses=NOT_FOUND,
            summary="One story: its reports in time order, its story events with every mention and their counts, "
                    "the disputed facts with each value and who reported it")
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
