"""``newsevents serve``: the REST API and the analyst's pages over a store, offline."""
from __future__ import annotations

import ipaddress
import secrets
from typing import Optional

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


@app.command()
def serve(
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite file (or sqlite:///PATH) to serve."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    token: Optional[str] = typer.Option(None, "--token", envvar="NEWSEVENTS_TOKEN",
                                        help="Bearer token for POST /api/extract and POST /api/articles. "
                                             "Generated and printed when listening beyond localhost without one."),
    max_body: int = typer.Option(5_000_000, "--max-body", help="Largest request body accepted, in bytes."),
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
    if not is_loopback(host) and not token:
        token = secrets.token_urlsafe(24)
        typer.echo(f"Listening beyond localhost: write endpoints need 'Authorization: Bearer {token}'", err=True)

    try:
        import uvicorn

        from ..web.app import create_app
    except ImportError as exc:  # the web extra is not installed
        raise typer.BadParameter(f"{exc}. Install the web extra: pip install 'newsevents[web]'") from None

    application = create_app(db, token=token or None, max_body=max_body)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"newsevents serving {redacted(db)} at http://{shown}:{port}/  (API: /api, OpenAPI: /openapi.json; Ctrl+C stops)",
               err=True)
    uvicorn.run(application, host=host, port=port, log_level=log_level, access_log=log_level in ("info", "debug"),
                server_header=False)
