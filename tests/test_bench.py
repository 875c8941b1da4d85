"""``newsevents bench``: bare spaCy against the full pipeline on a small real corpus."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.bench import run_bench
from newsevents.errors import NewsEventsError
from newsevents.extractors.registry import ordered

FIXTURES = Path(__file__).parent / "fixtures"

ARTICLES = FIXTURES / "articles"


@pytest.fixture(scope="module")
def result(nlp):
    return run_bench([str(ARTICLES)], repeat=2)


def test_report_fields(result):
    assert result.articles == 3
    texts = [p.read_text("utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    # words are counted on the article text as ingested (whitespace-separated), close to the raw files
    assert abs(result.words - sum(len(t.split()) for t in texts)) <= 10
    assert result.bare_seconds > 0 and result.full_seconds > 0
    assert result.bare_articles_per_s == pytest.approx(3 / result.bare_seconds)
    assert result.full_words_per_s == pytest.approx(result.words / result.full_seconds)
    assert result.ratio == pytest.approx(result.full_seconds / result.bare_seconds)
    assert result.bare_median >= result.bare_seconds and result.full_median >= result.full_seconds
    assert result.peak_rss_mb > 50  # a spaCy model is loaded
    assert result.model.startswith("en_core_web_sm")


def test_ratios_are_computed_from_the_same_run(result):
    # the ratios themselves are speed figures: they belong to the benchmark's report, not to a test
    # that a busy machine can fail (#18.13); what is tested is how they are computed
    assert result.full_cpu_seconds > 0 and result.bare_cpu_seconds > 0
    assert result.cpu_ratio == pytest.approx(result.full_cpu_seconds / result.bare_cpu_seconds)


def test_every_extractor_is_timed(result):
    names = [ext.name for ext in result.extractors]
    assert names == [ext.name for ext in ordered()]
    spent = sum(ext.seconds for ext in result.extractors)
    assert 0 < spent < result.full_seconds
    assert result.parse_and_other_seconds == pytest.approx(result.full_seconds - spent)
    for ext in result.extractors:
        assert ext.share_pct == pytest.approx(100 * ext.seconds / result.full_seconds)
        assert ext.added_pct == pytest.approx(100 * ext.seconds / result.parse_and_other_seconds)


def test_bad_corpus_and_repeat(tmp_path, nlp):
    with pytest.raises(NewsEventsError, match=r"\[E021\]"):
        run_bench([str(tmp_path)])
    with pytest.raises(NewsEventsError, match=r"\[E021\]"):
        run_bench([str(ARTICLES)], repeat=0)


def test_cli_json(nlp, capsys):
    from newsevents.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["bench", str(ARTICLES / "kosovo-mitrovica.txt"), "--repeat", "1", "--json"])
    assert exit_.value.code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 1 and data["ratio"] > 0
    assert {"bare_words_per_s", "full_words_per_s", "peak_rss_mb", "extractors"} <= data.keys()
