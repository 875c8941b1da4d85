"""The story pages in headless Chromium, on the project's own story corpus (tests/fixtures/stories):
from the dashboard to a story, to its disputed death toll and the articles behind two of its values;
the "Disputed only" filters and counting story events instead of mentions."""
from __future__ import annotations

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

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "stories"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory, nlp):
    import uvicorn

    from newsevents.ingest_job import ingest
    from newsevents.store import open_store
    from newsevents.web.app import create_app

    db = str(tmp_path_factory.mktemp("stories-browser") / "stories.db")
    store = open_store(db)
    try:
        summary = ingest([str(CORPUS)], store)  # stores and groups, as a user's ingest does
        assert summary.stored == 7 and summary.grouped == 7
    finally:
        store.close()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
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


@pytest.fixture
def page(base_url):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=base_url)
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        try:
            yield tab
            assert errors == [], f"script errors: {errors}"
        finally:
            context.close()
            browser.close()


def test_dashboard_to_story_to_disputed_toll_and_its_articles(page):
    page.goto("/")
    expect(page.locator('[data-stat="stories"] .value')).to_have_text("2")
    page.locator("#top-stories a.story-link", has_text="Twelve killed as suicide bomber").click()
    expect(page).to_have_url(re.compile(r"/stories/st-[0-9a-f]{12}$"))
    expect(page.locator("#story-counts")).to_contain_text("5 articles · 3 sources")
    # the timeline: three reports in time order, the wire report with its two republications
    reports = page.locator("#timeline-of-reports li")
    expect(reports).to_have_count(3)
    expect(reports.nth(0)).to_contain_text("Northern Courier")
    expect(reports.nth(1)).to_contain_text("republished by Lagos Evening Post, Sahel Times")
    # the disputed death toll: the three values side by side, each with who reported it
    toll = page.locator('#disputed-facts .dispute[data-fact="killed"]').first
    expect(toll.locator(".version .value")).to_have_text(["12", "18", "15"])
    expect(toll.locator(".version").nth(1)).to_contain_text("3 reports")
    # the merged events with their counts
    expect(page.locator("#story-events tbody tr").first).to_contain_text("ASSAULT")
    # the two articles behind two of the disputed values
    toll.locator(".version", has_text="Northern Courier").locator("a.report-link").click()
    expect(page).to_have_url(re.compile(r"/articles/courier-market-blast$"))
    expect(page.locator("#article-text")).to_contain_text("killed at least 12 people")
    page.go_back()
    toll = page.locator('#disputed-facts .dispute[data-fact="killed"]').first
    toll.locator(".version", has_text="Borno Radio").locator("a.report-link").click()
    expect(page).to_have_url(re.compile(r"/articles/radio-market-toll$"))
    expect(page.locator("#article-text")).to_contain_text("has risen to 15")


def test_disputed_only_filters_stories_and_events(page):
    page.goto("/stories")
    expect(page.locator("#stories tbody tr")).to_have_count(2)
    page.locator("#f-disputed").check()
    expect(page).to_have_url(re.compile(r"/stories\?disputed=true$"))
    expect(page.locator("#stories tbody tr")).to_have_count(1)
    expect(page.locator("#stories tbody tr")).to_contain_text("Twelve killed")
    page.goto("/events?disputed=true")
    rows = page.locator("#events-table tbody tr")
    expect(rows.first).to_be_visible()
    sources = " ".join(rows.all_inner_texts())
    assert "Maiduguri bus station" not in sources and "Muna Garage" not in sources


def test_tables_count_story_events_instead_of_mentions(page):
    page.goto("/events")
    expect(page.locator("#events-total")).to_contain_text("matching")
    mentions = int(page.locator("#events-total").inner_text().split()[0].replace(",", ""))
    page.locator("#f-story_events").check()
    expect(page).to_have_url(re.compile(r"story_events=true"))
    expect(page.locator("#events-total")).not_to_have_text(f"{mentions:,} matching")
    incidents = int(page.locator("#events-total").inner_text().split()[0].replace(",", ""))
    assert 0 < incidents < mentions


def test_story_page_downloads_the_storys_events(page, base_url, tmp_path):
    """The story page's CSV / GeoJSON / Parquet buttons download the events of every report of the
    story, and nothing else."""
    import csv
    import io
    import json

    import httpx

    page.goto("/stories")
    page.locator("#stories a.story-link", has_text="Twelve killed as suicide bomber").click()
    expect(page).to_have_url(re.compile(r"/stories/st-[0-9a-f]{12}$"))
    story_id = page.url.rsplit("/", 1)[1]
    listed = httpx.get(f"{base_url}/api/events", params={"story": story_id, "limit": 1000}).json()["items"]
    expected = {e["key"] for e in listed}
    assert {k.split("/")[0] for k in expected} == {"courier-market-blast", "wire-market-bombing", "radio-market-toll",
                                                   "evening-post-market-bombing", "sahel-times-market-bombing"}
    for fmt in ("csv", "geojson", "parquet"):
        button = page.locator(f'#downloads a[data-format="{fmt}"]')
        expect(button).to_be_visible()
        expect(button).to_have_attribute("href", f"/api/export/events/{fmt}?story={story_id}")
    with page.expect_download() as info:
        page.locator('#downloads a[data-format="csv"]').click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(str(target))
    assert target.name == "newsevents-events.csv"
    assert {r["key"] for r in csv.DictReader(io.StringIO(target.read_text("utf-8")))} == expected
    with page.expect_download() as info:
        page.locator('#downloads a[data-format="geojson"]').click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(str(target))
    assert {f["id"] for f in json.loads(target.read_text("utf-8"))["features"]} == expected
