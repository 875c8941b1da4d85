"""Hand-made documents for the web tests: an article whose text and extracted values try to inject
markup and script (they validate against the schema, so a store accepts them)."""
from __future__ import annotations

from contract_docs import actor, event, make_doc, span

# Every payload sets window.__pwned and opens a dialog if it ever runs.
SCRIPT = '<script>window.__pwned = 1; alert("script ran")</script>'
IMG = '<img src=x onerror="window.__pwned = 2; alert(\'img ran\')">'
SVG = '<svg onload="window.__pwned = 3; alert(\'svg ran\')"></svg>'

MALICIOUS_TEXT = (f"Police in Mitrovica arrested a man who posted {SCRIPT} on a forum. "
                  f"He later wrote {IMG} and {SVG} in a comment. "
                  f"\u201cThis is an attack,\u201d said {IMG}.")


def malicious_doc(article_id: str = "evil-article") -> dict:
    text = MALICIOUS_TEXT
    places = [{"id": "plc1", "name": f"Mitrovica {IMG}", "geonameid": None, "lat": 42.8914, "lon": 20.866,
               "country": "XK", "admin1": None, "feature": "city", "evidence": span(text, "Mitrovica"),
               "mentions": [span(text, "Mitrovica")]}]
    events = [event(text, 1, "COERCE", "Police in Mitrovica arrested a man", trigger="arrested",
                    actors=[actor(f"Police {SCRIPT}", "COP", "XKX", "XK")], recipients=[actor(IMG, "CIV")],
                    place={"id": "plc1"}, date={"value": "2021-10-14", "precision": "day"}, mode=SVG)]
    quote_text = "This is an attack,"
    quote = {"id": "quo1", "kind": "direct", "text": quote_text, "start": text.index(quote_text),
             "end": text.index(quote_text) + len(quote_text), "speaker": {"name": IMG, "entity": None, "role": SCRIPT},
             "cue": span(text, "said"), "via": [{"name": SCRIPT, "url": "javascript:alert('via')", "kind": None,
                                                 "evidence": None}],
             "evidence": span(text, f"\u201c{quote_text}\u201d")}
    doc = make_doc(article_id, text, title=f"Forum post {SCRIPT}", events=events, places=places, quotes=[quote])
    doc["article"]["url"] = "javascript:alert('url ran')"
    doc["article"]["outlet"] = IMG
    return doc
