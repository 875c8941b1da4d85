"""The SQLite store: round trip, idempotency, atomicity, pagination, filters, counts, search, concurrency."""
from __future__ import annotations

import copy
import multiprocessing
import os
import sqlite3
import threading
import uuid

import pytest

from contract_docs import ALEPPO, BELGRADE, MITROVICA, kosovo_doc, numbered_doc
from newsevents.contract import validate
from newsevents.errors import NewsEventsError
from newsevents.store import EventFilter, open_store
from newsevents.store.migrate import latest_version


# The PostgreSQL backend runs the same tests when a server is reachable (each test in its own schema).
POSTGRES_URL = os.environ.get("NEWSEVENTS_TEST_POSTGRES", "postgresql://127.0.0.1:5432/test")


def postgres_or_skip() -> str:
    psycopg = pytest.importorskip("psycopg")
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=2).close()
    except psycopg.Error as exc:
        pytest.skip(f"no PostgreSQL server for the tests ({type(exc).__name__})")
    return POSTGRES_URL


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = open_store(tmp_path / "t.db")
        yield s
        s.close()
        return
    import psycopg

    url = postgres_or_skip()
    schema = f"ne_test_{uuid.uuid4().hex[:12]}"
    s = open_store(f"{url}?schema={schema}")
    yield s
    s.close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def all_keys(fetch, **kw) -> list[str]:
    keys, cursor = [], None
    while True:
        page = fetch(cursor=cursor, **kw)
        keys += [item.get("key") or item.get("id") for item in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return keys


def test_round_trip_returns_the_same_document(store):
    doc = kosovo_doc()
    outcome = store.save(copy.deepcopy(doc), source_path="x/kosovo.txt")
    assert outcome.status == "stored" and outcome.article_id == "kosovo-demo"
    assert outcome.counts == {"entities": 2, "places": 2, "events": 3, "quotes": 1, "casualties": 1, "dates": 1}
    back = store.article("kosovo-demo")
    assert back == doc
    assert list(back) == list(doc)  # same key order as the contract
    validate(back)
    assert store.article("missing") is None


def test_same_text_is_stored_once(store):
    doc = kosovo_doc()
    assert store.save(doc).status == "stored"
    before = store.stats()
    renamed = copy.deepcopy(doc)
    renamed["article"]["id"] = "another-name"  # same text under another id: still the same article
    assert store.save(doc).status == "unchanged"
    assert store.save(renamed).status == "unchanged"
    assert store.stats() == before
    assert store.has_text(doc["article"]["text_sha256"])
    assert not store.has_text("0" * 64)


def test_taken_id_with_different_text_is_stored_under_a_suffixed_id(store):
    first, second = kosovo_doc(), kosovo_doc(suffix=" Updated later.")
    store.save(first)
    outcome = store.save(second)
    sha8 = second["article"]["text_sha256"][:8]
    assert outcome.status == "stored" and outcome.article_id == f"kosovo-demo~{sha8}"
    stored = store.article(outcome.article_id)
    assert stored["text"] == second["text"]
    assert stored["warnings"][-1]["code"] == "W006"
    validate(stored)
    assert store.article("kosovo-demo")["text"] == first["text"]
    assert store.stats()["articles"] == 2
    assert store.save(second).status == "unchanged"


def test_a_failing_article_leaves_nothing_behind(store):
    doc = kosovo_doc()
    doc["events"].append(copy.deepcopy(doc["events"][0]))  # duplicate id evt1: the insert fails midway
    with pytest.raises(NewsEventsError) as info:
        store.save(doc)
    assert info.value.code == "E016" and "kosovo-demo" in str(info.value)
    stats = store.stats()
    assert {k: stats[k] for k in ("articles", "entities", "events", "quotes", "places")} == \
        {"articles": 0, "entities": 0, "events": 0, "quotes": 0, "places": 0}
    assert store.articles(q="Mitrovica").total == 0  # the full-text index was rolled back too


def test_save_many_reports_each_outcome(store):
    bad = {"schema": "newsevents/1", "article": {"id": "bad"}}
    outcomes = list(store.save_many([kosovo_doc(), bad, kosovo_doc()]))
    assert [o.status for o in outcomes] == ["stored", "failed", "unchanged"]
    assert "[E016]" in outcomes[1].error and "bad" in outcomes[1].error


def test_schema_migrations_and_wal(tmp_path):
    path = tmp_path / "m.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == latest_version() >= 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    assert {"articles", "entities", "mentions", "events", "event_actors", "quotes", "places", "casualties",
            "dates", "errors", "articles_fts", "quotes_fts", "events_fts"} <= tables
    conn.execute("INSERT INTO schema_version VALUES (999, 'future', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(NewsEventsError) as info:
        open_store(path)
    assert info.value.code == "E017"


def test_open_store_urls(tmp_path):
    with pytest.raises(NewsEventsError) as info:
        open_store("mysql://localhost/test")
    assert info.value.code == "E025"
    with pytest.raises(NewsEventsError) as info:
        open_store("postgresql://localhost/test?schema=Robert'); DROP")
    assert info.value.code == "E021"
    s = open_store(f"sqlite:///{tmp_path / 'u.db'}")
    s.save(kosovo_doc())
    s.close()
    assert open_store(tmp_path / "u.db").stats()["articles"] == 1
    mem = open_store(":memory:")
    assert mem.save(kosovo_doc()).status == "stored" and mem.stats()["events"] == 3


def test_cursor_pagination_is_complete_and_stable(store):
    for n in range(1, 8):
        store.save(numbered_doc(n))
    expected = [f"report-{n}/evt{i}" for n in range(1, 8) for i in (1, 2, 3)]
    assert all_keys(store.events, limit=4) == expected
    assert all_keys(store.events, limit=1000) == expected
    # a page boundary survives rows being added between pages: nothing repeated, nothing skipped
    first = store.events(limit=5)
    store.save(numbered_doc(99))
    cursor, keys = first.next_cursor, [e["key"] for e in first.items]
    while cursor:
        page = store.events(cursor=cursor, limit=5)
        keys += [e["key"] for e in page.items]
        cursor = page.next_cursor
    assert keys == expected + [f"report-99/evt{i}" for i in (1, 2, 3)]
    assert first.total == 21
    assert all_keys(store.articles, limit=3) == [f"report-{n}" for n in (*range(1, 8), 99)]


def test_bad_cursor_and_limit_are_coded_errors(store):
    store.save(numbered_doc(1))
    store.save(numbered_doc(2))
    articles_cursor = store.articles(limit=1).next_cursor
    for cursor in ("garbage!", "eyJ4IjoxfQ", articles_cursor):
        with pytest.raises(NewsEventsError) as info:
            store.events(cursor=cursor)
        assert info.value.code == "E021"
    for limit in (0, -1, 10_000, "x"):
        with pytest.raises(NewsEventsError):
            store.events(limit=limit)


def keys(store, **filters) -> set[str]:
    return {e["key"] for e in store.events(EventFilter(**filters), limit=1000).items}


def test_event_filters(store):
    store.save(kosovo_doc())
    store.save(numbered_doc(1, place=ALEPPO, published="2019-05-02"))
    store.save(numbered_doc(2, type="COERCE", place=BELGRADE, published="2020-03-01"))
    k = "kosovo-demo/"
    assert keys(store, type="ACCUSE") == {k + "evt3"}
    assert keys(store, type="coerce") == {k + "evt1"} | {f"report-2/evt{i}" for i in (1, 2, 3)}
    assert len(keys(store, type="ACCUSE,ASSAULT")) == 1 + 1 + 3
    assert keys(store, mode="raid") == {k + "evt1"}
    assert keys(store, actor="vucic") == {k + "evt3"}          # substring, case-insensitive
    assert keys(store, actor="Pristina") == {k + "evt3"}       # recipients count too
    assert keys(store, sector="cop") == {k + "evt1", "report-1/evt3", "report-2/evt3"}
    assert keys(store, country="XK") == {k + "evt1", k + "evt2"}              # where it happened
    assert keys(store, actor_country="XK") == {k + "evt1", k + "evt3"}        # who took part
    assert keys(store, actor_country="RS") == {k + "evt2", k + "evt3"}
    assert keys(store, country="SY") == {f"report-1/evt{i}" for i in (1, 2, 3)}
    assert keys(store, country=("SY", "rs")) == {f"report-{n}/evt{i}" for n in (1, 2) for i in (1, 2, 3)}
    assert keys(store, type=["ACCUSE", "ASSAULT"], place=["Mitrovica", "Aleppo"]) == \
        {k + "evt2"} | {f"report-1/evt{i}" for i in (1, 2, 3)}
    assert keys(store, place="mitrovica") == {k + "evt1", k + "evt2"}  # a place reference is followed
    # dates: the event's own date, else the article's publication day; a month or year overlaps
    assert keys(store, date_from="2021-10", date_to="2021-10") == {k + "evt1", k + "evt2", k + "evt3"}
    assert keys(store, date_to="2019") == {f"report-1/evt{i}" for i in (1, 2, 3)}
    assert keys(store, date_from="2020-03-01", date_to="2020-03-01") == {f"report-2/evt{i}" for i in (1, 2, 3)}
    # bbox (min_lon, min_lat, max_lon, max_lat) around the Balkans: Mitrovica and Belgrade, not Aleppo
    balkans = keys(store, bbox=(18.0, 41.0, 23.0, 46.0))
    assert balkans == {k + "evt1", k + "evt2"} | {f"report-2/evt{i}" for i in (1, 2, 3)}
    assert keys(store, bbox=(170.0, -10.0, -170.0, 10.0)) == set()  # across the antimeridian: nothing there
    assert keys(store, q="shelled") == {"report-1/evt2", "report-2/evt2"}
    assert keys(store, q="aleksandar vucic") == {k + "evt3"}
    assert keys(store, disputed=True) == {k + "evt3"}
    assert len(keys(store, disputed=False)) == 2 + 6
    assert keys(store, article="report-1", type="ASSAULT", sector="MIL") == {"report-1/evt2"}
    with pytest.raises(NewsEventsError):
        keys(store, date_from="last tuesday")
    with pytest.raises(NewsEventsError):
        keys(store, bbox=(0, 95, 1, 96))


def test_filters_take_user_text_as_data_not_sql(store):
    store.save(kosovo_doc())
    hostile = "x'); DROP TABLE events; --"
    assert keys(store, actor=hostile) == set()
    assert keys(store, q=hostile) == set()
    assert keys(store, place=hostile, type=hostile) == set()
    assert keys(store, actor="%") == set()  # LIKE wildcards are literal
    assert keys(store, q='"unbalanced AND OR ( NEAR *') == set()  # FTS syntax cannot break the query
    assert store.stats()["events"] == 3


def test_event_detail_and_resolved_fields(store):
    store.save(kosovo_doc())
    ev = store.event("kosovo-demo/evt2")
    assert ev["type"] == "ASSAULT" and ev["article"]["id"] == "kosovo-demo"
    assert [c["id"] for c in ev["casualties"]] == ["cas1"]
    assert ev["resolved"]["place"] == "Mitrovica" and ev["resolved"]["country"] == "XK"
    ev1 = store.event("kosovo-demo/evt1")
    assert ev1["place"] == {"id": "plc1"}  # the item is returned as stored ...
    assert ev1["resolved"]["lat"] == pytest.approx(42.8914) and ev1["resolved"]["date_start"] == "2021-10-13"
    assert store.event("kosovo-demo/evt9") is None and store.event("nope") is None


def test_counts(store):
    store.save(kosovo_doc())
    store.save(numbered_doc(1, place=ALEPPO, published="2019-05-02"))
    store.save(numbered_doc(2, type="COERCE", place=BELGRADE, published="2020-03-01"))
    by_type = {r["key"]: r["count"] for r in store.counts("type")}
    assert by_type == {"ASSAULT": 4, "COERCE": 4, "ACCUSE": 1}
    assert store.counts("day") == [{"key": "2019-05-02", "count": 3}, {"key": "2020-03-01", "count": 3},
                                   {"key": "2021-10-13", "count": 3}]
    assert {r["key"]: r["count"] for r in store.counts("country")} == {"SY": 3, "RS": 3, "XK": 2}
    sectors = {r["key"]: r["count"] for r in store.counts("sector")}
    assert sectors["COP"] == 3 and sectors["GOV"] == 1 and sectors["CIV"] == 2
    places = {r["key"]: r for r in store.counts("place")}
    assert places["Mitrovica"]["count"] == 2 and places["Mitrovica"]["lat"] == pytest.approx(42.8914)
    assert {r["key"]: r["count"] for r in store.counts("type", EventFilter(country="XK"))} == \
        {"COERCE": 1, "ASSAULT": 1}
    assert {r["key"]: r["count"] for r in store.counts("actor_country")} == {"XK": 2, "RS": 2}
    with pytest.raises(NewsEventsError):
        store.counts("week")


@pytest.mark.parametrize("by", ["country", "actor_country", "type", "sector", "place", "day"])
def test_every_count_is_what_its_filter_lists(store, by):
    """Issue 18.4: a count next to a value (the map's dropdown, `query counts`) is the number of
    events that the filter on that value lists, for the place country and the actor country alike."""
    store.save(kosovo_doc())
    store.save(numbered_doc(1, place=ALEPPO, published="2019-05-02"))
    store.save(numbered_doc(2, type="COERCE", place=BELGRADE, published="2020-03-01"))
    rows = store.counts(by)
    assert rows
    for row in rows:
        if by == "day":
            flt = EventFilter(date_from=row["key"], date_to=row["key"])
        else:
            flt = EventFilter(**{by: row["key"]})
        assert store.events(flt, limit=1000).total == row["count"], (by, row)


def test_full_text_search_over_articles_and_quotes(store):
    store.save(kosovo_doc())
    store.save(numbered_doc(1))
    assert [a["id"] for a in store.articles(q="Mitrovica").items] == ["kosovo-demo"]
    assert [a["id"] for a in store.articles(q="convoy*").items] == ["report-1"]
    assert store.articles(q="Mitrovica convoy").total == 0  # every word must occur
    assert [q["key"] for q in store.quotes(q="violence").items] == ["kosovo-demo/quo1"]
    assert [q["key"] for q in store.quotes(speaker="borrell").items] == ["kosovo-demo/quo1"]
    assert store.quotes(q="Borrell").total == 1  # the speaker is searchable too
    assert store.quotes(speaker="Vucic").total == 0


def test_places_casualties_entities_lists(store):
    store.save(kosovo_doc())
    assert [p["name"] for p in store.places(country="xk").items] == ["Mitrovica"]
    assert store.places().total == 2
    assert [c["count"] for c in store.casualties(kind="injured").items] == [6]
    assert [e["name"] for e in store.entities(label="person").items] == ["Aleksandar Vucic"]
    assert store.stats()["mentions"] == 2


def test_errors_table(store):
    store.record_error("bad.txt", "folder/bad.txt", "E003", "[E003] Article 'bad.txt' is not valid text: binary")
    store.record_error(None, None, "E010", "[E010] Path 'x*' matched no files")
    rows = store.errors()
    assert [r["code"] for r in rows] == ["E010", "E003"]  # newest first
    assert rows[1]["article"] == "bad.txt" and rows[1]["source"] == "folder/bad.txt" and rows[1]["created_at"]
    assert store.stats()["errors"] == 2


def test_delete_removes_every_item(store):
    store.save(kosovo_doc())
    store.save(numbered_doc(1))
    assert store.delete("kosovo-demo") and not store.delete("kosovo-demo")
    stats = store.stats()
    assert stats["articles"] == 1 and stats["events"] == 3 and stats["quotes"] == 0 and stats["places"] == 0
    assert store.articles(q="Mitrovica").total == 0 and store.quotes(q="violence").total == 0
    assert store.save(kosovo_doc()).status == "stored"  # and it can come back


@pytest.mark.slow
def test_concurrent_writers_postgres():
    """Two processes storing overlapping articles in one PostgreSQL schema: each article stored once."""
    import psycopg

    url = f"{postgres_or_skip()}?schema=ne_test_{uuid.uuid4().hex[:12]}"
    open_store(url).close()
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(url, list(range(0, 30)), queue)),
             ctx.Process(target=_writer, args=(url, list(range(10, 40)), queue))]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    s = open_store(url)
    stats = s.stats()
    s.close()
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {url.rsplit('=', 1)[1]} CASCADE")
    assert all(isinstance(r, list) for r in results), results
    statuses = results[0] + results[1]
    assert statuses.count("stored") == 40 and statuses.count("unchanged") == 20
    assert stats["articles"] == 40 and stats["events"] == 120


