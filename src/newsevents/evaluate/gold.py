"""Gold annotation files (``*.gold.json``, see ``docs/evaluation.md``) and the articles they annotate.

A gold file names its article by ``id``; the article text is looked for, in order, in the
``--articles`` folder, beside the gold file (``ID.txt`` / ``ID.html``, with ``ID.meta.json``), and
in a sibling ``articles/`` folder (the ``gold/`` + ``articles/`` layout).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NewsEventsError

EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
CASUALTY_KINDS = ("killed", "injured", "arrested", "missing")
QUOTE_KINDS = ("direct", "indirect", "mixed")
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class Gold:
    id: str
    path: str
    published: str | None = None
    quotes: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    casualties: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    # Which fields the file annotates: a missing key means "not annotated", not "none there".
    annotated: tuple[str, ...] = ()


def _names(value, path: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise NewsEventsError("E018", path=path, reason=f"{where} must be a name or a list of names")


def _check(cond: bool, path: str, reason: str) -> None:
    if not cond:
        raise NewsEventsError("E018", path=path, reason=reason)


def parse_gold(data: dict, path: str = "<gold>") -> Gold:
    """Check and normalise one gold object (name lists always lists, types upper-case)."""
    _check(isinstance(data, dict), path, "not a JSON object")
    _check(isinstance(data.get("id"), str) and data["id"], path, "missing 'id'")
    gold = Gold(id=data["id"], path=path, published=data.get("published"),
                annotated=tuple(k for k in ("quotes", "places", "casualties", "events") if k in data))
    for i, quote in enumerate(data.get("quotes") or []):
        where = f"quotes[{i}]"
        _check(isinstance(quote, dict) and isinstance(quote.get("text"), str) and quote["text"].strip(), path,
               f"{where}.text missing")
        kind = quote.get("kind", "direct")
        _check(kind in QUOTE_KINDS, path, f"{where}.kind '{kind}' is not one of {', '.join(QUOTE_KINDS)}")
        gold.quotes.append({**quote, "kind": kind, "speaker": _names(quote.get("speaker"), path, f"{where}.speaker"),
                            "via": _names(quote.get("via"), path, f"{where}.via")})
    for i, place in enumerate(data.get("places") or []):
        where = f"places[{i}]"
        _check(isinstance(place, dict) and isinstance(place.get("name"), str), path, f"{where}.name missing")
        for key in ("lat", "lon"):
            _check(isinstance(place.get(key), (int, float)), path, f"{where}.{key} must be a number")
        _check(isinstance(place.get("country"), str) and len(place["country"]) == 2, path,
               f"{where}.country must be ISO 3166-1 alpha-2")
        gold.places.append({**place, "country": place["country"].upper()})
    for i, cas in enumerate(data.get("casualties") or []):
        where = f"casualties[{i}]"
        _check(isinstance(cas, dict) and cas.get("kind") in CASUALTY_KINDS, path,
               f"{where}.kind must be one of {', '.join(CASUALTY_KINDS)}")
        count = cas.get("count")
        _check(count is None or (isinstance(count, int) and not isinstance(count, bool) and count >= 0), path,
               f"{where}.count must be an integer >= 0 (or null: a number not stated)")
        gold.casualties.append(dict(cas))
    for i, event in enumerate(data.get("events") or []):
        where = f"events[{i}]"
        _check(isinstance(event, dict) and str(event.get("type", "")).upper() in EVENT_TYPES, path,
               f"{where}.type must be a PLOVER 1.0 event type")
        _check(isinstance(event.get("evidence"), str) and event["evidence"].strip(), path, f"{where}.evidence missing")
        alt = [str(t).upper() for t in _names(event.get("alt_types"), path, f"{where}.alt_types")]
        gold.events.append({**event, "type": event["type"].upper(), "alt_types": alt,
                            "source": _names(event.get("source"), path, f"{where}.source"),
                            "target": _names(event.get("target"), path, f"{where}.target")})
    return gold


def load_gold(path: str | Path) -> Gold:
    """Read and check one ``*.gold.json`` file (``E018`` when it is not valid)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8-sig"))
    except OSError as exc:
        raise NewsEventsError("E001", path=str(path), reason=exc.strerror or str(exc)) from None
    except json.JSONDecodeError as exc:
        raise NewsEventsError("E018", path=str(path), reason=f"not valid JSON ({exc.msg}, line {exc.lineno})") from None
    return parse_gold(data, str(path))


def find_article(gold: Gold, articles_dir: str | Path | None = None) -> Path:
    """The article file a gold file annotates (``E018`` when none is found)."""
    gold_dir = Path(gold.path).parent
    folders = ([Path(articles_dir)] if articles_dir else []) + [gold_dir, gold_dir.parent / "articles"]
    for folder in folders:
        for suffix in ARTICLE_SUFFIXES:
            candidate = folder / f"{gold.id}{suffix}"
            if candidate.is_file():
                return candidate
    tried = ", ".join(str(f / f"{gold.id}.txt") for f in folders)
    raise NewsEventsError("E018", path=gold.path, reason=f"article text not found (tried {tried}; use --articles DIR)")
