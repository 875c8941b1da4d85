"""The web application: a REST API and the analyst's pages, over one store.

A thin layer: every read goes through the store Protocol (:mod:`newsevents.store.base`), every
extraction through :func:`newsevents.extract`. spaCy is only imported when ``/api/extract`` or
``POST /api/articles`` is first called, so the server starts in well under a second.

Security: article text is untrusted. Pages never put data into HTML on the server; the scripts
build the DOM with ``textContent`` only. A strict Content-Security-Policy (no inline scripts, no
remote origins) backs that up. Write endpoints need a bearer token when one is configured
(``newsevents serve`` sets one whenever it listens beyond localhost).
"""
from __future__ import annotations

import json
import logging
import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NewsEventsError
from ..redact import public_text

WEB_DIR = Path(__file__).parent
DEFAULT_MAX_BODY = 5_000_000

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]

# HTTP status for each coded error the API can return; anything else that is a user's mistake is 400.
STATUS_BY_CODE = {"E022": 404, "E023": 401, "E024": 413, "E008": 503, "E016": 500, "E017": 500, "E025": 500}


class StoreProvider:
    """The app's store, opened on first use (so that starting the server stays instant).

    The store itself gives every worker thread its own connection (see ``store/sqlite.py``)."""

    def __init__(self, path: str):
        self.path = str(path)
        self._store = None
        self._lock = threading.Lock()

    def get(self):
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from ..store import open_store

                    self._store = open_store(self.path)
        return self._store

    def close(self) -> None:
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            store.close()


log = logging.getLogger("newsevents.web")


def error_body(code: str | None, message: str) -> dict:
    """An error answer. Its message never carries a password or an absolute server path."""
    return {"code": code, "message": public_text(message)}


def error_response(exc: NewsEventsError) -> JSONResponse:
    status = STATUS_BY_CODE.get(exc.code, 400)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(exc.code, str(exc)), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> NewsEventsError:
    first = exc.errors()[0] if exc.errors() else {"loc": ("request",), "msg": "invalid"}
    loc = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")]
    name = ".".join(loc) or "body"
    reason = first.get("msg", "invalid value")
    if first.get("type") == "json_invalid":
        name, reason = "body", "not valid JSON"
    elif first.get("type") == "missing" and not loc:
        name, reason = "body", "a JSON body is required"
    return NewsEventsError("E021", name=name, reason=reason)


class SecurityHeaders:
    """Pure ASGI middleware: adds the CSP and friends to every response (cheap: no body copy)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse request bodies over ``max_body`` bytes with ``413`` and a coded JSON error (E024),
    whether the client announces the size (Content-Length) or streams it."""

    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            return await self._refuse(send, int(declared))
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return await self._refuse(send, size)
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send, size: int):
        exc = NewsEventsError("E024", size=size, limit=self.max_body)
        payload = json.dumps(error_body("E024", str(exc))).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": payload})


def create_app(store_path: str | Path, token: str | None = None, max_body: int = DEFAULT_MAX_BODY,
               host: str | None = None, allow_hosts: str | list[str] | None = None) -> FastAPI:
    """The FastAPI application serving the store at ``store_path``.

    ``token``: when given, ``POST /api/extract`` and ``POST /api/articles`` need the header
    ``Authorization: Bearer <token>``. ``max_body``: the largest request body accepted, in bytes.
    ``host``: the address the server is bound to; ``allow_hosts``: further names it answers to
    (``Host`` header; see :mod:`newsevents.web.guard`). Without either, only localhost names and
    loopback addresses are answered.
    """
    from .. import __version__
    from .guard import HostPolicy, RequestGuard
    from .routes import api, export, pages, write

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        executor, app.state.write_executor = app.state.write_executor, None  # a restarted app makes a new one
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        app.state.stores.close()

    app = FastAPI(
        lifespan=lifespan,
        title="newsevents",
        version=__version__,
        description="Structured, source-attributed event data from news articles. Every item carries "
                    "evidence offsets into its article's text. Errors are JSON objects {code, message}.",
        docs_url=None, redoc_url=None,  # their HTML loads scripts from a CDN: not offline, not under our CSP
        openapi_url="/openapi.json",
    )
    app.state.stores = StoreProvider(str(store_path))
    app.state.token = token
    app.state.max_body = max_body
    app.state.write_lock = threading.Lock()
    # writes (CPU-bound extraction, one at a time) queue on their own thread, so that queued writes
    # never hold the request thread pool that reads run on
    app.state.write_executor = None  # made on first write (see routes/write.py)

    @app.exception_handler(NewsEventsError)
    async def _coded(request: Request, exc: NewsEventsError):
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        return error_response(_validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return error_response(NewsEventsError("E022", what=f"no route {request.url.path}"))
        # keep the exception's headers; a 405 lists every method of every route on this path (RFC 9110)
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request)) or headers.get("Allow", "")
        return JSONResponse(error_body(None, str(exc.detail)), status_code=exc.status_code, headers=headers or None)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):  # never a bare 500 page, never internals
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return JSONResponse(error_body(None, f"Internal error ({type(exc).__name__}); the server log has the details"),
                            status_code=500)

    app.openapi = lambda: _openapi_with_contract(app)
    app.include_router(api.router)
    app.include_router(export.router)
    app.include_router(write.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")

    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=5)  # map points, world outline
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(RequestGuard, policy=HostPolicy.for_bind(host, allow_hosts), token=token)
    app.add_middleware(SecurityHeaders)
    return app


def _allowed_methods(request: Request) -> list[str]:
    """Methods some route accepts for this request's path (several routers may share a path)."""
    from starlette.routing import Match

    def routes(items):
        for route in items:
            inner = getattr(route, "original_router", None)  # an included router
            if inner is not None:
                yield from routes(inner.routes)
            else:
                yield route

    methods: set[str] = set()
    for route in routes(request.app.router.routes):
        if getattr(route, "methods", None) and route.matches(request.scope)[0] != Match.NONE:
            methods |= set(route.methods)
    return sorted(methods)


CONTRACT_REF = "#/components/schemas/NewsEventsDocument"


def _openapi_with_contract(app: FastAPI) -> dict:
    """The generated OpenAPI document, plus the newsevents/1 JSON Schema as ``NewsEventsDocument``
    (its ``$defs`` become ``NewsEvents_*`` components) for the endpoints that return documents."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    from ..contract import schema as contract_schema

    spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    text = json.dumps(contract_schema()).replace('"#/$defs/', '"#/components/schemas/NewsEvents_')
    contract = json.loads(text)
    components = spec.setdefault("components", {}).setdefault("schemas", {})
    for name, definition in contract.pop("$defs", {}).items():
        components[f"NewsEvents_{name}"] = definition
    for key in ("$schema", "$id"):
        contract.pop(key, None)
    components["NewsEventsDocument"] = contract
    app.openapi_schema = spec
    return spec


def check_token(request: Request) -> None:
    """Raise ``E023`` unless the request carries the configured bearer token (if any). The
    :class:`~newsevents.web.guard.RequestGuard` already refused such a request before its body was
    read; this dependency keeps the routes safe when mounted without it."""
    from .guard import token_refusal

    reason = token_refusal(dict(request.scope.get("headers") or []), request.app.state.token)
    if reason is not None:
        raise NewsEventsError("E023", reason=reason)
