"""Datelines: the place (and often the date and the outlet) a story was filed from, opening an
article or a paragraph of wire copy — "KYIV, March 3 (Reuters) - ", "GAZA (AP) — ",
"KHARTOUM, Sudan, March 4 (Daily Courier) - ", "Baghdad, Oct. 5 (AFP) -", "WASHINGTON —".

One grammar for every stage (places: the city; dates: the day; quotes: where the claim starts;
resolution: where the story was filed; events: a dateline is no actor):

* a place: words in capitals ("BAGHDAD", "NEW YORK", "AL-HILLA"), or in title case ("Baghdad")
  when a date or an outlet follows;
* optionally a region or country after a comma (", Iraq", ", Sudan");
* optionally a date (", March 3", ", Oct. 5, 2023");
* optionally an outlet in brackets, any name ("(Reuters)", "(Daily Courier)");
* a dash (-, --, – or —) before the story.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_CAPS = r"[A-Z][A-Z'’.\-]+(?:[ ]+[A-Z][A-Z'’.\-]+){0,3}"
_TITLE = r"[A-Z][a-z][A-Za-z.'’\-]*(?:[ ]+[A-Z][a-z][A-Za-z.'’\-]*){0,3}"
_REGION = r"(?:,[ ]*(?P<region>[A-Z][A-Za-z.'’ \-]{1,30}?))?"
_DATE = r",?[ ]*(?P<date>" + _MONTH + r"[ ]+\d{1,2}(?:,?[ ]+\d{4})?)"
_OUTLET = r"[ ]*\((?P<outlet>[^()\n]{2,40})\)"
# a dash: an em or en dash, or a double hyphen, spaced or not; a single hyphen followed by a space
_DASH = r"[ ]*(?:(?:—|–|--)[ ]*|-[ ]+)"

# a place in capitals may stand alone before the dash; one in title case needs a date or an outlet
_CAPS_FORM = re.compile(r"[ \t]*(?P<place>" + _CAPS + r")" + _REGION + r"(?:" + _DATE + r")?(?:" + _OUTLET + r")?"
                        + _DASH)
_TITLE_FORM = re.compile(r"[ \t]*(?P<place>" + _TITLE + r")" + _REGION + r"(?:" + _DATE + r")?(?:" + _OUTLET + r")?"
                         + r"(?(date)|(?(outlet)|(?!)))" + _DASH)


@dataclass(frozen=True)
class Dateline:
    """Character offsets into the text: the whole dateline (dash and spaces included), its place,
    and its date and outlet when it has them."""
    start: int
    end: int
    place: tuple[int, int]
    region: tuple[int, int] | None
    date: tuple[int, int] | None
    outlet: tuple[int, int] | None


def match(text: str, pos: int = 0, endpos: int | None = None) -> Dateline | None:
    """The dateline starting at ``pos`` (spaces before it allowed), or None."""
    endpos = len(text) if endpos is None else endpos
    m = _CAPS_FORM.match(text, pos, endpos) or _TITLE_FORM.match(text, pos, endpos)
    if m is None:
        return None
    span = lambda g: m.span(g) if m.group(g) else None  # noqa: E731
    return Dateline(m.start("place"), m.end(), m.span("place"), span("region"), span("date"), span("outlet"))


# the capitalised words a text opens with, when what follows starts a dateline (a comma, a bracket,
# a dash): the city of a dateline whose rest is garbled ("CAIRO (AP) " Acting on …", "KABUL (Pajhwok):")
OPENING_PLACE = re.compile(r"\A\s*([A-Z][A-Z'\-]+(?:\s+[A-Z][A-Z'\-]+){0,2})(?=\s*(?:,|\(|—|–|-\s))")


def opening_place(text: str) -> tuple[int, int] | None:
    """The span of the capitalised place a text opens with, dateline-style ("KYIV" in "KYIV, March 3
    (Reuters) -", "NIAMEY" in "NIAMEY (Reuters) -"), or None."""
    m = OPENING_PLACE.match(text)
    return m.span(1) if m else None


def end_of(text: str, pos: int = 0) -> int:
    """Where the story starts after a dateline at ``pos`` (``pos`` itself when there is none)."""
    found = match(text, pos)
    return found.end if found else pos


def covers(token) -> bool:
    """Is this spaCy token part of a dateline opening its sentence ("KHARTOUM" in "KHARTOUM,
    May 14 (Daily Courier) - Gunmen attacked …")? Such a word is where the story was filed, never a
    participant."""
    if not token.text[:1].isupper():
        return False
    sent = token.sent
    found = match(token.doc.text, sent.start_char, sent.end_char)
    return found is not None and token.idx < found.end
