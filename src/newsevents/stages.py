"""What one stage hands to a later one, for one article: typed, declared field by field.

:class:`StageResults` is ``Result.stages``. Each producer has its own small record, set once by
that stage and read by the stages named beside it; nothing here is exported in ``newsevents/1``.
A field that is not declared cannot be written (``slots``): a new hand-off is a new field here,
with its producer and readers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class DateSpan:
    """A date the dates stage found: its ``dates[]`` id, offsets, ISO value and precision, the token
    it attaches to and whether it dates a report ("said on Monday") rather than an event."""
    id: str
    start: int
    end: int
    value: str
    precision: str
    head: int | None
    reporting: bool


@dataclass(slots=True)
class DateFindings:
    """Producer: ``dates``. Reader: ``event_locations`` (an event's date)."""
    spans: list[DateSpan] = field(default_factory=list)
    dateline: str | None = None  # the ``dates[]`` id of the dateline's date ("KHARTOUM, March 4 (Reuters) -")


@dataclass(slots=True)
class PlaceFindings:
    """Producer: ``places``. Reader: ``event_locations``: every place mention, in text order, as
    ``{start, end, place (the places[] id), role, …}`` dicts."""
    mentions: list[dict] = field(default_factory=list)


@dataclass(slots=True)
class EventFindings:
    """Producer: ``events``. Reader: ``casualties`` (which event a casualty belongs to)."""
    by_token: dict[int, str] = field(default_factory=dict)  # trigger token index → ``events[]`` id


@dataclass(slots=True)
class Caches:
    """Per-article indexes that resolution helpers build once and reuse across stages."""
    article_index: Any = None   # resolve.speakers.ArticleIndex: coref and quotes
    actor_types: dict[str, dict] = field(default_factory=dict)  # entity id → sector/country/role learnt (actors)
    entity_spans: Any = None    # resolve.actors.entity_at's sorted mention index


@dataclass(slots=True)
class StageResults:
    dates: DateFindings | None = None
    places: PlaceFindings | None = None
    events: EventFindings | None = None
    cache: Caches = field(default_factory=Caches)
