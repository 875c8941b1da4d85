"""The limits are configurable and enforced: size (before reading), characters, tokens, time budget."""
from __future__ import annotations

import os
import threading
import time
import tracemalloc

import pytest

import newsevents
from newsevents.config import Config
from newsevents.errors import ConfigError, NewsEventsError
from newsevents.extractors.registry import Extractor, ordered
from newsevents.ingest.article import Article
from newsevents.ingest.sources import iter_articles
from newsevents.runner import run_extractors

HANG_GUARD = 120  # seconds: only ever reached when the code under test hangs
GOOD = "Police arrested two men in Mitrovica on Tuesday, the interior ministry said. "


def _peak_while(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_50mb_file_is_refused_before_it_is_read(bad_corpus):
    folder, _ = bad_corpus
    huge = folder / "huge-50mb.txt"
    out = []
    peak = _peak_while(lambda: out.extend(iter_articles([str(huge)])))
    assert [getattr(o, "code", None) for o in out] == ["E004"]
    assert "huge-50mb.txt" in str(out[0]) and str(huge.stat().st_size) in str(out[0])
    assert peak < 2_000_000, f"{peak} bytes allocated to refuse it"


def test_50mb_jsonl_line_is_skipped_in_chunks_and_the_next_line_read(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"id": "big", "text": "' + b"x " * (25 * 1024 * 1024) + b'"}\n')
        fh.write(b'{"id": "after", "text": "' + GOOD.encode() + b'"}\n')
    out = []
    peak = _peak_while(lambda: out.extend(iter_articles([str(path)])))
    assert isinstance(out[0], NewsEventsError) and out[0].code == "E004" and "big.jsonl:1" in str(out[0])
    assert isinstance(out[1], Article) and out[1].id == "after"
    assert peak < 15_000_000, f"{peak} bytes allocated"


def test_max_bytes_is_configurable(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD * 3)
    assert isinstance(next(iter_articles([str(path)])), Article)
    refused = next(iter_articles([str(path)], config=Config(max_bytes=100)))
    assert refused.code == "E004" and "> 100 bytes" in str(refused)


def test_environment_sets_limits_and_bad_values_are_coded_errors(monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_MAX_BYTES", "1234")
    monkeypatch.setenv("NEWSEVENTS_TIME_BUDGET", "2.5")
    monkeypatch.setenv("NEWSEVENTS_MAX_TOKENS", "999")
    config = Config()
    assert (config.max_bytes, config.time_budget, config.max_tokens) == (1234, 2.5, 999)
    monkeypatch.setenv("NEWSEVENTS_MAX_BYTES", "lots")
    with pytest.raises(ConfigError) as info:
        Config()
    assert info.value.code == "E021" and "NEWSEVENTS_MAX_BYTES" in str(info.value)
    monkeypatch.delenv("NEWSEVENTS_MAX_BYTES")
    for bad in ({"max_chars": 0}, {"time_budget": -1}, {"max_tokens": "many"}, {"batch_size": float("nan")}):
        with pytest.raises(ConfigError):
            Config(**bad)
    assert Config(time_budget=None).time_budget is None


def _finishes(fn, what: str):
    """Run ``fn`` in a thread and return its result; a reader that blocks for good (opening a FIFO
    with no writer, reading /dev/zero to the end) never returns, so the join's limit is a hang guard
    a hundred times longer than the work, not a speed figure."""
    box = {}
    worker = threading.Thread(target=lambda: box.update(value=fn()), daemon=True)
    worker.start()
    worker.join(HANG_GUARD)
    assert not worker.is_alive(), f"{what} did not return: it blocks"
    return box["value"]


def test_fifo_or_device_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    out = _finishes(lambda: list(iter_articles([str(fifo), "/dev/zero"])), "reading a FIFO and /dev/zero")
    assert [o.code for o in out] == ["E001", "E001"]


def test_char_and_token_limits_cut_before_parsing_with_a_warning(nlp):
    long_text = GOOD * 200  # ~15,000 characters, ~2,800 tokens
    doc = newsevents.extract(long_text, id="long", config=Config(max_chars=5_000))
    assert len(doc["text"]) <= 5_000
    assert any(w["code"] == "W005" and "long" in w["message"] for w in doc["warnings"])
    newsevents.validate(doc)
    doc = newsevents.extract(long_text, id="tokens", config=Config(max_tokens=300))
    assert len(nlp(doc["text"])) <= 300
    assert any(w["code"] == "W005" for w in doc["warnings"])
    newsevents.validate(doc)


def test_quadratic_tokenizer_input_is_bounded(nlp):
    """30,000 '(' in a row: spaCy's own tokenizer needs minutes (its affix search is quadratic in the
    run's length); the guarded one never hands spaCy a whitespace-free run longer than RUN_CHUNK."""
    from newsevents.runner import RUN_CHUNK, GuardedTokenizer, guard_tokenizer

    text = "(" * 30_000 + " Police arrested two men."
    inner = guard_tokenizer(nlp).tokenizer.inner
    seen: list[str] = []

    class Spy:
        vocab = inner.vocab

        def __call__(self, piece):
            seen.append(piece)
            return inner(piece)

    doc = GuardedTokenizer(Spy())(text)
    assert doc.text == text and len(doc) >= 30_000 // RUN_CHUNK
    assert seen and max(len(run) for piece in seen for run in piece.split()) <= RUN_CHUNK


def _chain(*funcs):
    base = ordered(["entities"])
    return base + [Extractor(f.__name__, f) for f in funcs]


def _budget_case(nlp, funcs, budget):
    article = Article(id="slow", text=GOOD)
    doc = nlp(article.text)
    return run_extractors(doc, article, _chain(*funcs), budget=budget)


@pytest.fixture
def watchdog():
    """Interrupt the main thread (KeyboardInterrupt, which the extractors below do not catch) if a
    runaway extractor is not stopped: a hang guard far beyond the budget, so it cannot race it."""
    import _thread

    timer = threading.Timer(HANG_GUARD, _thread.interrupt_main)
    timer.start()
    yield
    timer.cancel()


@pytest.fixture
def clock(monkeypatch):
    """The runner's clock, moved by hand: a budget checked between extractors is tested without
    racing real sleeps against it."""
    import types

    import newsevents.runner as runner

    now = [1000.0]
    monkeypatch.setattr(runner, "time", types.SimpleNamespace(monotonic=lambda: now[0],
                                                              perf_counter=time.perf_counter))
    return now


def test_time_budget_interrupts_a_runaway_extractor(nlp, watchdog):
    ran_after = []

    def spin(doc, result):
        while True:  # pure-Python infinite loop
            pass

    def swallowing(doc, result):  # catches Exception everywhere: the budget still wins
        while True:
            try:
                time.sleep(0.01)
            except Exception:
                pass

    def after(doc, result):
        ran_after.append(True)

    for runaway in (spin, swallowing):
        result = _budget_case(nlp, [runaway, after], budget=0.5)  # returns at all: the budget interrupted
        warning = [w for w in result.warnings if w["code"] == "E015"]
        assert len(warning) == 1 and runaway.__name__ in warning[0]["message"] and "after" in warning[0]["message"]
        assert not ran_after
        assert result.entities, "what ran before the budget ran out is kept"
        newsevents.validate(result.to_dict())


def test_time_budget_between_extractors_outside_the_main_thread(nlp, clock):
    """No timer in worker threads (e.g. the web server's pool): the budget is checked between extractors.
    Each extractor takes 0.4 s on the runner's clock: after two (0.8 s) a 0.5 s budget is spent."""
    calls = []

    def slow(doc, result):
        calls.append(1)
        clock[0] += 0.4

    result = _finishes(lambda: _budget_case(nlp, [slow, slow, slow, slow], budget=0.5), "the worker")
    assert len(calls) == 2
    assert [w["code"] for w in result.warnings] == ["E015"]
    assert "not run or interrupted: slow, slow" in result.warnings[0]["message"]


def test_failing_extractor_is_a_warning_and_the_others_run(nlp):
    def broken(doc, result):
        raise ZeroDivisionError("boom")

    seen = []

    def after(doc, result):
        seen.append(1)

    result = _budget_case(nlp, [broken, after], budget=10)
    assert seen == [1]
    assert [w["code"] for w in result.warnings] == ["E014"] and "boom" in result.warnings[0]["message"]


def test_timer_is_left_as_it_was(nlp):
    import signal

    _budget_case(nlp, [lambda d, r: None], budget=5)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


def test_char_limit_above_spacy_max_length_is_capped(nlp):
    """A configured max_chars beyond what spaCy accepts must not make spaCy refuse the article."""
    text = "x" * (nlp.max_length + 10)
    doc = newsevents.extract(text, id="giant", config=Config(max_chars=nlp.max_length * 3, max_tokens=500))
    assert len(doc["text"]) <= nlp.max_length
    assert any(w["code"] == "W005" for w in doc["warnings"])


def test_a_text_that_breaks_spacy_does_not_stop_the_batch(nlp):
    """If spaCy raises on one article, the others of its batch are parsed again one by one and the
    batch goes on; the breaking article keeps its text, with no items and an E014 warning."""
    from spacy.language import Language

    if "explode_on_marker" not in Language.factories:
        @Language.component("explode_on_marker")
        def explode_on_marker(doc):
            if "KABOOM" in doc.text:
                raise RuntimeError("component failure")
            return doc

    nlp.add_pipe("explode_on_marker", last=True)
    try:
        articles = [Article(id=f"a{i}", text=GOOD + ("KABOOM" if i == 3 else f"Report {i}.")) for i in range(10)]
        results = list(newsevents.pipe(articles, config=Config(batch_size=4)))
    finally:
        nlp.remove_pipe("explode_on_marker")
    assert [r.article.id for r in results] == [f"a{i}" for i in range(10)]
    broken = results[3]
    assert [w["code"] for w in broken.warnings] == ["E014"] and "component failure" in broken.warnings[0]["message"]
    assert not broken.entities
    newsevents.validate(broken.to_dict())
    for r in results[:3] + results[4:]:
        assert r.entities and not r.warnings


def test_an_error_of_the_input_iterator_is_not_mistaken_for_a_parse_failure(nlp):
    def articles():
        yield Article(id="first", text=GOOD)
        raise KeyError("upstream bug")

    with pytest.raises(KeyError):
        list(newsevents.pipe(articles()))


def test_a_timer_set_by_the_application_is_not_cancelled(nlp):
    import signal

    previous = signal.signal(signal.SIGALRM, signal.SIG_IGN)  # the application's alarm, harmless here
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        _budget_case(nlp, [lambda d, r: None], budget=5)
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 30  # still set: not cancelled (how much is left is the machine's speed)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
