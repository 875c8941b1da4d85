"""The pages in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

The store is built the way a user builds it: the bundled sample corpus and the reference article go
through the real pipeline (`newsevents.ingest_job.ingest`), plus two hostile articles (one through
the pipeline, one hand-made with markup in every extracted field). A uvicorn server runs in a thread
on a free localhost port for the module and is always stopped. Screenshots land in a temporary folder;
`make screenshots` writes the documentation's (docs/screenshots/) by setting NEWSEVENTS_SCREENSHOTS.
"""
from __future__ import annotations

import json
import re
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian chromium (/usr/bin/chromium) is not installed: `make browser-deps`", allow_module_level=True)
pytest.importorskip("playwright")
pytest.importorskip("uvicorn")

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from web_docs import IMG, SCRIPT, malicious_doc  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
HOSTILE_TEXT = (f"Protesters gathered in Pristina on Tuesday. One placard read {SCRIPT} and another {IMG}. "
                f"Police detained three people, the interior ministry said.\n")


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, nlp) -> str:
    """The sample corpus and the reference article, ingested by the real pipeline."""
    from newsevents.ingest_job import ingest
    from newsevents.store import open_store

    db = str(tmp_path_factory.mktemp("browser") / "corpus.db")
    store = open_store(db)
    try:
        summary = ingest([str(REPO / "samples"), str(REPO / "tests" / "fixtures" / "articles" / "kosovo-mitrovica.txt")],
                         store)
        assert summary.failed == 0, summary.failures
    finally:
        store.close()
    return db


@pytest.fixture(scope="module")
def hostile(corpus_db, tmp_path_factory) -> None:
    """Two hostile articles added to the live store (after the screenshots, which should show real
    data): one through the pipeline, one hand-made with markup in every extracted field."""
    from newsevents.ingest_job import ingest
    from newsevents.store import open_store

    tmp = tmp_path_factory.mktemp("hostile")
    upload = tmp / "hostile-upload.txt"
    upload.write_text(HOSTILE_TEXT, encoding="utf-8")
    (tmp / "hostile-upload.meta.json").write_text(json.dumps(
        {"title": f"Upload {SCRIPT}", "published": "2021-10-19", "outlet": IMG, "url": "javascript:alert('meta')"}))
    store = open_store(corpus_db)
    try:
        assert ingest([str(upload)], store).stored == 1
        assert store.save(malicious_doc()).status == "stored"
    finally:
        store.close()


