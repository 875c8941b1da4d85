"""Matching rules shared by the scorers: token overlap, name matching, sentences, distances.

The rules follow ``docs/evaluation.md`` (and the gold format's scoring conventions):

* **token overlap** of two texts: the size of the (multiset) intersection of their lower-cased word
  tokens divided by the token count of the shorter text;
* **speaker names** (quotes): a predicted name is right when, case- and accent-insensitively and
  after dropping a leading "the" and a trailing possessive, it equals one of the accepted names, or its last token
  equals the last token of the canonical (first) accepted name;
* **actor names** (events): the speaker rule, plus containment either way at token level ("police"
  is inside "Kosovo police", "Kosovo police spokesman" contains "Kosovo police").
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from typing import Iterable, Sequence

_WORD = re.compile(r"\w+", re.UNICODE)
_LEAD = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|')$")
# Tokens too generic to make a name match on their own (containment / last-token rules).
_GENERIC = frozenset({"the", "a", "an", "of", "and", "in", "on", "for", "to", "s"})


def fold(text: str | None) -> str:
    """Case-folded text without diacritics ("Vučić" → "vucic")."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokens(text: str | None) -> list[str]:
    """Case-folded word tokens of ``text``, diacritics and punctuation dropped."""
    return _WORD.findall(fold(text))


def token_overlap(a: str | None, b: str | None) -> float:
    """|tokens(a) ∩ tokens(b)| / min(|tokens(a)|, |tokens(b)|); 0.0 when either is empty."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    shorter = min(sum(ta.values()), sum(tb.values()))
    if not shorter:
        return 0.0
    return sum((ta & tb).values()) / shorter


def normalise_name(name: str | None) -> str:
    """Case-folded name without a leading article, a trailing possessive or extra spaces."""
    text = (name or "").replace("’", "'").strip()
    text = _LEAD.sub("", text)
    text = _POSSESSIVE.sub("", text).strip(" .,;:")
    return fold(re.sub(r"\s+", " ", text))


def _last_token(name: str) -> str | None:
    toks = tokens(normalise_name(name))
    return toks[-1] if toks else None


def speaker_matches(predicted: str | None, accepted: Sequence[str]) -> bool:
    """The quote-speaker rule: equal to an accepted name, or same last token as the canonical one."""
    if not predicted or not accepted:
        return False
    pred = normalise_name(predicted)
    if not pred:
        return False
    if any(pred == normalise_name(name) for name in accepted):
        return True
    last = _last_token(predicted)
    return last is not None and last not in _GENERIC and last == _last_token(accepted[0])


def _contains(outer: list[str], inner: list[str]) -> bool:
    if not inner or len(inner) > len(outer) or all(t in _GENERIC for t in inner):
        return False
    n = len(inner)
    return any(outer[i:i + n] == inner for i in range(len(outer) - n + 1))


def name_matches(predicted: str | None, accepted: Sequence[str]) -> bool:
    """The actor rule: :func:`speaker_matches`, or token containment either way with an accepted name."""
    if speaker_matches(predicted, accepted):
        return True
    pred = tokens(normalise_name(predicted))
    if not pred:
        return False
    for name in accepted:
        gold = tokens(normalise_name(name))
        if _contains(pred, gold) or _contains(gold, pred):
            return True
    return False


def any_name_matches(predicted: Iterable[str | None], accepted: Sequence[str]) -> bool:
    return any(name_matches(name, accepted) for name in predicted)


def find_all(text: str, needle: str | None) -> list[tuple[int, int]]:
    """Every ``(start, end)`` where ``needle`` occurs in ``text`` (exactly)."""
    if not needle:
        return []
    spans, start = [], text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n|\n")
_ABBREV = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Gov|Sen|Rep|St|Jan|Feb|Mar|Apr|Jun|Jul|"
                     r"Aug|Sep|Sept|Oct|Nov|Dec|No|vs|U\.S|U\.N|U\.K|Inc|Ltd|Co|Corp)\.)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """A plain rule-based sentence splitter, used when no parsed sentences are given.

    The evaluation driver passes spaCy's own sentences instead; this fallback keeps the scorers
    usable on stored contract documents."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREV.search(text[start:match.start()]):
            continue
        if text[start:match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentences_of(span: tuple[int, int], sentences: Sequence[tuple[int, int]]) -> set[int]:
    """Indexes of the sentences that ``span`` overlaps (the one holding its start for empty spans)."""
    start, end = span
    hit = {i for i, (s, e) in enumerate(sentences) if s < max(end, start + 1) and start < e}
    return hit


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def max_bipartite(candidates: dict[int, list[int]]) -> dict[int, int]:
    """Maximum one-to-one matching ``gold index → predicted index`` (Kuhn's augmenting paths).

    ``candidates[g]`` lists the predictions gold item ``g`` may match, best first."""
    owner: dict[int, int] = {}

    def assign(g: int, seen: set[int]) -> bool:
        for p in candidates.get(g, []):
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or assign(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in sorted(candidates):
        assign(g, set())
    return {g: p for p, g in owner.items()}


def max_weight_matching(weights: dict[int, dict[int, float]]) -> dict[int, int]:
    """Optimal one-to-one matching ``gold index → predicted index`` maximising the total weight
    (Hungarian algorithm). ``weights[g][p]`` is the value of pairing ``g`` with ``p`` (only listed
    pairs may match). Give every allowed pair a large base weight to get a maximum matching first
    and, among those, the best pairs."""
    rows = sorted(g for g, ws in weights.items() if ws)
    cols = sorted({p for ws in weights.values() for p in ws})
    if not rows or not cols:
        return {}
    transpose = len(rows) > len(cols)
    if transpose:
        rows, cols = cols, rows

    def value(r: int, c: int) -> float | None:
        g, p = (c, r) if transpose else (r, c)
        return weights.get(g, {}).get(p)

    n, m = len(rows), len(cols)
    top = max(w for ws in weights.values() for w in ws.values())
    # cost matrix (1-indexed): allowed pairs cost top - w; others more than any set of allowed ones
    cost = [[0.0] * (m + 1)] + [[0.0] + [(top - v) if (v := value(rows[i], cols[j])) is not None else (top + 1) * (n + 2)
                                          for j in range(m)] for i in range(n)]
    inf = float("inf")
    u, v_, way = [0.0] * (n + 1), [0.0] * (m + 1), [0] * (m + 1)
    match_col = [0] * (m + 1)  # column j → row
    for i in range(1, n + 1):
        match_col[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match_col[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0][j] - u[i0] - v_[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match_col[j]] += delta
                    v_[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match_col[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match_col[j0] = match_col[j1]
            j0 = j1
    out: dict[int, int] = {}
    for j in range(1, m + 1):
        i = match_col[j]
        if i and value(rows[i - 1], cols[j - 1]) is not None:
            g, p = (cols[j - 1], rows[i - 1]) if transpose else (rows[i - 1], cols[j - 1])
            out[g] = p
    return out
