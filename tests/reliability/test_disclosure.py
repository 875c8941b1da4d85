"""What the server and the CLI say about themselves: never a credential, and in HTTP answers never an
absolute server path (the store's location, the files articles were read from, internal errors)."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from contract_docs import kosovo_doc  # noqa: E402
from newsevents.redact import public_name, public_text, redacted  # noqa: E402
from newsevents.store import open_store  # noqa: E402
from newsevents.web.app import create_app  # noqa: E402
from pg_helpers import postgres_or_skip, throwaway_schema  # noqa: E402

PASSWORD = "S3cretPw"
SECRET_DIR = "srv-private-corpus"


def with_password(url: str, schema: str) -> str:
    """The test server's URL with a user and password in it (trust authentication ignores the password)."""
    parts = urlsplit(url)
    netloc = f"{parts.username or 'postgres'}:{PASSWORD}@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, f"schema={schema}", ""))


def local_client(app) -> TestClient:
    return TestClient(app, base_url="http://127.0.0.1")


# ------------------------------------------------------------------------------ store names

@pytest.mark.parametrize("target, shown, public", [
    ("postgresql://postgres:S3cretPw@127.0.0.1:5432/x", "postgresql://postgres:***@127.0.0.1:5432/x",
     "postgresql://127.0.0.1:5432/x"),
    ("postgres://u:S3cretPw@[::1]/x?schema=ne&password=S3cretPw&sslmode=disable",
     "postgres://u:***@[::1]/x?schema=ne&password=***&sslmode=disable", "postgres://[::1]/x?schema=ne"),
    ("postgresql://u@db.internal/x?password=S3cretPw", "postgresql://u@db.internal/x?password=***",
     "postgresql://db.internal/x"),
    ("/srv/private/news.db", "/srv/private/news.db", "news.db"),
    ("sqlite:////srv/private/news.db", "sqlite:////srv/private/news.db", "sqlite:///news.db"),
    (":memory:", ":memory:", ":memory:"),
])
def test_store_names_hide_passwords_and_server_paths(target, shown, public):
    assert redacted(target) == shown
    assert public_name(target) == public
    assert PASSWORD not in public_text(f"[E017] Database '{target}' has schema version 9")


def test_health_names_a_postgresql_store_without_its_password():
    url = postgres_or_skip()
    with throwaway_schema() as schema:
        db = with_password(url, schema)
        with local_client(create_app(db)) as client:
            response = client.get("/api/health")
            assert response.status_code == 200 and client.get("/api/stats").status_code == 200
        assert PASSWORD not in response.text
        parts = urlsplit(url)
        assert response.json()["store"] == f"postgresql://{parts.hostname}:{parts.port or 5432}/test?schema={schema}" \
            if parts.port else response.json()["store"] == f"postgresql://{parts.hostname}/test?schema={schema}"


def test_health_names_a_sqlite_store_by_its_file_name_only(tmp_path):
    db = tmp_path / SECRET_DIR / "news.db"
    db.parent.mkdir()
    open_store(db).close()
    with local_client(create_app(str(db))) as client:
        response = client.get("/api/health")
    assert response.json()["store"] == "news.db" and SECRET_DIR not in response.text


def test_e017_names_the_database_without_its_password():
    import psycopg

    from newsevents.errors import NewsEventsError

    url = postgres_or_skip()
    with throwaway_schema() as schema:
        db = with_password(url, schema)
        open_store(db).close()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'INSERT INTO "{schema}".schema_version VALUES (999, %s, %s)', ("future", "2099-01-01"))
        with pytest.raises(NewsEventsError) as caught:
            open_store(db)
    assert caught.value.code == "E017" and PASSWORD not in str(caught.value)
    assert "postgres:***@" in str(caught.value)


def test_ingest_summary_names_the_store_without_its_password(tmp_path, nlp):
    from typer.testing import CliRunner

    from newsevents.cli import _load_commands, app

    url = postgres_or_skip()
    _load_commands()
    (tmp_path / "a.txt").write_text("Police detained two protesters in Pristina on Monday, officials said.\n")
    with throwaway_schema() as schema:
        db = with_password(url, schema)
        table = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db])
        as_json = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--json"])
    assert table.exit_code == 0 and as_json.exit_code == 0, (table.output, as_json.output)
    assert "Read it back with: newsevents query events --db postgresql://postgres:***@" in table.output
    assert json.loads(as_json.stdout)["db"].startswith("postgresql://postgres:***@")
    assert PASSWORD not in table.output + as_json.output


# ------------------------------------------------------------------------------ server paths

@pytest.fixture
def stored(tmp_path) -> str:
    db = str(tmp_path / "paths.db")
    store = open_store(db)
    try:
        store.save(kosovo_doc(), source_path=f"/{SECRET_DIR}/2021/kosovo.txt")
        store.record_error(f"/{SECRET_DIR}/2021/broken.txt", f"/{SECRET_DIR}/2021/broken.txt", "E001",
                           f"[E001] Cannot read '/{SECRET_DIR}/2021/broken.txt': Permission denied")
    finally:
        store.close()
    return db


def test_articles_and_errors_name_files_without_their_directories(stored):
    with local_client(create_app(stored)) as client:
        articles = client.get("/api/articles")
        errors = client.get("/api/errors")
    assert articles.json()["items"][0]["source_path"] == "kosovo.txt"
    assert errors.json()[0] == {**errors.json()[0], "article": "broken.txt", "source": "broken.txt",
                                "message": "[E001] Cannot read 'broken.txt': Permission denied"}
    assert SECRET_DIR not in articles.text + errors.text


def test_an_internal_error_answers_500_without_internals(stored, monkeypatch):
    from newsevents.store.sqlite import SQLiteStore

    def broken(self):
        raise OSError(f"[Errno 5] Input/output error: '/{SECRET_DIR}/db/paths.db-wal'")

    monkeypatch.setattr(SQLiteStore, "stats", broken)
    with TestClient(create_app(stored), base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        response = client.get("/api/stats")
    assert response.status_code == 500
    assert response.json() == {"code": None, "message": "Internal error (OSError); the server log has the details"}


def test_a_store_that_cannot_open_is_named_without_its_directory(tmp_path):
    missing = tmp_path / SECRET_DIR / "no-such-dir" / "x.db"  # sqlite cannot create it: E016 names the file
    with TestClient(create_app(str(missing)), base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        response = client.get("/api/stats")
    assert response.status_code == 500 and response.json()["code"] == "E016"
    assert "'x.db'" in response.json()["message"] and SECRET_DIR not in response.text


def test_jsonl_ids_default_to_the_file_name_and_line(tmp_path, nlp):
    from newsevents.ingest.sources import iter_articles

    folder = tmp_path / SECRET_DIR
    folder.mkdir()
    (folder / "wire.jsonl").write_text(json.dumps({"text": "Police detained two protesters in Pristina."}) + "\n"
                                       + json.dumps({"id": "own-id", "text": "Rebels shelled Goma."}) + "\n")
    articles = list(iter_articles([str((folder / "wire.jsonl").resolve())]))
    assert [a.id for a in articles] == ["wire.jsonl:1", "own-id"]
    assert Path(articles[0].source_path).parent == folder.resolve()  # provenance keeps the path for the operator
