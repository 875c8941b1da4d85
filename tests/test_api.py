"""REST API and page-serving tests: every endpoint, its filters, its bad parameters (400 with a coded
message, never 500), the write endpoints (token, body limit), security headers, local-only assets,
and `newsevents serve` start-up."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from contract_docs import ALEPPO, kosovo_doc, numbered_doc  # noqa: E402
from newsevents.contract import validate  # noqa: E402
from newsevents.store import open_store  # noqa: E402
from newsevents.web.app import CSP, create_app  # noqa: E402
from web_docs import SCRIPT, malicious_doc  # noqa: E402

N_NUMBERED = 7  # articles of three ASSAULT events each, in Aleppo, one per month of 2020


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("api") / "api.db")
    store = open_store(path)
    try:
        assert store.save(kosovo_doc()).status == "stored"
        for n in range(N_NUMBERED):
            store.save(numbered_doc(n, place=dict(ALEPPO), published=f"2020-{n + 1:02d}-15"))
        store.save(malicious_doc())
        store.record_error("broken.txt", "samples/broken.txt", "E002", "[E002] Article 'broken.txt' is empty after cleaning")
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db), base_url="http://localhost") as test_client:
        yield test_client


def get_ok(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def assert_bad(response, name: str) -> None:
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["code"] == "E021"
    assert body["message"].startswith(f"[E021] Invalid parameter '{name}'"), body["message"]


# ------------------------------------------------------------------------------------- reads

def test_health_and_stats(client, db):
    assert get_ok(client, "/api/health") == {"status": "ok", "version": "0.1.0", "store": "api.db"}  # no server path
    stats = get_ok(client, "/api/stats")
    assert stats["articles"] == N_NUMBERED + 2
    assert stats["events"] == 3 + 3 * N_NUMBERED + 1
    assert stats["errors"] == 1


def test_events_page_shape(client):
    page = get_ok(client, "/api/events?limit=2&total=true")
    assert len(page["items"]) == 2 and page["next_cursor"] and page["total"] == 25
    assert get_ok(client, "/api/events?limit=2")["total"] is None  # counting is on request
    event = page["items"][0]
    assert event["key"] == "kosovo-demo/evt1"
    assert event["article"]["id"] == "kosovo-demo" and event["article"]["outlet"] == "example.org"
    # the place reference {"id": "plc1"} is completed with the place's name and coordinates
    assert event["place"]["name"] == "Mitrovica" and event["lat"] == pytest.approx(42.8914)
    assert event["evidence"]["text"] == "Kosovo police raided shops"


def test_events_cursor_pagination_is_complete_and_stable(client):
    keys, cursor, pages = [], None, 0
    while True:
        page = get_ok(client, f"/api/events?limit=4{'&cursor=' + cursor if cursor else ''}")
        if cursor:  # the same cursor gives the same page again
            assert get_ok(client, f"/api/events?limit=4&cursor={cursor}")["items"] == page["items"]
        keys += [e["key"] for e in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(keys) == len(set(keys)) == 25 and pages == 7


@pytest.mark.parametrize("query, expected", [
    ("type=ASSAULT", 1 + 3 * N_NUMBERED),
    ("type=assault", 1 + 3 * N_NUMBERED),
    ("mode=firearms", 1),
    ("actor=vucic", 1),
    ("sector=cop", 1 + N_NUMBERED + 1),
    ("country=XK", 3),  # where it happened: a place in Kosovo
    ("actor_country=XK", 3),  # who took part: an actor or recipient from Kosovo
    ("actor_country=XKX", 3),  # alpha-3 is accepted
    ("country=XK&country=SY", 3 + 3 * N_NUMBERED),  # repeated parameters ...
    ("country=XK,SY", 3 + 3 * N_NUMBERED),  # ... and comma lists mean "any of these"
    ("type=ASSAULT&type=ACCUSE", 2 + 3 * N_NUMBERED),
    ("type=assault,accuse", 2 + 3 * N_NUMBERED),
    ("bbox=170,-10,-170,10", 0),  # across the antimeridian: a valid box, nothing there
    ("country=SY", 3 * N_NUMBERED),
    ("place=Aleppo", 3 * N_NUMBERED),
    ("date_from=2020-03-01&date_to=2020-04-30", 6),
    ("date_from=2020-03&date_to=2020-04", 6),
    ("date_from=2021", 4),
    ("bbox=20,42,21.5,43.5", 3),
    ("bbox=36,35,38,37", 3 * N_NUMBERED),
    ("q=shelled", N_NUMBERED),
    ("disputed=true", 1),
    ("disputed=false", 24),
    ("article=report-3", 3),
    ("type=ASSAULT&place=Aleppo&q=convoy", N_NUMBERED),
    ("q=", 25),  # empty values mean "any" (what an empty form field sends)
])
def test_event_filters(client, query, expected):
    page = get_ok(client, f"/api/events?{query}&limit=1000&total=true")
    assert page["total"] == expected == len(page["items"]), query


@pytest.mark.parametrize("query, name", [
    ("type=FIGHT", "type"),
    ("limit=0", "limit"),
    ("limit=1001", "limit"),
    ("limit=ten", "limit"),
    ("cursor=not-a-cursor", "cursor"),
    ("cursor=" + "x" * 600, "cursor"),
    ("date_from=2021-13-01", "date_from"),
    ("date_to=2021-02-30", "date_to"),
    ("date_from=yesterday", "date_from"),
    ("date_from=2021-05-01&date_to=2021-04-01", "date_from"),
    ("bbox=1,2,3", "bbox"),
    ("bbox=a,b,c,d", "bbox"),
    ("bbox=-200,0,10,10", "bbox"),
    ("bbox=10,10,0,0", "bbox"),  # min_lat > max_lat
    ("disputed=maybe", "disputed"),
    ("total=lots", "total"),
    ("country=Kosovo", "country"),
    ("actor_country=Serbia", "actor_country"),
    ("speaker=Kurti", "speaker"),  # a quotes filter does not apply to events
    ("kind=killed", "kind"),
    ("type=ASSAULT,FIGHT", "type"),
    ("actor=a&actor=b", "actor"),  # single-valued
    ("q=" + "x" * 201, "q"),
])
def test_event_bad_parameters(client, query, name):
    assert_bad(client.get(f"/api/events?{query}"), name)


def test_cursor_of_another_list_is_refused(client):
    cursor = get_ok(client, "/api/quotes?limit=1")["next_cursor"] or get_ok(client, "/api/articles?limit=1")["next_cursor"]
    assert_bad(client.get(f"/api/events?cursor={cursor}"), "cursor")


def test_one_event_with_casualties(client):
    event = get_ok(client, "/api/events/kosovo-demo/evt2")
    assert event["type"] == "ASSAULT" and event["trigger"]["text"] == "shot"
    assert [c["id"] for c in event["casualties"]] == ["cas1"]
    assert event["mentions"] == []
    assert event["article"]["title"] == "Title of kosovo-demo"


def test_one_event_not_found_and_bad_key(client):
    response = client.get("/api/events/kosovo-demo/evt99")
    assert response.status_code == 404
    assert response.json() == {"code": "E022", "message": "[E022] Not found: event 'kosovo-demo/evt99'"}
    assert_bad(client.get("/api/events/evt1"), "key")


def test_points_for_the_map(client):
    data = get_ok(client, "/api/points?country=XK")
    by_key = {p["key"]: p for p in data["items"]}
    assert set(by_key) == {"kosovo-demo/evt1", "kosovo-demo/evt2", "evil-article/evt1"}
    assert by_key["kosovo-demo/evt2"]["place"] == "Mitrovica" and by_key["kosovo-demo/evt2"]["type"] == "ASSAULT"
    assert by_key["kosovo-demo/evt2"]["evidence"] == "One Serb was shot"
    assert data["without_coordinates"] == 0 and data["truncated"] is False
    by_actor = get_ok(client, "/api/points?actor_country=RS")  # a Serb was shot; Vucic accused (no place)
    assert [p["key"] for p in by_actor["items"]] == ["kosovo-demo/evt2"] and by_actor["without_coordinates"] == 1
    assert get_ok(client, "/api/points?limit=2")["truncated"] is True
    assert_bad(client.get("/api/points?limit=0"), "limit")


def test_articles_list_search_and_document(client):
    page = get_ok(client, "/api/articles?limit=100")
    assert page["total"] == N_NUMBERED + 2
    found = get_ok(client, "/api/articles?q=Vucic")
    assert [a["id"] for a in found["items"]] == ["kosovo-demo"] and found["items"][0]["n_events"] == 3
    doc = get_ok(client, "/api/articles/kosovo-demo")
    validate(doc)  # the full newsevents/1 document, spans and all
    assert doc == kosovo_doc()
    assert client.get("/api/articles/nope").status_code == 404
    assert_bad(client.get("/api/articles?limit=-1"), "limit")


def test_article_ids_with_a_slash(tmp_path):
    store = open_store(str(tmp_path / "slash.db"))
    try:
        store.save(kosovo_doc("feeds/kosovo"))
    finally:
        store.close()
    with TestClient(create_app(str(tmp_path / "slash.db")), base_url="http://localhost") as client:
        assert get_ok(client, "/api/articles/feeds/kosovo")["article"]["id"] == "feeds/kosovo"
        assert get_ok(client, "/api/events/feeds/kosovo/evt2")["key"] == "feeds/kosovo/evt2"
        assert client.get("/articles/feeds/kosovo").status_code == 200


def test_untrusted_text_comes_back_unchanged(client):
    doc = get_ok(client, "/api/articles/evil-article")
    assert SCRIPT in doc["text"] and SCRIPT in doc["article"]["title"]
    validate(doc)


def test_quotes_by_speaker_and_text(client):
    assert [q["key"] for q in get_ok(client, "/api/quotes?speaker=borrell")["items"]] == ["kosovo-demo/quo1"]
    quote = get_ok(client, "/api/quotes?q=violence")["items"][0]
    assert quote["speaker"]["name"] == "Josep Borrell" and quote["article"]["id"] == "kosovo-demo"
    assert get_ok(client, "/api/quotes?speaker=nobody")["items"] == []
    assert_bad(client.get("/api/quotes?cursor=zzz"), "cursor")
    assert_bad(client.get("/api/quotes?speaker=" + "a" * 300), "speaker")


def test_places(client):
    names = sorted(p["name"] for p in get_ok(client, "/api/places?country=xk")["items"])
    assert names[0] == "Mitrovica" and len(names) == 2
    assert get_ok(client, "/api/places?limit=1000")["total"] == 2 + 1
    assert get_ok(client, "/api/places?country=XKX")["total"] == 2  # alpha-3 is read as alpha-2
    assert_bad(client.get("/api/places?country=Kosovo"), "country")
    assert_bad(client.get("/api/places?type=ASSAULT"), "type")  # an events filter


@pytest.mark.parametrize("by, first", [
    ("type", {"key": "ASSAULT", "count": 22}),
    ("country", {"key": "SY", "count": 21}),
    ("place", "Aleppo"),
    ("sector", {"key": "COP", "count": 9}),
    ("day", {"key": "2020-01-15", "count": 3}),
])
def test_counts(client, by, first):
    items = get_ok(client, f"/api/counts?by={by}")["items"]
    if isinstance(first, str):
        assert items[0]["key"] == first
    else:
        assert items[0] == first


def test_counts_with_filters_and_bad_by(client):
    assert get_ok(client, "/api/counts?by=type&country=XK")["items"][0]["key"] in {"ASSAULT", "COERCE", "ACCUSE"}
    assert_bad(client.get("/api/counts?by=week"), "by")
    assert_bad(client.get("/api/counts"), "by")
    assert_bad(client.get("/api/counts?by=type&type=NOPE"), "type")


def test_timeline(client):
    data = get_ok(client, "/api/timeline")
    assert set(data["types"]) == {"ASSAULT", "COERCE", "ACCUSE"}
    days = {row["day"]: row["counts"] for row in data["items"]}
    assert days["2020-03-15"] == {"ASSAULT": 3}
    assert days["2021-10-13"] == {"COERCE": 1, "ASSAULT": 1, "ACCUSE": 1}
    assert list(days) == sorted(days)


def test_no_stories_until_articles_are_grouped(client):
    # documents saved straight into the store are not grouped yet (ingest and `stories build` do it)
    assert get_ok(client, "/api/stories") == {"available": True, "items": [], "next_cursor": None, "total": 0}
    assert client.get("/api/stories/s1").json()["code"] == "E022"


def test_errors_list(client):
    rows = get_ok(client, "/api/errors")
    assert rows[0]["code"] == "E002" and rows[0]["article"] == "broken.txt"
    assert_bad(client.get("/api/errors?limit=100000"), "limit")


def test_unknown_route_is_json_404(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.json()["code"] == "E022"


def test_openapi_documents_every_endpoint(client):
    spec = get_ok(client, "/openapi.json")
    paths = spec["paths"]
    for path in ("/api/events", "/api/events/{key}", "/api/points", "/api/articles", "/api/articles/{article_id}",
                 "/api/quotes", "/api/places", "/api/counts", "/api/timeline", "/api/stories", "/api/stories/{story_id}",
                 "/api/stats", "/api/errors", "/api/health", "/api/extract"):
        assert path in paths, path
    assert "post" in paths["/api/articles"] and "get" in paths["/api/articles"]
    assert paths["/api/events"]["get"]["responses"]["400"]
    # documents are described by the newsevents/1 JSON Schema itself
    document = {"$ref": "#/components/schemas/NewsEventsDocument"}
    assert paths["/api/articles/{article_id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] == document
    assert paths["/api/extract"]["post"]["responses"]["200"]["content"]["application/json"]["schema"] == document
    components = spec["components"]["schemas"]
    assert components["NewsEventsDocument"]["properties"]["events"]["items"] == {"$ref": "#/components/schemas/NewsEvents_event"}
    assert "#/$defs/" not in json.dumps(spec)
    # no Swagger/ReDoc pages: they load scripts from a CDN
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["type", "mode", "actor", "sector", "country", "place", "date_from", "date_to", "bbox",
                             "q", "disputed", "article", "cursor", "limit"]),
       value=st.text(min_size=1, max_size=40))
def test_any_parameter_value_is_200_or_400_never_500(client, name, value):
    for path in ("/api/events", "/api/points", "/api/counts?by=type&x=1"):
        sep = "&" if "?" in path else "?"
        response = client.get(f"{path}{sep}{httpx.QueryParams({name: value})}")
        assert response.status_code in (200, 400), (path, name, value, response.text)
        if response.status_code == 400:
            assert response.json()["code"] == "E021"


# ------------------------------------------------------------------------------------- pages

PAGES = ["/", "/map", "/events", "/events/kosovo-demo/evt2", "/articles", "/articles/kosovo-demo",
         "/articles/evil-article", "/quotes", "/stories", "/stories/s1"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_reference_only_local_assets(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    refs = re.findall(r'(?:src|href)="([^"]*)"', response.text)
    assert refs, url
    for ref in refs:
        assert ref.startswith("/") and not ref.startswith("//"), f"{url} references {ref}"
        if ref.startswith("/static/"):
            assert client.get(ref).status_code == 200, ref
    assert "<script>" not in response.text  # no inline script blocks (the CSP would refuse them anyway)
    assert not re.search(r"\son[a-z]+=", response.text)  # no inline event handlers


def test_static_files_fetch_nothing_remote():
    static = Path(__file__).parent.parent / "src" / "newsevents" / "web" / "static"
    for path in static.rglob("*"):
        if path.suffix not in (".js", ".css", ".html", ".svg"):
            continue
        text = path.read_text("utf-8")
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S) if path.suffix != ".svg" else text
        for url in re.findall(r"https?://[^\s\"'`)]+", code):
            assert url.startswith("http://www.w3.org/"), f"{path.name} references {url}"
    assert (static / "vendor" / "world-atlas" / "LICENSE").exists()


def test_page_scripts_never_parse_data_as_html():
    scripts = Path(__file__).parent.parent / "src" / "newsevents" / "web" / "static" / "js"
    for path in scripts.glob("*.js"):
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", path.read_text("utf-8"), flags=re.S)
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in code, f"{path.name} uses {sink}"


def test_page_shell_escapes_its_url_parameter(client):
    response = client.get("/articles/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert response.status_code == 200
    assert "<img src=x" not in response.text and "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in response.text


def test_security_headers(client):
    for url in ("/", "/api/events", "/static/css/app.css", "/api/nothing"):
        headers = client.get(url).headers
        assert headers["content-security-policy"] == CSP
        assert headers["x-content-type-options"] == "nosniff"
    assert "unsafe-inline" not in CSP and "script-src 'self'" in CSP and "default-src 'none'" in CSP


# ------------------------------------------------------------------------------------- writes

def test_write_body_validation(client):
    assert_bad(client.post("/api/extract", json={}), "body")
    assert_bad(client.post("/api/extract", json={"text": "a", "html": "<p>b</p>"}), "body")
    assert_bad(client.post("/api/extract", json={"text": "Some text.", "colour": "red"}), "colour")
    assert_bad(client.post("/api/articles", json={"text": "Some text.", "id": "a/b"}), "id")
    assert_bad(client.post("/api/extract", content=b"{not json", headers={"content-type": "application/json"}), "body")
    assert_bad(client.post("/api/extract", json={"text": 42}), "text")


def test_empty_article_is_a_coded_400(client):
    assert_bad(client.post("/api/extract", json={"text": ""}), "body")
    response = client.post("/api/extract", json={"text": "   \n\t  "})
    assert response.status_code == 400 and response.json()["code"] == "E002"
    response = client.post("/api/extract", json={"html": "<html><body></body></html>"})
    assert response.status_code == 400 and response.json()["code"] == "E002"


@pytest.mark.slow
def test_extract_and_ingest(client, nlp):
    text = ("Police arrested two protesters in Pristina on Monday. "
            "\u201cWe will not allow violence,\u201d the police chief said.")
    doc = client.post("/api/extract", json={"text": text, "published": "2021-10-18", "id": "pristina"}).json()
    validate(doc)
    assert doc["article"]["id"] == "pristina" and doc["text"] == text
    before = get_ok(client, "/api/stats")["articles"]
    response = client.post("/api/articles", json={"text": text, "published": "2021-10-18", "title": "Arrests"})
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "stored" and body["article_id"].startswith("article-")
    assert get_ok(client, f"/api/articles/{body['article_id']}")["article"]["title"] == "Arrests"
    assert get_ok(client, "/api/stats")["articles"] == before + 1
    again = client.post("/articles", json={"text": text})  # the alias, and idempotent
    assert again.status_code == 201 and again.json()["status"] == "unchanged"
    html = "<html><head><title>Raid</title></head><body><article><p>" + text + "</p></article></body></html>"
    from_html = client.post("/extract", json={"html": html})
    assert from_html.status_code == 200 and "Police arrested two protesters" in from_html.json()["text"]


def test_token_guards_writes_only(db):
    with TestClient(create_app(db, token="s3cret"), base_url="http://localhost") as guarded:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"}):
            response = guarded.post("/api/extract", json={"text": "x"}, headers=headers)
            assert response.status_code == 401 and response.json()["code"] == "E023"
            assert response.headers["www-authenticate"] == "Bearer"
        assert guarded.post("/api/articles", json={"text": "x"}).status_code == 401
        # the right token passes authentication (and then body validation answers)
        assert_bad(guarded.post("/api/extract", json={}, headers={"Authorization": "Bearer s3cret"}), "body")
        assert guarded.get("/api/events").status_code == 200  # reads stay open


def test_body_size_limit(db):
    with TestClient(create_app(db, max_body=2048), base_url="http://localhost") as small:
        response = small.post("/api/extract", json={"text": "word " * 1000})
        assert response.status_code == 413
        assert response.json()["code"] == "E024" and "> 2048 bytes" in response.json()["message"]

        def chunks():  # no Content-Length: the limit still holds on the streamed body
            for _ in range(10):
                yield b"x" * 1000

        streamed = small.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
        assert streamed.status_code == 413 and streamed.json()["code"] == "E024"
        assert_bad(small.post("/api/extract", json={}), "body")  # small bodies still reach the app


# ------------------------------------------------------------------------------------- serve

def test_loopback_detection():
    from newsevents.cli.serve import is_loopback

    assert all(map(is_loopback, ["127.0.0.1", "localhost", "::1", "127.1.2.3", "[::1]"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.5", "::", "example.org"]))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _newsevents() -> list[str]:
    return [sys.executable, "-c", "from newsevents.cli import main; main()"]


def test_serve_refuses_a_missing_database(tmp_path):
    result = subprocess.run([*_newsevents(), "serve", "--db", str(tmp_path / "none.db")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2 and "[E022]" in result.stderr and "newsevents ingest" in result.stderr


def test_serve_on_a_taken_port_says_so_before_serving(db):
    """Issue 18.9: it printed "serving at …" and then failed; now one line names the taken port."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = subprocess.run([*_newsevents(), "serve", "--db", db, "--port", str(port)], capture_output=True,
                                text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert f"[E021] Invalid parameter '--port': port {port} on 127.0.0.1 is taken" in result.stderr
    assert "serving" not in result.stderr and "Traceback" not in result.stderr


def test_serve_starts_fast_and_guards_writes_beyond_localhost(db):
    port = _free_port()
    started = time.monotonic()
    proc = subprocess.Popen([*_newsevents(), "serve", "--db", db, "--host", "0.0.0.0", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        elapsed = None
        while time.monotonic() - started < 60:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=1).status_code == 200:
                    elapsed = time.monotonic() - started
                    break
            except httpx.HTTPError:
                time.sleep(0.05)
        assert elapsed is not None, "server did not answer"  # start-up speed belongs to the benchmarks (#18.13)
        response = httpx.post(f"http://127.0.0.1:{port}/api/extract", json={"text": "x"}, timeout=5)
        assert response.status_code == 401 and response.json()["code"] == "E023"
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=10)
    assert "Bearer " in stderr  # the generated token is printed
