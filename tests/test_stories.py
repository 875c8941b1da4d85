"""Stories on a corpus of our own (tests/fixtures/stories): one bombing reported by three outlets with
different death tolls, a wire report republished twice, and a second bombing in the same city a week
later. Run through the real pipeline, stored in both stores; plus the order-independence property."""
from __future__ import annotations

import io
import json
import os
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsevents.export import export
from newsevents.filters import Selection
from newsevents.store import open_store
from newsevents.stories import update

CORPUS = Path(__file__).parent / "fixtures" / "stories"
MARKET = {"courier-market-blast", "wire-market-bombing", "evening-post-market-bombing",
          "sahel-times-market-bombing", "radio-market-toll"}
STATION = {"courier-station-blast", "wire-station-bombing"}
COPIES = {"evening-post-market-bombing": "wire-market-bombing", "sahel-times-market-bombing": "wire-market-bombing"}
POSTGRES_URL = os.environ.get("NEWSEVENTS_TEST_POSTGRES", "postgresql://127.0.0.1:5432/test")


@pytest.fixture(scope="module")
def documents(nlp) -> list[dict]:
    """The corpus through the real extraction (once)."""
    from newsevents.extraction import extract_paths

    docs = [d for d in extract_paths([str(CORPUS)]) if isinstance(d, dict)]
    assert {d["article"]["id"] for d in docs} == MARKET | STATION
    return docs


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = open_store(tmp_path / "stories.db")
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


def stored(store, docs) -> None:
    for doc in docs:
        assert store.save(doc).status == "stored"
    update(store)


def partition(store) -> set[frozenset]:
    groups: dict[str, set] = {}
    for story in all_stories(store):
        for report in store.story(story["id"])["reports"]:
            groups.setdefault(story["id"], set()).add(report["article"])
            groups[story["id"]].update(v["article"] for v in report["via"])
    return {frozenset(g) for g in groups.values()}


def all_stories(store) -> list[dict]:
    out, cursor = [], None
    while True:
        page = store.stories(cursor=cursor, limit=2)
        out += page.items
        cursor = page.next_cursor
        if not cursor:
            return out


def story_with(store, article_id: str) -> dict:
    return store.story(store.story_of(article_id)["id"])


def values(facts: dict, kind: str) -> dict:
    """{value: [outlets that reported it]} of one fact."""
    return {v["value"]: sorted(w["outlet"] for w in v["reports"]) for v in facts.get(kind) or []}


def test_two_stories_with_copies_counts_and_disputed_tolls(store, documents):
    stored(store, documents)
    assert partition(store) == {frozenset(MARKET), frozenset(STATION)}
    market = story_with(store, "courier-market-blast")
    assert market["n_articles"] == 5
    assert market["n_sources"] == 3  # Northern Courier, Pan-African Press (with its two copies), Borno Radio
    assert market["first_report"] == "2024-03-03T14:10:00+01:00"
    assert market["reports"][0]["article"] == "courier-market-blast"  # the timeline is in time order
    wire = next(r for r in market["reports"] if r["article"] == "wire-market-bombing")
    assert sorted(v["article"] for v in wire["via"]) == sorted(COPIES)
    assert sorted(v["name"] for v in wire["via"]) == ["Lagos Evening Post", "Sahel Times"]
    for copy, original in COPIES.items():
        assert store.story_of(copy)["copy_of"] == original
    assert store.story_of("wire-market-bombing")["copy_of"] is None
    # the story's death toll: three values, each with who reported it
    assert market["disputed"] is True
    assert {"fact": "killed", "event": None} in market["disputes"]
    assert values(market["facts"], "killed") == {
        12: ["Northern Courier"], 18: ["Lagos Evening Post", "Pan-African Press", "Sahel Times"], 15: ["Borno Radio"]}
    # the killing as a story event: every mention listed, GDELT counts, disputed toll
    killing = max(market["events"], key=lambda e: e["n_articles"])
    assert killing["type"] == "ASSAULT"
    assert killing["n_articles"] >= 4 and killing["n_sources"] >= 2
    assert killing["n_mentions"] == len(killing["mentions"]) >= killing["n_articles"]
    assert {m["article"] for m in killing["mentions"]} >= {"courier-market-blast", "wire-market-bombing"}
    assert killing["first_report"] == "2024-03-03T14:10:00+01:00"
    assert "killed" in killing["disputed"]
    assert set(values(killing["facts"], "killed")) >= {12, 18}
    station = story_with(store, "wire-station-bombing")
    assert (station["n_articles"], station["n_sources"]) == (2, 2)
    assert values(station["facts"], "killed") == {7: ["Northern Courier", "Pan-African Press"]}
    assert station["disputed"] is False
    assert [s["id"] for s in store.stories(disputed=True).items] == [market["id"]]


