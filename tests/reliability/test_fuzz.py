"""Bounded fuzzing of the ingest path with Hypothesis (no spaCy model needed, except the tokenizer).

Bytes → decode → clean → Article; HTML → trafilatura → Article; JSONL lines → Articles; dates;
file reading; the tokenizer guard. The only allowed outcomes are a result or a coded
:class:`NewsEventsError` — never another exception, never a hang.

``NEWSEVENTS_FUZZ_EXAMPLES`` scales every test (default 200 examples each, about a minute in all);
set it to thousands for a longer local run.
"""
from __future__ import annotations

import io
import json
import os
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsevents.config import Config
from newsevents.errors import InputError, NewsEventsError
from newsevents.ingest.article import Article
from newsevents.ingest.html import article_from_html, looks_like_html
from newsevents.ingest.jsonl import articles_from_jsonl_stream
from newsevents.ingest.meta import normalise_date
from newsevents.ingest.sources import iter_articles
from newsevents.ingest.text import article_from_text, clean, decode, split_via

EXAMPLES = int(os.environ.get("NEWSEVENTS_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")

ANY_CHAR = st.characters(codec="utf-8") | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
WORDS = st.sampled_from(["Police", "said", "\"", "\u201c", "\u201d", "<", ">", "&amp;", "&#x0;", "&#99999999;",
                         "\x00", "\x1b[31m", "\r\n", "\r", "\n", " ", "\ufeff", "Via https://a.b/c", "\u202e",
                         "\U0001F525", "(", "{", "}", "[", "]", ":", ",", "null", "0", "1e999", "-", "\\", "\\u0000"])
MIXED = st.lists(WORDS | st.text(ANY_CHAR, max_size=8), max_size=40).map("".join)
BOMS = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x89PNG\r\n\x1a\n",
                        b"\x1f\x8b", b"%PDF-", b"PK\x03\x04", b"MZ"])
BYTES = st.builds(lambda head, body: head + body, BOMS, st.binary(max_size=600)) | \
    MIXED.map(lambda s: s.encode("utf-8", "surrogatepass"))


def _ok(exc: NewsEventsError, *codes: str) -> None:
    assert exc.code in codes, str(exc)
    str(exc).encode("utf-8")


@FUZZ
@given(data=BYTES)
@example(data=b"\xff\xfe" + b"a")          # truncated UTF-16
@example(data=b"\x00" * 100)
@example(data=b"caf\xe9 \x93quoted\x94")
def test_decode_gives_text_or_E003(data):
    try:
        text, warnings = decode(data, "fuzz.txt")
    except InputError as exc:
        _ok(exc, "E003")
        return
    assert isinstance(text, str)
    for w in warnings:
        assert w["code"] == "W002" and "fuzz.txt" in w["message"]
    if not warnings and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        assert text == data.decode("utf-8")


@FUZZ
@given(text=MIXED | st.text(ANY_CHAR, max_size=200))
def test_clean_is_idempotent_and_leaves_no_controls_or_surrogates(text):
    once = clean(text)
    assert clean(once) == once
    assert not CONTROL.search(once) and not SURROGATE.search(once) and "\r" not in once
    body, via = split_via(once)
    assert body == once or once.startswith(body)
    for v in via:
        assert isinstance(v["name"], str)


@FUZZ
@given(text=MIXED, title=st.none() | st.text(ANY_CHAR, max_size=20), published=st.none() | MIXED)
def test_article_from_text_gives_an_article_or_E002(text, title, published):
    try:
        article = article_from_text(text, id="fz", title=title, published=published, source_path="fz.txt")
    except InputError as exc:
        _ok(exc, "E002")
        return
    assert article.text.strip() and not SURROGATE.search(article.text)
    json.dumps(article.metadata(), ensure_ascii=False).encode("utf-8")
    for w in article.warnings:
        assert "fz" in w["message"]
        w["message"].encode("utf-8")


TAGS = st.sampled_from(["div", "p", "span", "article", "script", "style", "table", "td", "a", "b", "body", "html",
                        "head", "title", "iframe", "svg", "math", "template", "noscript", "!--", "![CDATA["])
HTML = st.recursive(
    MIXED,
    lambda inner: st.builds(lambda tag, attr, body, close: f"<{tag}{attr}>{body}" + (f"</{tag}>" if close else ""),
                            TAGS, st.sampled_from(["", " class=x", " onerror=alert(1)", " href='javascript:x'", " x=\"",
                                                   " style='a:b'"]),
                            st.lists(inner, max_size=4).map("".join), st.booleans()),
    max_leaves=30)


