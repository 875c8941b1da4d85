"""Requests refused before they cost anything (#17.2, #17.5): a foreign ``Host`` (DNS rebinding), a
write from another origin, a write without the token (refused before its body is read), and reads
that never wait behind queued writes. No timing is asserted: only outcomes and their order."""
from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from contract_docs import kosovo_doc  # noqa: E402
from newsevents.errors import NewsEventsError  # noqa: E402
from newsevents.store import open_store  # noqa: E402
from newsevents.web.app import create_app  # noqa: E402
from newsevents.web.guard import HostPolicy, split_host  # noqa: E402

ARTICLE = {"text": "Police arrested two protesters in Pristina on Tuesday, the interior ministry said."}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("guard") / "guard.db")
    store = open_store(path)
    try:
        assert store.save(kosovo_doc()).status == "stored"
    finally:
        store.close()
    return path


def _count(db: str) -> int:
    store = open_store(db)
    try:
        return store.stats()["articles"]
    finally:
        store.close()


# ------------------------------------------------------------------------- 17.2 DNS rebinding

def test_a_foreign_host_is_refused_and_local_names_are_answered(db):
    with TestClient(create_app(db), base_url="http://localhost") as client:
        refused = client.get("/api/articles", headers={"Host": "attacker.example"})
        assert refused.status_code == 400 and refused.json()["code"] == "E033"
        assert "attacker.example" in refused.json()["message"] and "kosovo" not in refused.text.lower()
        assert client.get("/", headers={"Host": "attacker.example:8000"}).status_code == 400  # pages too
        for host in ("localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "127.3.4.5", "app.localhost",
                     "LOCALHOST.", ):
            assert client.get("/api/health", headers={"Host": host}).status_code == 200, host
        for host in ("10.0.0.7", "192.168.1.2:8000", "localhost.attacker.example", "127.0.0.1.nip.io", ""):
            assert client.get("/api/health", headers={"Host": host}).status_code == 400, host


def test_a_rebound_post_stores_nothing(db):
    before = _count(db)
    with TestClient(create_app(db), base_url="http://localhost") as client:
        response = client.post("/api/articles", json=ARTICLE,
                               headers={"Host": "attacker.example:8000", "Origin": "http://attacker.example:8000"})
        assert response.status_code == 400 and response.json()["code"] == "E033"
    assert _count(db) == before


def test_writes_from_another_origin_are_refused(db):
    before = _count(db)
    with TestClient(create_app(db), base_url="http://localhost:8000") as client:
        for origin in ("http://evil.example", "http://localhost:9999", "null", "file://", "http://localhost.evil.example:8000"):
            response = client.post("/api/articles", json=ARTICLE, headers={"Origin": origin})
            assert response.status_code == 403 and response.json()["code"] == "E033", origin
        # the server's own pages (same origin) and non-browser clients (no Origin) may write
        assert client.post("/api/extract", json={}, headers={"Origin": "http://localhost:8000"}).status_code == 400
        assert client.post("/api/extract", json={}).status_code == 400  # past the guards, to body validation
        assert client.get("/api/health", headers={"Origin": "http://evil.example"}).status_code == 200  # reads: CORS keeps them
    assert _count(db) == before


def test_the_allow_list_is_the_bound_address_and_the_operators_names(db):
    app = create_app(db, host="192.168.1.5", allow_hosts=["news.example", ".corp.example"])
    with TestClient(app, base_url="http://192.168.1.5:8000") as client:
        for host in ("192.168.1.5:8000", "news.example", "NEWS.example:8000", "corp.example", "a.b.corp.example", "localhost"):
            assert client.get("/api/health", headers={"Host": host}).status_code == 200, host
        for host in ("192.168.1.6", "other.example", "news.example.attacker.example", "xcorp.example"):
            assert client.get("/api/health", headers={"Host": host}).status_code == 400, host
        allowed_origin = client.post("/api/extract", json={}, headers={"Host": "192.168.1.5:8000", "Origin": "http://news.example"})
        assert allowed_origin.status_code == 400 and allowed_origin.json()["code"] == "E021"


