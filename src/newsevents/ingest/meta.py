"""Article metadata: publication dates and sidecar ``NAME.meta.json`` files."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from ..errors import NewsEventsError, warning

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_REDUCED = re.compile(r"^(\d{4})(?:-(\d{2}))?$")  # ISO 8601 reduced precision: a year or a month
_NUMERIC = re.compile(r"^\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?:$|[T ])")  # year first: only ISO reads it
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_BASES = (dt.datetime(2001, 3, 4, 12), dt.datetime(2011, 9, 22, 6))  # two clocks: a relative date differs


def _iso(text: str) -> str | None:
    """``text`` if it is a real ISO 8601 date, datetime, month (YYYY-MM) or year (YYYY)."""
    if _ISO.match(text):
        try:
            dt.date.fromisoformat(text[:10])
            if len(text) > 10:
                dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T"))
            return text
        except ValueError:
            return None
    match = _REDUCED.match(text)
    if match and (match.group(2) is None or 1 <= int(match.group(2)) <= 12):
        return text
    return None


def publication_date(value: str | None, option: str = "--published") -> str | None:
    """A publication date given on the command line: ISO 8601 only (YYYY-MM-DD, a datetime, YYYY-MM
    or YYYY, as the filters take them); anything else is ``E021`` naming the option. ``2024-13-01``
    is no date (not 13 January) and ``yesterday`` depends on the machine's clock, so both are refused."""
    if value is None:
        return None
    text = str(value).strip()
    iso = _iso(text)
    if iso is None:
        raise NewsEventsError("E021", name=option, reason=f"'{text}' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return iso


def normalise_date(value, article_id: str, warnings: list[dict]) -> str | None:
    """ISO form of a publication date, or ``None`` with a ``W001`` warning if it is not a date."""
    if value in (None, ""):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = str(value).strip()
    iso = _iso(text)
    if iso is not None:
        return iso
    ymd = _YMD.match(text)
    if ymd:  # 2024/05/14: year, month, day, never day and month swapped
        try:
            return dt.date(*(int(g) for g in ymd.groups())).isoformat()
        except ValueError:
            pass
    parsed = None
    if not _NUMERIC.match(text):  # '2024-13-01' is a bad ISO date, not 13 January read day-first
        try:
            import dateparser

            readings = [dateparser.parse(text, languages=["en"],
                                         settings={"STRICT_PARSING": True, "RELATIVE_BASE": base}) for base in _BASES]
        except Exception:
            readings = [None]
        # 'yesterday' or 'Tuesday' read on two different clocks give two dates: no publication date
        parsed = readings[0] if readings[0] is not None and all(r == readings[0] for r in readings) else None
    if parsed is None:
        warnings.append(warning("W001", article=article_id, value=text[:80]))
        return None
    return parsed.date().isoformat() if parsed.time() == dt.time(0, 0) else parsed.isoformat()


META_FIELDS = ("id", "title", "published", "outlet", "url", "author", "language")


def read_sidecar(path: Path, article_id: str, warnings: list[dict]) -> dict:
    """Metadata from ``NAME.meta.json`` beside ``NAME.txt`` / ``NAME.html``, if present."""
    sidecar = path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (ValueError, OSError, UnicodeDecodeError):
        shown = str(sidecar).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        warnings.append(warning("W004", article=article_id, path=shown))
        return {}
    return {k: data[k] for k in META_FIELDS if data.get(k) not in (None, "")}
