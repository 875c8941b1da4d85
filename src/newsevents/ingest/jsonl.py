"""JSONL: one article per line (``id``, ``text`` or ``html``, optional metadata).

Every line is judged on its own: a line that is not JSON (``E005``), has no text (``E006``), is
empty (``E002``) or is larger than the size limit (``E004``, skipped without being read into memory)
becomes a coded error naming the file and line, and the lines after it are still read.
"""
from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import BinaryIO, Iterable, Iterator

from ..errors import InputError, NewsEventsError, warning
from .article import Article
from .html import article_from_html
from .text import article_from_text, where

_SURROGATE = re.compile(r"[\ud800-\udfff]")
META = ("published", "title", "outlet", "url")
CHUNK = 1 << 20


def articles_from_jsonl(lines: Iterable[str], *, path: str) -> Iterator[Article | NewsEventsError]:
    """Yield an Article per non-blank line, or the error that line raised (the batch goes on)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield article_from_record(line, number=number, path=path)
        except NewsEventsError as exc:
            yield exc


def articles_from_jsonl_stream(stream: BinaryIO, *, path: str, max_line_bytes: int, first_line: int = 1
                               ) -> Iterator[Article | NewsEventsError]:
    """Like :func:`articles_from_jsonl` over a binary stream, one line in memory at a time.

    A line longer than ``max_line_bytes`` gives ``E004`` and is skipped by reading it in chunks;
    a line that is not UTF-8 is decoded as Latin-1/cp1252 with a ``W002`` warning. ``first_line``:
    the number of the stream's first line in its file (a partition of it, read on a worker)."""
    number = first_line - 1
    while True:
        raw = stream.readline(max_line_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > max_line_bytes and not raw.endswith(b"\n"):
            size = len(raw)
            while True:  # skip the rest of the over-long line without keeping it
                rest = stream.readline(CHUNK)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield InputError("E004", article=f"{path}:{number}", size=size, limit=max_line_bytes, line=number, path=path)
            continue
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        warnings: list[dict] = []
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace") if any(0x80 <= b <= 0x9f for b in raw) else raw.decode("latin-1")
            warnings.append(warning("W002", article=f"{path}:{number}", encoding="Latin-1/cp1252"))
        try:
            yield article_from_record(line, number=number, path=path, warnings=warnings)
        except NewsEventsError as exc:
            yield exc
        except Exception as exc:  # an unexpected failure on one line must not lose the lines after it
            yield InputError("E026", article=f"{path}:{number}", reason=f"{type(exc).__name__}: {str(exc)[:200]}",
                             line=number, path=path)


def _text(value) -> str | None:
    """A metadata value as a clean string (``None`` for missing; no unpaired surrogates)."""
    if value is None:
        return None
    if not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
    return _SURROGATE.sub("\ufffd", value)


def default_id(path: str, number: int) -> str:
    """The id of a JSONL record without one: the file's name (never its directories) and the line."""
    name = "stdin" if path in ("-", "") else PurePath(path).name
    return f"{name}:{number}"


def article_from_record(line: str, *, number: int, path: str, warnings: list[dict] | None = None) -> Article:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:  # RecursionError: "[[[[…" thousands deep
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise InputError("E005", line=number, path=path, reason=reason) from None
    if not isinstance(record, dict):
        raise InputError("E005", line=number, path=path, reason="not a JSON object")
    article_id = _text(record.get("id")) or default_id(path, number)
    meta = {k: _text(record.get(k)) for k in META}
    language = record.get("language") if isinstance(record.get("language"), str) else None
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        article = article_from_text(text, id=article_id, language=language or "en",
                                    source_path=f"{path}:{number}", warnings=warnings, **meta)
    elif isinstance(html, str) and html.strip():
        article = article_from_html(_text(html), id=article_id, source_path=f"{path}:{number}",
                                    warnings=warnings, **meta)
    elif isinstance(text, str) or isinstance(html, str):
        raise InputError("E002", article=where(article_id, f"{path}:{number}"), path=path, line=number)
    else:
        raise InputError("E006", line=number, path=path)
    if isinstance(record.get("via"), list):
        for v in record["via"]:
            if isinstance(v, dict) and v.get("name") is not None:
                article.via.append({"name": _text(v.get("name")), "url": _text(v.get("url")),
                                    "kind": _text(v.get("kind")) or "republished", "evidence": None})
            elif isinstance(v, str) and v.strip():
                article.via.append({"name": _text(v), "url": None, "kind": "republished", "evidence": None})
    return article
