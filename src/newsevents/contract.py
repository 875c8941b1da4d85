"""The ``newsevents/1`` output contract.

One :class:`Result` per article. Extractors append items with :meth:`Result.add`, which gives
each item a stable id (``ent1``, ``evt3`` …). Every item carries ``evidence`` — character offsets
into ``Result.text`` — built with :func:`evidence`. ``to_dict()`` is the JSON form documented in
``docs/contract.md`` and validated by ``schema/newsevents-1.json``.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .stages import StageResults

SCHEMA_ID = "newsevents/1"
LISTS = ("entities", "places", "events", "quotes", "casualties", "dates")
ID_PREFIX = {"entities": "ent", "places": "plc", "events": "evt", "quotes": "quo",
             "casualties": "cas", "dates": "dat"}


def evidence(text: str, start: int, end: int) -> dict:
    """Evidence for ``text[start:end]``; the span is what the offsets slice, always."""
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"evidence offsets {start}:{end} outside text of length {len(text)}")
    return {"start": start, "end": end, "text": text[start:end]}


class Result:
    """The extraction result for one article (mutable while extractors run)."""

    def __init__(self, article, text: str | None = None):
        self.article = article
        self.text = article.text if text is None else text
        self.items: dict[str, list[dict]] = {name: [] for name in LISTS}
        self.warnings: list[dict] = list(getattr(article, "warnings", []) or [])
        self.stages = StageResults()  # what one stage hands to later ones (newsevents.stages; not exported)

    def __getattr__(self, name: str) -> list[dict]:
        items = self.__dict__.get("items")
        if items is not None and name in items:
            return items[name]
        raise AttributeError(name)

    def add(self, kind: str, item: dict) -> str:
        """Append ``item`` to list ``kind``, assigning it an id; returns the id."""
        bucket = self.items[kind]
        item_id = item.get("id") or f"{ID_PREFIX[kind]}{len(bucket) + 1}"
        item["id"] = item_id
        bucket.append(item)
        return item_id

    def get(self, kind: str, item_id: str) -> dict | None:
        for item in self.items[kind]:
            if item["id"] == item_id:
                return item
        return None

    def evidence(self, start: int, end: int) -> dict:
        return evidence(self.text, start, end)

    def to_dict(self) -> dict:
        out = {"schema": SCHEMA_ID, "article": self.article.metadata(), "text": self.text}
        for name in LISTS:
            out[name] = self.items[name]
        out["warnings"] = self.warnings
        return out


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(resources.files("newsevents").joinpath("schema/newsevents-1.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def validator():
    """One compiled validator for the schema, built once per process: ``jsonschema.validate`` checks
    the schema and builds a new validator on every call (most of the cost of validating a document)."""
    import jsonschema

    cls = jsonschema.validators.validator_for(schema())
    cls.check_schema(schema())
    return cls(schema())


def validate(doc: dict) -> None:
    """Raise :class:`newsevents.errors.NewsEventsError` ``E020`` if ``doc`` breaks the schema,
    or if any evidence offsets do not slice ``text`` to the evidence text."""
    import jsonschema
    from .errors import NewsEventsError

    # the error jsonschema.validate would raise: the most relevant one (best_match)
    error = jsonschema.exceptions.best_match(validator().iter_errors(doc))
    if error is not None:
        path = "/".join(str(p) for p in error.absolute_path)
        raise NewsEventsError("E020", reason=f"{path}: {error.message}") from None
    for span in iter_spans(doc):
        if doc["text"][span["start"]:span["end"]] != span["text"]:
            raise NewsEventsError("E020", reason=f"span {span['start']}:{span['end']} does not slice to {span['text']!r}")


def iter_spans(obj):
    """Every ``{start,end,text}`` span object anywhere inside a contract document."""
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys() and isinstance(obj.get("start"), int) \
                and isinstance(obj.get("text"), str) and isinstance(obj.get("end"), int):
            yield obj
        for key, value in obj.items():
            if key in ("text", "article"):
                continue
            yield from iter_spans(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from iter_spans(value)
