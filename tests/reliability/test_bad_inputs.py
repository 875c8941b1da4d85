"""The bad-input corpus (scripts/make_bad_inputs.py) through the whole pipeline, in ONE batch.

Every input (a file, or a JSONL line) must come out as a valid newsevents/1 document or a coded
error naming it; warnings name their article and say why; nothing is lost, nothing duplicated, and
the batch always reaches the end.
"""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

import newsevents
from newsevents.errors import NewsEventsError
from newsevents.extraction import extract_articles
from newsevents.ingest.sources import display, iter_articles

# For each file, in order, what each of its inputs must give: "ok" (a document), "ok:W00x" (a
# document carrying that warning), or an error code.
EXPECTED: dict[str, list[str]] = {
    "empty.txt": ["E002"],
    "whitespace-only.txt": ["E002"],
    "control-chars-only.txt": ["E003"],
    "binary-png.txt": ["E003"],
    "binary-gzip.txt": ["E003"],
    "binary-pdf.txt": ["E003"],
    "binary-random": ["E003"],
    "binary-zip.txt": ["E003"],
    "invalid-utf8.txt": ["ok:W002"],
    "utf16-bom.txt": ["ok"],
    "utf16-be-bom.txt": ["ok"],
    "utf16-truncated.txt": ["E003"],
    "utf32-bom.txt": ["ok"],
    "utf8-bom.txt": ["ok"],
    "latin1.txt": ["ok:W002"],
    "cp1252-smart-quotes.txt": ["ok:W002"],
    "huge-50mb.txt": ["E004"],
    "one-line-1mb.txt": ["ok:W005"],
    "one-word-200k.txt": ["ok:W005"],
    "repeated-parens.txt": ["ok:W005"],
    "nested-divs.html": ["E002"],
    "entity-bomb.html": ["ok:W005"],
    "html-empty-body.html": ["E002"],
    "html-script-only.html": ["E002"],
    "html-truncated.html": ["ok"],
    "html-xss.html": ["ok"],
    "html-not-really.html": ["ok"],
    "quotes-10k.txt": ["ok:W005"],
    "unbalanced-quotes.txt": ["ok"],
    "only-numbers.txt": ["ok"],
    "right-to-left.txt": ["ok"],
    "emoji.txt": ["ok"],
    "control-chars.txt": ["ok:W007"],
    "nul-after-4k.txt": ["ok:W007"],
    "zero-width-and-bidi.txt": ["ok"],
    "crlf-and-cr.txt": ["ok"],
    "no-sentences.txt": ["ok"],
    "via-only.txt": ["E002"],
    "name-not-utf8-caf\ufffd.txt": ["ok"],  # the file name's bytes are not UTF-8: shown with U+FFFD
    "name-not-utf8-\ufffd\ufffd.txt": ["E003"],
    "dangling-link.txt": ["E001"],
    "bad-sidecar.txt": ["ok:W004"],
    "sidecar-not-object.txt": ["ok:W004"],
    "non-date-published.txt": ["ok:W001"],
    "not-json.jsonl": ["ok", "E005", "ok"],
    "missing-text.jsonl": ["E006", "ok"],
    "non-date-published.jsonl": ["ok:W001", "ok:W001", "ok:W001"],
    "jsonl-wrong-types.jsonl": ["E005", "E005", "E005", "E005", "E006", "E002", "ok", "E006"],
    "jsonl-deep-nesting.jsonl": ["E005", "ok"],
    "jsonl-lone-surrogate.jsonl": ["ok:W008"],
    "jsonl-invalid-utf8.jsonl": ["ok:W002", "ok"],
    "jsonl-bom.jsonl": ["ok"],
    "jsonl-blank-lines.jsonl": ["ok"],
    "jsonl-html-record.jsonl": ["ok", "E002"],
    "jsonl-long-line.jsonl": ["E004", "ok"],
    "jsonl-crlf.jsonl": ["ok", "ok"],
    "jsonl-truncated.jsonl": ["ok", "E005"],
}


