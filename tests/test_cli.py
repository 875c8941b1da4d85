"""The ingest, query and export commands, run as a user would (exit codes, clean error lines)."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from contract_docs import ALEPPO, kosovo_doc, numbered_doc
from newsevents.cli import main
from newsevents.contract import validate
from newsevents.store import open_store

SAMPLES = Path(__file__).parent.parent / "samples"


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def filled_db(tmp_path) -> str:
    """A store holding hand-made documents with events, quotes, places and casualties."""
    path = str(tmp_path / "filled.db")
    store = open_store(path)
    store.save(kosovo_doc())
    store.save(numbered_doc(1, place=ALEPPO, published="2019-05-02"))
    store.save(numbered_doc(2, type="COERCE", published="2020-03-01"))
    store.close()
    return path


def test_ingest_samples_twice(nlp, capsys, tmp_path):
    db = str(tmp_path / "samples.db")
    n_articles = len(list(SAMPLES.rglob("*.txt")))
    code, out, err = run(capsys, "ingest", str(SAMPLES), "--db", db, "--json")
    assert code == 0, err
    first = json.loads(out)
    assert first["stored"] == n_articles >= 10 and first["failed"] == 0
    assert first["db_totals"]["articles"] == n_articles and first["entities"] > 100
    code, out, err = run(capsys, "ingest", str(SAMPLES), "--db", db, "--json")
    second = json.loads(out)
    assert code == 0 and second["stored"] == 0 and second["unchanged"] == n_articles
    assert second["db_totals"] == first["db_totals"]
    code, out, _ = run(capsys, "ingest", str(SAMPLES / "news"), "--db", db)  # the table form
    assert code == 0 and "unchanged" in out and "articles seen" in out


def test_ingest_failure_prints_one_line_per_article_and_exits_1(nlp, capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "centcom" / "centcom-palmyra-captured-tanks.txt", folder)
    (folder / "corrupt.txt").write_bytes(b"\x00\x9f\x00\x88binary" * 50)
    db = str(tmp_path / "f.db")
    code, out, err = run(capsys, "ingest", str(folder), "--db", db)
    assert code == 1
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "[E003]" in lines[0] and "corrupt.txt" in lines[0]
    assert "Traceback" not in err
    store = open_store(db)
    assert store.stats()["articles"] == 1 and store.errors()[0]["code"] == "E003"
    store.close()


def test_ingest_from_stdin(nlp, capsys, tmp_path, monkeypatch):
    text = "Kosovo police arrested two men in Mitrovica on Tuesday, the ministry said."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    db = str(tmp_path / "stdin.db")
    code, out, err = run(capsys, "ingest", "-", "--db", db, "--json", "--published", "2021-10-12")
    assert code == 0, err
    store = open_store(db)
    doc = store.article("stdin")
    assert doc["text"] == text and doc["article"]["published"] == "2021-10-12"
    store.close()


def test_query_lists_and_details(capsys, filled_db):
    code, out, _ = run(capsys, "query", "events", "--db", filled_db, "--type", "ACCUSE")
    assert code == 0 and "kosovo-demo/evt3" in out and "Aleksandar Vucic" in out and "evt1" not in out
    code, out, _ = run(capsys, "query", "events", "--db", filled_db, "--json", "--limit", "2")
    page = json.loads(out)
    assert page["total"] == 9 and len(page["items"]) == 2 and page["next_cursor"]
    code, out, _ = run(capsys, "query", "events", "--db", filled_db, "--json", "--limit", "100",
                       "--cursor", page["next_cursor"])
    assert len(json.loads(out)["items"]) == 7
    code, out, _ = run(capsys, "query", "events", "--db", filled_db, "--json", "--bbox", "36,35,38,37")
    assert {e["key"] for e in json.loads(out)["items"]} == {f"report-1/evt{i}" for i in (1, 2, 3)}
    code, out, _ = run(capsys, "query", "quotes", "--db", filled_db, "--speaker", "borrell")
    assert "The violence must stop" in out
    code, out, _ = run(capsys, "query", "counts", "--by", "type", "--db", filled_db, "--json")
    assert {r["key"]: r["count"] for r in json.loads(out)} == {"ASSAULT": 4, "COERCE": 4, "ACCUSE": 1}
    code, out, _ = run(capsys, "query", "article", "kosovo-demo", "--db", filled_db)
    validate(json.loads(out))
    code, out, _ = run(capsys, "query", "event", "kosovo-demo/evt2", "--db", filled_db)
    assert json.loads(out)["casualties"][0]["count"] == 6
    for what in ("articles", "places", "casualties", "entities", "errors", "stats"):
        code, out, err = run(capsys, "query", what, "--db", filled_db)
        assert code == 0 and out.strip(), (what, err)


def test_query_errors_are_clean_lines(capsys, filled_db, tmp_path):
    code, _, err = run(capsys, "query", "event", "kosovo-demo/evt99", "--db", filled_db)
    assert code == 2 and err.strip() == "newsevents: [E022] Not found: event 'kosovo-demo/evt99'"
    code, _, err = run(capsys, "query", "events", "--db", str(tmp_path / "absent.db"))
    assert code == 2 and "[E022]" in err and not (tmp_path / "absent.db").exists()
    code, _, err = run(capsys, "query", "events", "--db", filled_db, "--bbox", "1,2,3")
    assert code == 2 and "[E021]" in err and "bbox" in err
    code, _, err = run(capsys, "query", "events", "--db", filled_db, "--cursor", "nonsense")
    assert code == 2 and "[E021]" in err and "cursor" in err
    code, _, err = run(capsys, "query", "things", "--db", filled_db)
    assert code == 2 and "[E021]" in err


def test_export_jsonl_documents(capsys, filled_db, tmp_path):
    out_path = tmp_path / "all.jsonl"
    code, _, err = run(capsys, "export", "--format", "jsonl", "--db", filled_db, "-o", str(out_path))
    assert code == 0 and "3 rows" in err
    docs = [json.loads(line) for line in out_path.read_text("utf-8").splitlines()]
    assert [d["article"]["id"] for d in docs] == ["kosovo-demo", "report-1", "report-2"]
    for doc in docs:
        validate(doc)
    assert docs[0] == kosovo_doc()
    code, out, _ = run(capsys, "export", "-f", "jsonl", "--what", "quotes", "--db", filled_db)
    quotes = [json.loads(line) for line in out.splitlines()]
    assert [q["key"] for q in quotes] == ["kosovo-demo/quo1"] and quotes[0]["article"]["id"] == "kosovo-demo"


def test_export_csv_event_rows(capsys, filled_db):
    code, out, _ = run(capsys, "export", "--format", "csv", "--db", filled_db)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 9
    by_key = {r["key"]: r for r in rows}
    shot = by_key["kosovo-demo/evt2"]
    assert shot["type"] == "ASSAULT" and shot["place"] == "Mitrovica" and shot["place_country"] == "XK"
    assert shot["recipients"] == "One Serb" and shot["evidence"] == "One Serb was shot"
    assert shot["date"] == "2021-10-13" and shot["published"] == "2021-10-13"
    raid = by_key["kosovo-demo/evt1"]
    assert raid["actors"] == "Kosovo police" and raid["actor_sectors"] == "COP" and raid["lat"] == "42.8914"
    assert by_key["kosovo-demo/evt3"]["disputed"] == "true" and raid["disputed"] == "false" and raid["negated"] == "false"
    code, out, _ = run(capsys, "export", "-f", "csv", "--db", filled_db, "--type", "COERCE", "--from", "2020", "--to", "2020-12")
    assert {r["key"] for r in csv.DictReader(io.StringIO(out))} == {f"report-2/evt{i}" for i in (1, 2, 3)}
    code, out, _ = run(capsys, "export", "-f", "csv", "-w", "articles", "--db", filled_db)
    articles = list(csv.DictReader(io.StringIO(out)))
    assert [a["article_id"] for a in articles] == ["kosovo-demo", "report-1", "report-2"]
    assert articles[0]["events"] == "3" and articles[0]["quotes"] == "1"
    code, out, _ = run(capsys, "export", "-f", "csv", "--db", filled_db, "--type", "REJECT")
    assert out.startswith("key,event_id,type,") and len(out.splitlines()) == 1  # header only


def test_export_csv_neutralises_formulas(capsys, tmp_path):
    from contract_docs import event, make_doc

    text = "=HYPERLINK(\"http://x\") was posted. Then police raided a house."
    doc = make_doc("formula", text, events=[event(text, 1, "COERCE", "=HYPERLINK(\"http://x\") was posted")])
    db = str(tmp_path / "f.db")
    store = open_store(db)
    store.save(doc)
    store.close()
    code, out, _ = run(capsys, "export", "-f", "csv", "--db", db)
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["evidence"].startswith("'=HYPERLINK")


@pytest.mark.parametrize("args, option, valid", [
    (("query", "events", "--type", "FOO"), "--type", "ASSAULT"),
    (("query", "casualties", "--kind", "dead"), "--kind", "killed, injured, arrested, missing"),
    (("query", "quotes", "--kind", "dead"), "--kind", "direct, indirect, mixed"),
    (("query", "events", "--country", "Kosovo"), "--country", "Kosovo is XK"),
    (("query", "events", "--actor-country", "Serbia"), "--actor-country", "Serbia is RS"),
    (("query", "events", "--sector", "POLICE"), "--sector", "COP"),
    (("query", "events", "--from", "2024-13-01"), "--from", "not a real date"),
    (("query", "events", "--from", "yesterday"), "--from", "YYYY-MM-DD"),
    (("query", "events", "--from", "2021-05", "--to", "2021-04"), "--from", "after --to"),
    (("query", "events", "--bbox", "1,2,3"), "--bbox", "four numbers"),
    (("query", "events", "--speaker", "x"), "--speaker", "does not apply to events"),
    (("query", "events", "--kind", "killed"), "--kind", "does not apply to events"),
    (("query", "places", "--type", "ASSAULT"), "--type", "does not apply to places"),
    (("query", "stats", "--type", "ASSAULT"), "--type", "do not apply to 'stats'"),
    (("query", "counts", "--by", "week"), "--by", "day, type, country, actor_country"),
    (("query", "events", "--actor", "a", "--actor", "b"), "--actor", "give it once"),
    (("export", "-f", "csv", "--type", "FOO"), "--type", "ASSAULT"),
    (("export", "-f", "csv", "-w", "casualties", "--country", "XK"), "--country", "does not apply to casualties"),
    (("export", "-f", "jsonl", "--type", "ASSAULT"), "--type", "does not apply to articles"),
])
def test_bad_filter_values_are_errors_naming_the_valid_ones(capsys, filled_db, args, option, valid):
    """Issue 18.8 / 15: what the API answers with a 400, the CLI refuses with exit 2 and one line."""
    code, out, err = run(capsys, *args, "--db", filled_db)
    assert code == 2 and out == "", (code, out)
    assert f"[E021] Invalid parameter '{option}'" in err and valid in err, err


def test_query_and_export_take_lists_and_repeated_options(capsys, filled_db):
    def keys(*args):
        code, out, err = run(capsys, "export", "-f", "csv", "--db", filled_db, *args)
        assert code == 0, err
        return {r["key"] for r in csv.DictReader(io.StringIO(out))}
    both = keys("--type", "COERCE,ACCUSE")
    assert both == keys("--type", "COERCE", "--type", "accuse") == keys("-t", "coerce", "-t", "ACCUSE")
    assert both == {"kosovo-demo/evt1", "kosovo-demo/evt3"} | {f"report-2/evt{i}" for i in (1, 2, 3)}
    assert keys("--country", "XK") == {"kosovo-demo/evt1", "kosovo-demo/evt2"}         # where
    assert keys("--actor-country", "XKX") == {"kosovo-demo/evt1", "kosovo-demo/evt3"}  # who
    assert keys("--bbox", "170,-10,-170,10") == set()  # across the antimeridian
    code, out, _ = run(capsys, "query", "events", "--country", "SY,XK", "--db", filled_db, "--json")
    assert code == 0 and json.loads(out)["total"] == 3 + 2


def test_export_unknown_format(capsys, filled_db, tmp_path):
    target = tmp_path / "x.xml"
    code, _, err = run(capsys, "export", "--format", "xml", "--db", filled_db, "-o", str(target))
    assert code == 2 and "[E019]" in err and not target.exists()


JSONL_LINES = [
    {"id": "riot", "text": "Police fired tear gas at protesters in Nairobi on Tuesday, witnesses said.",
     "published": "2024-05-14"},
    "this line is not JSON",
    {"id": "raid", "text": "Soldiers arrested three men in Gao on Monday, the army said.", "published": "2024-05-13"},
]


def _jsonl(path: Path) -> Path:
    path.write_text("".join((json.dumps(x) if isinstance(x, dict) else x) + "\n" for x in JSONL_LINES), "utf-8")
    return path


@pytest.mark.parametrize("args", [("--input-format", "jsonl"), ()])
def test_extract_jsonl_in_is_jsonl_out_line_for_line(nlp, capsys, tmp_path, args):
    """Issue 18.5: one output line per input line, the failed one an error line in its place."""
    source = _jsonl(tmp_path / "in.jsonl")
    target = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "extract", *args, str(source), "-o", str(target))
    assert code == 1 and "[E005]" in err  # the bad line is reported and makes the exit code 1
    lines = target.read_text("utf-8").splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert records[0]["article"]["id"] == "riot" and records[2]["article"]["id"] == "raid"
    assert records[1]["code"] == "E005" and "error" in records[1]
    for record in (records[0], records[2]):
        validate(record)
    code, out, _ = run(capsys, "extract", *args, str(source))  # to stdout as well
    assert len(out.splitlines()) == 3 and json.loads(out.splitlines()[2])["article"]["id"] == "raid"


def test_extract_format_json_still_gives_one_list(nlp, capsys, tmp_path):
    source = _jsonl(tmp_path / "in.jsonl")
    code, out, _ = run(capsys, "extract", str(source), "--format", "json")
    assert code == 1 and [d["article"]["id"] for d in json.loads(out)] == ["riot", "raid"]


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "14/05/2024", "2024-02-30"])
def test_published_must_be_an_iso_date(capsys, tmp_path, command, value):
    """'2024-13-01' was read as 13 January, 'yesterday' as the machine's clock: both are refused."""
    article = tmp_path / "a.txt"
    article.write_text("Police arrested two men in Gao on Monday.", "utf-8")
    extra = ["--db", str(tmp_path / "x.db")] if command == "ingest" else []
    code, out, err = run(capsys, command, str(article), "--published", value, *extra)
    assert code == 2 and out == ""
    assert "[E021] Invalid parameter '--published'" in err and value in err and "YYYY-MM" in err
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("value", ["2024-05", "2024-05-14", "2024-05-14T08:30:00Z"])
def test_published_takes_what_the_filters_take(nlp, capsys, tmp_path, value):
    article = tmp_path / "a.txt"
    article.write_text("Police arrested two men in Gao on Monday.", "utf-8")
    code, out, err = run(capsys, "extract", str(article), "--published", value)
    assert code == 0, err
    assert json.loads(out)["article"]["published"] == value