@FUZZ
@given(html=HTML)
@example(html="<div>" * 5000 + "Police said." + "</div>" * 5000)
@example(html="<!DOCTYPE x [<!ENTITY a \"&a;&a;\">]><p>&a;</p>")
def test_html_gives_an_article_or_a_coded_error(html):
    looks_like_html(html)
    try:
        article = article_from_html("<html><body>" + html + "</body></html>", id="fz-html", source_path="fz.html")
    except InputError as exc:
        _ok(exc, "E002", "E009")
        return
    assert article.text.strip()
    assert "<script" not in article.text.lower() or "&lt;script" in html.lower() or "<script" in html.lower()


RECORD = st.fixed_dictionaries({}, optional={
    "id": st.none() | st.text(ANY_CHAR, max_size=10) | st.integers() | st.lists(st.integers(), max_size=2),
    "text": st.none() | MIXED | st.integers() | st.booleans(),
    "html": st.none() | HTML,
    "published": st.none() | MIXED | st.integers() | st.floats(allow_nan=False),
    "title": st.none() | st.text(ANY_CHAR, max_size=10) | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    "language": st.none() | st.text(max_size=5) | st.integers(),
    "via": st.none() | st.lists(st.text(max_size=5) | st.dictionaries(st.sampled_from(["name", "url", "kind"]),
                                                                      st.none() | st.text(max_size=5)), max_size=3),
})
LINE = RECORD.map(lambda r: json.dumps(r).encode()) | st.binary(max_size=80) | \
    MIXED.map(lambda s: s.replace("\n", " ").encode("utf-8", "surrogatepass"))


@FUZZ
@given(lines=st.lists(LINE, max_size=12), limit=st.sampled_from([64, 4096]))
def test_jsonl_stream_gives_one_outcome_per_line(lines, limit):
    data = b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines)
    stream = io.BytesIO(data)
    out = list(articles_from_jsonl_stream(stream, path="fz.jsonl", max_line_bytes=limit))
    split = data.split(b"\n")
    if split[0].startswith(b"\xef\xbb\xbf") and len(split[0]) <= limit:  # a UTF-8 BOM opening the file
        split[0] = split[0][3:]
    expected = sum(1 for line in split if line.strip() or len(line) > limit)
    assert len(out) == expected
    for item in out:
        if isinstance(item, NewsEventsError):
            _ok(item, "E002", "E004", "E005", "E006", "E009")
            assert "fz.jsonl" in str(item)
        else:
            assert isinstance(item, Article) and item.text.strip()
            json.dumps(item.metadata(), ensure_ascii=False).encode("utf-8")


@FUZZ
@given(value=st.none() | MIXED | st.integers() | st.dates() | st.datetimes())
def test_normalise_date_gives_iso_or_a_warning(value):
    warnings: list[dict] = []
    out = normalise_date(value, "fz", warnings)
    if out is None:
        assert value in (None, "") or [w["code"] for w in warnings] == ["W001"]
    else:
        # ISO 8601: a date or datetime, or reduced precision (a year, a month) as the filters take them
        assert re.match(r"^\d{4}(?:-\d{2}(?:-\d{2}|$)|$)", out) and not warnings


@settings(max_examples=max(20, EXAMPLES // 5), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=BYTES, suffix=st.sampled_from([".txt", ".html", ".jsonl", ""]))
def test_reading_any_file_gives_articles_or_coded_errors(tmp_path, data, suffix):
    path = tmp_path / f"fz{suffix}"
    path.write_bytes(data)
    for item in iter_articles([str(path)], config=Config(max_bytes=400)):
        if isinstance(item, NewsEventsError):
            _ok(item, "E002", "E003", "E004", "E005", "E006", "E009")
        else:
            assert item.text.strip()


@pytest.fixture(scope="module")
def guarded(nlp):
    from newsevents.runner import guard_tokenizer
    return guard_tokenizer(nlp).tokenizer


RUNS = st.lists(st.text(st.sampled_from("(\"'[-.x\u201c"), min_size=150, max_size=700) | MIXED, max_size=6).map(" ".join)


@settings(max_examples=max(20, EXAMPLES // 4), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=RUNS | st.text(ANY_CHAR, max_size=300))
def test_guarded_tokenizer_keeps_the_text_exactly(guarded, text):
    text = clean(text)  # what the tokenizer is given: no lone surrogates
    doc = guarded(text)
    assert doc.text == text
