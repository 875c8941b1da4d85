"""GeoJSON: an RFC 7946 FeatureCollection, one Feature per event: a Point at the event's place
(``[lon, lat]``, WGS84) whose properties are the CSV's event columns, with ``geo_precision`` (1 the
town itself, 2 near a town or part of a region, 3 a province or larger). An event without
coordinates is a Feature with a ``null`` geometry (RFC 7946, 3.2), so the collection holds every
selected event; a map draws the located ones.
"""
from __future__ import annotations

import json
from typing import Iterator

from ..filters import Selection
from ..store.base import Store
from . import Tally, exporter
from .columns import EVENTS, typed
from .source import EventRow, event_rows


def feature(row: EventRow) -> dict:
    lat, lon = row.place.get("lat"), row.place.get("lon")
    located = isinstance(lat, (int, float)) and isinstance(lon, (int, float))
    return {"type": "Feature", "id": row.key,
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]} if located else None,
            "properties": {column.name: typed(column, row) for column in EVENTS}}


@exporter("geojson", tables=("events",), default="events", media_type="application/geo+json", extension="geojson",
          description="RFC 7946 FeatureCollection of event points")
def write_geojson(store: Store, selection: Selection, tally: Tally) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": [\n'
    parts: list[str] = []
    for row in event_rows(store, selection):
        item = feature(row)
        parts.append(("," if tally.rows else "") + json.dumps(item, ensure_ascii=False) + "\n")
        tally.rows += 1
        if item["geometry"] is None:
            tally.unlocated += 1
        if len(parts) >= 200:
            yield "".join(parts)
            parts = []
    yield "".join(parts) + "]}\n"
