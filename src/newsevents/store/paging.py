"""Backend-neutral helpers: opaque keyset cursors, limits, and safe full-text queries."""
from __future__ import annotations

import base64
import json
import re

from ..errors import NewsEventsError

MAX_LIMIT = 1000
_TERM = re.compile(r'"([^"]+)"|([\w][\w\'-]*\*?)', re.UNICODE)


def encode_cursor(kind: str, after: int) -> str:
    """An opaque cursor: the list it belongs to and the last row seen (rows are only appended)."""
    raw = json.dumps({"k": kind, "a": after}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, kind: str) -> int:
    """The row after which the next page starts (0 for the first page); ``E021`` if invalid."""
    if not cursor:
        return 0
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        after = data["a"]
        if data.get("k") != kind or not isinstance(after, int) or isinstance(after, bool) or after < 0:
            raise ValueError
    except (ValueError, KeyError, TypeError):
        raise NewsEventsError("E021", name="cursor", reason=f"not a cursor of this {kind} list") from None
    return after


def check_limit(limit, maximum: int = MAX_LIMIT) -> int:
    try:
        value = int(limit)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= maximum:
        raise NewsEventsError("E021", name="limit", reason=f"must be an integer from 1 to {maximum}")
    return value


def fts_query(text: str | None) -> str | None:
    """A full-text query that cannot break the FTS5 syntax: every word (or "quoted phrase") must occur;
    a trailing ``*`` keeps prefix search. ``None`` when the text holds no word."""
    if not text:
        return None
    terms = []
    for phrase, word in _TERM.findall(text):
        if phrase:
            words = re.findall(r"\w+", phrase, re.UNICODE)
            if words:
                terms.append('"' + " ".join(words) + '"')
        else:
            prefix = word.endswith("*")
            for part in re.findall(r"\w+", word, re.UNICODE):
                terms.append(f'"{part}"')
            if prefix and terms:
                terms[-1] += "*"
    return " ".join(terms) or None


def like_pattern(text: str) -> str:
    """``%text%`` for a LIKE with ``ESCAPE '\\'``, the user's % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
