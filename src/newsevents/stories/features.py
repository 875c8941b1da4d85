"""What the stories stage reads from one stored ``newsevents/1`` document: its *features*.

Features depend on the document alone (never on the rest of the store), so the similarity of two
articles, and with it every story, is the same whatever else is stored and in whatever order it
came. They are kept in the store as one JSON object per article (``story_features.features``), so
building stories never parses an article again.

Channels (each a sparse vector of unit length; similarity is a weighted sum of cosines):

- ``lead``: stems of the content words of the title and the first ``LEAD_WORDS`` words of the text,
  each weighted by its rarity in general English (``7 - zipf frequency`` from ``wordfreq``: "said"
  weighs 1, "earthquake" 2.9, "Sukanya" 7). The lead is where a news report says what happened,
  to whom, where and when; the rest of an article is background that reports of *different*
  incidents of one kind share.
- ``entities``: named participants and places (spaCy entities other than dates and numbers), by
  mention count and rarity; a person also counts under their surname ("Klitschko").
- ``numbers``: the numbers the text gives (death tolls, scores, ages, magnitudes), years left out.

Besides: explicit calendar days the text names (``days``), the publication day (``day``), the
outlet (``source``), a MinHash signature of word shingles (near-duplicate copies, see
:mod:`.duplicates`), blocking keys (:mod:`.blocking`) and a compact list of the event mentions
(:mod:`.events`).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from functools import lru_cache
from urllib.parse import urlsplit

LEAD_WORDS = 60                    # title + this many words of text make the lead
TOP_ENTITY_KEYS = 8                # blocking keys taken from the heaviest entities …
TOP_LEAD_KEYS = 6                  # … and from the heaviest lead terms
NOT_PARTICIPANTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# what the similarity of two articles reads (loaded for every candidate); the rest is for summaries
MATCH = ("lead", "entities", "numbers", "days", "day", "minhash")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # the list only: no model is loaded
    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer: the Snowball English stemmer, in C
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=200_000)
def rarity(word: str) -> float:
    """How much a word tells: 7 minus its Zipf frequency in general English, at least 0.3."""
    from wordfreq import zipf_frequency
    return max(0.3, 7.0 - zipf_frequency(word, "en"))


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens."""
    return [m.group().lower() for m in _WORD.finditer(text or "")]


def unit(counts: dict[str, float], *, sublinear: bool = True) -> dict[str, float]:
    """Scale a sparse vector to unit length (counts above 1 dampened to 1 + log)."""
    vec = {k: (1.0 + math.log(v) if sublinear and v > 1 else v) for k, v in counts.items() if v > 0}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: round(v / norm, 5) for k, v in vec.items()} if norm else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _terms(tokens: list[str], numbers_only: bool = False) -> tuple[Counter, Counter]:
    """Rarity-weighted content stems, and number tokens (years left out)."""
    stop = _stop_words()
    terms: Counter = Counter()
    numbers: Counter = Counter()
    for w in tokens:
        if w[0].isdigit():
            if not _YEAR.match(w):
                numbers[w] += 1
            continue
        if numbers_only or len(w) < 3 or w in stop:
            continue
        terms[stem(w)] += rarity(w)
    return terms, numbers


def _entity_key(name: str) -> str:
    return " ".join(words(name))


def _entities(doc: dict) -> Counter:
    out: Counter = Counter()
    for ent in doc.get("entities") or []:
        if not isinstance(ent, dict) or ent.get("label") in NOT_PARTICIPANTS:
            continue
        key = _entity_key(ent.get("name") or "")
        if not key or key[0].isdigit():
            continue
        weight = (1.0 + math.log(max(1, len(ent.get("mentions") or [None])))) * rarity(key.split()[-1])
        out[key] += weight
        if ent.get("label") == "PERSON" and " " in key:
            out[key.split()[-1]] += weight
    return out


def publication_day(published) -> int | None:
    """The publication day as a proleptic ordinal (days since 0001-01-01), or None."""
    if isinstance(published, str) and _DAY.match(published):
        try:
            return dt.date.fromisoformat(published[:10]).toordinal()
        except ValueError:
            return None
    return None


def _days(doc: dict) -> list[int]:
    """Calendar days the text names explicitly (or relative to a known publication date)."""
    anchored = bool(publication_day((doc.get("article") or {}).get("published")))
    days = set()
    for date in doc.get("dates") or []:
        value = date.get("value") if isinstance(date, dict) else None
        method = (date.get("method") or "") if isinstance(date, dict) else ""
        if not isinstance(value, str) or date.get("precision") not in ("day", "time"):
            continue
        if method == "explicit" or (anchored and method.startswith("relative:published")):
            day = publication_day(value)
            if day:
                days.add(day)
    return sorted(days)


def source_of(article: dict) -> str:
    """The outlet an article counts for: its outlet, else its URL's host, else the article itself."""
    outlet = article.get("outlet")
    if isinstance(outlet, str) and outlet.strip():
        return outlet.strip().lower()
    url = article.get("url")
    if isinstance(url, str) and url:
        host = urlsplit(url).hostname or ""
        if host:
            return host[4:] if host.startswith("www.") else host
    return f"article:{article.get('id')}"


def features(doc: dict) -> dict:
    """The features of one ``newsevents/1`` document (a JSON-serialisable dict)."""
    from .duplicates import signature
    from .mentions import all_casualties, mentions

    article = doc.get("article") or {}
    text = doc.get("text") or ""
    tokens = words(text)
    lead_tokens = words(article.get("title") or "") + tokens[:LEAD_WORDS]
    _, numbers = _terms(tokens, numbers_only=True)
    lead_terms, _ = _terms(lead_tokens)
    entities = _entities(doc)
    out = {
        "lead": unit(lead_terms),
        "entities": unit(entities, sublinear=False),
        "numbers": unit(numbers),
        "days": _days(doc),
        "day": publication_day(article.get("published")),
        "source": source_of(article),
        "minhash": signature(tokens),
        "mentions": mentions(doc),
        "casualties": all_casualties(doc),
        "article": {"id": article.get("id"), "title": article.get("title"), "published": article.get("published"),
                    "outlet": article.get("outlet"), "url": article.get("url"), "headline": headline(doc)},
    }
    out["keys"] = blocking_keys(out, entities, lead_terms)
    return out


def headline(doc: dict) -> str:
    """The article's title, else its first line of text (cut to 140 characters)."""
    title = (doc.get("article") or {}).get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    first = next((line.strip() for line in (doc.get("text") or "").splitlines() if line.strip()), "")
    return first if len(first) <= 140 else first[:139] + "…"


def blocking_keys(feats: dict, entities: Counter, lead_terms: Counter) -> list[str]:
    """Keys under which the article is filed: two articles are compared only if they share one."""
    from .duplicates import band_keys

    keys = {f"e:{k}" for k, _ in sorted(entities.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_ENTITY_KEYS]}
    keys |= {f"t:{k}" for k, _ in sorted(lead_terms.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_LEAD_KEYS]}
    keys |= set(band_keys(feats["minhash"]))
    return sorted(keys)
