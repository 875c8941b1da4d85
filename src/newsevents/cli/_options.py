"""Options shared by ``query`` and ``export``: opening an existing store, event filters."""
from __future__ import annotations

from typing import Optional

from ..errors import NewsEventsError
from ..store.base import EventFilter


def parse_bbox(value: Optional[str]) -> tuple[float, float, float, float] | None:
    """``"min_lon,min_lat,max_lon,max_lat"`` → a tuple of four floats."""
    if not value:
        return None
    parts = value.split(",")
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        numbers = ()
    if len(numbers) != 4:
        raise NewsEventsError("E021", name="bbox", reason="expected min_lon,min_lat,max_lon,max_lat")
    return numbers  # type: ignore[return-value]


def build_filter(*, type: Optional[str] = None, mode: Optional[str] = None, actor: Optional[str] = None,
                 sector: Optional[str] = None, country: Optional[str] = None, place: Optional[str] = None,
                 date_from: Optional[str] = None, date_to: Optional[str] = None, bbox: Optional[str] = None,
                 q: Optional[str] = None, disputed: Optional[bool] = None, article: Optional[str] = None) -> EventFilter:
    return EventFilter(type=type, mode=mode, actor=actor, sector=sector, country=country, place=place,
                       date_from=date_from, date_to=date_to, bbox=parse_bbox(bbox), q=q, disputed=disputed,
                       article=article)


def open_existing(db: str):
    """Open a store to read; a database file that does not exist is an error, not a new empty store."""
    from pathlib import Path

    from ..store import open_store

    path = db[len("sqlite:///"):] if db.startswith("sqlite:///") else db
    if "://" not in path and path != ":memory:" and not Path(path).exists():
        raise NewsEventsError("E022", what=f"database '{db}' (create it with: newsevents ingest PATH --db {db})")
    return open_store(db)
