"""The one rule for article ids, applied where articles come in (files, JSONL records, the API).

An id is at most :data:`ID_MAX` characters, contains no ``/`` (an event's key is
``ARTICLE_ID/evtN``) and no control character, and starts with neither whitespace nor ``.`` (so that
no id is a dot segment like ``..``, which a browser would resolve in a URL). A store may append
``~<hash>`` (up to 65 characters, warning ``W006``) to an id already taken by another text; every
stored id therefore stays within :data:`STORED_ID_MAX`.

At ingest an id that breaks the rule is made to follow it (warning ``W012`` names both); the API
refuses such an id with ``E021``, since its caller can choose another.
"""
from __future__ import annotations

import hashlib
import re

ID_MAX = 128
STORED_ID_MAX = ID_MAX + 65
# the same rule as a regular expression, for the OpenAPI document and request validation
ID_PATTERN = r"^[^/\s.\x00-\x1f\x7f-\x9f][^/\x00-\x1f\x7f-\x9f]*$"
_ID = re.compile(ID_PATTERN)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def id_problem(value: str) -> str | None:
    """Why ``value`` is not a valid article id (None: it is)."""
    if not value:
        return "empty"
    if len(value) > ID_MAX:
        return f"longer than {ID_MAX} characters"
    if "/" in value:
        return "contains '/'"
    if _CONTROL.search(value):
        return "contains a control character"
    if not _ID.match(value):
        return "starts with whitespace or '.'"
    return None


def valid_id(value: str, fallback: str) -> str:
    """``value`` made to follow the rule: ``/`` and controls become ``_``, leading whitespace and dots
    are dropped, an over-long id is cut and ends with ``~`` and 8 hex digits of the original's SHA-256
    (so that two long ids sharing a start stay distinct). ``fallback`` when nothing is left."""
    if id_problem(value) is None:
        return value
    text = _CONTROL.sub("_", value.replace("/", "_")).lstrip().lstrip(".").lstrip()
    if not text:
        return fallback
    if len(text) > ID_MAX:
        digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        text = f"{text[:ID_MAX - 9].rstrip()}~{digest}"
    return text if id_problem(text) is None else fallback
