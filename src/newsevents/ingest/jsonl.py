"""JSONL: one article per line (``id``, ``text`` or ``html``, optional metadata)."""
from __future__ import annotations

import json
from typing import Iterable, Iterator

from ..errors import InputError, NewsEventsError
from .article import Article
from .html import article_from_html
from .text import article_from_text


def articles_from_jsonl(lines: Iterable[str], *, path: str) -> Iterator[Article | NewsEventsError]:
    """Yield an Article per non-blank line, or the error that line raised (the batch goes on)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield article_from_record(line, number=number, path=path)
        except NewsEventsError as exc:
            yield exc


def article_from_record(line: str, *, number: int, path: str) -> Article:
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise InputError("E005", line=number, path=path, reason=str(exc)) from None
    if not isinstance(record, dict):
        raise InputError("E005", line=number, path=path, reason="not a JSON object")
    article_id = str(record.get("id") or f"{path}:{number}")
    meta = {k: (str(record[k]) if record.get(k) is not None else None) for k in ("published", "title", "outlet", "url")}
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        article = article_from_text(text, id=article_id, language=record.get("language") or "en",
                                    source_path=f"{path}:{number}", **meta)
    elif isinstance(html, str) and html.strip():
        article = article_from_html(html, id=article_id, source_path=f"{path}:{number}", **meta)
    elif isinstance(text, str) or isinstance(html, str):
        raise InputError("E002", article=article_id)
    else:
        raise InputError("E006", line=number, path=path)
    if isinstance(record.get("via"), list):
        article.via.extend(v if isinstance(v, dict) else {"name": str(v), "url": None} for v in record["via"])
    return article
