"""Property tests (Hypothesis) over the whole pipeline and the store.

* ``newsevents.extract`` on arbitrary Unicode text returns a valid newsevents/1 document (schema and
  every evidence span slicing the text) or raises only the coded "empty" error;
* what the store saves, it gives back unchanged.
"""
from __future__ import annotations

import itertools
import os
import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsevents
from newsevents.contract import iter_spans
from newsevents.errors import NewsEventsError
from newsevents.ingest.text import clean, split_via

# Pieces of news prose, so that generated texts reach the extractors (entities, events, quotes,
# places, dates, casualties), mixed with arbitrary Unicode between and inside them.
FRAGMENTS = [
    "Police arrested two men in Mitrovica on Tuesday. ", "\"We will respond,\" the minister said. ",
    "Russian forces shelled Kharkiv, killing 5 civilians and wounding 12, officials said. ",
    "\u201cNo comment,\u201d said Ana Brnabic. ", "On 13 October 2021, ", "NATO ", "KFOR troops ", "in Aleppo ",
    "at least 30 people were killed ", "protesters blocked the road ", "according to the ministry. ",
    "Via https://example.org/x", "\n\n", "\"", "\u201c", "(", ")", "'", " - ", "\u00a0", "\u200b", "\u202e",
    "\U0001F525", "\u0627\u0644\u0634\u0631\u0637\u0629 ", "12,000 ", "1999 ", "Mr. ", "U.S. ", "e.g. ",
]
ANY_CHAR = st.characters(codec="utf-8") | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
NEWSY = st.lists(st.sampled_from(FRAGMENTS) | st.text(ANY_CHAR, max_size=12), max_size=16).map("".join)
TEXTS = NEWSY | st.text(ANY_CHAR, max_size=300)


def _cleaned_is_empty(text: str) -> bool:
    body, _ = split_via(clean(text))
    return not body.strip()


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("NEWSEVENTS_PROPERTY_EXAMPLES", "80")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_extract_never_raises_and_every_offset_slices(nlp, text):
    try:
        doc = newsevents.extract(text, id="prop")
    except NewsEventsError as exc:
        assert exc.code == "E002" and _cleaned_is_empty(text), str(exc)
        return
    newsevents.validate(doc)
    for span in iter_spans({k: v for k, v in doc.items() if k != "text"}):
        assert doc["text"][span["start"]:span["end"]] == span["text"]
    assert not any(w["code"] == "E014" for w in doc["warnings"]), doc["warnings"]  # no extractor crashed
    json.dumps(doc, ensure_ascii=False).encode("utf-8")  # serialisable: no lone surrogates left


_ids = itertools.count()


@pytest.fixture(scope="module")
def memory_store():
    from newsevents.store import open_store

    store = open_store(":memory:")
    yield store
    store.close()


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=NEWSY, title=st.none() | st.text(ANY_CHAR, max_size=40),
       published=st.none() | st.dates().map(lambda d: d.isoformat()))
@example(text="Police arrested two men in Mitrovica.\ud800", title="T\udc00", published=None)
def test_store_round_trip_of_the_contract(nlp, memory_store, text, title, published):
    try:
        doc = newsevents.extract(text, id=f"rt{next(_ids)}", title=title, published=published)
    except NewsEventsError:
        return
    title = doc["article"]["title"]
    assert title is None or isinstance(title, str)
    outcome = memory_store.save(json.loads(json.dumps(doc)))
    back = memory_store.article(outcome.article_id)
    assert back is not None
    if outcome.status == "stored":
        assert back == doc
    else:  # the same text was generated before: stored once, under the first id
        assert outcome.status == "unchanged" and back["text"] == doc["text"]
    newsevents.validate(back)