def test_every_interface_answers_addresses_but_not_names():
    policy = HostPolicy.for_bind("0.0.0.0")
    assert policy.allows("10.1.2.3:8000") and policy.allows("[fe80::1]:80") and policy.allows("localhost")
    assert not policy.allows("attacker.example") and not policy.allows(None)
    assert HostPolicy.for_bind("::", "*").allows("anything.example")
    assert split_host("[::1]:8000") == "::1" and split_host("Example.ORG.:80") == "example.org"
    with pytest.raises(NewsEventsError) as caught:
        HostPolicy.for_bind("127.0.0.1", "bad host/")
    assert caught.value.code == "E021"


def test_serve_passes_allow_host_to_the_app(db, monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from newsevents.cli import _load_commands, app as cli

    _load_commands()
    seen = {}
    monkeypatch.setattr(uvicorn.Server, "run", lambda server, **kw: seen.update(app=server.config.app))
    monkeypatch.setenv("NEWSEVENTS_ALLOW_HOSTS", "env.example")
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = ["--port", str(sock.getsockname()[1])]
    result = CliRunner().invoke(cli, ["serve", "--db", db, *port, "--allow-host", "news.example,wire.example"])
    assert result.exit_code == 0, result.output
    with TestClient(seen["app"], base_url="http://localhost") as client:
        assert client.get("/api/health", headers={"Host": "wire.example"}).status_code == 200
        assert client.get("/api/health", headers={"Host": "attacker.example"}).status_code == 400
    result = CliRunner().invoke(cli, ["serve", "--db", db, *port])
    assert result.exit_code == 0, result.output
    with TestClient(seen["app"], base_url="http://localhost") as client:  # from the environment
        assert client.get("/api/health", headers={"Host": "env.example"}).status_code == 200


# ------------------------------------------------------------------ 17.5 token before the body

def test_the_token_is_checked_before_the_body_is_read(db):
    app = create_app(db, token="s3cret")
    reads, sent = [], []

    async def receive():
        reads.append(1)
        return {"type": "http.request", "body": b"x" * 1_000_000, "more_body": True}

    async def send(message):
        sent.append(message)

    async def call(headers):
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
                 "path": "/api/articles", "raw_path": b"/api/articles", "query_string": b"", "root_path": "",
                 "headers": [(b"host", b"localhost"), (b"content-type", b"application/json"),
                             (b"content-length", b"4000000"), *headers],
                 "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000)}
        await app(scope, receive, send)

    for headers in ([], [(b"authorization", b"Bearer wrong")]):
        reads.clear(), sent.clear()
        asyncio.run(call(headers))
        assert sent[0]["status"] == 401 and reads == [], "the body was read before the token was checked"


# --------------------------------------------------------------- 17.5 reads beside queued writes

class HeldLock:
    """Stands in for the app's write lock: closed until released, counting who waits on it."""

    def __init__(self):
        self._lock = threading.Lock()
        self._lock.acquire()
        self.waiting = 0

    def __enter__(self):
        self.waiting += 1
        self._lock.acquire()
        self._lock.release()
        return self

    def __exit__(self, *exc):
        return False

    def release(self):
        self._lock.release()


def test_a_read_completes_while_many_writes_wait_for_the_write_lock(db):
    """50 writes queue behind a held write lock (more than the request thread pool's 40 threads);
    a health check and an article listing still complete while none of the writes has."""
    app = create_app(db)
    gate = HeldLock()
    app.state.write_lock = gate
    done: list[str] = []

    async def scenario():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
            async def write(n):
                response = await client.post("/api/extract", json={"text": f"Report {n}. Police arrested {n} men.", "id": f"w{n}"})
                done.append(f"write {response.status_code}")
                return response

            writes = [asyncio.create_task(write(n)) for n in range(50)]
            while gate.waiting == 0:  # the first write holds the write thread
                await asyncio.sleep(0.01)
            for _ in range(20):  # let every other write reach its queue
                await asyncio.sleep(0.01)
            # a deadlock guard, not a speed assertion: before the fix this read never completed
            health = await asyncio.wait_for(client.get("/api/health"), timeout=120)
            listing = await asyncio.wait_for(client.get("/api/articles"), timeout=120)
            done.append(f"read {health.status_code} {listing.status_code}")
            assert not any(entry.startswith("write") for entry in done), "a write finished through a held lock"
            gate.release()
            return await asyncio.gather(*writes)

    responses = asyncio.run(scenario())
    assert done[0] == "read 200 200"
    assert all(response.status_code == 200 for response in responses), [r.text[:200] for r in responses if r.status_code != 200]
    assert len(done) == 51