def _writer(path: str, numbers: list[int], queue) -> None:
    from contract_docs import numbered_doc as make
    from newsevents.store import open_store as op

    s = op(path)
    try:
        queue.put([s.save(make(n)).status for n in numbers])
    except Exception as exc:  # reported to the test
        queue.put(repr(exc))
    finally:
        s.close()


@pytest.mark.slow
def test_concurrent_writers_and_readers(tmp_path):
    """Two processes storing overlapping articles while a thread reads: each article stored once,
    and nobody sees 'database is locked'."""
    path = str(tmp_path / "c.db")
    open_store(path).close()
    ctx = multiprocessing.get_context("spawn")  # never fork a process whose threads may hold SQLite locks
    queue = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(path, list(range(0, 40)), queue)),
             ctx.Process(target=_writer, args=(path, list(range(20, 60)), queue))]
    reader_errors: list[str] = []
    stop = threading.Event()

    def read() -> None:
        s = open_store(path)
        try:
            while not stop.is_set():
                s.events(EventFilter(type="ASSAULT"), limit=50)
                s.counts("type")
                s.stats()
        except Exception as exc:
            reader_errors.append(repr(exc))
        finally:
            s.close()

    reader = threading.Thread(target=read)
    reader.start()
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    stop.set()
    reader.join(timeout=30)
    assert all(isinstance(r, list) for r in results), results
    assert not reader_errors
    statuses = results[0] + results[1]
    assert statuses.count("stored") == 60 and statuses.count("unchanged") == 20
    s = open_store(path)
    assert s.stats()["articles"] == 60 and s.stats()["events"] == 180
    s.close()