def test_metadata_dates_are_not_swapped_or_read_on_the_clock(nlp):
    """The library path (sidecars, JSONL, the API) warns instead of guessing."""
    import newsevents

    for value in ("2024-13-01", "yesterday", "last Tuesday"):
        doc = newsevents.extract("Police arrested two men in Gao.", published=value)
        assert doc["article"]["published"] is None
        assert any(w["code"] == "W001" and value in w["message"] for w in doc["warnings"]), value
    assert newsevents.extract("Police arrested two men.", published="May 14, 2024")["article"]["published"] == "2024-05-14"


def test_version(capsys):
    import newsevents

    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"newsevents {newsevents.__version__}"


def _all_commands():
    import typer

    from newsevents import cli

    cli._load_commands()
    root = typer.main.get_command(cli.app)
    stack = [([name], command) for name, command in root.commands.items()]
    while stack:
        words, command = stack.pop()
        yield words, command
        stack += [([*words, name], sub) for name, sub in (getattr(command, "commands", None) or {}).items()]


@pytest.mark.parametrize("words", [w for w, _ in _all_commands()], ids=" ".join)
def test_help_reads_as_prose_and_flags_as_flags(capsys, monkeypatch, words):
    """Issue 18.11: no docstring line breaks in the middle of a sentence, and a flag (--json) is
    shown without a '<bool>' value after it."""
    import inspect

    monkeypatch.setenv("COLUMNS", "300")
    command = next(c for w, c in _all_commands() if w == words)
    code, out, _ = run(capsys, *words, "--help")
    assert code == 0
    lines = [" ".join(line.strip(" │╭╮╰╯─").split()) for line in out.splitlines()]
    for paragraph in inspect.cleandoc(command.help or "").split("\n\n"):
        if "[" in paragraph or paragraph.startswith("\b") or re.search(r"\n[ \t]*[-*•] ", paragraph):
            continue  # rich markup or a list: not one line
        sentence = " ".join(paragraph.split())
        assert any(sentence in line for line in lines), f"'{sentence[:60]}…' is broken over lines in the help"
    flags = [line for line in lines if re.match(r"--[\w-]+(?: / --[\w-]+)?(?: -\w)? ", line) and "<bool>" in line]
    assert not flags, flags
