"""``newsevents serve``: the REST API and the analyst's pages over a store, offline."""
from __future__ import annotations

import errno
import ipaddress
import secrets
import socket
from typing import List, Optional

import typer

from . import app
from ..errors import NewsEventsError
from ..redact import redacted
from ..store import DEFAULT_DB


def is_loopback(host: str) -> bool:
    """True when ``host`` only listens on this machine (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` and listening, handed to the server: a port that is taken is
    found here, before anything says "serving" (``E021`` naming the port), and cannot be taken
    between the check and the start."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise NewsEventsError("E021", name="--host", reason=f"'{host}' is no interface of this machine ({exc.strerror})") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: a closed server's TIME_WAIT is no owner
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            reason = f"port {port} on {host} is taken (another server is listening there); choose another --port"
        elif exc.errno == errno.EACCES:
            reason = f"port {port} needs privileges on this machine; choose a port above 1023"
        elif exc.errno == errno.EADDRNOTAVAIL:
            raise NewsEventsError("E021", name="--host", reason=f"'{host}' is no interface of this machine") from None
        else:
            reason = f"cannot listen on {host}:{port} ({exc.strerror or exc})"
        raise NewsEventsError("E021", name="--port", reason=reason) from None
    return sock


@app.command()
def serve(
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite file (or sqlite:///PATH) to serve."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    token: Optional[str] = typer.Option(None, "--token", envvar="NEWSEVENTS_TOKEN",
                                        help="Bearer token for POST /api/extract and POST /api/articles. "
                                             "Generated and printed when listening beyond localhost without one."),
    max_body: int = typer.Option(5_000_000, "--max-body", help="Largest request body accepted, in bytes."),
    allow_host: Optional[List[str]] = typer.Option(
        None, "--allow-host", envvar="NEWSEVENTS_ALLOW_HOSTS",
        help="A host name the server answers to besides localhost and the --host address (repeatable or "
             "comma-separated; '.example.org' for a domain and its subdomains; '*' for any). Requests "
             "naming any other host are refused (DNS rebinding)."),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level (info logs every request)."),
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json) and the pages: dashboard, map, events,
    article reader, quotes, stories. Everything is served locally; nothing is fetched from the internet.
    """
    from pathlib import Path

    path = db[len("sqlite:///"):] if db.startswith("sqlite:///") else db
    if "://" not in path and path != ":memory:" and not Path(path).exists():
        raise NewsEventsError("E022", what=f"database '{db}' (create it with: newsevents ingest PATH --db {db})")
    if not 1 <= port <= 65535:
        raise NewsEventsError("E021", name="port", reason=f"{port} is not a TCP port (1-65535)")
    if max_body < 1024:
        raise NewsEventsError("E021", name="max-body", reason="must be at least 1024 bytes")
    sock = listen(host, port)  # a port that is taken is said before anything else
    try:
        if not is_loopback(host) and not token:
            token = secrets.token_urlsafe(24)
            typer.echo(f"Listening beyond localhost: write endpoints need 'Authorization: Bearer {token}'", err=True)
        try:
            import uvicorn

            from ..web.app import create_app
        except ImportError as exc:  # the web extra is not installed
            raise typer.BadParameter(f"{exc}. Install the web extra: pip install 'newsevents[web]'") from None

        allowed = [name for item in allow_host or [] for name in item.replace(" ", ",").split(",") if name]
        application = create_app(db, token=token or None, max_body=max_body, host=host, allow_hosts=allowed)
        server = uvicorn.Server(uvicorn.Config(application, host=host, port=port, log_level=log_level,
                                               access_log=log_level in ("info", "debug"), server_header=False))
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"newsevents serving {redacted(db)} at http://{shown}:{port}/  (API: /api, OpenAPI: /openapi.json; "
                   "Ctrl+C stops)", err=True)
        server.run(sockets=[sock])
    finally:
        sock.close()
