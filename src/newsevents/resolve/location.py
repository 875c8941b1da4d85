"""Where and when each event happened.

Place (``event["place"]``), first match wins:

1. ``clause`` — a place named in the event's clause or sentence, used as a location: after a
   locative word ("in Mitrovica", "the town of Raska"), not as a modifier ("Kosovo police",
   "Serbian President") nor as an actor ("policies conducted by Pristina"). Among several, the
   most specific (city before country) and nearest to the trigger wins. A vague country-level
   phrase ("a volatile area of Kosovo") is narrowed to the article's focus place when that lies
   in the same country (method ``focus``).
2. ``paragraph`` — the nearest such place in the event's paragraph.
3. ``focus`` — the article's focus place: the specific place named most (locative mentions
   count double), else the most-named country.

Date (``event["date"]``): a date in the event's sentence (nearest to the trigger, ``clause``),
else the dateline (``dateline``), else the publication date (``published``).
"""
from __future__ import annotations

import re
from collections import Counter

from .. import datelines
from ..extractors.places import mention_role
from ..extractors.registry import extractor

SPECIFICITY = {"city": 3, "admin2": 2.5, "region": 1.5, "admin1": 2, "country": 1}


@extractor("event_location", requires=("places", "dates"), after=("events",))
def locate_events(doc, result) -> None:
    """Each event's place (clause → paragraph → focus) and date (clause → dateline → published)."""
    if not result.events:
        return
    text = result.text
    mentions = [m if "locative" in m else dict(m, **mention_role(doc, text, m["start"], m["end"]))
                for m in (result.stages.places.mentions if result.stages.places else [])]
    paragraphs = _paragraphs(text)
    focus = focus_place(result, mentions, lead_end=_lead_end(doc, paragraphs), dateline_end=dateline_end(text))
    for event in result.events:
        trigger = event.get("trigger") or event.get("evidence")
        sentence = event.get("sentence") or _sentence_of(doc, trigger["start"])
        clause = event.get("evidence") or sentence
        event["place"] = event_place(result, mentions, paragraphs, focus, trigger, sentence, clause)
        event["date"] = event_date(result, trigger, sentence, clause, _token_at(doc, trigger["start"]))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n+", text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _lead_end(doc, paragraphs) -> int:
    """End of the lead: the first paragraph, at most its first two sentences."""
    if not paragraphs:
        return 0
    end = paragraphs[0][1]
    sentences = [s for s in doc.sents if s.start_char < end and s.text.strip()]
    if len(sentences) > 2:
        end = sentences[1].end_char
    return end


def _token_at(doc, pos: int) -> int | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span.root.i if span is not None else None


def _sentence_of(doc, pos: int) -> dict:
    for sent in doc.sents:
        if sent.start_char <= pos < sent.end_char:
            return {"start": sent.start_char, "end": sent.end_char}
    return {"start": 0, "end": len(doc.text)}


def dateline_end(text: str) -> int:
    """End of the article's dateline (0 when there is none): "BAMAKO, Mali (AP) —", "KYIV —"."""
    return datelines.end_of(text)


def focus_place(result, mentions: list[dict], lead_end: int = 0, dateline_end: int = 0) -> dict | None:
    """The article's focus: the specific place named most (locative mentions count double, those
    in the lead — up to ``lead_end`` — three times more), else the most-named country. A dateline
    place (before ``dateline_end``) is where the story was filed, not where it happened: it counts
    once, like a plain mention outside the lead."""
    weights: Counter = Counter()
    first_seen: dict[str, int] = {}
    for m in mentions:
        if m["modifier"] or m["actor"]:
            continue
        place = result.get("places", m["place"])
        if place is None:
            continue
        if m["start"] < dateline_end:
            weights[m["place"]] += 1.0
            first_seen.setdefault(m["place"], m["start"])
            continue
        w = 2.0 if m["locative"] else 1.0
        if m["start"] < lead_end:
            w *= 3.0  # the lead names where the story happens
        weights[m["place"]] += w
        first_seen.setdefault(m["place"], m["start"])
    if not weights:
        return None

    ranks = {m["place"]: _rank(m) for m in mentions}

    def specific(pid):
        return ranks.get(pid, 0) >= 2

    pool = [pid for pid in weights if specific(pid)] or list(weights)
    best = max(pool, key=lambda pid: (weights[pid], -first_seen[pid]))
    return result.get("places", best)


_NEAR = re.compile(r"\b(?:near|outside|around|close\s+to|(?:outskirts|vicinity|edge|suburbs?)\s+of|"
                   r"(?:north|south|east|west)(?:[- ]?(?:east|west))?\s+of)\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?$", re.I)


