"""Every export format, loaded with a real reader and checked against its published definition, on
articles run through the real pipeline (the bundled samples and the reference article) plus
hand-made ones: GDELT 2.0 (pandas, the 61 Event and 16 Mentions columns and their types), ACLED
(the 31 columns), PLOVER (a JSON Schema written from the manual's Data Fields chapter), GeoJSON
(the ``geojson`` package's validation), Parquet (DuckDB ``read_parquet`` and pandas) and CSV."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from contract_docs import ALEPPO, actor, event, make_doc, span
from newsevents.cli import main

pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")
geojson = pytest.importorskip("geojson")

REPO = Path(__file__).parent.parent
SCHEMA = REPO / "src" / "newsevents" / "schema" / "plover-record.json"

# GDELT 2.0 Event table, as GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016 lists it (name, type).
GDELT_EVENTS = """GLOBALEVENTID INTEGER|SQLDATE INTEGER|MonthYear INTEGER|Year INTEGER|FractionDate FLOAT|
Actor1Code STRING|Actor1Name STRING|Actor1CountryCode STRING|Actor1KnownGroupCode STRING|Actor1EthnicCode STRING|
Actor1Religion1Code STRING|Actor1Religion2Code STRING|Actor1Type1Code STRING|Actor1Type2Code STRING|
Actor1Type3Code STRING|Actor2Code STRING|Actor2Name STRING|Actor2CountryCode STRING|Actor2KnownGroupCode STRING|
Actor2EthnicCode STRING|Actor2Religion1Code STRING|Actor2Religion2Code STRING|Actor2Type1Code STRING|
Actor2Type2Code STRING|Actor2Type3Code STRING|IsRootEvent INTEGER|EventCode STRING|EventBaseCode STRING|
EventRootCode STRING|QuadClass INTEGER|GoldsteinScale FLOAT|NumMentions INTEGER|NumSources INTEGER|
NumArticles INTEGER|AvgTone FLOAT|Actor1Geo_Type INTEGER|Actor1Geo_FullName STRING|Actor1Geo_CountryCode STRING|
Actor1Geo_ADM1Code STRING|Actor1Geo_ADM2Code STRING|Actor1Geo_Lat FLOAT|Actor1Geo_Long FLOAT|
Actor1Geo_FeatureID STRING|Actor2Geo_Type INTEGER|Actor2Geo_FullName STRING|Actor2Geo_CountryCode STRING|
Actor2Geo_ADM1Code STRING|Actor2Geo_ADM2Code STRING|Actor2Geo_Lat FLOAT|Actor2Geo_Long FLOAT|
Actor2Geo_FeatureID STRING|ActionGeo_Type INTEGER|ActionGeo_FullName STRING|ActionGeo_CountryCode STRING|
ActionGeo_ADM1Code STRING|ActionGeo_ADM2Code STRING|ActionGeo_Lat FLOAT|ActionGeo_Long FLOAT|
ActionGeo_FeatureID STRING|DATEADDED INTEGER|SOURCEURL STRING"""
GDELT_MENTIONS = """GLOBALEVENTID INTEGER|EventTimeDate INTEGER|MentionTimeDate INTEGER|MentionType INTEGER|
MentionSourceName STRING|MentionIdentifier STRING|SentenceID INTEGER|Actor1CharOffset INTEGER|
Actor2CharOffset INTEGER|ActionCharOffset INTEGER|InRawText INTEGER|Confidence INTEGER|MentionDocLen INTEGER|
MentionDocTone FLOAT|MentionDocTranslationInfo STRING|Extras STRING"""
PANDAS_TYPES = {"INTEGER": "Int64", "FLOAT": "float64", "STRING": "string"}
# ACLED's export columns (dtacled/acledR), in order.
ACLED = ("event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 "
         "inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country admin1 admin2 admin3 "
         "location latitude longitude geo_precision source source_scale notes fatalities tags timestamp").split()
ACLED_EVENT_TYPES = {"Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
                     "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                                    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                                    "Grenade"},
                     "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
                     "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
                     "Riots": {"Violent demonstration", "Mob violence"},
                     "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                                                "Disrupted weapons use", "Headquarters or base established",
                                                "Looting/property destruction", "Non-violent transfer of territory",
                                                "Other"}}


def columns(spec: str) -> list[tuple[str, str]]:
    return [tuple(item.split()) for item in spec.replace("\n", "").split("|")]


def clash_doc() -> dict:
    """Soldiers killed three militants (asserted) and were accused of killing 40 (alleged): fatalities 3."""
    text = ("Soldiers killed three militants near Suva on Friday. Rebels accused the army of killing 40 villagers. "
            "Police arrested two men in Nadi.")
    suva = {"id": "plc1", "name": "Suva", "geonameid": 2198148, "lat": -18.14, "lon": 178.44, "country": "FJ",
            "admin1": "Central", "feature": "city", "evidence": span(text, "Suva")}
    nadi = {"id": "plc2", "name": "Nadi", "geonameid": 2202064, "lat": -17.80, "lon": -179.9, "country": "FJ",
            "admin1": "Western", "feature": "city", "evidence": span(text, "Nadi")}
    codes = {"cameo": "19", "quad_class": 4, "goldstein": -10.0, "acled_event_type": "Battles",
             "acled_sub_event_type": "Armed clash"}
    events = [
        event(text, 1, "ASSAULT", "Soldiers killed three militants", trigger="killed", mode="firearms",
              actors=[actor("Soldiers", "MIL", "FJI", "FJ")], recipients=[actor("militants", "REB")],
              place={"id": "plc1"}, date={"value": "2022-03-04", "precision": "day"}, codes=codes),
        event(text, 2, "ACCUSE", "Rebels accused the army", trigger="accused", actors=[actor("Rebels", "REB")],
              recipients=[actor("the army", "MIL", "FJI", "FJ")], place={"id": "plc1"}, disputed=True,
              codes={"cameo": "11", "quad_class": 3, "goldstein": -2.0}),
        event(text, 3, "COERCE", "Police arrested two men", trigger="arrested", mode="arrest",
              actors=[actor("Police", "COP", "FJI", "FJ")], recipients=[actor("two men", "CVL")], place={"id": "plc2"},
              codes={"cameo": "17", "quad_class": 4, "goldstein": -5.0, "acled_event_type": "Strategic developments",
                     "acled_sub_event_type": "Arrests"}),
    ]
    casualties = [{"id": "cas1", "kind": "killed", "count": 3, "approximate": False, "who": "militants",
                   "event": "evt1", "evidence": span(text, "killed three militants"), "modality": "asserted"},
                  {"id": "cas2", "kind": "killed", "count": 40, "approximate": False, "who": "villagers",
                   "event": "evt1", "evidence": span(text, "killing 40 villagers"), "modality": "alleged"},
                  {"id": "cas3", "kind": "arrested", "count": 2, "approximate": False, "who": "men",
                   "event": "evt3", "evidence": span(text, "arrested two men")}]
    return make_doc("fiji-clash", text, published="2022-03-05", events=events, places=[suva, nadi],
                    casualties=casualties)


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> str:
    from newsevents.ingest_job import ingest
    from newsevents.store import open_store

    path = str(tmp_path_factory.mktemp("exports") / "exports.db")
    store = open_store(path)
    try:
        summary = ingest([str(REPO / "samples"), str(REPO / "tests" / "fixtures" / "articles" / "kosovo-mitrovica.txt")],
                         store)
        assert summary.failed == 0, summary.failures
        assert store.save(clash_doc()).status == "stored"
    finally:
        store.close()
    return path


def run(capsys, *args: str) -> tuple[str, str]:
    try:
        main(list(args))
    except SystemExit as exc:
        assert not exc.code, capsys.readouterr().err
    captured = capsys.readouterr()
    return captured.out, captured.err


def all_events(db: str) -> list[dict]:
    from newsevents.store import open_store

    store = open_store(db)
    try:
        out, cursor = [], None
        while True:
            page = store.events(cursor=cursor, limit=1000)
            out += page.items
            cursor = page.next_cursor
            if not cursor:
                return out
    finally:
        store.close()


# ------------------------------------------------------------------------------------- GDELT

def read_gdelt(text: str, spec: str):
    cols = columns(spec)
    return pd.read_csv(io.StringIO(text), sep="\t", header=None, names=[c for c, _ in cols], quoting=csv.QUOTE_NONE,
                       dtype={c: PANDAS_TYPES[t] for c, t in cols}, keep_default_na=False, na_values={
                           c: [""] for c, _ in cols})


def test_gdelt_event_table_has_gdelts_61_columns_and_types(capsys, db):
    out, err = run(capsys, "export", "-f", "gdelt", "--db", db)
    frame = read_gdelt(out, GDELT_EVENTS)
    assert frame.shape[1] == 61 and all(len(line.split("\t")) == 61 for line in out.splitlines())
    # one row per incident: the reports of one story event are one row (the samples' stories group
    # a few mentions of the same incident), every other event is a row of its own
    incidents = {e.get("story_event") or e["key"] for e in all_events(db) if not e.get("negated")}
    assert len(frame) == len(incidents) > 30
    for name, kind in columns(GDELT_EVENTS):
        assert str(frame[name].dtype) == PANDAS_TYPES[kind], name
    assert frame["GLOBALEVENTID"].is_unique
    assert set(frame["QuadClass"].dropna()) <= {1, 2, 3, 4}
    assert frame["GoldsteinScale"].dropna().between(-10, 10).all()
    assert frame["EventRootCode"].dropna().str.fullmatch(r"\d\d").all()  # codes stay strings: "04", not 4
    assert (frame["EventCode"].dropna().str[:2] == frame["EventRootCode"].dropna()).all()
    kosovo = frame[frame["SOURCEURL"].str.contains("southfront", na=False)]
    assert len(kosovo) > 5 and (kosovo["SQLDATE"] == 20211013).any()
    shot = kosovo[kosovo["ActionGeo_FullName"].str.startswith("Mitrovica", na=False)].iloc[0]
    assert shot["ActionGeo_CountryCode"] == "KV" and shot["ActionGeo_Type"] == 4  # FIPS 10-4; a world city
    assert shot["ActionGeo_Long"] == pytest.approx(20.87, abs=0.05) and shot["MonthYear"] == 202110
    assert (frame["DATEADDED"].astype(str).str.len() == 14).all()
    consult = frame[frame["EventRootCode"] == "04"]
    assert len(consult) and (consult["QuadClass"] == 1).all()


def test_gdelt_mentions_table_joins_the_events(capsys, db):
    events = read_gdelt(run(capsys, "export", "-f", "gdelt", "--db", db)[0], GDELT_EVENTS)
    out, _ = run(capsys, "export", "-f", "gdelt-mentions", "--db", db)
    mentions = read_gdelt(out, GDELT_MENTIONS)
    assert mentions.shape[1] == 16 and len(mentions) == sum(1 for e in all_events(db) if not e.get("negated"))
    for name, kind in columns(GDELT_MENTIONS):
        assert str(mentions[name].dtype) == PANDAS_TYPES[kind], name
    assert set(mentions["GLOBALEVENTID"]) == set(events["GLOBALEVENTID"])
    assert set(mentions["MentionType"]) <= {1, 2} and (mentions["InRawText"] == 1).all()
    # the offsets point into the article: the action offset lies inside the event's evidence
    texts = {e["key"]: e for e in all_events(db)}
    for _, row in mentions.iterrows():
        key = row["Extras"].removeprefix("newsevents:")
        ev = texts[key]
        assert ev["evidence"]["start"] <= row["ActionCharOffset"] < ev["evidence"]["end"], key


@pytest.fixture(scope="module")
def stories_db(tmp_path_factory, nlp) -> str:
    """tests/fixtures/stories through the real pipeline, grouped: one market bombing reported by five
    articles of three outlets (a wire report and its two copies among them), a second bombing."""
    from newsevents.extraction import extract_paths
    from newsevents.store import open_store
    from newsevents.stories import update

    path = str(tmp_path_factory.mktemp("stories-export") / "stories.db")
    store = open_store(path)
    try:
        for doc in extract_paths([str(REPO / "tests" / "fixtures" / "stories")]):
            assert isinstance(doc, dict) and store.save(doc).status == "stored"
        update(store)
    finally:
        store.close()
    return path


def test_gdelt_counts_come_from_the_story_of_an_incident(capsys, stories_db):
    """NumMentions / NumSources / NumArticles are the story event's counts; the incident is one
    Event row, each of its reports a Mentions row with the same GLOBALEVENTID."""
    from newsevents.store import open_store

    store = open_store(stories_db)
    try:
        market = store.story(store.story_of("courier-market-blast")["id"])
    finally:
        store.close()
    killing = max(market["events"], key=lambda e: e["n_articles"])
    assert killing["n_articles"] >= 4 and killing["n_sources"] >= 2  # several articles, several outlets
    events = read_gdelt(run(capsys, "export", "-f", "gdelt", "--db", stories_db)[0], GDELT_EVENTS)
    mentions = read_gdelt(run(capsys, "export", "-f", "gdelt-mentions", "--db", stories_db)[0], GDELT_MENTIONS)
    from newsevents.export.codes import number

    row = events[events["GLOBALEVENTID"] == number(killing["id"])]
    assert len(row) == 1  # one row for the incident, not one per report
    row = row.iloc[0]
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (
        killing["n_mentions"], killing["n_sources"], killing["n_articles"])
    reports = mentions[mentions["GLOBALEVENTID"] == number(killing["id"])]
    assert len(reports) == killing["n_mentions"]
    assert {e.removeprefix("newsevents:") for e in reports["Extras"]} == {
        f"{m['article']}/{m['event']}" for m in killing["mentions"]}
    assert set(mentions["GLOBALEVENTID"]) == set(events["GLOBALEVENTID"])
    # an event no other report tells: counts of one
    single = {se["id"] for se in market["events"] if se["n_mentions"] == 1}
    for story_event in single:
        alone = events[events["GLOBALEVENTID"] == number(story_event)].iloc[0]
        assert (alone["NumMentions"], alone["NumSources"], alone["NumArticles"]) == (1, 1, 1)
    # one report's events exported alone keep the incident's id and counts (they count the story)
    radio_event = next(m for m in killing["mentions"] if m["article"] != "courier-market-blast")
    out, _ = run(capsys, "export", "-f", "gdelt", "--article", radio_event["article"], "--db", stories_db)
    alone = read_gdelt(out, GDELT_EVENTS)
    alone = alone[alone["GLOBALEVENTID"] == number(killing["id"])]
    assert len(alone) == 1 and alone.iloc[0]["NumArticles"] == killing["n_articles"]


# ------------------------------------------------------------------------------------- ACLED

def test_acled_csv_has_the_31_columns_fatalities_and_interactions(capsys, db):
    out, err = run(capsys, "export", "-f", "acled", "--db", db)
    frame = pd.read_csv(io.StringIO(out), dtype={"event_id_cnty": "string"})
    assert list(frame.columns) == ACLED and len(ACLED) == 31
    assert "left out: events without an ACLED event type" in err and "left out: events without a date" in err
    assert len(frame) > 10 and frame["event_id_cnty"].is_unique
    for _, row in frame.iterrows():
        assert row["sub_event_type"] in ACLED_EVENT_TYPES[row["event_type"]], row["sub_event_type"]
    assert set(frame["disorder_type"]) <= {"Political violence", "Demonstrations", "Strategic developments",
                                           "Political violence; Demonstrations"}
    assert pd.to_datetime(frame["event_date"], format="%Y-%m-%d").notna().all()
    assert (frame["year"] == pd.to_datetime(frame["event_date"]).dt.year).all()
    assert set(frame["time_precision"]) <= {1, 2, 3} and set(frame["geo_precision"].dropna()) <= {1, 2, 3}
    inters = set(frame["inter1"].dropna()) | set(frame["inter2"].dropna())
    assert inters <= set(range(1, 9))
    for _, row in frame.dropna(subset=["inter1", "inter2"]).iterrows():
        assert row["interaction"] == min(row["inter1"], row["inter2"]) * 10 + max(row["inter1"], row["inter2"])
    assert str(frame["fatalities"].dtype) == "int64" and (frame["fatalities"] >= 0).all()
    clash = frame[frame["location"] == "Suva"].iloc[0]
    assert clash["fatalities"] == 3  # the alleged 40 are not counted
    assert clash["event_type"] == "Battles" and clash["interaction"] == 12  # state forces vs rebels
    assert clash["country"] == "Fiji" and clash["region"] == "Oceania" and clash["iso"] == 242
    assert clash["actor1"] == "Military Forces of Fiji" and clash["notes"] == "Soldiers killed three militants"
    kosovo = frame[frame["country"] == "Kosovo"]
    assert len(kosovo) and (kosovo["iso"] == 0).all() and (kosovo["region"] == "Europe").all()  # ACLED: Kosovo 0


# ------------------------------------------------------------------------------------- PLOVER

def test_plover_records_validate_against_the_manuals_fields(capsys, db):
    import jsonschema

    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    out, _ = run(capsys, "export", "-f", "plover", "--db", db)
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) > 30
    validator = jsonschema.Draft202012Validator(schema)
    for record in records:
        errors = list(validator.iter_errors(record))
        assert not errors, (record["id"], [e.message for e in errors])
    by_id = {r["id"]: r for r in records}
    clash = by_id["fiji-clash/evt1"]
    assert clash["event"] == ["ASSAULT"] and clash["mode"] == ["firearms"] and clash["size"] == {"dead": 3}
    assert clash["actor"] == [{"code": "FJI", "sector": "MIL", "entity_text": "Soldiers"}]
    assert clash["event_loc"]["country_code"] == "FJI" and clash["event_loc"]["resolution"] == 4
    assert clash["quad_code"] == 4 and clash["event_scale"] == -10.0 and clash["date"] == "2022-03-04"
    kosovo = [r for r in records if r["id"].startswith("kosovo-mitrovica/")]
    assert any(r.get("event_loc", {}).get("country_code") == "KOS" for r in kosovo)  # PLOVER's code for Kosovo


# ------------------------------------------------------------------------------------- GeoJSON

def test_geojson_is_a_valid_rfc7946_feature_collection(capsys, db):
    out, err = run(capsys, "export", "-f", "geojson", "--db", db)
    collection = geojson.loads(out)
    assert isinstance(collection, geojson.FeatureCollection) and collection.is_valid, collection.errors()
    features = collection["features"]
    assert len(features) == len(all_events(db))
    located = [f for f in features if f["geometry"] is not None]
    assert located and all(f.is_valid for f in features)
    for feature in located:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert (lat, lon) == (feature["properties"]["lat"], feature["properties"]["lon"])  # [lon, lat] order
        assert feature["properties"]["geo_precision"] in (1, 2, 3)
    suva = next(f for f in features if f["id"] == "fiji-clash/evt1")
    assert suva["geometry"]["coordinates"] == [178.44, -18.14] and suva["properties"]["fatalities"] == 3
    unlocated = len(features) - len(located)
    assert (f"{unlocated} without coordinates" in err) if unlocated else True


# ------------------------------------------------------------------------------------- Parquet

def test_parquet_bundle_reads_in_duckdb_and_pandas(capsys, db, tmp_path):
    out, err = run(capsys, "export", "-f", "parquet", "--db", db, "-o", str(tmp_path / "all"))
    events = all_events(db)
    counts = {}
    for table in ("articles", "events", "quotes", "places", "casualties", "entities"):
        path = tmp_path / "all" / f"{table}.parquet"
        counts[table] = duckdb.sql(f"SELECT COUNT(*) FROM read_parquet('{path}')").fetchall()[0][0]
        assert len(pd.read_parquet(path)) == counts[table]
    assert counts["events"] == len(events) and counts["articles"] == 15  # 14 samples (one is the reference) + 1
    frame = pd.read_parquet(tmp_path / "all" / "events.parquet")
    assert str(frame["negated"].dtype) == "bool" and str(frame["fatalities"].dtype) == "int64"
    assert str(frame["lat"].dtype) == "float64"
    kinds = dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{tmp_path / 'all' / 'events.parquet'}'))").fetchall())
    assert kinds["quad_class"] == "BIGINT" and kinds["disputed"] == "BOOLEAN" and kinds["cameo"] == "VARCHAR"
    total = duckdb.sql(f"SELECT SUM(fatalities) FROM read_parquet('{tmp_path / 'all' / 'events.parquet'}') "
                       "WHERE key LIKE 'fiji-clash/%'").fetchall()[0][0]
    assert total == 3
    # a filtered bundle: the selected events and the rows of their articles
    run(capsys, "export", "-f", "parquet", "--db", db, "-o", str(tmp_path / "fj"), "--country", "FJ")
    assert duckdb.sql(f"SELECT DISTINCT article_id FROM read_parquet('{tmp_path / 'fj' / 'casualties.parquet'}')").fetchall() \
        == [("fiji-clash",)]
    assert duckdb.sql(f"SELECT COUNT(*) FROM read_parquet('{tmp_path / 'fj' / 'events.parquet'}')").fetchall()[0][0] == 3


# ------------------------------------------------------------------------------------- CSV

def test_csv_has_codes_fatalities_aligned_actors_and_plain_booleans(capsys, db):
    out, _ = run(capsys, "export", "-f", "csv", "--db", db)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(all_events(db))
    for row in rows:
        assert row["negated"] in ("true", "false") and row["disputed"] in ("true", "false")
        for role in ("actor", "recipient"):
            names = row[f"{role}s"].split("; ") if row[f"{role}s"] else []
            for part in ("sectors", "countries"):
                if names:  # one slot per name, empty where unknown: aligned
                    assert row[f"{role}_{part}"].count("; ") == len(names) - 1, (row["key"], role, part)
    clash = next(r for r in rows if r["key"] == "fiji-clash/evt1")
    assert (clash["fatalities"], clash["cameo"], clash["quad_class"], clash["goldstein"]) == ("3", "19", "4", "-10.0")
    assert clash["acled_event_type"] == "Battles" and clash["geo_precision"] == "1"
    kosovo = next(r for r in rows if r["key"] == "kosovo-mitrovica/evt1")
    assert kosovo["recipients"] == "Serb; police officers" and kosovo["recipient_sectors"] == "; COP"
    casualties = list(csv.DictReader(io.StringIO(run(capsys, "export", "-f", "csv", "-w", "casualties", "--db", db)[0])))
    assert {c["modality"] for c in casualties} >= {"asserted", "alleged"}


# ------------------------------------------------------------------------------------- filters

def _names(event, role="actor"):
    return [a.get("name", "") for a in event.get(role) or []]


def _all_actors(event):
    return (event.get("actor") or []) + (event.get("recipient") or [])


def _day(event, bound):
    return (event.get("resolved") or {}).get(bound) or ""


# (filter args, predicate over a store event item): the events a filtered export must hold.
EVENT_FILTERS = {
    "type": (["--type", "ASSAULT,coerce"], lambda e: e["type"] in ("ASSAULT", "COERCE")),
    "mode": (["--mode", "firearms"], lambda e: e.get("mode") == "firearms"),
    "actor": (["--actor", "police"], lambda e: any("police" in a.get("name", "").lower() for a in _all_actors(e))),
    "sector": (["--sector", "MIL", "--sector", "reb"], lambda e: any(a.get("sector") in ("MIL", "REB") for a in _all_actors(e))),
    "country": (["--country", "XK"], lambda e: (e.get("resolved") or {}).get("country") == "XK"),
    "actor_country": (["--actor-country", "USA"],
                      lambda e: any((a.get("country2") or a.get("country")) == "US" for a in _all_actors(e))),
    "place": (["--place", "mitrovica"], lambda e: ((e.get("resolved") or {}).get("place") or "").lower() == "mitrovica"),
    "date_from": (["--from", "2021"], lambda e: _day(e, "date_end") >= "2021-01-01"),
    "date_to": (["--to", "2016-12"], lambda e: "" < _day(e, "date_start") <= "2016-12-31"),
    "bbox": (["--bbox", "170,-25,-170,-10"],  # across the antimeridian: Fiji on both sides
             lambda e: (e.get("resolved") or {}).get("lat") is not None and -25 <= e["resolved"]["lat"] <= -10
             and (e["resolved"]["lon"] >= 170 or e["resolved"]["lon"] <= -170)),
    "q": (["--search", "killed"], lambda e: "killed" in (e["evidence"]["text"] + " " + (e.get("trigger") or {}).get("text", "")).lower()),
    "disputed": (["--disputed"], lambda e: bool((e.get("resolved") or {}).get("disputed"))),
    "article": (["--article", "fiji-clash,kosovo-mitrovica"], lambda e: e["article"]["id"] in ("fiji-clash", "kosovo-mitrovica")),
}


def keys_of(fmt: str, out: str, tmp_path: Path) -> set[str]:
    """The event keys an export holds (GDELT and ACLED rows via their stable ids)."""
    from newsevents.export.codes import number

    if fmt == "csv":
        return {row["key"] for row in csv.DictReader(io.StringIO(out))}
    if fmt == "geojson":
        return {f["id"] for f in geojson.loads(out)["features"]}
    if fmt == "plover":
        return {json.loads(line)["id"] for line in out.splitlines()}
    if fmt == "parquet":
        return set(pd.read_parquet(tmp_path / "out.parquet")["key"])
    if fmt == "gdelt-mentions":
        return {line.split("\t")[15].removeprefix("newsevents:") for line in out.splitlines()}
    raise AssertionError(fmt)


EVENT_FORMATS = ["csv", "jsonl", "geojson", "plover", "parquet", "gdelt-mentions", "gdelt", "acled"]


def check_filtered_export(capsys, db: str, tmp_path: Path, fmt: str, args: list[str], matches, name: str) -> None:
    """The export of ``fmt`` with ``args`` holds exactly the events ``matches`` selects (less what
    the format leaves out by its definition)."""
    from newsevents.export.acled import HAPPENED
    from newsevents.export.codes import number

    events = all_events(db)
    expected = {e["key"] for e in events if matches(e)}
    assert expected and len(expected) < len(events), (name, len(expected))  # the filter selects something, not all
    extra = ["-o", str(tmp_path / "out.parquet")] if fmt == "parquet" else []
    if fmt in ("parquet", "jsonl"):
        extra += ["--what", "events"]
    out, _ = run(capsys, "export", "-f", fmt, "--db", db, *extra, *args)
    by_key = {e["key"]: e for e in events}
    if fmt == "gdelt":  # one row per story event (its mentions are one GDELT event), negated ones left out
        got = [int(line.split("\t")[0]) for line in out.splitlines()]
        assert len(got) == len(set(got)), name
        assert set(got) == {number(by_key[k].get("story_event") or k) for k in expected if not by_key[k].get("negated")}, name
        return
    if fmt == "acled":  # ACLED codes what happened, with an ACLED type and a date, one row per incident
        got = [row["event_id_cnty"][3:] for row in csv.DictReader(io.StringIO(out))]
        assert len(got) == len(set(got)), name
        coded = {k for k in expected if not by_key[k].get("negated") and by_key[k].get("modality") in HAPPENED
                 and (by_key[k].get("codes") or {}).get("acled_event_type") and by_key[k]["resolved"].get("date_start")}
        assert set(got) == {str(number(by_key[k].get("story_event") or k, 40)) for k in coded}, name
        return
    if fmt == "jsonl":
        keys = {json.loads(line)["key"] for line in out.splitlines()}
    else:
        keys = keys_of(fmt, out, tmp_path)
    if fmt in ("plover", "gdelt-mentions"):  # both leave out negated events; PLOVER those without a date too
        expected = {k for k in expected if not by_key[k].get("negated")
                    and (fmt != "plover" or by_key[k]["resolved"].get("date_start"))}
    assert keys == expected, name


@pytest.mark.parametrize("fmt", EVENT_FORMATS)
@pytest.mark.parametrize("name", sorted(EVENT_FILTERS))
def test_a_filtered_export_holds_only_what_matches(capsys, db, tmp_path, name, fmt):
    args, matches = EVENT_FILTERS[name]
    check_filtered_export(capsys, db, tmp_path, fmt, args, matches, name)


def _mentions(db: str) -> tuple[str, set[str], set[str]]:
    """(the largest story's id, its articles, the keys of the first mentions of every story event)."""
    from newsevents.store import open_store

    store = open_store(db)
    try:
        largest = store.stories(limit=1).items[0]
        reports = store.story(largest["id"])["reports"]  # the timeline; copies of a report under its via
        articles = {r["article"] for r in reports} | {v["article"] for r in reports for v in r.get("via") or []}
    finally:
        store.close()
    later = {f"{m['article']}/{m['event']}" for e in story_events(db) for m in e["mentions"][1:]}
    return largest["id"], articles, later


# the story filters, on the stories corpus (two stories, one with a disputed death toll)
STORY_FILTERS = {
    "story": lambda story, members, later: (["--story", story], lambda e: e["article"]["id"] in members),
    "story_events": lambda story, members, later: (["--story-events"], lambda e: e["key"] not in later),
    "all_mentions": lambda story, members, later: (["--all-mentions", "--type", "ASSAULT"], lambda e: e["type"] == "ASSAULT"),
    "disputed": lambda story, members, later: (["--disputed"], lambda e: bool(e["resolved"].get("disputed"))),
    "undisputed": lambda story, members, later: (["--undisputed"], lambda e: not e["resolved"].get("disputed")),
    "story+story_events": lambda story, members, later: (
        ["--story", story, "--story-events"], lambda e: e["article"]["id"] in members and e["key"] not in later),
}


@pytest.mark.parametrize("fmt", EVENT_FORMATS)
@pytest.mark.parametrize("name", sorted(STORY_FILTERS))
def test_story_filters_hold_only_what_matches(capsys, stories_db, tmp_path, name, fmt):
    story, members, later = _mentions(stories_db)
    assert len(members) == 5 and later
    args, matches = STORY_FILTERS[name](story, members, later)
    check_filtered_export(capsys, stories_db, tmp_path, fmt, args, matches, name)


@pytest.mark.parametrize("what, args, matches", [
    ("quotes", ["--speaker", "police"], lambda q: "police" in ((q.get("speaker") or {}).get("name") or "").lower()),
    ("quotes", ["--kind", "indirect"], lambda q: q["kind"] == "indirect"),
    ("casualties", ["--kind", "killed,arrested"], lambda c: c["kind"] in ("killed", "arrested")),
    ("places", ["--country", "SY,IQ"], lambda p: p.get("country") in ("SY", "IQ")),
    ("places", ["--bbox", "170,-25,-170,-10"], lambda p: p.get("lat") is not None and -25 <= p["lat"] <= -10),
    ("entities", ["--label", "PERSON"], lambda n: n["label"] == "PERSON"),
    ("entities", ["--name", "kurti"], lambda n: "kurti" in n["name"].lower()),
    ("articles", ["--search", "Mosul"], None),
])
def test_filters_of_the_other_tables(capsys, db, what, args, matches):
    from newsevents.filters import Selection, iterate
    from newsevents.store import open_store

    store = open_store(db)
    try:
        everything = list(iterate(store, Selection(what, {})))
    finally:
        store.close()
    out, _ = run(capsys, "export", "-f", "csv", "-w", what, "--db", db, *args)
    rows = list(csv.DictReader(io.StringIO(out)))
    if matches is None:
        assert rows and len(rows) < len(everything)
        return
    key = "article_id" if what == "articles" else "key"
    expected = {item["key"] for item in everything if matches(item)}
    assert expected and len(expected) < len(everything)
    assert {row[key] for row in rows} == expected


# ------------------------------------------------------------------------------ location precision

@pytest.mark.parametrize("place, precision", [
    ({"lat": 1.0, "lon": 2.0, "feature": "city"}, 1),          # the town itself
    ({"lat": 1.0, "lon": 2.0, "feature": "Village"}, 1),
    ({"lat": 1.0, "lon": 2.0, "feature": "admin2"}, 2),        # a part of a region
    ({"lat": 1.0, "lon": 2.0, "feature": "river"}, 2),         # near a natural feature
    ({"lat": 1.0, "lon": 2.0, "feature": None}, 2),            # granularity unknown
    ({"lat": 1.0, "lon": 2.0, "feature": "admin1"}, 3),        # only a province
    ({"lat": 1.0, "lon": 2.0, "feature": "region"}, 3),
    ({"lat": 1.0, "lon": 2.0, "feature": "country"}, 3),       # only the country
    ({"lat": 1.0, "lon": 2.0, "feature": "city", "precision": 2}, 2),  # the places stage's own: "near Suva"
    ({"lat": 1.0, "lon": 2.0, "feature": "country", "precision": "1"}, 1),
    ({"lat": 1.0, "lon": 2.0, "feature": "city", "precision": 7}, 1),  # not an ACLED value: read the feature
    ({"lat": 1.0, "lon": 2.0, "feature": "admin1", "precision": True}, 3),
    ({"feature": "city"}, None),                               # no coordinates: no precision
    ({"feature": "city", "precision": 2}, 2),
])
def test_location_precision_follows_acleds_convention(place, precision):
    from newsevents.export.source import location_precision

    assert location_precision(place) == precision


def precision_doc() -> dict:
    """One event in Suva, one near it (the places stage's precision 2), one in a province, one in
    the country only."""
    text = ("Soldiers shot two rebels in Suva. Rebels shot a soldier near Suva. "
            "Police detained a man in the Western Division. Rebels attacked an army post in Fiji.")
    suva = {"id": "plc1", "name": "Suva", "geonameid": 2198148, "lat": -18.14, "lon": 178.44, "country": "FJ",
            "admin1": "Central", "feature": "city", "evidence": span(text, "Suva")}
    western = {"id": "plc2", "name": "Western Division", "geonameid": 2194370, "lat": -17.5, "lon": 177.7,
               "country": "FJ", "admin1": "Western", "feature": "admin1", "evidence": span(text, "Western Division")}
    fiji = {"id": "plc3", "name": "Fiji", "geonameid": 2205218, "lat": -18.0, "lon": 178.0, "country": "FJ",
            "admin1": None, "feature": "country", "evidence": span(text, "Fiji")}
    battle = {"cameo": "19", "quad_class": 4, "goldstein": -10.0, "acled_event_type": "Battles",
              "acled_sub_event_type": "Armed clash"}
    day = {"value": "2022-03-04", "precision": "day"}
    events = [
        event(text, 1, "ASSAULT", "Soldiers shot two rebels in Suva", trigger="shot", actors=[actor("Soldiers", "MIL")],
              recipients=[actor("rebels", "REB")], place={"id": "plc1"}, date=day, codes=battle),
        event(text, 2, "ASSAULT", "Rebels shot a soldier near Suva", trigger="shot", actors=[actor("Rebels", "REB")],
              recipients=[actor("a soldier", "MIL")], place={"id": "plc1", "precision": 2}, date=day, codes=battle),
        event(text, 3, "COERCE", "Police detained a man in the Western Division", trigger="detained", mode="arrest",
              actors=[actor("Police", "COP")], recipients=[actor("a man", "CVL")], place={"id": "plc2"}, date=day,
              codes={"cameo": "17", "quad_class": 4, "goldstein": -5.0, "acled_event_type": "Strategic developments",
                     "acled_sub_event_type": "Arrests"}),
        event(text, 4, "ASSAULT", "Rebels attacked an army post in Fiji", trigger="attacked",
              actors=[actor("Rebels", "REB")], recipients=[actor("an army post", "MIL")], place={"id": "plc3"},
              date=day, codes=battle),
    ]
    return make_doc("fiji-precision", text, published="2022-03-05", events=events, places=[suva, western, fiji])


PRECISIONS = {"fiji-precision/evt1": 1, "fiji-precision/evt2": 2, "fiji-precision/evt3": 3, "fiji-precision/evt4": 3}


@pytest.fixture(scope="module")
def precision_db(tmp_path_factory) -> str:
    from newsevents.store import open_store

    path = str(tmp_path_factory.mktemp("precision") / "precision.db")
    store = open_store(path)
    try:
        assert store.save(precision_doc()).status == "stored"
    finally:
        store.close()
    return path


def test_geojson_and_acled_carry_the_location_precision(capsys, precision_db):
    from newsevents.export.codes import number

    collection = geojson.loads(run(capsys, "export", "-f", "geojson", "--db", precision_db)[0])
    assert collection.is_valid
    assert {f["id"]: f["properties"]["geo_precision"] for f in collection["features"]} == PRECISIONS
    rows = list(csv.DictReader(io.StringIO(run(capsys, "export", "-f", "acled", "--db", precision_db)[0])))
    by_id = {f"fiji-precision/evt{n}": str(number(f"fiji-precision/evt{n}", 40)) for n in range(1, 5)}
    assert {row["event_id_cnty"]: row["geo_precision"] for row in rows} == {
        f"FJI{by_id[key]}": str(value) for key, value in PRECISIONS.items()}
    rows = list(csv.DictReader(io.StringIO(run(capsys, "export", "-f", "csv", "--db", precision_db)[0])))
    assert {row["key"]: int(row["geo_precision"]) for row in rows} == PRECISIONS


def story_events(db: str) -> list[dict]:
    from newsevents.store import open_store

    store = open_store(db)
    try:
        return [e for s in store.stories(limit=100).items for e in store.story(s["id"])["events"]]
    finally:
        store.close()





# ------------------------------------------------------------------------------------- CLI = API

def api_params(args: list[str]) -> list[tuple[str, str]]:
    """The query parameters the API takes for these command-line filters (same names as the
    filters, lists comma-separated or repeated, booleans true/false)."""
    from newsevents.filters import FILTERS

    flags = {}
    for spec in FILTERS:
        for flag in (spec.flag, spec.short):
            if flag:
                flags[flag] = (spec, None if spec.boolean else "value")
        if spec.boolean:
            flags[spec.flag] = (spec, "true")
            flags[spec.off_flag or f"--un{spec.flag[2:]}"] = (spec, "false")
    out, i = [], 0
    while i < len(args):
        spec, value = flags[args[i]]
        if value == "value":
            out.append((spec.name, args[i + 1]))
            i += 2
        else:
            out.append((spec.name, value))
            i += 1
    return out


OTHER_TABLE_FILTERS = [
    ("quotes", ["--speaker", "police", "--kind", "direct", "--kind", "indirect"]),
    ("casualties", ["--kind", "killed,arrested"]),
    ("places", ["--country", "SY", "--country", "IQ"]),
    ("places", ["--bbox", "170,-25,-170,-10"]),
    ("entities", ["--label", "PERSON,ORG", "--name", "kurti"]),
    ("articles", ["--search", "Mosul"]),
]


@pytest.mark.parametrize("table, args", [("events", args) for args, _ in EVENT_FILTERS.values()] + [
    ("events", ["-t", "assault", "-t", "COERCE", "--country", "XK,FJ", "--from", "2021", "--undisputed"]),
    ("events", ["--story-events", "--sector", "MIL,reb"]),
    *OTHER_TABLE_FILTERS])
def test_the_api_export_takes_the_cli_filters_and_gives_the_same_file(capsys, db, table, args):
    from fastapi.testclient import TestClient

    from newsevents.web.app import create_app

    cli, _ = run(capsys, "export", "-f", "csv", "-w", table, "--db", db, *args)
    with TestClient(create_app(db), base_url="http://localhost") as client:
        response = client.get(f"/api/export/{table}/csv", params=api_params(args))
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == f'attachment; filename="newsevents-{table}.csv"'
    assert response.text == cli and cli.count("\n") > 1, args


@pytest.mark.parametrize("table, args, reason", [
    ("events", ["--type", "FOO"], "ASSAULT"),
    ("events", ["--country", "Kosovo"], "Kosovo is XK"),
    ("events", ["--bbox", "1,2,3"], "four numbers"),
    ("events", ["--actor", "a", "--actor", "b"], "give it once"),
    ("casualties", ["--country", "XK"], "does not apply to casualties"),
    ("quotes", ["--type", "ASSAULT"], "does not apply to quotes"),
])
def test_a_bad_filter_is_the_same_error_on_the_cli_and_the_api(capsys, db, table, args, reason):
    from fastapi.testclient import TestClient

    from newsevents.web.app import create_app

    with pytest.raises(SystemExit) as exit_:
        main(["export", "-f", "csv", "-w", table, "--db", db, *args])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "[E021]" in err and reason in err
    with TestClient(create_app(db), base_url="http://localhost") as client:
        response = client.get(f"/api/export/{table}/csv", params=api_params(args))
    assert response.status_code == 400 and response.json()["code"] == "E021"
    message = response.json()["message"]
    assert reason in message
    # the same reason, the parameter named as each surface spells it (--actor-country / actor_country)
    assert message.split("': ", 1)[1] == err.strip().split("': ", 1)[1].split("\n")[0], (message, err)


def test_parquet_bundle_has_the_story_tables(capsys, stories_db, tmp_path):
    """stories.parquet and story_events.parquet, joined to events.parquet by story / story_event."""
    out_all = tmp_path / "all"
    run(capsys, "export", "-f", "parquet", "--db", stories_db, "-o", str(out_all))
    stories = duckdb.sql(f"SELECT * FROM read_parquet('{out_all / 'stories.parquet'}') ORDER BY articles DESC").df()
    assert len(stories) == 2 and list(stories["articles"]) == [5, 2] and list(stories["sources"]) == [3, 2]
    assert list(stories["disputed"]) == [True, False] and "killed" in stories["disputed_facts"][0]
    assert len(pd.read_parquet(out_all / "stories.parquet")) == 2
    story_events_ = pd.read_parquet(out_all / "story_events.parquet")
    assert len(story_events_) == len(story_events(stories_db)) == stories["story_events"].sum()
    # every event mention joins its story event; the mentions per story event are its count
    joined = duckdb.sql(
        f"SELECT s.story_event, s.mentions, COUNT(*) AS n FROM read_parquet('{out_all / 'events.parquet'}') e "
        f"JOIN read_parquet('{out_all / 'story_events.parquet'}') s ON e.story_event = s.story_event "
        "GROUP BY s.story_event, s.mentions").fetchall()
    assert joined and all(mentions == n for _, mentions, n in joined)
    assert duckdb.sql(f"SELECT COUNT(*) FROM read_parquet('{out_all / 'events.parquet'}') e JOIN "
                      f"read_parquet('{out_all / 'stories.parquet'}') s ON e.story = s.story").fetchall()[0][0] \
        == duckdb.sql(f"SELECT COUNT(*) FROM read_parquet('{out_all / 'events.parquet'}') "
                      "WHERE story IS NOT NULL").fetchall()[0][0] > 0
    # a filtered bundle: the stories of the selected events only
    small = stories[stories["articles"] == 2]["story"].iloc[0]
    out_one = tmp_path / "one"
    run(capsys, "export", "-f", "parquet", "--db", stories_db, "-o", str(out_one), "--story", small)
    assert duckdb.sql(f"SELECT story FROM read_parquet('{out_one / 'stories.parquet'}')").fetchall() == [(small,)]
    assert {s for (s,) in duckdb.sql(f"SELECT DISTINCT story FROM read_parquet('{out_one / 'story_events.parquet'}')")
            .fetchall()} == {small}


def test_parquet_story_tables_are_empty_before_stories_are_built(capsys, tmp_path):
    from newsevents.store import open_store

    db = str(tmp_path / "plain.db")
    store = open_store(db)
    try:
        assert store.save(clash_doc()).status == "stored"
    finally:
        store.close()
    run(capsys, "export", "-f", "parquet", "--db", db, "-o", str(tmp_path / "out"))
    for table in ("stories", "story_events"):
        assert len(pd.read_parquet(tmp_path / "out" / f"{table}.parquet")) == 0
    assert pd.read_parquet(tmp_path / "out" / "events.parquet")["story"].isna().all()


def test_acled_writes_an_incident_once_with_its_lowest_toll_and_every_outlet(capsys, stories_db):
    """ACLED codes an incident once, with the most conservative death toll its reports give (the
    market bombing: 12, 18 and 15 reported) and the outlets that reported it."""
    from newsevents.export.codes import number
    from newsevents.store import open_store

    store = open_store(stories_db)
    try:
        market = store.story(store.story_of("courier-market-blast")["id"])
    finally:
        store.close()
    rows = list(csv.DictReader(io.StringIO(run(capsys, "export", "-f", "acled", "--db", stories_db)[0])))
    assert len(rows) == len({r["event_id_cnty"] for r in rows})
    tolled = [se for se in market["events"] if (se.get("facts") or {}).get("killed")]
    assert tolled
    for se in tolled:
        row = [r for r in rows if r["event_id_cnty"].endswith(str(number(se["id"], 40)))]
        assert len(row) == 1, se["id"]
        tolls = [entry["value"] for entry in se["facts"]["killed"]]
        assert int(row[0]["fatalities"]) == min(tolls) and row[0]["country"] == "Nigeria"
        assert row[0]["source"].split("; ") == list(dict.fromkeys(m["outlet"] for m in se["mentions"]))
    killing = max(tolled, key=lambda se: se["n_articles"])
    assert {entry["value"] for entry in killing["facts"]["killed"]} >= {12, 18}
    row = next(r for r in rows if r["event_id_cnty"].endswith(str(number(killing["id"], 40))))
    assert int(row["fatalities"]) == 12 and len(row["source"].split("; ")) >= 2  # several outlets, the lowest toll


def test_events_stored_without_codes_are_coded_as_the_pipeline_codes_them(capsys, tmp_path):
    """A newsevents/1 document from another tool (no ``codes``) still exports to ACLED and GDELT:
    the codes come from the events stage's own tables (the benchmark store once gave 0 ACLED rows)."""
    from newsevents.extractors.events.lexicon import lexicon
    from newsevents.store import open_store

    doc = precision_doc()
    for item in doc["events"]:
        del item["codes"]
    db = str(tmp_path / "uncoded.db")
    store = open_store(db)
    try:
        assert store.save(doc).status == "stored"
    finally:
        store.close()
    rows = list(csv.DictReader(io.StringIO(run(capsys, "export", "-f", "acled", "--db", db)[0])))
    assert len(rows) == 4
    assert [(r["event_type"], r["sub_event_type"]) for r in rows][:2] == [("Battles", "Armed clash")] * 2
    assert rows[2]["event_type"] == "Strategic developments" and rows[2]["sub_event_type"] == "Arrests"
    cameo, quad, _ = lexicon().codes_for("COERCE", "arrest")
    table = list(csv.DictReader(io.StringIO(run(capsys, "export", "-f", "csv", "--db", db)[0])))
    assert table[2]["cameo"] == cameo and int(table[2]["quad_class"]) == quad
    assert len(read_gdelt(run(capsys, "export", "-f", "gdelt", "--db", db)[0], GDELT_EVENTS)["EventRootCode"].dropna()) == 4
