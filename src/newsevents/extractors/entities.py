"""Entities: spaCy NER mentions merged per article into one entity with all its mentions.

"Ana Brnabic", "Brnabic" and "Brnabic's" become one PERSON; "the European Union" and "EU" one
ORG. The merge is conservative: a short name joins a longer one only when it is unambiguous
(exactly one longer candidate ends with, or is abbreviated to, it).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .registry import extractor

KEEP_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_NAMEISH = re.compile(r"^[A-Z][\w\-’'.]*(?:\s+[A-Z][\w\-’'.]*)*$")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a mention without a leading "the" and a trailing possessive."""
    span = text[start:end]
    lead = _LEAD.match(span)
    if lead:
        start += lead.end()
    while start < end and text[start] in "\"“”‘’'«»„ ":
        start += 1  # a quotation mark the NER took into the name ("“ Gul Rahman")
    span = text[start:end]
    poss = _POSSESSIVE.search(span)
    if poss and poss.start() > 0:
        end = start + poss.start()
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ")":
        end -= 1
    return start, end


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def cluster_mentions(mentions: list[tuple[int, int, str, str]]) -> list[list[tuple[int, int, str, str]]]:
    """Group ``(start, end, text, label)`` mentions into entities."""
    groups: dict[str, list] = {}
    for mention in mentions:
        groups.setdefault(_key(mention[2]), []).append(mention)
    names = list(groups)
    person_like = {n for n in names if any(m[3] == "PERSON" for m in groups[n])}
    parent: dict[str, str] = {}
    for short in sorted(names, key=len):
        short_tokens = short.split()
        candidates = []
        for long in names:
            if long == short or len(long) <= len(short):
                continue
            long_tokens = long.split()
            while len(long_tokens) > 2 and long_tokens[-1].rstrip(".") in _SUFFIXES:
                long_tokens = long_tokens[:-1]  # "Ferdinand Marcos Jr." ends with "Marcos"
            if long in person_like and len(short_tokens) < len(long_tokens) and long_tokens[-len(short_tokens):] == short_tokens:
                candidates.append(long)
            elif long in person_like and len(short_tokens) == 1 and short_tokens[0] == long_tokens[0] and short in person_like \
                    and not any(m[3] != "PERSON" for m in groups[short]):
                candidates.append(long)  # first name alone, tagged PERSON
            elif len(short_tokens) == 1 and short.upper() == short.upper() and groups[short][0][2].isupper() \
                    and len(short) >= 2 and _initials(groups[long][0][2]).lower() == short:
                candidates.append(long)  # acronym: EU ← European Union
        roots = {_root(parent, c) for c in candidates}
        if len(roots) == 1:
            parent[short] = roots.pop()
    clusters: dict[str, list] = {}
    for name in names:
        clusters.setdefault(_root(parent, name), []).extend(groups[name])
    return [sorted(ms) for ms in clusters.values()]


def _root(parent: dict[str, str], name: str) -> str:
    while name in parent:
        name = parent[name]
    return name


def _label(mentions) -> str:
    labels = Counter(m[3] for m in mentions)
    longest = max(mentions, key=lambda m: (len(m[2].split()), m[1] - m[0]))
    if longest[3] == "PERSON" and len(longest[2].split()) > 1:
        return "PERSON"
    return labels.most_common(1)[0][0]


def _name(mentions, label: str) -> str:
    same = [m for m in mentions if m[3] == label] or mentions
    counts = Counter(m[2] for m in same)
    return max(counts, key=lambda n: (len(n.split()), counts[n], len(n)))


