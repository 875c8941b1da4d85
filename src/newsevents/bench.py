"""Throughput benchmark: bare spaCy ``nlp.pipe`` against the full pipeline, on the same articles.

One run reads the corpus once, loads the model and warms every extractor up (lazy data such as the
gazetteer loads outside the timings), then, ``repeat`` times, times

1. **bare**: ``nlp.pipe`` over the article texts (the floor: parsing alone);
2. **full**: the pipeline as ``extract`` runs it: parse, every registered extractor, ``to_dict()``;

and reports articles/s and words/s for both, their ratio (full time / bare time), the same ratio in
CPU time (single process: steady when other programs compete for the CPU), the peak resident
memory, and the time spent in each extractor, as a share of the full time and as time *added* on
top of parsing (the figure "quote extraction adds at most 15 %" is judged on). "Parsing" there is
the full run's time outside the extractors, measured in the same run as the extractors, so that a
busy machine slows numerator and denominator alike.
"""
from __future__ import annotations

import gc
import resource
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Iterable

from .config import Config
from .errors import NewsEventsError
from .extractors.registry import ordered
from .ingest.sources import iter_articles
from .nlp.pipeline import load_nlp
from .runner import pipe


@dataclass
class ExtractorTime:
    name: str
    seconds: float
    share_pct: float  # of the full pipeline time
    added_pct: float  # relative to the parse (full time outside the extractors) of the same run


@dataclass
class BenchResult:
    articles: int
    words: int
    chars: int
    repeat: int
    processes: int
    model: str
    bare_seconds: float  # best of the repeats
    full_seconds: float
    bare_median: float
    full_median: float
    bare_articles_per_s: float
    bare_words_per_s: float
    full_articles_per_s: float
    full_words_per_s: float
    ratio: float  # full time / bare time (wall clock, best runs)
    bare_cpu_seconds: float = 0.0  # CPU time of this process (best run); workers not included
    full_cpu_seconds: float = 0.0
    cpu_ratio: float | None = None  # full / bare CPU time, single process only: steadier on a busy machine
    peak_rss_mb: float = 0.0  # this process
    peak_rss_worker_mb: float = 0.0  # the largest worker process (0 with one process)
    extractors: list[ExtractorTime] = field(default_factory=list)
    parse_and_other_seconds: float = 0.0  # full time outside the extractors
    skipped: list[str] = field(default_factory=list)  # articles that could not be read

    def to_dict(self) -> dict:
        return asdict(self)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MiB: of this process, or (``RUSAGE_CHILDREN``) of the largest
    finished child process (the spaCy workers with ``--processes``)."""
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return resource.getrusage(who).ru_maxrss * scale / 2**20


def load_corpus(paths: Iterable[str], config: Config) -> tuple[list, list[str]]:
    articles, skipped = [], []
    for item in iter_articles(paths, config=config):
        if isinstance(item, NewsEventsError):
            skipped.append(str(item))
        else:
            item.text = item.text[: config.max_chars]
            articles.append(item)
    return articles, skipped


def _time_bare(nlp, texts: list[str], config: Config) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of bare ``nlp.pipe``."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=config.batch_size, n_process=config.n_process):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def _time_full(articles: list, config: Config, extractors: list[str] | None) -> tuple[float, float, dict[str, float]]:
    """(wall seconds, CPU seconds, wall seconds per extractor) of the full pipeline."""
    spent: dict[str, float] = defaultdict(float)

    def on_timing(name: str, seconds: float) -> None:
        spent[name] += seconds

    started, cpu = time.perf_counter(), time.process_time()
    for result in pipe(articles, config=config, extractors=extractors, on_timing=on_timing):
        result.to_dict()
    return time.perf_counter() - started, time.process_time() - cpu, dict(spent)


def run_bench(paths: Iterable[str], *, repeat: int = 1, processes: int = 1, batch_size: int | None = None,
              extractors: list[str] | None = None, config: Config | None = None) -> BenchResult:
    """Benchmark bare spaCy and the full pipeline on the articles under ``paths``."""
    if repeat < 1:
        raise NewsEventsError("E021", name="repeat", reason="must be at least 1")
    config = config or Config()
    config.n_process = processes
    if batch_size:
        config.batch_size = batch_size
    articles, skipped = load_corpus(paths, config)
    if not articles:
        raise NewsEventsError("E021", name="CORPUS", reason="no readable article" + (f" ({skipped[0]})" if skipped else ""))
    nlp = load_nlp(config.model)
    chain = [ext.name for ext in ordered(extractors)]
    texts = [a.text for a in articles]

    # Warm-up outside the timings: model, extractor data, first-call caches.
    warm = Config(n_process=1, batch_size=config.batch_size, model=config.model, time_budget=config.time_budget)
    for _ in pipe(articles[:1], config=warm, extractors=chain):
        pass

    bare_runs, full_runs = [], []
    for index in range(repeat):
        # alternate the order and start each from a collected heap, so neither side inherits
        # the other's garbage or always runs second on a warmed cache
        for side in (("bare", "full") if index % 2 == 0 else ("full", "bare")):
            gc.collect()
            if side == "bare":
                bare_runs.append(_time_bare(nlp, texts, config))
            else:
                full_runs.append(_time_full(articles, config, chain))
    bare = min(run[0] for run in bare_runs)
    full = min(run[0] for run in full_runs)
    # each extractor's best run: one preempted call should not make an extractor look slow
    spent = {name: min(run[2].get(name, 0.0) for run in full_runs) for name in chain}
    bare_cpu, full_cpu = min(run[1] for run in bare_runs), min(run[1] for run in full_runs)
    words = sum(len(t.split()) for t in texts)
    parse_other = max(full - sum(spent.values()), 1e-9)
    ext_times = [ExtractorTime(name, spent.get(name, 0.0), 100 * spent.get(name, 0.0) / full,
                               100 * spent.get(name, 0.0) / parse_other) for name in chain]
    return BenchResult(
        articles=len(articles), words=words, chars=sum(len(t) for t in texts), repeat=repeat, processes=processes,
        model=f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}",
        bare_seconds=bare, full_seconds=full,
        bare_median=statistics.median(r[0] for r in bare_runs), full_median=statistics.median(r[0] for r in full_runs),
        bare_cpu_seconds=bare_cpu, full_cpu_seconds=full_cpu,
        cpu_ratio=full_cpu / bare_cpu if processes == 1 and bare_cpu > 0 else None,
        bare_articles_per_s=len(articles) / bare, bare_words_per_s=words / bare,
        full_articles_per_s=len(articles) / full, full_words_per_s=words / full,
        ratio=full / bare, peak_rss_mb=peak_rss_mb(),
        peak_rss_worker_mb=peak_rss_mb(resource.RUSAGE_CHILDREN) if processes > 1 else 0.0, extractors=ext_times,
        parse_and_other_seconds=parse_other, skipped=skipped,
    )
