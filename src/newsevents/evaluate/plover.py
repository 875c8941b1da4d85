"""The PLOVER gold-standard records (JSON lines): loader and sentence-level event scoring.

Each line holds one sentence (``text``), its PLOVER event type (``event``; ``event_v05`` as a
fallback when it is a PLOVER 1.0 type), ``source`` and ``target`` actor lists (``actorText``,
``code``, ``sector``; ``target`` may be missing, ``null`` or ``""``) and ``textInfo.markup`` where
``(SRC/TAR: …)`` marks symmetric actors (both sides of e.g. an agreement, listed under ``source``).

Scores (every sentence is run through the pipeline as its own article):

* ``type_any``: share of sentences where some predicted event has the gold type.
* ``type_first``: share where the first predicted event (in text order) has the gold type.
* ``detected``: share of sentences with at least one predicted event.
* ``events`` P/R/F1: one gold event per sentence; a predicted event is right when it has the gold
  type (at most one per sentence), so precision counts every extra event as a false positive.
* ``actor``: of the sentences with a type match and a gold source, the share where a predicted
  event of the gold type has an actor matching a gold source: its name matches the ``actorText``
  (:func:`newsevents.evaluate.match.name_matches`; a ``...`` gap splits the text into parts that
  each count) or its ``country`` equals the gold ``code``. ``actor_overall`` divides by all
  sentences with a gold source (a missed event counts as a wrong actor); ``recipient_overall``
  likewise.
* ``recipient``: the same against the gold targets. In symmetric sentences (``SRC/TAR``, no
  target) it is right when every party is named by the event, as actor or as recipient ("Jordan
  and Britain agreed": actor [Jordan, Britain] is complete). Sentences without any target are not
  counted.
* ``spurious``: mean number of predicted events per sentence beyond the one gold event.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..config import Config
from ..errors import NewsEventsError
from ..ingest.article import Article
from .gold import EVENT_TYPES
from .match import name_matches
from .events import party_names
from .scores import FieldScore, Issue


@dataclass
class PloverActor:
    text: str
    code: str | None = None
    sector: str | None = None

    @property
    def names(self) -> list[str]:
        parts = [p.strip() for p in self.text.split("...") if p.strip()]
        whole = " ".join(parts)
        return [whole] + [p for p in parts if p != whole]


@dataclass
class PloverSentence:
    id: str
    text: str
    type: str
    sources: list[PloverActor] = field(default_factory=list)
    targets: list[PloverActor] = field(default_factory=list)
    symmetric: bool = False
    trigger: str | None = None


def _actors(value) -> list[PloverActor]:
    if not value:
        return []
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, str) and item.strip():
            out.append(PloverActor(item.strip()))
        elif isinstance(item, dict) and str(item.get("actorText") or "").strip():
            code = item.get("code")
            out.append(PloverActor(str(item["actorText"]).strip(), str(code).upper() if code else None, item.get("sector")))
    return out


def parse_plover_line(data: dict, where: str = "<plover>") -> PloverSentence:
    if not isinstance(data, dict) or not isinstance(data.get("text"), str) or not data["text"].strip():
        raise NewsEventsError("E018", path=where, reason="no 'text'")
    etype = str(data.get("event") or "").upper()
    if etype not in EVENT_TYPES:
        etype = str(data.get("event_v05") or "").upper()
    if etype not in EVENT_TYPES:
        raise NewsEventsError("E018", path=where, reason=f"event type {data.get('event')!r} is not a PLOVER 1.0 type")
    info = data.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
    sources, targets = _actors(data.get("source")), _actors(data.get("target"))
    return PloverSentence(id=str(data.get("id") or where), text=data["text"], type=etype, sources=sources,
                          targets=targets, symmetric="SRC/TAR" in markup and not targets,
                          trigger=data.get("eventText"))


def load_plover(path: str | Path, errors: list[str] | None = None) -> list[PloverSentence]:
    """Every usable line of a PLOVER gold-standard JSONL file; bad lines go to ``errors``."""
    errors = errors if errors is not None else []
    out: list[PloverSentence] = []
    seen: set[str] = set()
    path = Path(path)
    try:
        lines = path.read_text("utf-8-sig").splitlines()
    except OSError as exc:
        raise NewsEventsError("E001", path=str(path), reason=exc.strerror or str(exc)) from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            sentence = parse_plover_line(json.loads(line), where)
            if sentence.id in seen:  # ids are not always unique: keep each line apart
                sentence.id = f"{sentence.id}#{number}"
            seen.add(sentence.id)
            out.append(sentence)
        except json.JSONDecodeError as exc:
            errors.append(str(NewsEventsError("E005", line=number, path=str(path), reason=exc.msg)))
        except NewsEventsError as exc:
            errors.append(str(exc))
    return out


def actor_right(parties: list | None, gold: list[PloverActor], entity_names: dict[str, str]) -> bool:
    names = party_names(parties, entity_names)
    codes = {str(p.get("country")).upper() for p in parties or [] if isinstance(p, dict) and p.get("country")}
    for actor in gold:
        if actor.code and actor.code in codes:
            return True
        if any(name_matches(name, actor.names) for name in names):
            return True
    return False


def _start(event: dict) -> int:
    span = event.get("trigger") or event.get("evidence") or {}
    return span.get("start", 0) if isinstance(span, dict) else 0


def score_sentence(sentence: PloverSentence, doc: dict, issues: list[Issue] | None = None) -> FieldScore:
    issues = issues if issues is not None else []
    score = FieldScore()
    for name in ("type_any", "type_first", "detected", "actor", "actor_overall", "recipient", "recipient_overall"):
        score.a(name)
    preds = sorted(doc.get("events") or [], key=_start)
    entity_names = {e["id"]: e.get("name") for e in doc.get("entities") or [] if "id" in e}
    typed = [e for e in preds if e.get("type") == sentence.type]
    hit = bool(typed)
    score.a("type_any").count(hit)
    score.a("type_first").count(bool(preds) and preds[0].get("type") == sentence.type)
    score.a("detected").count(bool(preds))
    prf = score.p("all")
    prf.gold, prf.tp_gold, prf.pred, prf.tp_pred = 1, int(hit), len(preds), int(hit)
    score.m("spurious").sum += len(preds) - int(hit)
    score.m("spurious").n += 1
    if not hit:
        got = [e.get("type") for e in preds]
        issues.append(Issue(sentence.id, "events", f"miss ({sentence.type})", sentence.text,
                            f"predicted {got}" if got else "no event predicted"))
    recipients = sentence.targets or (sentence.sources if sentence.symmetric else [])
    if sentence.sources:
        ok = hit and any(actor_right(e.get("actor"), sentence.sources, entity_names) for e in typed)
        score.a("actor_overall").count(ok)
        if hit:
            score.a("actor").count(ok)
            if not ok:
                issues.append(Issue(sentence.id, "events", "wrong actor", sentence.text,
                                    f"predicted {[party_names(e.get('actor'), entity_names) for e in typed]}, "
                                    f"gold {[a.text for a in sentence.sources]}"))
    if recipients and not hit:
        score.a("recipient_overall").count(False)
    if recipients and hit:
        if sentence.symmetric:  # "Jordan and Britain agreed": both parties named, on either side
            ok = any(all(actor_right((e.get("actor") or []) + (e.get("recipient") or []), [party], entity_names)
                         for party in sentence.sources) for e in typed)
        else:
            ok = any(actor_right(e.get("recipient"), recipients, entity_names) for e in typed)
        score.a("recipient").count(ok)
        score.a("recipient_overall").count(ok)
        if not ok:
            issues.append(Issue(sentence.id, "events", "wrong recipient", sentence.text,
                                f"predicted {[party_names(e.get('recipient'), entity_names) for e in typed]}, "
                                f"gold {[a.text for a in recipients]}"))
    return score


def plover_articles(sentences: Iterable[PloverSentence]) -> list[Article]:
    """One article per sentence; the text is used as is (no cleaning: it is one sentence)."""
    return [Article(id=s.id, text=s.text) for s in sentences]


def evaluate_plover(path: str | Path, *, config: Config | None = None):
    """Run every sentence of a PLOVER JSONL file and score event type, actors and spurious events."""
    from .run import Report, run_pipeline

    report = Report("plover")
    sentences = load_plover(path, report.errors)
    by_id = {s.id: s for s in sentences}
    total = FieldScore()
    for doc, _ in run_pipeline(plover_articles(sentences), config):
        total.add(score_sentence(by_id[doc["article"]["id"]], doc, report.issues))
        report.count += 1
    report.fields["events"] = total
    return report
