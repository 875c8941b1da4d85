"""Request guards that run before any route: the ``Host`` allow-list (DNS rebinding), the ``Origin``
check on writes (cross-site requests) and the bearer token of writes, checked **before** the body is
read (an unauthenticated client cannot make the server buffer megabytes).

DNS rebinding: a web page on ``attacker.example`` whose name is made to resolve to ``127.0.0.1``
talks to a local server as its own origin; the browser still sends ``Host: attacker.example``. So a
request is only answered when its ``Host`` names this server: a localhost name, a loopback address,
the address the server is bound to, or a name the operator allowed (``--allow-host``,
``NEWSEVENTS_ALLOW_HOSTS``). An IP address can never be rebound, so a server bound to every
interface (``0.0.0.0``/``::``) also answers any literal IP address. ``*`` turns the check off.
"""
from __future__ import annotations

import ipaddress
import json
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..errors import NewsEventsError
from ..redact import public_text

LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
ALLOW_HOSTS_ENV = "NEWSEVENTS_ALLOW_HOSTS"


def _ip(text: str):
    try:
        return ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return None


def split_host(authority: str) -> str:
    """The host part of a ``Host`` header value or URL authority, lower case, without the port
    (``[::1]:8000`` → ``::1``, ``Example.org.:80`` → ``example.org``)."""
    value = authority.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end > 0 else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


@dataclass(frozen=True)
class HostPolicy:
    """Which ``Host`` values the server answers. ``names``: extra allowed names (exact, or
    ``.example.org`` for the name and its subdomains); ``any_ip``: answer any literal IP address
    (the server listens on every interface); ``anything``: no check (``*``)."""

    names: frozenset[str] = field(default_factory=frozenset)
    any_ip: bool = False
    anything: bool = False

    @classmethod
    def for_bind(cls, bind_host: str | None = None, allow: str | list[str] | tuple[str, ...] | None = None) -> "HostPolicy":
        """The policy for a server listening on ``bind_host`` with the operator's ``allow`` list
        (comma-separated text or a list)."""
        items = allow.split(",") if isinstance(allow, str) else list(allow or [])
        names = {split_host(item) if not item.strip().startswith(".") else item.strip().lower().rstrip(".")
                 for item in items if item.strip()}
        if "*" in names:
            return cls(anything=True)
        any_ip = False
        if bind_host:
            ip = _ip(bind_host)
            if ip is not None and ip.is_unspecified:
                any_ip = True
            else:
                names.add(split_host(bind_host) if ip is None else str(ip))
        for name in list(names):
            if name.startswith("."):
                continue
            if _ip(name) is None and not all(part.isalnum() or set(part) <= set("abcdefghijklmnopqrstuvwxyz0123456789-_")
                                             for part in name.split(".")):
                raise NewsEventsError("E021", name="allow-host", reason=f"'{name}' is not a host name or address")
        return cls(names=frozenset(names), any_ip=any_ip)

    def allows(self, authority: str | None) -> bool:
        if self.anything:
            return True
        if not authority:
            return False  # HTTP/1.1 requires Host; a request without one is not from a browser
        host = split_host(authority)
        ip = _ip(host)
        if ip is not None:
            if ip.is_loopback or self.any_ip:
                return True
            return str(ip) in self.names
        if host in LOCAL_NAMES or host.endswith(".localhost"):
            return True  # RFC 6761: localhost names always resolve to loopback
        if host in self.names:
            return True
        return any(name.startswith(".") and (host == name[1:] or host.endswith(name)) for name in self.names)


def origin_matches(origin: str, host_header: str, policy: HostPolicy) -> bool:
    """A write's ``Origin`` is this server (the same authority as its ``Host``), or an allowed host."""
    if origin == "null":
        return False
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    if parts.netloc.lower() == (host_header or "").strip().lower():
        return True
    return split_host(parts.netloc) in policy.names  # a name the operator allowed


def token_refusal(headers: dict[bytes, bytes], expected: str | None) -> str | None:
    """Why a request's ``Authorization`` header does not carry ``expected`` (None: it does, or no
    token is configured)."""
    if not expected:
        return None
    header = headers.get(b"authorization", b"").decode("latin-1")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return "send 'Authorization: Bearer <token>' (see `newsevents serve --token`)"
    if not secrets.compare_digest(given.strip().encode("latin-1"), expected.encode()):
        return "the token does not match"
    return None


async def send_error(send, status: int, exc: NewsEventsError, extra_headers=()) -> None:
    payload = json.dumps({"code": exc.code, "message": public_text(str(exc))}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
               (b"connection", b"close"), *extra_headers]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


class RequestGuard:
    """Pure ASGI middleware, outermost but for the security headers: refuses a foreign ``Host``
    (``400``, ``E033``), a write from another origin (``403``, ``E033``) and a write without the
    token (``401``, ``E023``) before anything reads the request body."""

    def __init__(self, app, policy: HostPolicy, token: str | None = None):
        self.app = app
        self.policy = policy
        self.token = token

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        if not self.policy.allows(host):
            return await send_error(send, 400, NewsEventsError(
                "E033", what=f"host '{split_host(host)[:100]}'",
                reason="this server does not answer that name; allow it with --allow-host or NEWSEVENTS_ALLOW_HOSTS"))
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get(b"origin")
            if origin is not None and not origin_matches(origin.decode("latin-1"), host, self.policy):
                return await send_error(send, 403, NewsEventsError(
                    "E033", what=f"origin '{origin.decode('latin-1')[:100]}'",
                    reason="writes are only accepted from this server's own pages"))
            reason = token_refusal(headers, self.token)
            if reason is not None:
                return await send_error(send, 401, NewsEventsError("E023", reason=reason),
                                        [(b"www-authenticate", b"Bearer")])
        await self.app(scope, receive, send)