def _source_file(item) -> str:
    """The corpus file an Article or error came from."""
    if isinstance(item, NewsEventsError):
        where = str(item.params.get("path") or item.article)
    else:
        where = item.source_path
    return re.sub(r":\d+$", "", where).rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def batch(bad_corpus, fast_config):
    """The corpus read and extracted as one batch: ``[(source file, input, output)]`` in order."""
    folder, _ = bad_corpus
    inputs = list(iter_articles([str(folder)], config=fast_config))
    outputs = list(extract_articles(iter(inputs), config=fast_config, validate=True))
    assert len(outputs) == len(inputs), "every input gives exactly one output"
    return [(_source_file(i), i, o) for i, o in zip(inputs, outputs)]


def test_corpus_is_generated_with_at_least_30_files(bad_corpus):
    folder, made = bad_corpus
    assert len(made) >= 30
    assert {display(name) for name in made} == set(EXPECTED), "script and expectations list the same files"
    assert (folder / "huge-50mb.txt").stat().st_size >= 50 * 1024 * 1024
    nested = (folder / "nested-divs.html").read_bytes()
    assert nested.count(b"<div>") == 100_000
    assert b"\n" not in (folder / "one-line-1mb.txt").read_bytes()
    assert (folder / "one-line-1mb.txt").stat().st_size == 1024 * 1024


def test_every_input_is_accounted_for_none_lost_none_duplicated(batch, bad_corpus):
    _, made = bad_corpus
    per_file = defaultdict(int)
    for source, _, _ in batch:
        per_file[source] += 1
    assert dict(per_file) == {display(name): count for name, count in made.items()}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_outcome_per_file(batch, name):
    got = []
    for source, _, output in batch:
        if source != name:
            continue
        if isinstance(output, NewsEventsError):
            got.append(output.code)
        else:
            codes = {w["code"] for w in output["warnings"]}
            got.append(codes)
    expected = EXPECTED[name]
    assert len(got) == len(expected), (name, got)
    for want, have in zip(expected, got):
        if want.startswith("ok"):
            assert isinstance(have, set), (name, want, have)
            if ":" in want:
                assert want.split(":")[1] in have, (name, want, have)
            assert "E014" not in have, (name, "an extractor crashed", have)
        else:
            assert have == want, (name, want, have)


def test_errors_name_the_file_or_line_and_the_reason(batch):
    for source, _, output in batch:
        if not isinstance(output, NewsEventsError):
            continue
        message = str(output)
        assert re.match(r"^\[E\d{3}\] ", message)
        stem = source.rsplit(".", 1)[0] if "." in source else source
        named = source in message or stem in message or re.search(r"'[a-z]{2}-\d'", message)
        assert named, message
        if source.endswith(".jsonl") and output.code in ("E005", "E006", "E004"):
            assert re.search(r"line \d+|:\d+'", message), message


def test_warnings_name_the_article(batch):
    for source, _, output in batch:
        if isinstance(output, NewsEventsError):
            continue
        for w in output["warnings"]:
            assert re.match(r"^\[[EW]\d{3}\] ", w["message"])
            assert output["article"]["id"] in w["message"] or source in w["message"], w


def test_documents_are_valid_and_spans_slice(batch):
    docs = [o for _, _, o in batch if not isinstance(o, NewsEventsError)]
    assert len(docs) >= 40
    for doc in docs:
        newsevents.validate(doc)


