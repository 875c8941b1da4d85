"""GDELT 2.0: the Event table (61 tab-separated columns, GDELT's order and types, no header row, as
GDELT publishes it) and the Mentions table (16 columns). docs/exports.md gives the mapping.

One row per incident. GLOBALEVENTID is a stable number (the same in every store) of the event's
story event when the stories stage has grouped the reports of one incident (NumMentions, NumSources
and NumArticles are then the story event's counts, and its first selected report stands for it),
else of the event's key (counts 1). The Mentions table has one row per report of an event (each
selected event mention), with the character offsets of its actors and its trigger, joined to the
Event table by GLOBALEVENTID. Negated events ("police did
not arrest …") are left out: GDELT codes what happened or was said.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator
from urllib.parse import urlparse

from ..filters import Selection
from ..store.base import Store
from . import Tally, codes, exporter
from .columns import span
from .guard import guard
from .source import EventRow, event_rows

# (name, GDELT type) in GDELT's order: GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_GEO = [("Type", "INTEGER"), ("FullName", "STRING"), ("CountryCode", "STRING"), ("ADM1Code", "STRING"),
        ("ADM2Code", "STRING"), ("Lat", "FLOAT"), ("Long", "FLOAT"), ("FeatureID", "STRING")]
EVENT_COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "INTEGER"), ("SQLDATE", "INTEGER"), ("MonthYear", "INTEGER"), ("Year", "INTEGER"),
    ("FractionDate", "FLOAT"),
    *[(f"Actor1{part}", "STRING") for part in _ACTOR], *[(f"Actor2{part}", "STRING") for part in _ACTOR],
    ("IsRootEvent", "INTEGER"), ("EventCode", "STRING"), ("EventBaseCode", "STRING"), ("EventRootCode", "STRING"),
    ("QuadClass", "INTEGER"), ("GoldsteinScale", "FLOAT"), ("NumMentions", "INTEGER"), ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"), ("AvgTone", "FLOAT"),
    *[(f"Actor1Geo_{part}", kind) for part, kind in _GEO], *[(f"Actor2Geo_{part}", kind) for part, kind in _GEO],
    *[(f"ActionGeo_{part}", kind) for part, kind in _GEO],
    ("DATEADDED", "INTEGER"), ("SOURCEURL", "STRING"),
]
MENTION_COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "INTEGER"), ("EventTimeDate", "INTEGER"), ("MentionTimeDate", "INTEGER"),
    ("MentionType", "INTEGER"), ("MentionSourceName", "STRING"), ("MentionIdentifier", "STRING"),
    ("SentenceID", "INTEGER"), ("Actor1CharOffset", "INTEGER"), ("Actor2CharOffset", "INTEGER"),
    ("ActionCharOffset", "INTEGER"), ("InRawText", "INTEGER"), ("Confidence", "INTEGER"),
    ("MentionDocLen", "INTEGER"), ("MentionDocTone", "FLOAT"), ("MentionDocTranslationInfo", "STRING"),
    ("Extras", "STRING"),
]
WEB, CITATION_ONLY = 1, 2
_NO_TAB = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def _first(actors) -> dict:
    return next((a for a in actors or [] if isinstance(a, dict) and a.get("name")), {})


def actor_fields(actor: dict) -> list:
    """Actor{1,2}Code … Type3Code: the CAMEO-style code is the country (alpha-3), the IGO code and
    the sector run together (``SRBCOP``, ``IGONAT``), as GDELT's codes are built."""
    if not actor:
        return [None] * len(_ACTOR)
    country = actor.get("country") if isinstance(actor.get("country"), str) else None
    group = actor.get("igo") if isinstance(actor.get("igo"), str) else None
    sector = actor.get("sector") if isinstance(actor.get("sector"), str) else None
    code = "".join(part for part in (country, group, sector if sector != country else None) if part) or None
    state = country if country and country not in ("IGO", "NGO", "MNC", "ISM", "IMG", "UNO", "EUR") else None
    return [code, actor["name"].upper(), state, group or (country if country and not state else None),
            None, None, None, sector, None, None]


