"""ACLED: the 31 columns of ACLED's export (as dtacled/acledR reads them), one row per event that
has an ACLED event type: one row per incident, the reports of one story event (docs/stories.md)
being one row whose ``source`` names every outlet that reported it and whose ``fatalities`` is the
lowest death toll they give (ACLED's conservative figure). docs/exports.md gives the mapping.

ACLED codes events that happened: negated events, events that did not (yet) happen (future,
intent, hypothetical …) and events without an ACLED event type (PLOVER's verbal and cooperative
types) are left out, and the export says how many. ``fatalities`` is the killed count of the
event's asserted casualties; ``inter1``/``inter2`` are ACLED's actor types (1 State forces … 8
External/Other forces) and ``interaction`` their two-digit combination (``17``; ``60`` a sole
protester action).
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Iterator

from ..filters import Selection
from ..store.base import Store
from . import Tally, codes, exporter
from .columns import SEP, casualty_total, span
from .csv import delimited
from .gdelt import source_name
from .source import EventRow, event_rows, location_precision

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
           "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
           "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
HAPPENED = (None, "", "asserted", "historical")
STATE = 1
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
SUB_DISORDER = {"Mob violence": "Political violence", "Excessive force against protesters": "Political violence; Demonstrations"}
# ACLED's names for the state and civilian actor types ("Police Forces of Kosovo", "Civilians (Kosovo)").
STATE_NAMES = {"MIL": "Military Forces of {}", "COP": "Police Forces of {}", "GOV": "Government of {}",
               "JUD": "Government of {}", "LEG": "Government of {}", "SPY": "Military Forces of {}"}
GROUP_NAMES = {5: "Rioters", 6: "Protesters", 7: "Civilians"}
TIME_PRECISION = {"day": 1, "time": 1, "week": 2, "month": 3}


@lru_cache(maxsize=1)
def inter_codes() -> dict[str, int]:
    from .. import datafiles
    return {row["sector"]: row["inter"] for row in datafiles.table("export/acled_inter.tsv")}


def inter(actor: dict, event_type: str | None, sub_type: str | None, country: str | None) -> int | None:
    """ACLED actor type of one actor in an event of this type at a place in ``country``."""
    if not actor:
        return None
    code = inter_codes().get((actor.get("sector") or "").upper())
    home = actor.get("country2")
    if code == STATE and home and country and home != country:
        return 8  # state forces active outside their own country
    if code != STATE and event_type == "Riots":
        return 5
    if code != STATE and event_type == "Protests":
        return 6
    if code is None:
        return 8 if (actor.get("country") or "") in ("IGO", "UNO", "EUR", "NGO", "MNC", "IMG", "ISM") else 7
    return code


def interaction(first: int | None, second: int | None) -> int | None:
    if first is None and second is None:
        return None
    if first is None or second is None:
        return (first or second) * 10
    low, high = sorted((first, second))
    return low * 10 + high


def actor_name(actor: dict, code: int | None, country: str | None) -> str | None:
    """ACLED's way of naming state, protester, rioter and civilian actors; else the name as written."""
    if not actor:
        return None
    own = codes.acled_country(actor["country2"]) if actor.get("country2") else None
    pattern = STATE_NAMES.get((actor.get("sector") or "").upper())
    if pattern and own:  # state forces are named after their own state, never after the place
        return pattern.format(own)
    where = own or (codes.acled_country(country) if country else None)
    if code in GROUP_NAMES and where:
        return f"{GROUP_NAMES[code]} ({where})"
    return actor.get("name")


def _actors(actors) -> list[dict]:
    return [a for a in actors or [] if isinstance(a, dict) and a.get("name") and a.get("kind") != "target"]


def fatalities(row: EventRow) -> int:
    """People killed: ACLED codes the most conservative figure, so for an incident several reports
    tell (a story event) the lowest death toll a report gives; else the event's asserted casualties."""
    tolls = [entry["value"] for entry in (row.story_event.get("facts") or {}).get("killed") or []
             if isinstance(entry.get("value"), int)]
    return min(tolls) if tolls else casualty_total(row.casualties, "killed")