def test_export_gives_story_and_story_event(store, documents):
    stored(store, documents)
    out = io.StringIO()
    export(store, "jsonl", out, Selection("articles"))
    docs = {d["article"]["id"]: d for d in map(json.loads, out.getvalue().splitlines())}
    market_id = docs["courier-market-blast"]["story"]["id"]
    assert market_id.startswith("st-")
    assert {a for a, d in docs.items() if d["story"]["id"] == market_id} == MARKET
    assert docs["sahel-times-market-bombing"]["story"]["copy_of"] == "wire-market-bombing"
    assert docs["radio-market-toll"]["story"]["n_sources"] == 3
    events = {se["id"]: se for se in store.story(market_id)["events"]}
    for article_id in MARKET:
        for event in docs[article_id]["events"]:
            assert event["story_event"] in events
            assert {"article": article_id, "event": event["id"]}.items() <= \
                next(m for m in events[event["story_event"]]["mentions"] if m["article"] == article_id
                     and m["event"] == event["id"]).items()


def test_reingest_changes_nothing(store, documents):
    stored(store, documents)
    before = {s["id"]: store.story(s["id"]) for s in all_stories(store)}
    for doc in documents:
        assert store.save(doc).status == "unchanged"
    assert update(store).articles == 0
    assert {s["id"]: store.story(s["id"]) for s in all_stories(store)} == before


def test_deleting_an_article_regroups_its_story(store, documents):
    stored(store, documents)
    assert store.delete("wire-market-bombing")
    market = story_with(store, "courier-market-blast")
    assert {r["article"] for r in market["reports"]} | {v["article"] for r in market["reports"] for v in r["via"]} \
        <= MARKET - {"wire-market-bombing"}
    assert store.story_of("wire-market-bombing") is None


def snapshot(store) -> dict:
    """Everything the stories stage wrote, comparable between stores."""
    out = {}
    for s in all_stories(store):
        story = store.story(s["id"])
        out[s["id"]] = json.dumps(story, sort_keys=True)
    return out


@pytest.fixture(scope="module")
def canonical(documents, tmp_path_factory) -> dict:
    s = open_store(tmp_path_factory.mktemp("canon") / "one-run.db")
    try:
        stored(s, documents)
        return snapshot(s)
    finally:
        s.close()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_same_stories_in_any_order_and_batches(documents, canonical, data):
    """Stored in any order, grouped after any batches: the same stories, ids, events and facts."""
    order = data.draw(st.permutations(range(len(documents))))
    cuts = sorted(data.draw(st.sets(st.integers(1, len(documents) - 1), max_size=4)))
    s = open_store(":memory:")
    try:
        start = 0
        for end in [*cuts, len(documents)]:
            for i in order[start:end]:
                s.save(documents[i])
            update(s)
            start = end
        assert snapshot(s) == canonical
    finally:
        s.close()


