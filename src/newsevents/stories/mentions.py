"""The event mentions of one document, in the compact form story events are built from.

A mention keeps what decides whether two reports tell of the same incident (type, mode, trigger
stem, actors, place, date, negation) and what is counted or disputed (casualties, who reports it),
with the evidence span, so that story events can be rebuilt from the stored features alone.
"""
from __future__ import annotations

from .features import stem, words

ASSERTED = (None, "asserted")


def _actors(event: dict, role: str) -> list[dict]:
    out = []
    for actor in event.get(role) or []:
        if isinstance(actor, dict) and actor.get("name") and actor.get("kind") != "target":
            out.append({"name": actor["name"], "key": " ".join(words(actor["name"])),
                        "sector": actor.get("sector"), "country": actor.get("country")})
    return out


def _by_id(items) -> dict:
    return {item["id"]: item for item in items or [] if isinstance(item, dict) and "id" in item}


def _place(event: dict, places: dict) -> dict | None:
    value = event.get("place")
    if isinstance(value, dict):
        ref = value.get("id")
        place = {**places.get(ref, {}), **value} if isinstance(ref, str) else value
    elif isinstance(value, str):
        place = places.get(value)
    else:
        place = None
    if not place or not place.get("name"):
        return None
    return {"name": place.get("name"), "country": place.get("country"), "geonameid": place.get("geonameid"),
            "lat": place.get("lat"), "lon": place.get("lon"), "feature": place.get("feature")}


def _date(event: dict, dates: dict) -> dict | None:
    value = event.get("date")
    if isinstance(value, dict) and isinstance(value.get("id"), str) and not value.get("value"):
        value = {**dates.get(value["id"], {}), **value}
    elif isinstance(value, str):
        value = dates.get(value)
    if not isinstance(value, dict) or not isinstance(value.get("value"), str) or value.get("method") == "published":
        return None  # a date the text gives, not the publication day put in its place
    return {"value": value["value"], "precision": value.get("precision")}


def _reporter(event: dict, quotes: dict) -> str | None:
    """Who the article says reports the event (a quoted speaker), if anyone."""
    reported = event.get("reported_by")
    if not isinstance(reported, dict):
        return None
    speaker = reported.get("speaker")
    if isinstance(speaker, dict):
        speaker = speaker.get("name")
    name = reported.get("name") or speaker
    if not name and isinstance(reported.get("quote"), str):
        quote = quotes.get(reported["quote"]) or {}
        name = (quote.get("speaker") or {}).get("name") if isinstance(quote.get("speaker"), dict) else None
    return name if isinstance(name, str) and name else None


def _casualties(doc: dict, event_id: str | None, quotes: dict) -> list[dict]:
    """Asserted casualty figures of one event (``None``: those tied to no event)."""
    out = []
    for cas in doc.get("casualties") or []:
        if not isinstance(cas, dict) or cas.get("event") != event_id or cas.get("modality") not in ASSERTED:
            continue
        if not isinstance(cas.get("count"), int):
            continue
        ev = cas.get("evidence") or {}
        out.append({"id": cas["id"], "kind": cas["kind"], "count": cas["count"], "who": cas.get("who"),
                    "approximate": bool(cas.get("approximate")), "evidence": ev,
                    "speaker": _speaker_at(ev.get("start"), quotes)})
    return out


def _speaker_at(offset, quotes: dict) -> str | None:
    """The speaker of the quote that holds this offset, if any."""
    if not isinstance(offset, int):
        return None
    for quote in quotes.values():
        if isinstance(quote.get("start"), int) and quote["start"] <= offset < quote.get("end", -1):
            speaker = quote.get("speaker")
            name = speaker.get("name") if isinstance(speaker, dict) else None
            if name:
                return name
    return None


def mentions(doc: dict) -> list[dict]:
    """Compact event mentions of a document, in text order."""
    places, dates, quotes = _by_id(doc.get("places")), _by_id(doc.get("dates")), _by_id(doc.get("quotes"))
    out = []
    for event in doc.get("events") or []:
        if not isinstance(event, dict) or not event.get("type"):
            continue
        trigger = event.get("trigger") if isinstance(event.get("trigger"), dict) else None
        trigger_words = words(trigger.get("text")) if trigger else []
        evidence = event.get("evidence") or {}
        out.append({
            "id": event["id"], "type": event["type"], "mode": event.get("mode"),
            "trigger": " ".join(stem(w) for w in trigger_words) or None,
            "span": trigger or {"start": evidence.get("start"), "end": evidence.get("end"), "text": evidence.get("text")},
            "evidence": {"start": evidence.get("start"), "end": evidence.get("end"), "text": evidence.get("text")},
            "negated": bool(event.get("negated")), "modality": event.get("modality"),
            "actor": _actors(event, "actor"), "recipient": _actors(event, "recipient"),
            "place": _place(event, places), "date": _date(event, dates),
            "reported_by": _reporter(event, quotes) or _speaker_at(evidence.get("start"), quotes),
            "casualties": _casualties(doc, event["id"], quotes),
        })
    return out


def all_casualties(doc: dict) -> list[dict]:
    """Every asserted casualty figure of the document, whatever event it belongs to (the story's toll)."""
    quotes = _by_id(doc.get("quotes"))
    events = {None} | {e.get("id") for e in doc.get("events") or [] if isinstance(e, dict)}
    return [c for event in sorted(events, key=lambda e: (e is not None, e or "")) for c in _casualties(doc, event, quotes)]
