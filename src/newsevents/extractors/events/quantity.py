"""Counts from number modifiers: "six", "36", "a dozen", "dozens of", "more than 20", "3,000"."""
from __future__ import annotations

import re

_DIGITS = re.compile(r"^\d{1,3}(?:[,.]\d{3})*$|^\d+$")


def word_count(words: list[str]) -> tuple[int | None, bool]:
    from .lexicon import lexicon
    q = lexicon().quantities
    total, approx = None, False
    i = 0
    while i < len(words):
        w = words[i].lower().replace("-", " ")
        two = f"{w} {words[i + 1].lower()}" if i + 1 < len(words) else None
        if two and two in q:
            n, a = q[two]
            approx = approx or a
            if n:
                total = n if total is None else total * n if n >= 100 else total + n
            i += 2
            continue
        if _DIGITS.match(w):
            total = int(re.sub(r"[,.]", "", w)) if total is None else total * int(re.sub(r"[,.]", "", w))
        elif w in q:
            n, a = q[w]
            approx = approx or a
            if n:
                if total is not None and n >= 100:
                    total *= n
                elif total is not None:
                    total += n
                else:
                    total = n
        elif " " in w and all(p in q for p in w.split()):
            total = sum(q[p][0] for p in w.split())
        i += 1
    return total, approx


def count_of(noun) -> tuple[int | None, bool, tuple[int, int] | None]:
    """``(count, approximate, (start, end))`` of the number modifying ``noun`` (or None)."""
    nums = [c for c in noun.children if c.dep_ in ("nummod", "quantmod") or (c.dep_ == "det" and c.lower_ in ("a", "an", "one"))
            or (c.dep_ == "compound" and c.pos_ == "NUM" and c.i < noun.i)]  # "Eleven attackers" (compound)
    # "dozens of protesters": the noun is the object of "of" under the quantity word
    if not nums and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        q = noun.head.head
        from .lexicon import lexicon
        if q.lower_ in lexicon().quantities or q.like_num:
            toks = sorted([q] + [c for c in q.children if c.dep_ in ("nummod", "quantmod", "advmod", "amod", "det")], key=lambda t: t.i)
            n, a = word_count([t.text for t in toks])
            if q.lower_ in ("dozens", "hundreds", "thousands", "scores"):
                a = True
            return n, a, (toks[0].idx, q.idx + len(q))
    if not nums:
        return None, False, None
    toks = []
    for n in nums:
        toks.extend(n.subtree)
    toks = sorted(set(toks), key=lambda t: t.i)
    words = [t.text for t in toks if t.dep_ != "punct"]
    n, a = word_count(words)
    if n is None:
        return None, False, None
    if nums[0].dep_ == "det" and len(nums) == 1 and nums[0].lower_ in ("a", "an") and noun.tag_ in ("NNS", "NNPS"):
        return None, False, None
    return n, a, (toks[0].idx, toks[-1].idx + len(toks[-1]))
