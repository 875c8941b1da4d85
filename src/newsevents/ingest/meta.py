"""Article metadata: publication dates and sidecar ``NAME.meta.json`` files."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from ..errors import warning

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


def normalise_date(value, article_id: str, warnings: list[dict]) -> str | None:
    """ISO form of a publication date, or ``None`` with a ``W001`` warning if it is not a date."""
    if value in (None, ""):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = str(value).strip()
    if _ISO.match(text):
        try:
            dt.date.fromisoformat(text[:10])
            return text
        except ValueError:
            pass
    try:
        import dateparser

        parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    except Exception:
        parsed = None
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
