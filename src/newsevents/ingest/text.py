"""Plain text: decoding, cleaning, and republication provenance ("Via <url>", "Source: ...")."""
from __future__ import annotations

import hashlib
import re

from ..errors import InputError, warning
from .article import Article
from .ids import ID_MAX, id_problem, valid_id

# A last line that only says where the article was republished from.
_VIA_LINE = re.compile(
    r"\n[ \t]*(?:(?:via|source|sources|originally published (?:at|by|on)|first published (?:at|by|on))\b\s*[:\-–]?\s*)"
    r"(?P<what>[^\n]{1,300})\s*\Z",
    re.IGNORECASE,
)
# "Sources said the talks had collapsed." is a last paragraph, not provenance: without a colon or dash
# the rest of the line must be a URL or a short name ("Via southfront.org", "Via Reuters").
_VIA_BARE = re.compile(r"\n[ \t]*(?:via|source|sources)\b\s+(?![:\-–])", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Terminal escape sequences (CSI ``ESC [ ... letter`` and two-character ``ESC x``) are dropped whole.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

# Signatures of binary formats that crawlers save under article names (first bytes of the file).
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"), (b"RIFF", "RIFF (WebP/WAV/AVI) data"), (b"\x1f\x8b", "gzip data"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"), (b"PK\x05\x06", "ZIP archive"), (b"%PDF-", "PDF document"),
    (b"BZh", "bzip2 data"), (b"\xfd7zXZ\x00", "xz data"), (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd data"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE (DOC/XLS) document"),
    (b"\x7fELF", "ELF executable"), (b"MZ", "Windows executable"), (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"), (b"ID3", "MP3 audio"),
)
_BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 27)) + bytes(range(28, 32)) + b"\x7f"
_BINARY_SHARE = 0.05  # more than 5% of the first 64 KiB in non-text control bytes: not text


def sniff_binary(data: bytes) -> str | None:
    """What binary format ``data`` looks like, or ``None`` if it may be text (UTF-16/32 with a BOM is text)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xef\xbb\xbf")):
        return None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            # "MZ", "ID3", "BZh", "RIFF"… can also start a text: then require binary bytes nearby too
            if magic.isalnum() and not _binary_share(data[:512]):
                continue
            return what
    head = data[:65536]
    if _binary_share(head):
        return "binary data (control bytes)"
    return None


def _binary_share(head: bytes) -> bool:
    if not head:
        return False
    count = len(head) - len(head.translate(None, _BINARY_BYTES))
    return count > max(1, _BINARY_SHARE * len(head))


def decode(data: bytes, name: str) -> tuple[str, list[dict]]:
    """Decode bytes: BOM-marked UTF-8/16/32, then UTF-8, then Latin-1/cp1252 (with a ``W002`` warning).

    Binary data (a known binary signature, or many control bytes) raises ``E003``."""
    warnings: list[dict] = []
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), warnings
            except UnicodeDecodeError as exc:
                raise InputError("E003", article=name, reason=f"bad {codec}: {exc.reason}") from None
    what = sniff_binary(data)
    if what:
        raise InputError("E003", article=name, reason=what)
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace") if _looks_cp1252(data) else data.decode("latin-1")
    warnings.append(warning("W002", article=name, encoding="Latin-1/cp1252"))
    return text, warnings


def _looks_cp1252(data: bytes) -> bool:
    return any(0x80 <= b <= 0x9f for b in data[:65536])


def clean(text: str) -> str:
    """Normalise line ends, drop control characters and terminal escapes, replace unpaired
    surrogates with U+FFFD; keep everything else character for character."""
    return clean_counted(text)[0]


def clean_counted(text: str) -> tuple[str, int, int]:
    """:func:`clean`, also returning how many control characters were removed and surrogates replaced."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    surrogates = 0
    if _SURROGATE.search(text):
        text, surrogates = _SURROGATE.subn("\ufffd", text)
    controls = 0
    if "\x1b" in text:
        text, controls = _ANSI.subn("", text)
    text, removed = _CONTROL.subn("", text)
    return text.strip(), controls + removed, surrogates


def split_via(text: str) -> tuple[str, list[dict]]:
    """Remove a trailing "Via <url>" / "Source: ..." line, returning it as provenance."""
    match = _VIA_LINE.search("\n" + text)
    if not match:
        return text, []
    what = match.group("what").strip()
    if _VIA_BARE.match("\n" + text, match.start()) and not _URL.match(what) and \
            (len(what.split()) > 4 or re.search(r"[.!?]\s*$|\b(?:said|says|told|reported)\b", what)):
        return text, []
    url_match = _URL.search(what)
    url = url_match.group(0).rstrip(".,;)") if url_match else None
    if url and not url.lower().startswith("http"):
        url = None
    name = _site_name(url) if url else what.rstrip(".")
    body = text[: max(0, match.start() - 1)].rstrip()
    return body, [{"name": name, "url": url, "kind": "republished", "evidence": None}]


def _site_name(url: str) -> str:
    host = re.sub(r"^https?://", "", url).split("/")[0]
    return host[4:] if host.startswith("www.") else host


def _no_surrogates(value):
    """Metadata strings must encode as UTF-8: unpaired surrogates (from JSON escapes) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def where(article_id: str, source_path: str | None) -> str:
    """How an error names an article: its file (or ``file:line``), and its id when that differs."""
    if not source_path or article_id == source_path:
        return article_id
    stem = source_path.rsplit("/", 1)[-1].rsplit(":", 1)[0]
    if stem == article_id or stem.rsplit(".", 1)[0] == article_id:
        return source_path
    return f"{article_id} ({source_path})"


def article_from_text(text: str, *, id: str, published: str | None = None, title: str | None = None,
                      outlet: str | None = None, url: str | None = None, author: str | None = None,
                      language: str = "en", source_path: str | None = None,
                      warnings: list[dict] | None = None) -> Article:
    """Build an :class:`Article` from raw text; raises ``E002`` if nothing is left."""
    from .meta import normalise_date

    text, controls, surrogates = clean_counted(text)
    text, via = split_via(text)
    if not text.strip():
        raise InputError("E002", article=where(id, source_path), path=source_path)
    warns = list(warnings or [])
    id, title, outlet, url, author = (_no_surrogates(v) for v in (id, title, outlet, url, author))
    problem = id_problem(id)
    if problem is not None:  # one id rule for files, JSONL records and the API (newsevents.ingest.ids)
        used = valid_id(id, fallback=f"article-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}")
        warns.append(warning("W012", article=id[:ID_MAX], reason=problem, used=used))
        id = used
    if controls:
        warns.append(warning("W007", article=id, count=controls))
    if surrogates:
        warns.append(warning("W008", article=id, count=surrogates))
    pub = normalise_date(_no_surrogates(published), id, warns)
    return Article(id=id, text=text, title=title, published=pub, outlet=outlet, url=url, author=author,
                   language=language or "en", via=via, source_path=source_path, warnings=warns)