def test_rest_api_stories_events_and_counts(documents, tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsevents.web.app import create_app

    db = tmp_path / "api.db"
    s = open_store(db)
    try:
        stored(s, documents)
    finally:
        s.close()
    with TestClient(create_app(str(db)), base_url="http://localhost") as client:
        page = client.get("/api/stories", params={"limit": 1}).json()
        assert page["available"] and page["total"] == 2 and page["items"][0]["n_articles"] == 5
        assert client.get("/api/stories", params={"cursor": page["next_cursor"]}).json()["items"][0]["n_articles"] == 2
        assert [x["n_articles"] for x in client.get("/api/stories", params={"disputed": "true"}).json()["items"]] == [5]
        market_id = page["items"][0]["id"]
        story = client.get(f"/api/stories/{market_id}").json()
        assert values(story["facts"], "killed") == {
            12: ["Northern Courier"], 18: ["Lagos Evening Post", "Pan-African Press", "Sahel Times"], 15: ["Borno Radio"]}
        doc = client.get("/api/articles/radio-market-toll").json()
        assert doc["story"]["id"] == market_id and all(e["story_event"] for e in doc["events"])
        # events of the story, once per story event, and the disputed ones
        mentions = client.get("/api/events", params={"story": market_id, "total": "true"}).json()
        incidents = client.get("/api/events", params={"story": market_id, "story_events": "true", "total": "true"}).json()
        assert incidents["total"] == story["n_events"] < mentions["total"] == story["n_mentions"]
        disputed = client.get("/api/events", params={"disputed": "true", "limit": 100}).json()["items"]
        assert disputed and {e["article"]["id"] for e in disputed} <= MARKET
        assert all(e["resolved"]["disputed"] for e in disputed)
        # one event: the other reports of its story event
        killing = max(story["events"], key=lambda e: e["n_articles"])
        first = killing["mentions"][0]
        event = client.get(f"/api/events/{first['article']}/{first['event']}").json()
        assert event["story_event"] == killing["id"]
        assert len(event["mentions"]) == killing["n_mentions"] - 1
        by_type = {r["key"]: r["count"] for r in client.get("/api/counts", params={"by": "type", "story_events": "true"}).json()["items"]}
        all_types = {r["key"]: r["count"] for r in client.get("/api/counts", params={"by": "type"}).json()["items"]}
        assert 0 < by_type["ASSAULT"] < all_types["ASSAULT"]


WORDS = ("flood dam river rain village rescue boat bridge storm wind harbour ferry election ballot vote count "
         "protest march police square strike union wage factory court judge verdict appeal fire forest smoke").split()
NAMES = ("Amara Okafor", "Lena Brandt", "Ravi Menon", "Tomas Ruiz", "Ines Duarte", "Kofi Mensah")


def synthetic(i: int, words: list[int], names: list[int], day: int | None) -> dict:
    """A small stored document: a title and text of the chosen words, the chosen people as entities."""
    import hashlib

    people = [NAMES[n] for n in names]
    text = f"{' '.join(people)} {' '.join(WORDS[w] for w in words)}."
    entities, offset = [], 0
    for k, name in enumerate(people, 1):
        entities.append({"id": f"ent{k}", "name": name, "label": "PERSON",
                         "mentions": [{"start": offset, "end": offset + len(name), "text": name}],
                         "evidence": {"start": offset, "end": offset + len(name), "text": name}})
        offset += len(name) + 1
    published = None if day is None else f"2024-05-{day:02d}"
    return {"schema": "newsevents/1", "text": text,
            "article": {"id": f"syn{i}", "title": None, "published": published, "outlet": f"Outlet {i % 3}",
                        "url": None, "via": [], "language": "en",
                        "text_sha256": hashlib.sha256(text.encode()).hexdigest()},
            "entities": entities, "places": [], "events": [], "quotes": [], "casualties": [], "dates": [],
            "warnings": []}


# an article of one of three incidents: some of the incident's eight words and two people, and now and
# then a word or a person of another; a day in May or none
article = st.tuples(st.integers(0, 2), st.lists(st.integers(0, 7), min_size=2, max_size=6),
                    st.lists(st.integers(0, 1), max_size=2, unique=True), st.integers(0, len(WORDS) - 1),
                    st.one_of(st.none(), st.integers(1, 28)))
corpora = st.lists(article, min_size=2, max_size=12)


def incident_article(i: int, incident: int, words: list[int], names: list[int], stray: int, day) -> dict:
    return synthetic(i, [incident * 8 + w for w in words] + [stray], [incident * 2 + n for n in names], day)


@settings(max_examples=40, deadline=None)
@given(corpus=corpora, data=st.data())
def test_same_stories_in_any_order_on_generated_articles(corpus, data):
    """Many near ties, displaced nearest and split stories: still one result for one set of articles."""
    docs = list({d["article"]["text_sha256"]: d for d in
                 (incident_article(i, *spec) for i, spec in enumerate(corpus))}.values())
    snapshots = []
    for attempt in range(2):
        order = list(range(len(docs))) if attempt == 0 else data.draw(st.permutations(range(len(docs))))
        cuts = [] if attempt == 0 else sorted(data.draw(st.sets(st.integers(1, max(1, len(docs) - 1)), max_size=3)))
        s = open_store(":memory:")
        try:
            start = 0
            for end in [*cuts, len(docs)]:
                for i in order[start:end]:
                    s.save(docs[i])
                update(s)
                start = end
            snapshots.append((partition(s), snapshot(s)))
        finally:
            s.close()
    assert snapshots[0] == snapshots[1]