def record(row: EventRow) -> list:
    event, place = row.event, row.place
    codes_ = event.get("codes") or {}
    event_type, sub_type = codes_.get("acled_event_type"), codes_.get("acled_sub_event_type")
    resolved = event.get("resolved") or {}
    country = place.get("country")
    date = event.get("date") if isinstance(event.get("date"), dict) else {}
    precision = TIME_PRECISION.get(date.get("precision") or "day", 3) if date.get("value") else 1
    actors, recipients = _actors(event.get("actor")), _actors(event.get("recipient"))
    first, second = (actors[0] if actors else {}), (recipients[0] if recipients else {})
    inter1, inter2 = inter(first, event_type, sub_type, country), inter(second, event_type, sub_type, country)
    if event_type == "Protests" and not first and second:  # a protest's protesters are its actor
        first, second, inter1, inter2 = second, {}, inter(second, event_type, sub_type, country), None
    civilians = event_type == "Violence against civilians" or inter2 == 7 and inter1 in (1, 2, 3, 4, 8)
    alpha3 = codes.alpha3(country) or "XXX"
    tags = []
    magnitude = event.get("magnitude") if isinstance(event.get("magnitude"), dict) else {}
    if event_type in ("Protests", "Riots") and isinstance(magnitude.get("count"), int):
        tags.append(f"crowd size={magnitude['count']}")
    return [
        f"{alpha3}{codes.number(row.event.get('story_event') or row.key, 40)}", resolved.get("date_start"),
        int(resolved["date_start"][:4]) if resolved.get("date_start") else None, precision,
        SUB_DISORDER.get(sub_type) or DISORDER.get(event_type), event_type, sub_type,
        actor_name(first, inter1, country), SEP.join(a["name"] for a in actors[1:]) or None, inter1,
        actor_name(second, inter2, country), SEP.join(a["name"] for a in recipients[1:]) or None, inter2,
        interaction(inter1, inter2), "Civilian targeting" if civilians else None,
        codes.iso_numeric(country), codes.acled_region(country), codes.acled_country(country) if country else None,
        place.get("admin1"), place.get("name") if place.get("feature") == "admin2" else None, None, place.get("name"), place.get("lat"), place.get("lon"),
        location_precision(place), SEP.join(row.story_event.get("outlets") or []) or source_name(event), None,
        span(event, "evidence", "text"), fatalities(row), SEP.join(tags) or None,
        unix_time(row.article.get("ingested_at")),
    ]


def unix_time(value: str | None) -> int | None:
    """An ISO datetime → seconds since 1970 (ACLED's ``timestamp``: when the record was added)."""
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
    if moment is None:
        return None
    return int((moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)).timestamp())


def rows(store: Store, selection: Selection, tally: Tally) -> Iterator[list]:
    """One row per incident: the first selected report of a story event stands for it (memory: one
    integer per story event written)."""
    written: set[int] = set()
    for row in event_rows(store, selection):
        event = row.event
        if event.get("story_event"):
            number = codes.number(event["story_event"])
            if number in written:
                tally.skip("further reports of an incident already written")
                continue
        if event.get("negated"):
            tally.skip("negated events")
        elif (event.get("modality") or None) not in HAPPENED:
            tally.skip("events that did not happen (future, intent, hypothetical …)")
        elif not (event.get("codes") or {}).get("acled_event_type"):
            tally.skip("events without an ACLED event type")
        elif not (event.get("resolved") or {}).get("date_start"):
            tally.skip("events without a date")
        else:
            if event.get("story_event"):
                written.add(codes.number(event["story_event"]))
            yield record(row)


@exporter("acled", tables=("events",), default="events", media_type="text/csv; charset=utf-8", extension="acled.csv",
          description="ACLED's 31 export columns, one row per event with an ACLED type")
def write_acled(store: Store, selection: Selection, tally: Tally) -> Iterator[str]:
    yield from delimited(COLUMNS, rows(store, selection, tally), tally)
