"""Plain text: decoding, cleaning, and republication provenance ("Via <url>", "Source: ...")."""
from __future__ import annotations

import re

from ..errors import InputError, warning
from .article import Article

# A last line that only says where the article was republished from.
_VIA_LINE = re.compile(
    r"\n[ \t]*(?:(?:via|source|sources|originally published (?:at|by|on)|first published (?:at|by|on))\s*[:\-–]?\s*)"
    r"(?P<what>[^\n]{1,300})\s*\Z",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(data: bytes, name: str) -> tuple[str, list[dict]]:
    """Decode bytes: BOM-marked UTF-8/16/32, then UTF-8, then Latin-1 (with a warning).

    Binary data (NUL bytes in what is not UTF-16/32) raises ``E003``."""
    warnings: list[dict] = []
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), warnings
            except UnicodeDecodeError as exc:
                raise InputError("E003", article=name, reason=f"bad {codec}: {exc.reason}") from None
    if b"\x00" in data[:4096]:
        raise InputError("E003", article=name, reason="binary data (NUL bytes)")
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
    """Normalise line ends, drop control characters; keep everything else byte-for-byte."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return text.strip()


def split_via(text: str) -> tuple[str, list[dict]]:
    """Remove a trailing "Via <url>" / "Source: ..." line, returning it as provenance."""
    match = _VIA_LINE.search("\n" + text)
    if not match:
        return text, []
    what = match.group("what").strip()
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


def article_from_text(text: str, *, id: str, published: str | None = None, title: str | None = None,
                      outlet: str | None = None, url: str | None = None, author: str | None = None,
                      language: str = "en", source_path: str | None = None,
                      warnings: list[dict] | None = None) -> Article:
    """Build an :class:`Article` from raw text; raises ``E002`` if nothing is left."""
    from .meta import normalise_date

    text, via = split_via(clean(text))
    if not text.strip():
        raise InputError("E002", article=id)
    warns = list(warnings or [])
    pub = normalise_date(published, id, warns)
    return Article(id=id, text=text, title=title, published=pub, outlet=outlet, url=url, author=author,
                   language=language or "en", via=via, source_path=source_path, warnings=warns)