@pytest.fixture(scope="module")
def base_url(corpus_db):
    import uvicorn

    from newsevents.web.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(corpus_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:  # a server that cannot start ends its thread
            assert thread.is_alive(), "uvicorn did not start"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh page that records dialogs, script and console errors and every request; after the test
    it asserts that no dialog fired, nothing failed or broke the CSP, and nothing was fetched from
    anywhere but the server."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, base_url=base_url)
    tab = context.new_page()
    tab.dialogs, tab.errors, tab.foreign = [], [], []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    # console errors include Content-Security-Policy violations (a blocked inline style or script)
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.on("request", lambda request: None if request.url.startswith(base_url) or request.url.startswith("data:")
           else tab.foreign.append(request.url))
    try:
        yield tab
        assert tab.dialogs == [], f"a dialog fired: {tab.dialogs}"
        assert tab.errors == [], f"script errors: {tab.errors}"
        assert tab.foreign == [], f"requests left the server: {tab.foreign}"
    finally:
        context.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    """Where screenshots go: a temporary folder, so that a test run leaves the tracked tree as it was;
    NEWSEVENTS_SCREENSHOTS (set by `make screenshots`) names the documentation's folder instead."""
    import os

    chosen = os.environ.get("NEWSEVENTS_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def shoot(shots):
    def take(page, name: str, full_page: bool = False) -> Path:
        target = shots / f"{name}.png"
        page.screenshot(path=str(target), full_page=full_page)
        return target
    return take


def test_dashboard_shows_totals_timeline_and_counts(page, shoot):
    page.goto("/")
    events = page.locator('[data-stat="events"] .value')
    expect(events).not_to_have_text("0")
    assert int(events.inner_text().replace(",", "")) > 10
    expect(page.locator("#timeline svg rect.bar").first).to_be_visible()
    expect(page.locator("#by-type .row").first).to_be_visible()
    expect(page.locator("#timeline-legend .item").first).to_be_visible()
    expect(page.locator("#recent table tbody tr").first).to_be_visible()
    shoot(page, "dashboard", full_page=True)


def test_map_filter_to_kosovo_then_event_then_highlighted_sentence(page, shoot):
    page.goto("/map")
    expect(page.locator("#map path.country")).to_have_count(240)  # Natural Earth 1:50m, without Antarctica
    expect(page.locator("#f-country option[value=XK]")).to_have_count(1)
    expect(page.locator("#filters")).to_have_attribute("data-ready", "true")
    page.select_option("#f-country", "XK")
    expect(page).to_have_url(re.compile(r"/map\?country=XK$"))
    expect(page.locator("#map")).to_have_attribute("data-loaded", "?country=XK")
    marker = page.locator('#map circle.marker[data-places*="Mitrovica"]').first
    expect(marker).to_be_visible()
    marker.click()
    item = page.locator("#selection a.event-item", has_text=re.compile(r"one Serb was shot", re.I)).first
    expect(item).to_be_visible()
    expect(item.locator(".meta")).to_contain_text("Mitrovica")
    assert item.get_attribute("data-type") == "ASSAULT"
    shoot(page, "map")

    item.click()
    expect(page).to_have_url(re.compile(r"/events/kosovo-mitrovica/evt\d+$"))
    expect(page.locator(".quote-block mark")).to_contain_text("one Serb was shot")
    page.locator("#read-in-article").click()

    expect(page).to_have_url(re.compile(r"/articles/kosovo-mitrovica\?focus=evt\d+$"))
    focus = page.locator("#article-text .hl-focus")
    expect(focus.first).to_be_visible()
    assert "one Serb was shot" in "".join(focus.all_inner_texts())
    # the event is also active in the side list
    expect(page.locator(".x-item.active")).to_have_count(1)
    # evidence is highlighted by kind
    for kind in ("trigger", "place", "actor", "recipient"):
        assert page.locator(f"#article-text .hl-{kind}").count() > 0, kind
    shoot(page, "article")


def test_reader_toggles_and_side_list(page):
    page.goto("/articles/kosovo-mitrovica")
    expect(page.locator("#extracted .group").first).to_be_visible()
    text = page.locator("#article-text")
    page.locator('#kind-toggles input[data-kind="place"]').uncheck()
    expect(text).to_have_class(re.compile(r"hide-place"))
    first_place = page.locator('#extracted .x-item[data-ref^="plc"]').first
    first_place.click()
    expect(first_place).to_have_class(re.compile(r"active"))


def test_reader_marks_every_speaker_at_its_quote(page):
    """Speakers that are no named person are marked too: an organisation ("Kosovo police said"), a
    statement standing for it ("A statement said"), a pronoun resolved to an outlet ("It said")."""
    page.goto("/articles/kosovo-mitrovica")
    speakers = page.locator("#article-text .hl-speaker")
    expect(speakers.first).to_be_visible()
    marked = [(speakers.nth(i).inner_text().strip(), speakers.nth(i).get_attribute("title") or "")
              for i in range(speakers.count())]
    assert any(text == "Kosovo police" and "organisation" in title for text, title in marked), marked
    assert any(text == "statement" and "Kosovo police" in title for text, title in marked), marked
    assert any(text == "It" and "Serbian state TV" in title and "media" in title for text, title in marked), marked
    assert any("Ana Brnabic" in title for _, title in marked)


def test_quote_explorer_lists_brnabic_with_her_three_quotes(page):
    page.goto("/quotes")
    group = page.locator('.speaker-group[data-speaker*="Brnabic"]')
    expect(group).to_have_count(1)
    rows = group.locator(".quote-row")
    texts = " ".join(rows.all_inner_texts())
    for words in ("the last moment that demands clear reaction", "the edge of chaos", "more than dramatic"):
        assert words in texts, words
    assert rows.count() >= 3


def test_event_table_filters_and_pages(page):
    page.goto("/events?type=ASSAULT")
    expect(page.locator("#events-table tbody tr").first).to_be_visible()
    chips = page.locator("#events-table tbody .chip").all_inner_texts()
    assert chips and set(chips) == {"ASSAULT"}
    page.fill("#f-q", "Mitrovica")
    page.locator("#filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"q=Mitrovica"))


HOSTILE_PAGES = ["/articles/evil-article", "/articles/hostile-upload", "/events/evil-article/evt1", "/events",
                 "/quotes", "/map?country=XK", "/articles", "/"]


@pytest.mark.parametrize("url", HOSTILE_PAGES)
def test_malicious_article_renders_inert(hostile, page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") is None
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert page.locator('img[src="x"], #main svg[onload]').count() == 0
    if url == "/articles/evil-article":
        expect(page.locator("#article-text")).to_contain_text(SCRIPT)  # shown as text
        expect(page.locator("#article-head h1")).to_contain_text(f"Forum post {SCRIPT}")
        expect(page.locator("#extracted")).to_contain_text(IMG)
    if url == "/articles/hostile-upload":
        expect(page.locator("#article-text")).to_contain_text(IMG)


@pytest.mark.parametrize("control", ["country", "actor_country"])
def test_dropdown_counts_are_what_the_filter_lists(page, control):
    """Issue 18.4: "Kosovo (XK) · 16" lists 16 events, for the place country and the actor country."""
    page.goto("/events")
    expect(page.locator("#filters")).to_have_attribute("data-ready", "true")
    options = page.locator(f"#f-{control} option").all()
    labelled = [(o.get_attribute("value"), o.inner_text()) for o in options if o.get_attribute("value")]
    assert len(labelled) >= 2, labelled
    for value, label in labelled[:4]:
        count = int(label.rsplit("·", 1)[1].strip().replace(",", ""))
        page.select_option(f"#f-{control}", value)
        expect(page.locator("#events-total")).to_have_text(f"{count:,} matching")
        page.select_option(f"#f-{control}", "")


def test_download_csv_of_the_filtered_events_page(page, base_url, tmp_path):
    """Download what you see: the CSV button of a filtered events page holds exactly those events."""
    import csv
    import io

    import httpx

    page.goto("/events?type=ASSAULT&country=XK")
    expect(page.locator("#filters")).to_have_attribute("data-ready", "true")
    expect(page.locator("#events-total")).to_contain_text("matching")
    listed = httpx.get(f"{base_url}/api/events", params={"type": "ASSAULT", "country": "XK", "limit": 1000}).json()
    expected = {e["key"] for e in listed["items"]}
    assert expected and all(e["type"] == "ASSAULT" for e in listed["items"])
    button = page.locator('#downloads a[data-format="csv"]')
    expect(button).to_be_visible()
    for fmt in ("geojson", "parquet"):
        expect(page.locator(f'#downloads a[data-format="{fmt}"]')).to_be_visible()
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "newsevents-events.csv"
    target = tmp_path / download.suggested_filename
    download.save_as(str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8"))))
    assert {r["key"] for r in rows} == expected
    assert {r["type"] for r in rows} == {"ASSAULT"} and {r["place_country"] for r in rows} == {"XK"}
    # a changed filter changes what the button downloads
    page.select_option("#f-type", "COERCE")
    expect(button).to_have_attribute("href", re.compile(r"/api/export/events/csv\?.*type=COERCE"))


def _download(page, selector: str, tmp_path) -> Path:
    with page.expect_download() as info:
        page.locator(selector).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(str(target))
    return target


def test_map_downloads_the_events_of_its_filters(page, base_url, tmp_path):
    """The map's GeoJSON and CSV buttons download the events the map's filters select."""
    import csv
    import io

    import httpx

    page.goto("/map?country=XK&type=ASSAULT")
    # the world is drawn before the points are asked for; on a busy machine that takes a while
    expect(page.locator("#map path.country")).to_have_count(240, timeout=30_000)
    expect(page.locator("#map")).to_have_attribute("data-loaded", re.compile(r"country=XK"), timeout=30_000)
    listed = httpx.get(f"{base_url}/api/events", params={"type": "ASSAULT", "country": "XK", "limit": 1000}).json()
    expected = {e["key"] for e in listed["items"]}
    assert expected
    target = _download(page, '#downloads a[data-format="geojson"]', tmp_path)
    assert target.name == "newsevents-events.geojson"
    features = json.loads(target.read_text("utf-8"))["features"]
    assert {f["id"] for f in features} == expected
    assert {f["properties"]["place_country"] for f in features} == {"XK"}
    assert {f["properties"]["type"] for f in features} == {"ASSAULT"}
    target = _download(page, '#downloads a[data-format="csv"]', tmp_path)
    assert {r["key"] for r in csv.DictReader(io.StringIO(target.read_text("utf-8")))} == expected
    # another country on the map: the buttons follow
    page.select_option("#f-country", "")
    expect(page.locator('#downloads a[data-format="geojson"]')).not_to_have_attribute("href", re.compile("country="))


def test_quotes_page_downloads_the_quotes_it_shows(page, base_url, tmp_path):
    """The quote explorer's CSV and JSONL buttons download the quotes of its search."""
    import csv
    import io

    import httpx

    page.goto("/quotes?speaker=Brnabic")
    expect(page.locator('.speaker-group[data-speaker*="Brnabic"]')).to_have_count(1)
    listed = httpx.get(f"{base_url}/api/quotes", params={"speaker": "Brnabic", "limit": 1000}).json()["items"]
    expected = {q["key"] for q in listed}
    assert len(expected) >= 3
    target = _download(page, '#downloads a[data-format="csv"]', tmp_path)
    assert target.name == "newsevents-quotes.csv"
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8"))))
    assert {r["key"] for r in rows} == expected
    assert all("Brnabic" in r["speaker"] for r in rows)
    page.fill("#quote-search input[name=speaker]", "")
    page.fill("#quote-search input[name=q]", "chaos")
    page.locator("#quote-search button[type=submit]").click()
    expect(page.locator('#downloads a[data-format="csv"]')).to_have_attribute("href", re.compile(r"q=chaos"))
    target = _download(page, '#downloads a[data-format="csv"]', tmp_path)
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8"))))
    assert rows and all("chaos" in r["text"].lower() for r in rows)
