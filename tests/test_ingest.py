"""Ingest into the store: folders with bad files, idempotent re-ingest, parsing skipped for known texts."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsevents.contract import validate
from newsevents.ingest_job import ingest
from newsevents.store import open_store

REPO = Path(__file__).parent.parent
SAMPLES = REPO / "samples"
FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def copy_article(src: Path, dest: Path) -> None:
    shutil.copy(src, dest / src.name)
    meta = src.with_name(src.name.replace(".txt", ".meta.json"))
    if meta.exists():
        shutil.copy(meta, dest / meta.name)


@pytest.fixture
def folder(tmp_path) -> Path:
    """Three real articles, a binary file, an empty file and a JSONL file with one good and one bad line."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    copy_article(FIXTURES / "kosovo-mitrovica.txt", root)
    copy_article(SAMPLES / "centcom" / "centcom-mosul-hospital-strike.txt", root / "sub")
    copy_article(SAMPLES / "uk-government" / "ukgov-al-hilla-attack.txt", root / "sub")
    (root / "broken.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00GIF89a" * 64)
    (root / "empty.txt").write_text("   \n\n", "utf-8")
    (root / "NOTICE.md").write_text("# Licences\nNot an article.\n", "utf-8")
    good = {"id": "wire-1", "text": "Protesters blocked the main road in Pristina on Monday, police said.",
            "published": "2021-10-11"}
    (root / "wire.jsonl").write_text(json.dumps(good) + "\n{not json at all\n", "utf-8")
    return root


def test_folder_with_bad_files_stores_the_rest_and_records_errors(nlp, folder, tmp_path):
    store = open_store(tmp_path / "s.db")
    summary = ingest([str(folder)], store)
    assert (summary.seen, summary.stored, summary.unchanged, summary.failed) == (7, 4, 0, 3)
    assert summary.entities > 20 and summary.entities == store.stats()["entities"]
    codes = sorted(f["code"] for f in summary.failures)
    assert codes == ["E002", "E003", "E005"]
    errors = {e["code"]: e for e in store.errors()}
    assert errors["E003"]["article"].endswith("broken.txt") and "[E003]" in errors["E003"]["message"]
    assert errors["E005"]["article"].endswith("wire.jsonl:2")
    assert errors["E002"]["article"].endswith("empty.txt")  # errors name the file
    stored = {a["id"] for a in store.articles(limit=100).items}
    assert stored == {"kosovo-mitrovica", "centcom-mosul-hospital-strike", "ukgov-al-hilla-attack", "wire-1"}
    doc = store.article("kosovo-mitrovica")
    validate(doc)
    assert doc["article"]["published"] == "2021-10-13"  # from the sidecar
    assert doc["article"]["via"][0]["url"].startswith("https://southfront.org/")  # trailing "Via" line
    assert not doc["text"].rstrip().endswith("operation/")
    store.close()


def test_reingest_changes_nothing_and_skips_parsing(nlp, folder, tmp_path, monkeypatch):
    store = open_store(tmp_path / "s.db")
    first = ingest([str(folder)], store)
    stats = store.stats()

    def no_parsing(*args, **kwargs):  # every text is known: spaCy must not run at all
        articles = list(args[0]) if args else []
        assert not articles, "re-ingest parsed a stored text"
        return iter(())

    monkeypatch.setattr("newsevents.runner.parse", no_parsing)
    second = ingest([str(folder)], store)
    assert (second.seen, second.stored, second.unchanged, second.failed) == (7, 0, first.stored, 3)
    after = store.stats()
    assert {k: after[k] for k in after if k != "errors"} == {k: stats[k] for k in stats if k != "errors"}
    assert after["errors"] == stats["errors"] + 3  # failures are recorded again, with their time
    store.close()


def test_duplicate_texts_in_one_batch_are_stored_once(nlp, tmp_path):
    root = tmp_path / "dup"
    root.mkdir()
    text = (FIXTURES / "syria-service-member.txt").read_text("utf-8")
    (root / "a.txt").write_text(text, "utf-8")
    (root / "b.txt").write_text(text, "utf-8")
    store = open_store(tmp_path / "d.db")
    summary = ingest([str(root)], store)
    assert (summary.stored, summary.unchanged) == (1, 1)
    assert [a["id"] for a in store.articles().items] == ["a"]
    store.close()


def test_stored_document_equals_the_extraction(nlp, kosovo, tmp_path):
    store = open_store(tmp_path / "k.db")
    ingest([str(FIXTURES / "kosovo-mitrovica.txt")], store)
    assert store.article("kosovo-mitrovica") == kosovo
    store.close()


def test_a_missing_path_is_a_recorded_failure(nlp, tmp_path):
    store = open_store(tmp_path / "m.db")
    summary = ingest([str(tmp_path / "nothing-here-*.txt"), str(FIXTURES / "idlib-airstrikes.txt")], store)
    assert (summary.stored, summary.failed) == (1, 1)
    assert store.errors()[0]["code"] == "E010"
    store.close()


