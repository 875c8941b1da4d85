"""What may be shown of the server: never a credential, and in HTTP answers no server path.

A PostgreSQL URL can carry a password (``postgresql://user:secret@host/db`` or ``?password=secret``);
:func:`redacted` replaces it with ``***`` wherever the operator sees the store named (CLI output,
coded errors). An HTTP answer says less (:func:`public_name`): no user, no password, and for a
SQLite file only its name. :func:`public_text` is what any text an answer carries (an error message,
a stored error's source) goes through: passwords hidden, absolute paths cut to their file name.
"""
from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

HIDDEN = "***"
SECRET_PARAMS = frozenset({"password", "passfile", "sslpassword", "sslkey"})
# user:password@ inside any scheme://... URL (a text that is not itself a URL may contain one)
_USERINFO = re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<user>[^\s:/@?#]*):(?P<password>[^\s/@?#]*)@")
_SECRET_PARAM = re.compile(r"(?P<key>[?&](?:%s)=)(?P<value>[^&\s#'\"]*)" % "|".join(sorted(SECRET_PARAMS)),
                           re.IGNORECASE)


def redacted(target: str | PurePath) -> str:
    """``target`` (a path, a store URL, or a message holding one) with every password shown as ``***``."""
    text = str(target)
    text = _USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}:{HIDDEN}@", text)
    return _SECRET_PARAM.sub(lambda m: f"{m['key']}{HIDDEN}", text)


def public_name(target: str | PurePath) -> str:
    """The store as an HTTP answer names it: ``postgresql://host:port/db?schema=NAME`` (no user, no
    password, no other connection parameter) or the SQLite file's name without its directory."""
    text = str(target)
    if "://" not in text:
        return text if text in ("", ":memory:") else PurePath(text).name
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        rest = text.split("://", 1)[1].lstrip("/")
        return f"sqlite:///{PurePath(rest).name}" if rest else "sqlite:///:memory:"
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k == "schema"]
    return urlunsplit((scheme, host + port, parts.path, urlencode(kept), ""))


# An absolute POSIX path's directories (``/srv/news/`` in ``'/srv/news/a.txt'``), not inside a URL
# (``http://host/a/b``: preceded by ``:`` or ``/``) nor a relative path (``corpus/a.txt``), and a
# Windows drive path's (``C:\\data\\``).
_ABSOLUTE_DIRS = re.compile(r"(?<![\w.:/~%-])/(?:[^\s/'\"`<>|]+/)+(?=[^\s/'\"`<>|])|\b[A-Za-z]:\\(?:[^\s\\'\"]+\\)+")


def public_text(text: str | None) -> str | None:
    """``text`` as an HTTP answer may carry it: passwords as ``***``, absolute paths as their file name."""
    if not text:
        return text
    return _ABSOLUTE_DIRS.sub("", redacted(text))
