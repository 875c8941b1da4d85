"""Typed request and response models of the REST API (they are what /openapi.json documents).

Items keep the field names of the ``newsevents/1`` contract (``docs/contract.md``); the API adds
``key`` (``ARTICLE_ID/ITEM_ID``, stable across runs) and ``article`` (who published it). Models
allow extra fields so that a store may add columns without breaking clients.
"""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..filters.spec import COUNT_BY, PLOVER_TYPES  # noqa: F401  (declared once, with the filters)
from ..ingest.ids import ID_MAX, ID_PATTERN


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Span(BaseModel):
    start: int
    end: int
    text: str


class ArticleRef(Open):
    id: str
    title: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None


class Actor(Open):
    name: str
    entity: Optional[str] = None
    sector: Optional[str] = None
    country: Optional[str] = None
    country2: Optional[str] = None
    role: Optional[str] = None
    evidence: Optional[Span] = None


class Event(Open):
    key: str = Field(description="ARTICLE_ID/evtN: the event's stable key")
    id: str
    article: Optional[ArticleRef] = None
    type: str = Field(description="PLOVER event type")
    mode: Optional[str] = None
    context: Optional[list[str]] = None
    actor: list[Actor] = []
    recipient: list[Actor] = []
    place: Optional[dict[str, Any]] = None
    date: Optional[dict[str, Any]] = None
    negated: bool = False
    modality: Optional[str] = None
    reported_by: Optional[dict[str, Any]] = None
    magnitude: Optional[dict[str, Any]] = None
    trigger: Optional[Span] = None
    evidence: Span
    disputed: Optional[bool] = None
    resolved: Optional[dict[str, Any]] = Field(None, description="place and date as the store indexed them")
    story_event: Optional[str] = Field(None, description="the story event (STORY_ID/seN) this is a mention of")
    lat: Optional[float] = None
    lon: Optional[float] = None


class EventDetail(Event):
    casualties: list[dict[str, Any]] = Field(default_factory=list, description="casualties linked to this event")
    mentions: list[dict[str, Any]] = Field(default_factory=list,
                                           description="other reports of the same event (from stories), if any")


class EventPage(BaseModel):
    items: list[Event]
    next_cursor: Optional[str] = Field(None, description="pass as ?cursor= for the next page; null on the last")
    total: Optional[int] = None


class Point(BaseModel):
    key: str
    type: str
    lat: float
    lon: float
    place: Optional[str] = None
    country: Optional[str] = None
    date: Optional[str] = None
    label: str = Field(description="actor → recipient, for tooltips")
    evidence: Optional[str] = Field(None, description="the evidence text, cut to 160 characters")


class PointSet(BaseModel):
    items: list[Point]
    truncated: bool = Field(description="true when more events matched than `limit`")
    without_coordinates: int = Field(description="matching events that have no coordinates (not drawn)")


class ArticleSummary(Open):
    id: str
    title: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next_cursor: Optional[str] = None
    total: Optional[int] = None


class Quote(Open):
    key: str
    id: str
    article: Optional[ArticleRef] = None
    kind: str
    text: str
    start: int
    end: int
    speaker: Optional[dict[str, Any]] = None
    cue: Optional[Span] = None
    via: list[dict[str, Any]] = []
    evidence: Optional[Span] = None


class QuotePage(BaseModel):
    items: list[Quote]
    next_cursor: Optional[str] = None
    total: Optional[int] = None


class Place(Open):
    name: str
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None


class PlacePage(BaseModel):
    items: list[Place]
    next_cursor: Optional[str] = None
    total: Optional[int] = None


class CountRow(BaseModel):
    key: Optional[str] = Field(description="the group: a day (YYYY-MM-DD), a type, a country code, a sector or a place")
    count: int


class Counts(BaseModel):
    by: str
    items: list[CountRow]


class TimelineRow(BaseModel):
    day: str
    counts: dict[str, int] = Field(description="events per PLOVER type on that day")


class Timeline(BaseModel):
    types: list[str]
    items: list[TimelineRow]


class StorySummary(Open):
    id: str = Field(description="st- and 12 hex digits (of the text hash of the story's first article)")
    title: Optional[str] = None
    first_report: Optional[str] = Field(None, description="earliest publication time of its articles")
    last_report: Optional[str] = None
    n_articles: int
    n_sources: int = Field(description="distinct outlets (a republished copy counts for its original's)")
    n_events: int = Field(description="story events")
    n_mentions: int = Field(description="event mentions in all its articles")
    disputed: bool
    type: Optional[str] = None
    country: Optional[str] = None
    outlets: list[str] = []


class StoryPage(BaseModel):
    available: bool = Field(description="false when this store does not build stories (yet)")
    items: list[StorySummary]
    next_cursor: Optional[str] = None
    total: Optional[int] = None


class ErrorRow(Open):
    code: str
    message: str


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    store: str


class ErrorMessage(BaseModel):
    code: Optional[str] = Field(description="stable error code, e.g. E021")
    message: str = Field(description="'[E021] Invalid parameter ...'")


class ArticleIn(BaseModel):
    """An article to extract (and, for POST /api/articles, to store). Give ``text`` or ``html``."""
    model_config = ConfigDict(extra="forbid")

    text: Optional[str] = Field(None, description="plain text of the article")
    html: Optional[str] = Field(None, description="an HTML page; its main text and metadata are extracted")
    id: Optional[str] = Field(None, min_length=1, max_length=ID_MAX, pattern=ID_PATTERN,
                              description="article id: no '/' or control character, not starting with "
                                          "whitespace or '.'; default: derived from the text's hash")
    published: Optional[str] = Field(None, max_length=40, description="ISO date, anchor for relative dates")
    title: Optional[str] = Field(None, max_length=1000)
    outlet: Optional[str] = Field(None, max_length=300)
    url: Optional[str] = Field(None, max_length=2000)

    @model_validator(mode="after")
    def _one_body(self):
        if bool(self.text) == bool(self.html):
            raise ValueError("give exactly one of 'text' or 'html' (non-empty)")
        return self


class IngestOut(BaseModel):
    article_id: str
    status: str = Field(description="stored | unchanged | failed")
    counts: dict[str, int] = {}
    error: Optional[str] = None
    warnings: list[dict[str, Any]] = []