def test_long_texts_cut_for_parsing_are_recognised_on_reingest(nlp, tmp_path, monkeypatch):
    from newsevents.config import Config

    config = Config(max_chars=300)
    store = open_store(tmp_path / "long.db")
    first = ingest([str(FIXTURES / "kosovo-mitrovica.txt")], store, config)
    stored = store.article("kosovo-mitrovica")
    assert first.stored == 1 and len(stored["text"]) == 300 and stored["warnings"][0]["code"] == "W005"
    monkeypatch.setattr("newsevents.runner.parse", lambda *a, **k: pytest.fail("parsed a stored text again"))
    second = ingest([str(FIXTURES / "kosovo-mitrovica.txt")], store, config)
    assert (second.stored, second.unchanged) == (0, 1)
    store.close()


def test_html_and_jsonl_articles_keep_their_metadata(nlp, tmp_path):
    root = tmp_path / "mixed"
    root.mkdir()
    paragraph = ("<p>Police in Mitrovica arrested three men on Tuesday after a clash near the bridge, "
                 "the interior ministry said in a statement.</p>")
    (root / "page.html").write_text(
        "<!doctype html><html><head><title>Arrests in Mitrovica</title></head><body><article><h1>Arrests in "
        f"Mitrovica</h1>{paragraph * 3}</article></body></html>", "utf-8")
    (root / "page.meta.json").write_text(json.dumps({"id": "mitrovica-arrests", "published": "2021-10-12",
                                                     "outlet": "example.org"}), "utf-8")
    records = [{"id": "line-text", "text": "Protesters blocked a road in Zvecan.", "title": "Road blocked",
                "published": "2021-10-14"},
               {"id": "line-html", "html": f"<html><body><article>{paragraph * 3}</article></body></html>",
                "url": "https://example.org/a"}]
    (root / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    store = open_store(tmp_path / "mixed.db")
    summary = ingest([str(root)], store)
    assert (summary.stored, summary.failed) == (3, 0), summary.failures
    page = store.article("mitrovica-arrests")["article"]
    assert page["published"] == "2021-10-12" and page["outlet"] == "example.org" and page["title"]
    assert "<p>" not in store.article("mitrovica-arrests")["text"]
    line = store.article("line-text")["article"]
    assert line["title"] == "Road blocked" and line["published"] == "2021-10-14"
    assert store.article("line-html")["article"]["url"] == "https://example.org/a"
    store.close()


PAGE = Path(__file__).parent / "fixtures" / "pages" / "gao-market-attack.html"


def test_python_api_reads_a_page_as_the_cli_does(nlp, capsys):
    """Issue 18.2: newsevents.extract(html) read the markup as text (cookie banner, ads and reader
    comments became events and actors, no metadata). html= and a detected page go through the
    CLI's ingest and give the CLI's document."""
    import newsevents
    from newsevents.cli import main

    page = PAGE.read_text("utf-8")
    by_keyword = newsevents.extract(html=page, id="gao-market-attack")
    detected = newsevents.extract(page, id="gao-market-attack")
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(PAGE)])
    assert exit_.value.code in (0, None)
    by_cli = json.loads(capsys.readouterr().out)
    for doc in (by_keyword, detected):
        assert doc["text"] == by_cli["text"]
        assert doc["article"] == by_cli["article"]
        assert [(e["type"], e["trigger"]["text"]) for e in doc["events"]] == \
            [(e["type"], e["trigger"]["text"]) for e in by_cli["events"]]
    doc = by_keyword
    assert doc["article"]["title"] == "Gunmen kill four in attack on Gao market"
    assert doc["article"]["published"] == "2024-05-14" and doc["article"]["outlet"] == "Sahel Daily Courier"
    assert doc["article"]["author"] == "Amadou Touré"
    for noise in ("cookies", "Limited offer", "Bandits", "resign", "Most read", "<"):
        assert noise not in doc["text"], noise
    actors = {a["name"] for e in doc["events"] for a in e.get("actors", [])}
    assert not any("<" in name or "offer" in name.lower() or "cookie" in name.lower() for name in actors), actors
    assert any(e["type"] == "ASSAULT" for e in doc["events"])
    newsevents.validate(doc)


def test_a_fragment_of_a_page_is_detected_and_text_stays_text(nlp):
    import newsevents
    from newsevents.ingest.html import looks_like_html

    page = PAGE.read_text("utf-8")
    fragment = page[page.index('<div class="cookie'):page.index("</body>")]  # no doctype, no <html>, no <body>
    assert looks_like_html(fragment)
    doc = newsevents.extract(fragment, id="fragment")
    assert doc["text"].startswith("Gunmen kill four") and "cookies" not in doc["text"]
    # an article quoting markup is still an article
    quoted = ("Protesters gathered in Pristina on Tuesday. One placard read <script>alert(1)</script> and "
              "another <img src=x onerror=alert(2)>. Police detained three people, the ministry said.")
    assert not looks_like_html(quoted)
    assert newsevents.extract(quoted)["text"] == quoted
    as_text = newsevents.extract(fragment, input_format="text")["text"]  # asked for text: read as text
    assert as_text.startswith('<div class="cookie') and "Limited offer" in as_text
    with pytest.raises(newsevents.NewsEventsError, match="E021"):
        newsevents.extract("some text", html="<p>a page</p>")
