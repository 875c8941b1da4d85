"""Drive an evaluation: read gold files and their articles, run the pipeline, score every field."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..config import Config
from ..errors import NewsEventsError
from ..ingest.sources import iter_articles
from ..runner import pipe_docs
from .casualties import score_casualties
from .events import score_events
from .gold import Gold, find_article, load_gold
from .places import score_places
from .quotes import score_quotes
from .scores import PRF, FieldScore, Issue

FIELDS = ("quotes", "places", "casualties", "events")


@dataclass
class Report:
    """Scores of one evaluation (gold files, PLOVER sentences or re3d documents)."""
    name: str
    fields: dict[str, FieldScore] = field(default_factory=dict)
    articles: dict[str, dict[str, FieldScore]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    count: int = 0  # articles / sentences / documents scored

    def overall(self) -> PRF | None:
        """Micro-average over the fields' main P/R/F1 (only for gold-file evaluations)."""
        rows = [self.fields[f].prf["all"] for f in FIELDS if f in self.fields and "all" in self.fields[f].prf]
        if self.name != "gold" or not rows:
            return None
        total = PRF()
        for row in rows:
            total.add(row)
        return total

    def macro_f1(self) -> float | None:
        if self.name != "gold":
            return None
        values = [self.fields[f].prf["all"].f1 for f in FIELDS if f in self.fields and "all" in self.fields[f].prf]
        values = [v for v in values if v is not None]
        return sum(values) / len(values) if values else None

    def flat(self) -> dict[str, float | None]:
        """``{"quotes.f1": …, "events.actor": …, "overall.f1": …}``: what floors pin."""
        out: dict[str, float | None] = {}
        for name, score in self.fields.items():
            for key, value in score.flat().items():
                out[f"{name}.{key}"] = value
        overall = self.overall()
        if overall is not None:
            out.update({"overall.precision": overall.precision, "overall.recall": overall.recall,
                        "overall.f1": overall.f1, "overall.macro_f1": self.macro_f1()})
        return out

    def to_dict(self, details: bool = False) -> dict:
        out = {"evaluation": self.name, "count": self.count,
               "fields": {name: score.to_dict() for name, score in self.fields.items()},
               "scores": self.flat(), "notes": self.notes, "errors": self.errors}
        overall = self.overall()
        if overall is not None:
            out["overall"] = {**overall.to_dict(), "macro_f1": self.macro_f1()}
        if self.articles:
            out["articles"] = {aid: {name: s.flat() for name, s in fields.items()}
                               for aid, fields in self.articles.items()}
        if details:
            out["details"] = [issue.to_dict() for issue in self.issues]
        return out


def run_pipeline(articles: Iterable, config: Config | None = None) -> Iterator[tuple[dict, list[tuple[int, int]]]]:
    """``(contract dict, spaCy sentence spans)`` for each article: the same extractors as ``extract``."""
    for doc, result in pipe_docs(articles, config=config or Config()):
        norm = doc.user_data.get("normalised")  # the parse read a repaired copy: sentences on the stored text
        spans = [(s.start_char, s.end_char) for s in doc.sents]
        yield result.to_dict(), [norm.span(a, b) for a, b in spans] if norm is not None else spans


def score_article(gold: Gold, doc: dict, sentences: Sequence[tuple[int, int]] | None = None,
                  issues: list[Issue] | None = None) -> dict[str, FieldScore]:
    """Every annotated field of one article, scored against the contract dict ``doc``."""
    issues = issues if issues is not None else []
    scores: dict[str, FieldScore] = {}
    if "quotes" in gold.annotated:
        scores["quotes"] = score_quotes(gold, doc, issues)
    if "places" in gold.annotated:
        scores["places"] = score_places(gold, doc, issues)
    if "casualties" in gold.annotated:
        scores["casualties"] = score_casualties(gold, doc, issues)
    if "events" in gold.annotated:
        scores["events"] = score_events(gold, doc, issues, sentences=sentences)
    return scores


def add_article(report: Report, gold: Gold, scores: dict[str, FieldScore]) -> None:
    report.articles[gold.id] = scores
    report.count += 1
    for name, score in scores.items():
        report.fields.setdefault(name, FieldScore()).add(score)


def expand_gold_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Gold files as given; a folder stands for the ``*.gold.json`` files inside it (sorted)."""
    out: list[Path] = []
    for path in map(Path, paths):
        out.extend(sorted(path.glob("*.gold.json")) if path.is_dir() else [path])
    return out


def evaluate_gold(paths: Iterable[str | Path], *, articles_dir: str | Path | None = None,
                  config: Config | None = None) -> Report:
    """Run the pipeline on the articles of the gold files ``paths`` (or folders of them) and score them."""
    report = Report("gold")
    golds: dict[str, Gold] = {}
    articles = []
    for path in expand_gold_paths(paths):
        try:
            gold = load_gold(path)
            article_path = find_article(gold, articles_dir)
            loaded = next(iter(iter_articles([str(article_path)])))
        except NewsEventsError as exc:
            report.errors.append(str(exc))
            continue
        if isinstance(loaded, NewsEventsError):
            report.errors.append(str(loaded))
            continue
        if gold.id in golds:
            report.errors.append(str(NewsEventsError("E018", path=gold.path, reason=f"id '{gold.id}' already used by "
                                                     f"{golds[gold.id].path}")))
            continue
        if gold.published and not loaded.published:
            loaded.published = gold.published
        loaded.id = gold.id
        golds[gold.id] = gold
        articles.append(loaded)
    for doc, sentences in run_pipeline(articles, config):
        gold = golds[doc["article"]["id"]]
        _check_spans(gold, doc["text"], report)
        add_article(report, gold, score_article(gold, doc, sentences, report.issues))
    return report


def _check_spans(gold: Gold, text: str, report: Report) -> None:
    """Note gold quotes/evidence that do not occur in the article (they cannot be matched by offset)."""
    for event in gold.events:
        if event["evidence"] not in text:
            report.notes.append(f"{gold.id}: event evidence not found in the article: {event['evidence']!r}")
    for quote in gold.quotes:
        if quote["text"] not in text:
            report.notes.append(f"{gold.id}: quote text not found in the article: {quote['text'][:60]!r}")