def precision(place: dict, near: bool = False) -> int:
    """ACLED geo-precision of an event place: 1 the place itself (a town), 2 near a town or a part
    of a region ("near Palmyra", "northern Idlib", the Gaza Strip, a county or district), 3 only a region or the
    country ("in Idlib province", "in Syria")."""
    feature = place.get("feature")
    if feature == "city":
        return 2 if near else 1
    if feature == "admin2" or feature == "region" and place.get("country"):
        return 2
    return 3


def _as_event_place(place: dict, method: str, near: bool = False) -> dict:
    return {"id": place["id"], "name": place["name"], "lat": place["lat"], "lon": place["lon"],
            "country": place["country"], "method": method, "precision": precision(place, near)}


def event_place(result, mentions, paragraphs, focus, trigger, sentence, clause) -> dict | None:
    def candidates(lo, hi):
        return [m for m in mentions if lo <= m["start"] < hi and not (m["modifier"] or m["actor"])]

    t = trigger["start"]
    in_sentence = candidates(sentence["start"], sentence["end"])
    in_clause = [m for m in in_sentence if clause["start"] <= m["start"] < clause["end"]]
    for pool in (in_clause, in_sentence):
        chosen = _pick([m for m in pool if m["locative"]], result, t)
        if chosen is not None:
            place = result.get("places", chosen["place"])
            if _rank(chosen) < 2:  # country-level: "in northern Syria", "a volatile area of Kosovo"
                inside = {m["place"] for m in mentions if m["rank"] >= 2 and not (m["modifier"] or m["actor"])
                          and result.get("places", m["place"])["country"] == place["country"]}
                if len(inside) == 1:  # the article's only specific place in that country
                    return _as_event_place(result.get("places", inside.pop()), "focus")
                unresolved = _qualifies_unknown(result.text, chosen, mentions)
                if (chosen["vague"] or unresolved) and focus is not None \
                        and focus["country"] == place["country"] and focus["id"] != place["id"]:
                    return _as_event_place(focus, "focus")
            near = bool(_NEAR.search(result.text[max(0, chosen["start"] - 40):chosen["start"]]))
            return _as_event_place(place, "clause", near)
    para = next(((s, e) for s, e in paragraphs if s <= t < e), None)
    if para is not None:
        pool = [m for m in candidates(*para) if m["locative"]] or candidates(*para)
        # a place named in a later sentence of the paragraph belongs to that sentence's event
        pool = [m for m in pool if m["start"] < sentence["end"]] or ([] if focus is not None else pool)
        if pool:
            nearest = min(pool, key=lambda m: abs(m["start"] - t))
            return _as_event_place(result.get("places", nearest["place"]), "paragraph")
    if focus is not None:
        return _as_event_place(focus, "focus")
    return None


_NAME_COMMA = re.compile(r"\b[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2},\s*$")


def _qualifies_unknown(text: str, m: dict, mentions: list[dict]) -> bool:
    """"near Sarmada, Syria" with Sarmada unknown to the gazetteer: the country only qualifies a
    place that could not be resolved, so the country itself is not where it happened."""
    window = max(0, m["start"] - 40)
    match = _NAME_COMMA.search(text[window:m["start"]])
    if not match:
        return False
    name_end = window + match.start() + len(match.group(0).rstrip().rstrip(","))
    return not any(o["end"] == name_end for o in mentions)


def _rank(m: dict) -> float:
    return m.get("rank", SPECIFICITY.get(m.get("feature"), 0))


def _pick(pool, result, t):
    if not pool:
        return None
    return min(pool, key=lambda m: (-_rank(m), abs(m["start"] - t)))


def event_date(result, trigger, sentence, clause=None, trigger_index=None) -> dict | None:
    """The date in the event's sentence that belongs to it: attached to the trigger first, then one
    in its clause, then any other — dates of the reporting ("a release issued yesterday") last."""
    t = trigger["start"]
    clause = clause or sentence
    found = result.stages.dates
    spans = [d for d in (found.spans if found else []) if sentence["start"] <= d.start < sentence["end"] and d.value]
    if spans:
        def rank(d):
            attached = trigger_index is not None and d.head == trigger_index
            in_clause = clause["start"] <= d.start < clause["end"]
            return (not attached, d.reporting and not attached, not in_clause, abs(d.start - t))

        d = min(spans, key=rank)
        return {"id": d.id, "value": d.value, "precision": d.precision, "method": "clause"}
    dateline = found.dateline if found else None
    if dateline:
        item = result.get("dates", dateline)
        if item and item.get("value"):
            return {"id": item["id"], "value": item["value"], "precision": item["precision"], "method": "dateline"}
    published = getattr(result.article, "published", None)
    if published:
        value = str(published)[:10]
        return {"id": None, "value": value, "precision": "day" if len(value) == 10 else "month",
                "method": "published"}
    return None