def _ymd(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def timestamp(value: str | None) -> int | None:
    """An ISO datetime (UTC) → YYYYMMDDHHMMSS."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return int(moment.strftime("%Y%m%d%H%M%S"))


def geo_fields(place: dict) -> list:
    """ActionGeo_*: Type 1 country, 2 US state, 3 US city, 4 world city, 5 world ADM1 (0: none)."""
    if place.get("lat") is None or place.get("lon") is None:
        return [0, None, None, None, None, None, None, None]
    country = place.get("country")
    feature = (place.get("feature") or "").lower()
    us = country == "US"
    if feature == "country":
        kind = 1
    elif feature == "admin1":
        kind = 2 if us else 5
    else:
        kind = 3 if us else 4
    parts = [place.get("name")] if kind != 1 else []
    if kind in (3, 4) and place.get("admin1") and place.get("admin1") != place.get("name"):
        parts.append(place["admin1"])
    parts.append(codes.name(country) or country)
    full = ", ".join(p for p in parts if p)
    fips = codes.fips(country)
    feature_id = str(place["geonameid"]) if kind in (3, 4) and place.get("geonameid") else fips
    return [kind, full, fips, fips, None, float(place["lat"]), float(place["lon"]), feature_id]


def source(event: dict) -> tuple[int, str]:
    """(MentionType, identifier): the article's URL, else a citation of it."""
    article = event.get("article") or {}
    if article.get("url"):
        return WEB, article["url"]
    title = article.get("title") or article.get("id")
    return CITATION_ONLY, "; ".join(str(p) for p in (article.get("outlet"), title, article.get("published")) if p)


def source_name(event: dict) -> str | None:
    article = event.get("article") or {}
    if article.get("outlet"):
        return article["outlet"]
    host = urlparse(article.get("url") or "").hostname
    return host[4:] if host and host.startswith("www.") else host


def _root(event: dict) -> int:
    sentence = event.get("sentence") if isinstance(event.get("sentence"), dict) else {}
    start = sentence.get("start", span(event, "evidence", "start"))
    return 1 if start == 0 else 0


def event_id(row: EventRow) -> int:
    """GLOBALEVENTID: a stable number of the incident: its story event when the stories stage has
    grouped its reports (every report of one incident has the same id), else of the event's key."""
    return codes.number(row.event.get("story_event") or row.key)


def counts(row: EventRow) -> tuple[int, int, int]:
    """(NumMentions, NumSources, NumArticles): the story event's counts (every mention, distinct
    outlets, distinct articles) when the event has one, else a single report's (1, 1, 1)."""
    story = row.story_event
    return (story.get("n_mentions") or 1, story.get("n_sources") or 1, story.get("n_articles") or 1)


def event_record(row: EventRow) -> list:
    event = row.event
    codes_ = event.get("codes") if isinstance(event.get("codes"), dict) else {}
    day = _ymd((event.get("resolved") or {}).get("date_start"))
    cameo = codes_.get("cameo")
    mentions, sources, articles = counts(row)
    return [
        event_id(row),
        int(day.strftime("%Y%m%d")) if day else None, int(day.strftime("%Y%m")) if day else None,
        day.year if day else None,
        round(day.year + (day.month * 30 + day.day) / 365, 4) if day else None,
        *actor_fields(_first(event.get("actor"))), *actor_fields(_first(event.get("recipient"))),
        _root(event), cameo, cameo, cameo[:2] if isinstance(cameo, str) else None,
        codes_.get("quad_class"), codes_.get("goldstein"), mentions, sources, articles, None,
        0, *[None] * 7, 0, *[None] * 7, *geo_fields(row.place),
        timestamp(row.article.get("ingested_at")), source(event)[1],
    ]


def mention_record(row: EventRow) -> list:
    event = row.event
    added = timestamp(row.article.get("ingested_at"))
    kind, identifier = source(event)
    actor, recipient = _first(event.get("actor")), _first(event.get("recipient"))
    action = span(event, "trigger", "start")
    return [event_id(row), added, added, kind, source_name(event), identifier, None,
            span(actor, "evidence", "start") if actor else None,
            span(recipient, "evidence", "start") if recipient else None,
            action if action is not None else span(event, "evidence", "start"), 1, None,
            row.article.get("n_characters"), None, None, f"newsevents:{row.key}"]


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return guard(value.translate(_NO_TAB))
    return str(value)


def _tsv(store: Store, selection: Selection, tally: Tally, record, *, per_incident: bool = False) -> Iterator[str]:
    """The rows; ``per_incident`` (the Event table): one row per incident, the first selected
    report of a story event standing for it (memory: one integer per story event written)."""
    lines: list[str] = []
    written: set[int] = set()
    for row in event_rows(store, selection):
        if row.event.get("negated"):
            tally.skip("negated events (the text says they did not happen)")
            continue
        if per_incident and row.event.get("story_event"):
            number = event_id(row)
            if number in written:
                tally.skip("further reports of an incident already written (each is a row of the Mentions table)")
                continue
            written.add(number)
        lines.append("\t".join(cell(value) for value in record(row)) + "\n")
        tally.rows += 1
        if len(lines) >= 200:
            yield "".join(lines)
            lines = []
    if lines:
        yield "".join(lines)


@exporter("gdelt", tables=("events",), default="events", media_type="text/tab-separated-values; charset=utf-8",
          extension="export.CSV", description="GDELT 2.0 Event table: 61 tab-separated columns, no header")
def write_events(store: Store, selection: Selection, tally: Tally) -> Iterator[str]:
    yield from _tsv(store, selection, tally, event_record, per_incident=True)


@exporter("gdelt-mentions", tables=("events",), default="events",
          media_type="text/tab-separated-values; charset=utf-8", extension="mentions.CSV",
          description="GDELT 2.0 Mentions table: 16 tab-separated columns, no header")
def write_mentions(store: Store, selection: Selection, tally: Tally) -> Iterator[str]:
    yield from _tsv(store, selection, tally, mention_record)
