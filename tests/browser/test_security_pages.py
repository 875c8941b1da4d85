"""Security of the pages in a real headless Chromium (#17): DNS rebinding (a page on a name resolved
to the server's loopback address) reads and writes nothing (17.2); an unterminated right-to-left
override in an outlet's or an actor's name does not reverse the text shown after it (17.6); an id
with a '/' or '..' still links to its own event (17.7); "/\\evil.invalid/x" is no same-site link (17.8).

The server runs in a thread on a free localhost port over a store of hand-made documents (no spaCy).
"""
from __future__ import annotations

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

from playwright.sync_api import sync_playwright  # noqa: E402

from contract_docs import kosovo_doc  # noqa: E402

RLO = "\u202e"
BIDI_ID = "bidi-demo"
SLASH_ID = "slash/../../etc/passwd"


def bidi_doc() -> dict:
    """The reference demo article with an unterminated U+202E in its outlet, title, actor names and
    speaker, and a link written "/\\evil.invalid/x"."""
    doc = kosovo_doc(BIDI_ID, suffix=" Filed late.")
    doc["article"].update(outlet=f"Evil{RLO} News", title=f"Raid{RLO} report", published="2021-10-19",
                          url="/\\evil.invalid/x")
    for event in doc["events"]:
        for actor in event["actor"] + event["recipient"]:
            actor["name"] = f"{actor['name']}{RLO}"
    doc["quotes"][0]["speaker"]["name"] = f"Josep{RLO} Borrell"
    doc["quotes"][0]["via"] = [{"name": "wire", "url": "/\\evil.invalid/via", "kind": None, "evidence": None}]
    return doc

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
        # the rebinding: the attacker's name now resolves to this machine
        "--host-resolver-rules=MAP attacker.example 127.0.0.1",
        # Chromium's own Private Network Access checks would stop some of these requests first: the
        # test is about what the server does, as with a browser that has none
        "--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,"
        "PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks"]


def _count(db: str) -> int:
    from newsevents.store import open_store

    store = open_store(db)
    try:
        return store.stats()["articles"]
    finally:
        store.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from newsevents.store import open_store
    from newsevents.web.app import create_app

    db = str(tmp_path_factory.mktemp("security-browser") / "security.db")
    store = open_store(db)
    try:
        assert store.save(kosovo_doc()).status == "stored"
        assert store.save(bidi_doc()).status == "stored"
        # an id stored before the id rule (ingest now replaces the '/'): pages must still link to it
        assert store.save(kosovo_doc(SLASH_ID, suffix=" Slash.")).status == "stored"
    finally:
        store.close()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:  # a server that cannot start ends its thread
            assert thread.is_alive(), "uvicorn did not start"
            time.sleep(0.05)
        yield {"db": db, "port": port, "url": f"http://127.0.0.1:{port}"}
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


ATTACK = """<!doctype html><title>cute cats</title><script>
window.results = (async () => {
  const out = {};
  try {
    const read = await fetch("/api/articles");
    out.read = read.status; out.readBody = await read.text();
  } catch (e) { out.read = "failed: " + e; }
  try {
    const write = await fetch("/api/articles", {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({text: "Rebinding wrote this. Police arrested two men in Pristina.", id: "rebound"})});
    out.write = write.status; out.writeBody = await write.text();
  } catch (e) { out.write = "failed: " + e; }
  return out;
})();
</script>"""


def test_a_rebound_page_reads_and_stores_nothing(server, browser):
    port = server["port"]
    before = _count(server["db"])
    context = browser.new_context()
    page = context.new_page()
    try:
        # the attacker's own server answered the first load of the page (before the name was rebound)
        page.route(f"http://attacker.example:{port}/", lambda route: route.fulfill(
            status=200, content_type="text/html", body=ATTACK))
        page.goto(f"http://attacker.example:{port}/")
        results = page.evaluate("window.results")
        assert results["read"] == 400 and "E033" in results["readBody"], results
        assert "kosovo" not in results["readBody"].lower()
        assert results["write"] == 400 and "E033" in results["writeBody"], results
        # loading the server's own pages under the rebound name is refused too
        response = page.goto(f"http://attacker.example:{port}/events")
        assert response.status == 400
    finally:
        context.close()
    assert _count(server["db"]) == before


