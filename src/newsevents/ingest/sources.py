"""Sources: files, folders, globs and stdin → Articles (or the error for each bad one)."""
from __future__ import annotations

import glob
import io
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..config import Config
from ..errors import InputError, NewsEventsError
from .article import Article
from .html import article_from_html, looks_like_html
from .jsonl import articles_from_jsonl_stream
from .meta import read_sidecar
from .text import article_from_text, decode

FORMATS = ("auto", "text", "html", "jsonl")
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SKIP_SUFFIXES = (".meta.json", ".gold.json")
# Licence and notice files that sit beside articles in a folder are not articles.
NOT_ARTICLES = {"license", "licence", "license.md", "licence.md", "license.txt", "licence.txt", "attribution",
                "attribution.md", "notice", "notice.md", "notice.txt", "readme", "readme.md", "readme.txt", "copying"}


def expand(paths: Iterable[str]) -> Iterator[str | NewsEventsError]:
    """Expand folders (recursively, sorted) and globs; ``-`` stays stdin."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() or (p.is_symlink() and not p.exists())):
                if not _is_article_file(child):
                    continue
                if child.is_symlink() and not child.exists():
                    yield InputError("E001", path=display(str(child)), reason="broken symbolic link")
                else:
                    yield str(child)
        elif path.exists():
            yield str(path)
        else:
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield InputError("E010", path=display(raw))
            for match in matches:
                if Path(match).is_file() and _is_article_file(Path(match)):
                    yield match


def display(name: str) -> str:
    """A path as it may appear in messages and output: file names that are not valid UTF-8 (kept by
    Python as lone surrogates) get U+FFFD, so that JSON, the terminal and the store can encode them."""
    if not isinstance(name, str):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # surrogates that are not escaped bytes
        return name.encode("utf-8", "replace").decode("utf-8")


def _is_article_file(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith(".") or name.endswith(SKIP_SUFFIXES) or name in NOT_ARTICLES:
        return False
    return path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES or path.suffix == ""


def iter_articles(paths: Iterable[str], *, input_format: str = "auto", published: str | None = None,
                  config: Config | None = None) -> Iterator[Article | NewsEventsError]:
    """Yield an Article for every article found in ``paths``, or the coded error for each bad one.

    Nothing an input contains stops the iteration: an unexpected failure while reading one file
    becomes ``E026`` naming it, and the next file is read."""
    if input_format not in FORMATS:
        raise InputError("E007", fmt=input_format, expected=", ".join(FORMATS))
    config = config or Config()
    for item in expand(paths):
        if isinstance(item, NewsEventsError):
            yield item
            continue
        try:
            yield from _read(item, input_format, published, config)
        except NewsEventsError as exc:
            yield exc
        except Exception as exc:  # a parser bug (RecursionError, MemoryError…) must not stop the batch
            yield InputError("E026", article=display(item), reason=f"{type(exc).__name__}: {str(exc)[:200]}")


def _read(name: str, input_format: str, published: str | None, config: Config):
    shown = display(name)  # for messages, ids and provenance; ``name`` for the file system
    if name == "-":
        path = None
        article_id = "stdin"
        stream = sys.stdin.buffer
    else:
        path = Path(name)
        article_id = display(path.name.rsplit(".", 1)[0] if "." in path.name else path.name)
        if not path.is_file():  # a FIFO, device or folder would block or fail the read
            raise InputError("E001", path=shown, reason="not a regular file")
    if _fmt(path, input_format, b"") == "jsonl":
        yield from _read_jsonl(shown, path, published, config)
        return
    try:
        if path is None:
            data = stream.read(config.max_bytes + 1)
        else:
            size = path.stat().st_size
            if size > config.max_bytes:  # refused before reading anything
                raise InputError("E004", article=shown, size=size, limit=config.max_bytes)
            with path.open("rb") as fh:
                data = fh.read(config.max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise InputError("E001", path=shown, reason=exc.strerror or str(exc)) from None
    if len(data) > config.max_bytes:
        raise InputError("E004", article=shown, size=f"{len(data)}+", limit=config.max_bytes)
    fmt = _fmt(path, input_format, data)
    text, warnings = decode(data, shown)
    meta = read_sidecar(path, article_id, warnings) if path else {}
    article_id = str(meta.pop("id", article_id))
    meta.setdefault("published", published)
    if fmt == "html" or (fmt == "auto" and looks_like_html(text)):
        meta.pop("language", None)
        yield article_from_html(text, id=article_id, source_path=shown, warnings=warnings, **meta)
    else:
        yield article_from_text(text, id=article_id, source_path=shown, warnings=warnings, **meta)


def _read_jsonl(name: str, path: Path | None, published: str | None, config: Config):
    """JSONL read line by line: a huge file or line never sits in memory whole."""
    if path is None:
        yield from _jsonl_items(sys.stdin.buffer, name, published, config)
        return
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError("E001", path=name, reason=exc.strerror or str(exc)) from None
    with fh:
        head = fh.read(4)
        fh.seek(0)
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):  # UTF-16/32 JSONL: decode whole
            data = fh.read(config.max_bytes + 1)
            if len(data) > config.max_bytes:
                raise InputError("E004", article=name, size=f"{len(data)}+", limit=config.max_bytes)
            text, _ = decode(data, name)
            fh = io.BytesIO(text.encode("utf-8", "surrogatepass"))
        yield from _jsonl_items(fh, name, published, config)


def _jsonl_items(stream, name: str, published: str | None, config: Config):
    for item in articles_from_jsonl_stream(stream, path=name, max_line_bytes=config.max_bytes):
        if isinstance(item, Article) and published and not item.published:
            item.published = published
        yield item


def _fmt(path: Path | None, input_format: str, data: bytes) -> str:
    if input_format != "auto":
        return input_format
    if path is not None:
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            return "jsonl"
        if suffix in HTML_SUFFIXES:
            return "html"
        if suffix in TEXT_SUFFIXES:
            return "text"
    return "auto"
