"""Text for the parser: mis-encoded characters repaired, all-lower-case copy given sentence capitals,
with a map from every offset of the parsed text back to the stored text.

The stored text (``Result.text``, the contract's ``text``) is never changed: every offset the
contract gives slices it. The parser reads a repaired copy instead:

* **mojibake** (UTF-8 read as Windows-1252 or Latin-1: ``â€™`` for ``’``, ``Â`` before a lost
  no-break space, ``â€œ``/``â€�`` for quotation marks) is repaired by `ftfy
  <https://ftfy.readthedocs.io>`_, one run of non-ASCII characters at a time, so that each repair is
  a replacement of a known span; a repaired no-break space is parsed as a plain space. Text that is
  not mis-encoded (real curly quotes, accents, other scripts) is left as it is;
* a text written **entirely in lower case** (wire copy and archives that were case-folded) gets a
  capital at the start of each sentence and for the pronoun "i" — case changes keep every offset.

:func:`normalise` returns a :class:`Normalised` with the parse text, the repairs made (for the
``W011`` warning) and :meth:`Normalised.span`, which maps parse offsets back. The runner maps every
offset of the result back after the extractors ran (:func:`remap_result`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

# A run of non-ASCII characters; "Â" with the space after it is a no-break space read as Latin-1.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]*\u00c2 |[^\x00-\x7f]+")
# Windows-1252 has no character for byte 0x9d, so the right double quotation mark (E2 80 9D) read
# through it comes out as "â€" and a replacement character: the one repair ftfy cannot make.
_LOST_BYTE = {"\u00e2\u20ac\ufffd": "\u201d"}
# After repair: typographic characters spaCy's tokenizer handles less well than their ASCII forms.
_PLAIN = {"\u00a0": " "}
_SENTENCE_START = re.compile(r"(?:\A|[.!?]['\")\]]*\s+|\n\s*)([a-z])")
_PRONOUN_I = re.compile(r"(?<![\w'])i(?=(?:'[a-z]+)?\b(?![.'-]\w))")
LOWER_CASE_SHARE = 0.005  # fewer capitals than this among the letters: the text was case-folded


@dataclass
class Normalised:
    """The parse text and how it maps back to the stored text."""
    stored: str
    text: str
    repairs: Counter = field(default_factory=Counter)  # (what was stored, what it became) → count
    recased: bool = False
    _starts: list[int] | None = None  # parse offset → stored offset of the character there
    _ends: list[int] | None = None    # parse end offset → stored end offset

    @property
    def changed(self) -> bool:
        return self.text != self.stored

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Stored-text offsets of the parse-text span ``start:end``."""
        if self._starts is None:
            return start, end
        s = self._starts[start] if start < len(self._starts) else len(self.stored)
        return s, max(s, self._ends[end])


def _fix(run: str) -> str:
    import ftfy

    for bad, good in _LOST_BYTE.items():
        run = run.replace(bad, good)
    fixed = ftfy.fix_text(run, uncurl_quotes=False, normalization=None, fix_latin_ligatures=False,
                          fix_character_width=False, fix_line_breaks=False)
    return fixed


def _repair(text: str) -> tuple[str, list[int], list[int], Counter]:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = [0]
    repairs: Counter = Counter()
    pos = 0
    for m in _NON_ASCII_RUN.finditer(text):
        run = m.group()
        fixed = _fix(run)
        if fixed == run:
            continue
        fixed = "".join(_PLAIN.get(ch, ch) for ch in fixed)
        for i in range(pos, m.start()):
            out.append(text[i]); starts.append(i); ends.append(i + 1)
        out.append(fixed)
        starts.extend([m.start()] * len(fixed))
        ends.extend([m.end()] * len(fixed))
        repairs[(run.rstrip(" ") or run, fixed.rstrip(" ") or fixed)] += 1
        pos = m.end()
    if pos == 0 and not repairs:
        return text, [], [], repairs
    for i in range(pos, len(text)):
        out.append(text[i]); starts.append(i); ends.append(i + 1)
    return "".join(out), starts, ends, repairs


def is_case_folded(text: str) -> bool:
    letters = sum(ch.isalpha() for ch in text)
    if letters < 200:
        return False
    return sum(ch.isupper() for ch in text) < LOWER_CASE_SHARE * letters


def _recase(text: str) -> str:
    """Sentence capitals and "I" for a case-folded text (every offset kept)."""
    chars = list(text)
    for m in _SENTENCE_START.finditer(text):
        chars[m.start(1)] = chars[m.start(1)].upper()
    for m in _PRONOUN_I.finditer(text):
        chars[m.start()] = "I"
    return "".join(chars)


def normalise(text: str) -> Normalised:
    """The parse text of ``text`` (see the module docstring)."""
    fixed, starts, ends, repairs = _repair(text) if _NON_ASCII_RUN.search(text) else (text, [], [], Counter())
    recased = is_case_folded(fixed)
    if recased:
        fixed = _recase(fixed)
    norm = Normalised(stored=text, text=fixed, repairs=repairs, recased=recased)
    if repairs:
        norm._starts, norm._ends = starts, ends
    return norm


def describe(norm: Normalised, limit: int = 4) -> str:
    """What was repaired, for the warning: "'â€™' → \"'\" ×12, 'Â' → ' ' ×3; sentence capitals"."""
    parts = [f"{a!r} → {b!r} ×{n}" for (a, b), n in norm.repairs.most_common(limit)]
    more = sum(norm.repairs.values()) - sum(n for _, n in norm.repairs.most_common(limit))
    if more:
        parts.append(f"{more} more")
    if norm.recased:
        parts.append("lower-case text parsed with sentence capitals")
    return "; ".join(parts)


def remap_result(result, norm: Normalised) -> None:
    """Put every offset of ``result`` (built on the parse text) back on the stored text: each dict
    with integer ``start`` and ``end`` is mapped, and its ``text`` becomes the
    stored slice, so evidence always slices the stored text (names and other values keep the
    repaired spelling)."""
    parsed = result.text
    stored = norm.stored

    def walk(value):
        if isinstance(value, dict):
            s, e = value.get("start"), value.get("end")
            if isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool) and 0 <= s <= e <= len(parsed):
                ms, me = norm.span(s, e)
                if isinstance(value.get("text"), str):
                    value["text"] = stored[ms:me]
                value["start"], value["end"] = ms, me
            for k, v in value.items():
                if k not in ("start", "end") and isinstance(v, (dict, list)):
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for items in result.items.values():
        walk(items)
    result.text = stored
