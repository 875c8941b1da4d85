"""What a store accepts and what it forgets (#17.10, #17.7): a document that breaks the newsevents/1
schema is refused; an article's recorded error is gone once that article is stored; one id rule for
files, JSONL records and the API. Both backends (PostgreSQL when a server is reachable)."""
from __future__ import annotations

import copy
import json
import os
import uuid

import pytest

from contract_docs import kosovo_doc
from newsevents.errors import NewsEventsError
from newsevents.ingest.ids import ID_MAX, STORED_ID_MAX, id_problem, valid_id
from newsevents.store import open_store

POSTGRES_URL = os.environ.get("NEWSEVENTS_TEST_POSTGRES", "postgresql://127.0.0.1:5432/test")


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = open_store(tmp_path / "t.db")
        yield s
        s.close()
        return
    psycopg = pytest.importorskip("psycopg")
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=2).close()
    except psycopg.Error as exc:
        pytest.skip(f"no PostgreSQL server for the tests ({type(exc).__name__})")
    schema = f"ne_test_{uuid.uuid4().hex[:12]}"
    s = open_store(f"{POSTGRES_URL}?schema={schema}")
    yield s
    s.close()
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.mark.parametrize("breakage", ["event type", "span offsets", "missing field", "count type"])
def test_save_refuses_a_document_that_breaks_the_schema(store, breakage):
    doc = copy.deepcopy(kosovo_doc())
    if breakage == "event type":
        doc["events"][0]["type"] = "NOT_A_TYPE"
    elif breakage == "span offsets":
        doc["events"][0]["evidence"]["start"] += 3
    elif breakage == "missing field":
        del doc["article"]["language"]
    else:
        doc["casualties"][0]["count"] = "six"
    with pytest.raises(NewsEventsError) as caught:
        store.save(doc)
    assert caught.value.code == "E016" and "E020" in str(caught.value) and "kosovo-demo" in str(caught.value)
    assert store.stats()["articles"] == 0
    assert store.save(kosovo_doc()).status == "stored"  # the valid document still goes in


def test_an_error_is_cleared_when_its_article_is_stored(store):
    store.record_error("samples/late.txt", "samples/late.txt", "E015", "[E015] Article 'samples/late.txt' exceeded ...")
    store.record_error("wt-6 (wire.jsonl:6)", "wire.jsonl:6", "E014", "[E014] Article 'wt-6 (wire.jsonl:6)': ...")
    store.record_error("other.txt", "other.txt", "E002", "[E002] Article 'other.txt' is empty after cleaning")
    assert store.stats()["errors"] == 3
    doc = kosovo_doc("late")
    assert store.save(doc, source_path="samples/late.txt").status == "stored"
    assert [e["article"] for e in store.errors()] == ["other.txt", "wt-6 (wire.jsonl:6)"]
    assert store.save(kosovo_doc("wt-6", suffix=" Wire."), source_path="wire.jsonl:6").status == "stored"
    assert [e["article"] for e in store.errors()] == ["other.txt"]
    assert store.stats()["errors"] == 1


def test_a_rerun_clears_the_error_of_an_article_already_stored(tmp_path):
    """A file stored by a first run, refused by a second (it went missing), then back unchanged."""
    from newsevents.config import Config
    from newsevents.ingest_job import ingest

    store = open_store(tmp_path / "t.db")
    try:
        doc = kosovo_doc("back")
        store.save(doc, source_path=str(tmp_path / "in" / "back.txt"))
        folder = tmp_path / "in"
        folder.mkdir()
        (folder / "back.txt").write_text(doc["text"], encoding="utf-8")
        store.record_error("back.txt", str(folder / "back.txt"), "E001", "[E001] Cannot read 'back.txt'")
        summary = ingest([str(folder / "back.txt")], store, Config())
        assert summary.unchanged == 1 and summary.failed == 0
        assert store.stats()["errors"] == 0
    finally:
        store.close()


# ----------------------------------------------------------------------------------- ids

@pytest.mark.parametrize("given, problem", [
    ("slash/../../etc/passwd", "contains '/'"), ("x" * (ID_MAX + 1), f"longer than {ID_MAX} characters"),
    ("..", "starts with whitespace or '.'"), (" lead", "starts with whitespace or '.'"),
    ("tab\there", "contains a control character"), ("", "empty")])
def test_the_id_rule(given, problem):
    assert id_problem(given) == problem
    fixed = valid_id(given, fallback="article-0")
    assert id_problem(fixed) is None and len(fixed) <= ID_MAX
    assert valid_id(fixed, fallback="article-0") == fixed  # idempotent
    assert len(fixed) + 65 <= STORED_ID_MAX  # room for the W006 suffix


def test_long_ids_sharing_a_start_stay_distinct():
    a, b = "a" * 300 + "1", "a" * 300 + "2"
    assert valid_id(a, "f") != valid_id(b, "f")


def test_ingest_applies_the_id_rule_and_warns(tmp_path):
    from newsevents.ingest.sources import iter_articles

    lines = [{"id": "slash/../../etc/passwd", "text": "Police arrested two men in Pristina."},
             {"id": "y" * 250, "text": "Troops shelled a village near the border."},
             {"id": "fine-id", "text": "Protesters gathered in Belgrade."}]
    path = tmp_path / "ids.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    articles = list(iter_articles([str(path)]))
    assert [a.id for a in articles][0] == "slash_.._.._etc_passwd"
    assert len(articles[1].id) == ID_MAX and id_problem(articles[1].id) is None
    assert articles[2].id == "fine-id" and not articles[2].warnings
    for article in articles[:2]:
        assert [w["code"] for w in article.warnings] == ["W012"]
        assert article.id in article.warnings[0]["message"]


def test_the_api_refuses_what_ingest_would_rename(tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsevents.web.app import create_app

    db = tmp_path / "api.db"
    open_store(db).close()
    with TestClient(create_app(str(db)), base_url="http://localhost") as client:
        for bad in ("slash/../../etc/passwd", "x" * (ID_MAX + 1), "..", " lead", "tab\there"):
            response = client.post("/api/extract", json={"text": "Police arrested two men.", "id": bad})
            assert response.status_code == 400 and response.json()["code"] == "E021", (bad, response.text)
        schema = client.get("/openapi.json").json()["components"]["schemas"]["ArticleIn"]["properties"]["id"]
        text = json.dumps(schema)
        assert str(ID_MAX) in text and "pattern" in text
