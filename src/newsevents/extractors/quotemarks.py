"""Quotation marks: a character scan that pairs opening and closing marks, paragraph by paragraph.

Handles straight (``"`` ``'``), curly (“ ” ‘ ’), low-9 („ ‚) and guillemet (« » ‹ ›) marks, quotes
nested one inside another, and news-style quotations that run over several paragraphs (each
paragraph opens with a mark, only the last one closes). An apostrophe (``can’t``, ``Kosovo’s``,
``Firefighters’``, ``’90s``) is never taken for a mark. Marks that cannot be paired are dropped, one
at a time, until the rest pair up: unbalanced input yields the quotations that can be closed and
never raises. The scan is linear in the paragraph length (plus one rescan per unpaired mark, capped).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

DOUBLE = "\"“”„‟«»"
SINGLE = "'‘’‚‹›"
_MARK = re.compile(r"[\"“”„‟«»'‘’‚‹›]")
_CLOSE_FOLLOW = set(".,;:!?)]}—–-…/") | set(DOUBLE) | set(SINGLE)
_OPEN_PRECEDE = set("([{—–-/") | set(DOUBLE) | set(SINGLE)
_ELISIONS = re.compile(r"(?:em|til|cause|n|tis|twas|round)\b", re.IGNORECASE)
MAX_RESCANS = 50


@dataclass
class Quotation:
    """One top-level quotation: ``open``/``close`` are the offsets of its marks (``close`` is the
    paragraph end when the quotation runs on into the next paragraph), ``start``/``end`` the offsets
    of its content without the marks and surrounding blanks."""
    open: int
    close: int
    start: int
    end: int
    para: int
    mark: str
    continued: bool = False          # no closing mark: the quotation goes on in the next paragraph
    nested: list[tuple[int, int]] = field(default_factory=list)  # inner quotations (content offsets)

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark (or the paragraph end for a continued quotation)."""
        return self.close if self.continued else self.close + 1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every paragraph. A paragraph is a line; a line break inside a sentence
    (hard-wrapped text: the next line starts in lower case, or a long line stops on a comma or a
    word) joins the two lines. Blank lines always separate."""
    out: list[list[int]] = []
    pos = 0
    blank_before = True
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            s = pos + (len(line) - len(line.lstrip()))
            e = s + len(stripped)
            if out and not blank_before and _soft_wrap(text[out[-1][0]:out[-1][1]], stripped):
                out[-1][1] = e
            else:
                out.append([s, e])
            blank_before = False
        else:
            blank_before = True
        pos = end + 1
    return [(a, b) for a, b in out]


def _soft_wrap(prev: str, nxt: str) -> bool:
    first = nxt[0]
    if first.islower():
        return True
    return len(prev.rsplit("\n", 1)[-1]) >= 60 and prev[-1] in ",;(-–—"  # not a title line


def _classify(s: str, i: int) -> str | None:
    """'open', 'close', 'either' or None (an apostrophe / not a mark) for the mark at ``s[i]``."""
    ch = s[i]
    prev = s[i - 1] if i > 0 else " "
    nxt = s[i + 1] if i + 1 < len(s) else " "
    if ch == '"' and nxt == '"':
        nxt = s[i + 2] if i + 2 < len(s) else " "  # doubled (CSV-escaped) mark
    prev_space = prev.isspace() or prev in _OPEN_PRECEDE
    next_space = nxt.isspace() or nxt in _CLOSE_FOLLOW
    if ch in "“„‟‚‹":
        return "open"
    if ch in "”›":
        return "close"
    if ch == "«":
        return "open" if not (next_space and not prev_space) else "close"
    if ch == "»":
        return "close" if not (prev_space and not next_space) else "open"
    if ch == "‘":
        if prev.isalnum() and nxt.isalnum():
            return None  # misused as an apostrophe: can‘t
        return "open"
    if ch == '"':
        if prev_space and not next_space:
            return "open"
        if next_space and not prev_space:
            return "close"
        return "either"
    # ’ and ' : apostrophe, or a single quotation mark
    if prev.isalnum() and nxt.isalnum():
        return None  # can’t, Kosovo’s, we’ve
    if prev_space and not next_space:
        if nxt.isdigit() or _ELISIONS.match(s, i + 1):
            return None  # ’90s, ’em
        return "open"
    if next_space and not prev_space:
        return "close"
    return None


def _pair(s: str, offset: int, marks: list[tuple[int, str, str]]):
    """Pair classified marks with a stack. Returns (pairs, unclosed): pairs are (open, close, depth)
    in paragraph coordinates; unclosed are the stack entries left at the end."""
    stack: list[tuple[int, str, str]] = []  # (pos, char, family)
    pairs = []
    for pos, ch, role in marks:
        family = "D" if ch in DOUBLE else "S"
        if family == "D":
            if ch == "“" and any(f == "D" for _, _, f in stack) and \
                    next(c for _, c, f in reversed(stack) if f == "D") == "„":
                role = "close"  # German style „…“
            if role == "open" or (role == "either" and not any(f == "D" and c == '"' for _, c, f in stack)):
                stack.append((pos, ch, family))
                continue
            idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][2] == "D"), None)
            if idx is None:
                continue  # stray closing mark
            if ch == '"' and stack[idx][1] != '"':
                # a straight close while a curly mark is open: it closes a nested straight quote if one is open
                inner = next((k for k in range(len(stack) - 1, idx, -1) if stack[k][1] == '"'), None)
                idx = inner if inner is not None else idx
            opened = stack[idx]
            del stack[idx:]
            pairs.append((opened[0], pos, len(stack)))
        else:
            if role == "open":
                stack.append((pos, ch, family))
                continue
            # a single closing mark closes a single opened at the current level, else it is an apostrophe
            top_d = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][2] == "D"), -1)
            idx = next((k for k in range(len(stack) - 1, top_d, -1) if stack[k][2] == "S"), None)
            if idx is None:
                continue
            if s[pos - 1:pos] == "s" and _later_single_close(s, marks, pos):
                continue  # plural possessive (the officers’ cars) inside a single-quoted passage
            opened = stack[idx]
            del stack[idx:]
            pairs.append((opened[0], pos, len(stack)))
    return pairs, stack


def _later_single_close(s: str, marks, pos: int) -> bool:
    return any(p > pos and c in "’'" and r == "close" for p, c, r in marks)


def _scan_paragraph(text: str, start: int, end: int, next_opens: str | None):
    s = text[start:end]
    marks = []
    for m in _MARK.finditer(s):
        if m.group() == '"' and m.start() > 0 and s[m.start() - 1] == '"':
            continue  # a doubled straight mark (CSV escaping) counts once
        role = _classify(s, m.start())
        if role:
            marks.append((m.start(), m.group(), role))
    dropped: set[int] = set()
    pairs, unclosed = _pair(s, start, marks)
    rescans = 0
    continued_from = None
    while unclosed and rescans < MAX_RESCANS:
        bottom = unclosed[0]
        if next_opens == bottom[2] and not any(p[0] < bottom[0] < p[1] for p in pairs):
            continued_from = bottom
            # pairs found after the unclosed opening are nested inside the continued quotation
            break
        dropped.add(bottom[0])
        rescans += 1
        pairs, unclosed = _pair(s, start, [m for m in marks if m[0] not in dropped])
    return pairs, continued_from


def _blank(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cf"  # also zero-width and direction marks


def _content(text: str, a: int, b: int) -> tuple[int, int]:
    if a < b and text[a] == '"' and text[a - 1] == '"':
        a += 1  # doubled (CSV-escaped) opening mark
    while a < b and _blank(text[a]):
        a += 1
    while b > a and _blank(text[b - 1]):
        b -= 1
    return a, b


def find_quotations(text: str, paras: list[tuple[int, int]] | None = None) -> list[Quotation]:
    """Every top-level quotation in ``text``, in order (content offsets exclude the marks)."""
    paras = paragraphs(text) if paras is None else paras
    out: list[Quotation] = []
    for k, (ps, pe) in enumerate(paras):
        nxt = paras[k + 1] if k + 1 < len(paras) else None
        # the family of the mark opening the next paragraph, if it opens with one
        next_opens = None
        if nxt and _MARK.match(text, nxt[0]) and _classify(text[nxt[0]:nxt[1]], 0) == "open":
            next_opens = "D" if text[nxt[0]] in DOUBLE else "S"
        pairs, continued = _scan_paragraph(text, ps, pe, next_opens)
        tops = []
        for o, c, depth in sorted(pairs):
            if continued is not None and o > continued[0]:
                continue
            if depth == 0:
                tops.append([o, c])
        for o, c in tops:
            a, b = _content(text, ps + o + 1, ps + c)
            if b <= a:
                continue
            nested = [_content(text, ps + io + 1, ps + ic) for io, ic, d in pairs if d > 0 and o < io < c]
            out.append(Quotation(ps + o, ps + c, a, b, k, text[ps + o], nested=nested))
        if continued is not None:
            o = continued[0]
            a, b = _content(text, ps + o + 1, pe)
            if b > a:
                nested = [_content(text, ps + io + 1, ps + ic) for io, ic, d in pairs if io > o]
                out.append(Quotation(ps + o, pe, a, b, k, text[ps + o], continued=True, nested=nested))
    out.sort(key=lambda q: q.open)
    return out
