"""HTML: main text and metadata with trafilatura."""
from __future__ import annotations

from ..errors import InputError
from .article import Article
from .text import article_from_text, where


def article_from_html(html: str, *, id: str, published: str | None = None, title: str | None = None,
                      outlet: str | None = None, url: str | None = None, source_path: str | None = None,
                      warnings: list[dict] | None = None) -> Article:
    """Extract main text, title, date, author and site from an HTML page."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises a variety of parser errors on hostile input
        raise InputError("E009", article=where(id, source_path), path=source_path, reason=f"{type(exc).__name__}: {exc}") from None
    if extracted is None:
        raise InputError("E002", article=where(id, source_path), path=source_path)
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = data.get("text") or ""
    return article_from_text(
        text, id=id,
        published=published or data.get("date"),
        title=title or data.get("title"),
        outlet=outlet or data.get("sitename") or data.get("hostname"),
        url=url or data.get("url"),
        author=data.get("author"),
        language="en", source_path=source_path, warnings=warnings)


import re

# Tags of a page's structure; a text quoting a <script> or an <img> is still text.
_TAG = re.compile(r"<(/?)(html|head|body|div|main|article|section|header|footer|nav|aside|p|span|a|ul|ol|li"
                  r"|h[1-6]|table|tr|td|script|style|meta|link|form|button|img|br|figure|time)\b[^<>]{0,2000}>", re.I)
_BLOCKS = {"html", "head", "body", "div", "main", "article", "section", "header", "footer", "nav", "aside", "p",
           "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "form", "figure"}


def looks_like_html(text: str) -> bool:
    """True for an HTML page or a fragment of one (no doctype needed): a doctype or <html> first,
    a <body>, or at least five structural tags of which two kinds of block are closed."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in text[:65536]):
        return True
    tags = _TAG.findall(text[:65536])
    closed = {name.lower() for slash, name in tags if slash and name.lower() in _BLOCKS}
    return len(tags) >= 5 and len(closed) >= 2