def test_hostile_content_does_not_reach_the_text(batch):
    by_id = {o["article"]["id"]: o for _, _, o in batch if not isinstance(o, NewsEventsError)}
    xss = by_id["html-xss"]["text"]
    assert "alert('xss')" not in xss and "onerror" not in xss and "alert(1)" not in xss
    # text that merely shows markup is article text: kept verbatim (the web layer must escape it)
    assert "<script>alert(2)</script> was printed" in xss
    assert "\x00" not in by_id["nul-after-4k"]["text"]
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", by_id["control-chars"]["text"])
    assert "\ufffd" in by_id["ls-1"]["text"]
    assert "São Paulo" in by_id["latin1"]["text"] and "café" in by_id["latin1"]["text"]
    assert "\u201cWe are ready,\u201d" in by_id["cp1252-smart-quotes"]["text"]
    assert by_id["utf16-bom"]["text"].startswith("Kosovo: Police arrested")
    assert "\r" not in by_id["crlf-and-cr"]["text"]


def test_good_articles_after_bad_ones_are_still_extracted(batch):
    """The batch goes on: articles that follow failures get their full extraction."""
    seen_error = False
    extracted_after_error = 0
    for _, _, output in batch:
        if isinstance(output, NewsEventsError):
            seen_error = True
        elif seen_error and output["entities"]:
            extracted_after_error += 1
    assert extracted_after_error >= 20


def test_every_message_and_document_encodes_as_utf8(batch):
    import json

    for _, _, output in batch:
        if isinstance(output, NewsEventsError):
            str(output).encode("utf-8")
            (output.article or "").encode("utf-8")
        else:
            json.dumps(output, ensure_ascii=False).encode("utf-8")


def test_ingest_of_the_corpus_loses_nothing_and_duplicates_nothing(bad_corpus, fast_config, tmp_path, nlp):
    """The same corpus through ``ingest`` into SQLite: the numbers of the closing table."""
    from newsevents.ingest_job import ingest
    from newsevents.store import open_store

    folder, made = bad_corpus
    store = open_store(tmp_path / "bad.db")
    try:
        summary = ingest([str(folder)], store, fast_config)
        inputs = sum(made.values())
        expected_errors = sum(1 for codes in EXPECTED.values() for c in codes if c.startswith("E"))
        assert summary.seen == inputs
        assert summary.failed == expected_errors
        assert summary.stored + summary.unchanged + summary.failed == inputs, "nothing lost"
        stats = store.stats()
        assert stats["articles"] == summary.stored
        assert stats["errors"] == summary.failed
        texts = [row[0] for row in store._rows("SELECT text_sha256 FROM articles")]
        assert len(texts) == len(set(texts)), "no duplicates"
        again = ingest([str(folder)], store, fast_config)
        assert again.stored == 0 and again.unchanged == summary.stored + summary.unchanged
        assert store.stats()["articles"] == summary.stored
        print(f"\nbad-input corpus: {len(made)} files, {inputs} inputs, {summary.failed} coded errors, "
              f"{summary.stored} stored, {summary.unchanged} identical texts not stored twice, "
              f"{summary.warnings} warnings; lost 0, duplicates 0")
    finally:
        store.close()


@pytest.mark.slow
def test_cli_reports_one_line_per_failure_and_goes_on(bad_corpus, tmp_path):
    """``newsevents extract DIR -f jsonl``: one output line per input (documents and error records),
    one stderr line per failure naming it, exit code 1."""
    import json
    import os
    import subprocess
    import sys

    folder, made = bad_corpus
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "NEWSEVENTS_MAX_CHARS": "50000", "NEWSEVENTS_MAX_TOKENS": "5000", "COLUMNS": "400"}
    proc = subprocess.run([sys.executable, "-c", "from newsevents.cli import main; main()", "extract", str(folder),
                           "-f", "jsonl", "-o", str(out)], env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 1, proc.stderr[-2000:]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == sum(made.values())
    errors = [line for line in lines if "error" in line]
    expected_errors = sum(1 for codes in EXPECTED.values() for c in codes if c.startswith("E"))
    assert len(errors) == expected_errors
    reported = [line for line in proc.stderr.splitlines() if re.search(r"\[E\d{3}\]", line)]
    assert len(reported) == expected_errors, proc.stderr[-3000:]
    for record in errors:
        assert record["code"] in record["error"] and record["id"]