@extractor("entities")
def extract_entities(doc, result) -> None:
    """Named entities (PERSON, ORG, GPE, NORP, LOC, FAC, …), one per real-world referent."""
    text = result.text
    mentions = []
    for ent in _fixed_spans(doc):
        if ent.label_ not in KEEP_LABELS:
            continue
        start, end = trim(text, ent.start_char, ent.end_char)
        if end <= start or not any(ch.isalpha() for ch in text[start:end]):
            continue
        mentions.append((start, end, text[start:end], ent.label_))
    mentions.extend(_media_names(doc, text, mentions))
    by_span = {}
    for m in mentions:
        by_span.setdefault((m[0], m[1]), m)
    clusters = cluster_mentions(list(by_span.values()))
    covered = _coverage(text, by_span)
    clusters = [_given_names(doc, text, ms + _repeats(text, ms, covered)) for ms in clusters]
    clusters.sort(key=lambda ms: ms[0][0])
    for ms in clusters:
        label = _label(ms)
        first = ms[0]
        result.add("entities", {
            "name": _name(ms, label),
            "label": label,
            "mentions": [result.evidence(m[0], m[1]) for m in ms],
            "evidence": result.evidence(first[0], first[1]),
        })


@lru_cache(maxsize=1)
def _name_words() -> dict[str, frozenset[str]]:
    """Titles, ranks, name particles and platforms from ``data/quote_cues.json``."""
    from .. import datafiles
    raw = datafiles.document("quote_cues.json")
    nouns = raw["nouns"]
    low = lambda key: frozenset(w.lower() for w in nouns[key])  # noqa: E731
    return {"titles": low("person_titles") | low("ranks") | low("honorifics"),
            "particles": low("name_particles"),
            "platforms": frozenset(p.lower() for p in raw["platforms"] if len(p) > 2)}


def _fixed_spans(doc) -> list:
    """spaCy's entity spans with three general repairs of person names: titles and ranks before a
    name are not part of it ("Col. Assimi Goita" → "Assimi Goita", "Sheikh Tamim …" → "Tamim …"); a
    name runs on over its particles ("Ursula von der" + "Leyen" → "Ursula von der Leyen"); a surname
    takes the capitalised given name the NER left out (see :func:`_given_names`). A social platform
    ("Twitter", often tagged PERSON) is an organisation."""
    words = _name_words()
    ents = list(doc.ents)
    taken = {}
    for k, ent in enumerate(ents):
        for i in range(ent.start, ent.end):
            taken[i] = k
    out = []
    drop = set()
    for k, ent in enumerate(ents):
        if k in drop:
            continue
        label = ent.label_
        start, end = ent.start, ent.end
        bare = _POSSESSIVE.sub("", ent.text.strip()).lower()
        if bare in words["platforms"] and label != "ORG":
            out.append(_span(doc, start, end, "ORG"))
            continue
        if label == "PERSON":
            while end - start > 1 and (doc[start].lower_.rstrip(".") in words["titles"] and doc[start].text[:1].isupper()
                                       or doc[start].text in (".", "-")):
                start += 1
            # particles: "von der" + "Leyen", "bin" + "Salman"
            while end < len(doc) and end - ent.end < 4:
                t = doc[end]
                last = doc[end - 1]
                if t.lower_ in words["particles"] and t.text.islower() and end + 1 < len(doc) \
                        and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha:
                    end += 1
                elif last.lower_ in words["particles"] and last.text.islower() and t.text[:1].isupper() and t.is_alpha:
                    if end in taken and taken[end] != k:
                        other = ents[taken[end]]
                        if other.end > end + 1 or other.label_ in ("PERSON",):
                            break
                        drop.add(taken[end])
                    end += 1
                else:
                    break
            if doc[end - 1].lower_ in words["particles"] and end - start > 1:
                end -= 1
            if start != ent.start or end != ent.end:
                out.append(_span(doc, start, end, label))
                continue
        out.append(ent)
    return [e for i, e in enumerate(out) if e is not None]