def test_the_servers_own_pages_still_work(server, browser):
    context = browser.new_context()
    page = context.new_page()
    try:
        for origin in (server["url"], f"http://localhost:{server['port']}"):
            response = page.goto(f"{origin}/articles")
            assert response.status == 200
            page.wait_for_selector("text=Kosovo", timeout=20_000)
    finally:
        context.close()


# ------------------------------------------------------------------------------- 17.6 bidi

POSITIONS = """([selector, needle]) => {
  const root = document.querySelector(selector);
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf(needle);
    if (at < 0) continue;
    const xs = [];
    for (let k = 0; k < needle.length; k++) {
      const range = document.createRange();
      range.setStart(node, at + k); range.setEnd(node, at + k + 1);
      xs.push(range.getBoundingClientRect().left);
    }
    return xs;
  }
  return null;
}"""


def reads_left_to_right(page, selector: str, needle: str) -> list[float]:
    page.wait_for_function("([s, n]) => document.querySelector(s) && document.querySelector(s).textContent.includes(n)",
                           arg=[selector, needle], timeout=20_000)
    xs = page.evaluate(POSITIONS, [selector, needle])
    assert xs is not None, (selector, needle)
    return xs


def increasing(xs: list[float]) -> bool:
    return all(a < b for a, b in zip(xs, xs[1:]))


@pytest.fixture
def tab(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=server["url"])
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    try:
        yield page
        assert page.errors == []
    finally:
        context.close()


def test_an_unterminated_override_does_not_reverse_the_date_after_it(tab):
    tab.goto(f"/articles/{BIDI_ID}")
    xs = reads_left_to_right(tab, "#article-head .byline", "2021-10-19")
    assert increasing(xs), f"the date after the outlet's U+202E is drawn reversed: {xs}"


def test_actor_names_are_isolated_on_the_event_page_and_the_dashboard(tab):
    tab.goto(f"/events/{BIDI_ID}/evt3")
    xs = reads_left_to_right(tab, "#event h1", "Pristina")
    assert increasing(xs), f"the recipient after an actor's U+202E is drawn reversed: {xs}"
    xs = reads_left_to_right(tab, "#event", "2021-10-19")
    assert increasing(xs), xs
    tab.goto(f"/articles/{BIDI_ID}")
    xs = reads_left_to_right(tab, "#extracted", "Pristina")
    assert increasing(xs), xs


# ------------------------------------------------------------------------- 17.7 / 17.8 links

def test_ids_are_encoded_in_every_link(tab):
    tab.goto(f"/articles/{SLASH_ID.replace('/', '%2F')}")
    link = tab.locator('a:has-text("event page")').first
    link.wait_for(timeout=20_000)
    link.click()
    tab.wait_for_url("**/events/**")
    assert "/etc/passwd" not in tab.url.replace("%2F", "/").split("/events/", 1)[0]
    tab.locator("#event h1").wait_for(timeout=20_000)
    assert "Not found" not in tab.locator("#event").inner_text()


def test_a_backslash_path_is_not_a_same_site_link(tab):
    tab.goto(f"/articles/{BIDI_ID}")
    tab.locator("#article-head h1").wait_for(timeout=20_000)
    hrefs = tab.evaluate("[...document.querySelectorAll('a')].map((a) => a.href)")
    assert not any("evil.invalid" in href for href in hrefs), hrefs
    assert tab.evaluate("NE.safeUrl('/\\\\evil.invalid/x')") is None
    assert tab.evaluate("NE.safeUrl('\\\\evil.invalid')") is None
    assert tab.evaluate("NE.safeUrl('/events?type=ASSAULT')") == "/events?type=ASSAULT"
    assert tab.evaluate("NE.safeUrl('https://example.org/a')") == "https://example.org/a"
    assert tab.evaluate("NE.safeUrl('//evil.invalid/x')") is None
    assert tab.evaluate("NE.safeUrl('javascript:alert(1)')") is None