def _given_names(doc, text: str, cluster: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """A person named by surname alone takes the given name the NER left out before it:
    "The envoy, Volker Perthes, …" when only a later "Perthes" was tagged → "Volker Perthes" (a
    capitalised proper noun compounded to the surname, in no entity, not a title)."""
    if _label(cluster) != "PERSON":
        return cluster
    titles = _name_words()["titles"]
    out = []
    for m in cluster:
        span = doc.char_span(m[0], m[1])
        if span is not None and len(span) == 1 and span.start > 0:
            g = doc[span.start - 1]
            if g.pos_ == "PROPN" and g.is_alpha and g.text.istitle() and g.whitespace_ == " " and not g.ent_type_ \
                    and g.dep_ == "compound" and g.head.i == span.start and g.lower_ not in titles \
                    and not any(o[0] <= g.idx < o[1] for o in cluster):
                m = (g.idx, m[1], text[g.idx:m[1]], m[3])
        out.append(m)
    return sorted(out)


def _span(doc, start: int, end: int, label: str):
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def entity_at(result, start: int, end: int) -> dict | None:
    """The entity one of whose mentions overlaps ``[start, end)`` (the longest overlap wins)."""
    best, best_overlap = None, 0
    for entity in result.entities:
        for m in entity["mentions"]:
            overlap = min(end, m["end"]) - max(start, m["start"])
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
    return best


MEDIA_HEADS = {"portal", "newspaper", "agency", "broadcaster", "television", "tv", "daily", "website",
               "outlet", "magazine", "radio", "channel", "network", "weekly", "site"}


def _media_names(doc, text: str, mentions) -> list[tuple[int, int, str, str]]:
    """"The Kosovo Online news portal" → ORG "Kosovo Online" (NER often misses media names)."""
    taken = [(m[0], m[1]) for m in mentions]
    out = []
    for token in doc:
        if token.lower_ not in MEDIA_HEADS or token.i == 0:
            continue
        i = token.i - 1
        if doc[i].lower_ in {"news", "state", "press", "online"} and doc[i].is_lower:
            i -= 1
        j = i
        while j >= 0 and doc[j].is_title and doc[j].pos_ in {"PROPN", "NOUN", "ADJ"}:
            j -= 1
        if j == i or i - j < 2 and doc[i].ent_type_ in {"GPE", "NORP"}:
            continue  # "Serbian state TV" is a descriptor, not a name
        start, end = doc[j + 1].idx, doc[i].idx + len(doc[i])
        start, end = trim(text, start, end)
        if any(s <= start < e or start <= s < end for s, e in taken):
            taken_labels = [m for m in mentions if m[0] <= start < m[1] or start <= m[0] < end]
            if all(m[1] - m[0] >= end - start for m in taken_labels):
                continue
        out.append((start, end, text[start:end], "ORG"))
    return out


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _coverage(text: str, by_span) -> bytearray:
    """One byte per character of ``text``: 1 where a mention of the NER lies."""
    covered = bytearray(len(text))
    for a, b in by_span:
        covered[a:b] = b"\x01" * (b - a)
    return covered


def _repeats(text: str, cluster, covered: bytearray) -> list[tuple[int, int, str, str]]:
    """Further occurrences of a cluster's names that NER missed ("Elek was quoted …")."""
    names = {m[2] for m in cluster if _NAMEISH.match(m[2]) and len(m[2]) > 2}
    label = cluster[0][3]
    if label == "PERSON" or any(m[3] == "PERSON" for m in cluster):
        names |= {m[2].split()[-1] for m in cluster if m[3] == "PERSON" and len(m[2].split()) > 1}
    added: list[tuple[int, int]] = []
    out = []
    for name in sorted(names, key=lambda n: (-len(n), n)):  # a full name before its surname
        s = text.find(name)
        while s != -1:  # whole-word occurrences (str.find: linear and fast on long articles)
            e = s + len(name)
            if not (s > 0 and _word_char(text[s - 1]) or e < len(text) and _word_char(text[e])) \
                    and covered.find(1, s, e) == -1 and not any(a < e and s < b for a, b in added):
                added.append((s, e))
                out.append((s, e, name, label))
            s = text.find(name, s + 1)
    return out
