"""Dates: every temporal expression, resolved against the publication date, with its precision.

Expressions come from spaCy's DATE/TIME entities plus a few patterns NER misses (weekdays,
"Jan. 1"). Only spans that contain a temporal word are read — a month or weekday name, a year,
"yesterday", "last month", "afternoon" … — so "We" never becomes Wednesday. Ages and durations
("36-year-old", "for two years", "the last 24 hours") are not dates.

Relative expressions are anchored on ``article.published``: "last month" → the previous month
(precision month), "on Thursday" → the latest Thursday on or before publication (the next one
after a future cue such as "will"), "later in the afternoon" → the publication day. Explicit dates
("October 13th", "5 March 2020", "in 2019") take their year from the text or, when it is missing,
the latest such date not after publication. dateparser (``languages=["en"]``) reads the
explicit forms the patterns here don't cover. A dateline ("BAGHDAD, Oct. 5 (Reuters) -") is
marked for the event-date stage.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from .. import datelines
from ..stages import DateFindings, DateSpan
from ..vocabulary import reporting_verbs
from .registry import extractor

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MONTH = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
EXTRA_PATTERNS = [
    re.compile(r"\b" + _WEEKDAY + r"(?:\s+(?:morning|afternoon|evening|night))?\b"),
    re.compile(r"\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?"),
    re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b(?:,?\s+\d{4})?"),
    re.compile(r"\b(?:yesterday|today|tonight|last\s+night)\b", re.I),
    re.compile(r"\b(?:last|this|next|past)\s+(?:week|month|year|weekend)\b", re.I),
]
TEMPORAL_WORD = re.compile(
    r"\b(?:" + _MONTH + r"|" + _WEEKDAY + r"|yesterday|today|tonight|tomorrow|morning|afternoon|evening|night|noon|"
    r"midnight|week|weekend|month|year|decade|century|ago|(?:1[89]|20)\d\d|(?:1[5-9]|20)\d0s|\d{1,2}\s*(?:a\.m\.|p\.m\.|am|pm)|"
    r"o'clock|spring|summer|autumn|fall|winter|thanksgiving|christmas|day)\b", re.I)
DURATION = re.compile(
    r"(?:\d+[- ](?:year|month|week|day)s?[- ]old|^(?:the\s+)?(?:last|past|next|first|previous|coming)\s+(?:\d+|few|several|"
    r"two|three|four|five|six|seven|eight|nine|ten|twelve|24|48|72)\s+(?:hours|days|weeks|months|years|decades)$|"
    r"^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|some)\s+"
    r"(?:hours?|days?|weeks?|months?|years?|decades?|centuries)(?:\s+long)?$|^(?:decades|years|months|weeks|days|hours)$|"
    r"^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
    r"(?:hours?|days?|weeks?|months?|years?)\s+(?:of|after|before|later)\b)", re.I)
DURATION_BEFORE = re.compile(r"\b(?:for|over|during|within|lasting|after|in)\s+(?:the\s+)?(?:past\s+|last\s+|next\s+)?$", re.I)
FUTURE_CUE = re.compile(r"\b(?:will|'ll|shall|going to|plans? to|is to|are to|scheduled|expected to|due to|next|coming)\b", re.I)
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _published(result) -> dt.date | None:
    value = getattr(result.article, "published", None)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@extractor("dates")
def extract_dates(doc, result) -> None:
    """Temporal expressions with ISO value and precision, anchored on the publication date."""
    text = result.text
    base = _published(result)
    spans = _candidate_spans(doc, text)
    dateline = datelines.match(text, 0, 200)
    dated = dateline.date if dateline is not None else None  # the span of "March 4"
    anchor = _dateline_day(text[dated[0]:dated[1]] if dated else None, base)  # "KHARTOUM, March 4 (Reuters) -": written that day
    out = []
    dateline_id = None
    for start, end in spans:
        expr = text[start:end]
        own = dated is not None and dated[0] == start
        resolved = resolve_date(expr, base if (own or anchor is None) else anchor,
                           context=_clause_before(text, start) + " " + text[end:end + 40],
                           before=text[max(0, start - 30):start])
        if resolved is None:
            continue
        value, precision, relative, method = resolved
        if anchor is not None and not own and method == "relative:published":
            method = "relative:dateline"
        item = {"value": value, "precision": precision, "relative": relative, "method": method,
                "evidence": result.evidence(start, end)}
        date_id = result.add("dates", item)
        out.append(DateSpan(date_id, start, end, value, precision, _head_index(doc, start, end),
                            _reporting(doc, start, end)))
        if own:
            dateline_id = date_id
    result.stages.dates = DateFindings(out, dateline_id)


def _dateline_day(dateline: str | None, base: dt.date | None) -> dt.date | None:
    """The day of a dated dateline when it lies in the fortnight before publication: relative
    expressions ("on Sunday", "yesterday") are then read from the day the story was written."""
    if dateline is None or base is None:
        return None
    resolved = resolve_date(dateline, base)
    if not resolved or resolved[1] != "day" or not resolved[0]:
        return None
    day = dt.date.fromisoformat(resolved[0])
    return day if dt.timedelta(0) < base - day <= dt.timedelta(days=14) else None


REPORTING_LEMMAS = reporting_verbs("dates")  # data/reporting_verbs.tsv, use "dates"


def _head_index(doc, start: int, end: int) -> int | None:
    """The token the date attaches to (the head of its span's root)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    head = root.head
    while head.dep_ == "prep" and head.head.i != head.i:  # "on Monday" → the verb "on" attaches to
        head = head.head
    return head.i


def _reporting(doc, start: int, end: int) -> bool:
    """A date of the reporting, not of the event: "a release issued yesterday", "according to a
    statement on Monday", "Cook said today"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(4):
        if tok.lemma_.lower() in REPORTING_LEMMAS:
            return True
        if tok.lower_ == "according" or tok.head.i == tok.i:
            return tok.lower_ == "according"
        tok = tok.head
    return False


def _clause_before(text: str, start: int) -> str:
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    return text[sentence_start:start]


def _candidate_spans(doc, text: str) -> list[tuple[int, int]]:
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME", "EVENT")]
    for pattern in EXTRA_PATTERNS:
        spans.extend(m.span() for m in pattern.finditer(text))
    spans = [_trim(text, s, e) for s, e in spans]
    spans.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if e <= s:
            continue
        if merged and s < merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
            continue
        merged.append((s, e))
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    lead = re.match(r"^(?:on|in|at|by|since|until|from)\s+", span, re.I)
    if lead:
        start += lead.end()
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


# ---------------------------------------------------------------------------------------------

def resolve_date(expr: str, base: dt.date | None, *, context: str = "", before: str = ""):
    """``(value, precision, relative, method)`` for a temporal expression, or ``None`` when it is
    not a point in time (a duration, an age, no temporal word)."""
    e = " ".join(expr.split())
    low = e.lower().strip()
    if not TEMPORAL_WORD.search(e):
        return None
    if DURATION.search(low):
        return None
    if re.search(r"\b(?:hours|days|weeks|months|years)\b", low) and not re.search(r"\bago\b", low) \
            and DURATION_BEFORE.search(before):
        return None
    future = bool(FUTURE_CUE.search(context))

    holiday = _holiday(low, base)
    if holiday:
        return holiday

    # relative to the publication date ------------------------------------------------------
    if re.fullmatch(r"(?:the\s+)?(?:yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|"
                    r"last\s+night|(?:(?:later|earlier)\s+)?(?:in\s+)?the\s+(?:morning|afternoon|evening|night)|"
                    r"(?:later|earlier)\s+(?:in\s+)?the\s+day|"
                    r"(?:later|earlier)\s+(?:today|in\s+the\s+day|that\s+day)|(?:on\s+)?the\s+same\s+day|"
                    r"(?:yesterday|tomorrow|this)\s+(?:morning|afternoon|evening|night))", low):
        if base is None:
            return (None, "day", True, "unanchored")
        shift = -1 if low.startswith("yesterday") or low == "last night" else 1 if low.startswith("tomorrow") else 0
        return ((base + dt.timedelta(days=shift)).isoformat(), "day", True, "relative:published")
    m = re.fullmatch(r"(?:the\s+)?(last|this|next|past|previous|coming)\s+(week|weekend|month|year)", low)
    if m:
        if base is None:
            return (None, m.group(2).replace("weekend", "week"), True, "unanchored")
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[m.group(1)]
        return _shift(base, m.group(2), step) + (True, "relative:published")
    m = re.fullmatch(r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                     r"(day|week|month|year)s?\s+ago", low)
    if m:
        if base is None:
            return (None, m.group(2), True, "unanchored")
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
        return _shift(base, m.group(2), -n) + (True, "relative:published")
    m = re.fullmatch(r"(?:(?:last|this|next|on)\s+)?(" + "|".join(WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?", low)
    if m:
        if base is None:
            return (None, "day", True, "unanchored")
        wd = WEEKDAYS[m.group(1)]
        if low.startswith("next") or (future and not low.startswith("last")):
            delta = (wd - base.weekday()) % 7 or 7
        else:
            delta = -((base.weekday() - wd) % 7)
            if low.startswith("last") and delta == 0:
                delta = -7
        return ((base + dt.timedelta(days=delta)).isoformat(), "day", True, "relative:published")

    # explicit dates -----------------------------------------------------------------------
    explicit = _explicit(e, base, future)
    if explicit:
        return explicit
    return _dateparser(e, base)


def _shift(base: dt.date, unit: str, step: int) -> tuple[str, str]:
    if unit in ("week", "weekend"):
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
        return monday.isoformat(), "week"
    if unit == "day":
        return (base + dt.timedelta(days=step)).isoformat(), "day"
    if unit == "month":
        index = base.year * 12 + base.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    return f"{base.year + step:04d}", "year"


_DAY_MONTH_YEAR = [
    re.compile(r"^(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?"
               r"(?:,?\s+(?P<year>\d{4}))?$", re.I),  # "November 16 - 17": its first day
    re.compile(r"^(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>" + _MONTH + r")(?:,?\s+(?P<year>\d{4}))?$", re.I),
    re.compile(r"^(?:" + _WEEKDAY + r"),?\s+(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?$", re.I),
]
_MONTH_YEAR = re.compile(r"^(?:(?:early|mid|late|mid-)\s*)?(?P<month>" + _MONTH + r")(?:,?\s+(?:of\s+)?(?P<year>\d{4}))?$", re.I)
_YEAR = re.compile(r"^(?:(?:early|mid|late|the\s+year|mid-)\s*)?(?P<year>(?:1[5-9]|20)\d\d)$", re.I)
_DECADE = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)\s+)?(?P<year>(?:1[5-9]|20)\d)0s$", re.I)


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _explicit(e: str, base: dt.date | None, future: bool):
    for pattern in _DAY_MONTH_YEAR:
        m = pattern.match(e)
        if m:
            month, day = _month_number(m.group("month")), int(m.group("day"))
            if m.group("year"):
                year = int(m.group("year"))
                relative = False
            elif base is not None:
                year = _infer_year(base, month, day, future)
                relative = True
            else:
                return (None, "day", True, "unanchored")
            try:
                return (dt.date(year, month, day).isoformat(), "day", relative,
                        "relative:published" if relative else "explicit")
            except ValueError:
                return None
    m = _MONTH_YEAR.match(e)
    if m and (m.group("year") or len(m.group("month")) > 3):
        month = _month_number(m.group("month"))
        if m.group("year"):
            return (f"{int(m.group('year')):04d}-{month:02d}", "month", False, "explicit")
        if base is None:
            return (None, "month", True, "unanchored")
        year = base.year if (month <= base.month or future) else base.year - 1
        if future and month < base.month:
            year = base.year + 1
        return (f"{year:04d}-{month:02d}", "month", True, "relative:published")
    m = _YEAR.match(e)
    if m:
        return (m.group("year"), "year", False, "explicit")
    m = _DECADE.match(e)
    if m:
        return (m.group("year") + "0", "decade", False, "explicit")
    return None


def _infer_year(base: dt.date, month: int, day: int, future: bool) -> int:
    """The year of "October 13th": the latest such date not after publication (a week's grace),
    or the next one after a future cue."""
    for year in (base.year + 1, base.year, base.year - 1) if future else (base.year, base.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if future and candidate >= base - dt.timedelta(days=1) and candidate <= base + dt.timedelta(days=366):
            if year == base.year + 1 and dt.date(base.year, month, day) >= base:
                continue
            return year
        if not future and candidate <= base + dt.timedelta(days=7):
            return year
    return base.year


@lru_cache(maxsize=1)
def _holidays() -> dict[str, str]:
    from .. import datafiles
    return {row["name"].lower(): row["rule"] for row in datafiles.table("holidays.tsv")}


def _holiday(low: str, base: dt.date | None):
    name = re.sub(r"^(?:this|last|on|the)\s+", "", low).replace("’", "'")
    rule = _holidays().get(name)
    if rule is None:
        return None
    if base is None:
        return (None, "day", True, "unanchored")
    for year in (base.year, base.year - 1):
        day = _rule_date(rule, year)
        if day <= base + dt.timedelta(days=1):
            return (day.isoformat(), "day", True, "relative:published")
    return None


def _rule_date(rule: str, year: int) -> dt.date:
    parts = rule.split("-")
    if len(parts) == 2:
        return dt.date(year, int(parts[0]), int(parts[1]))
    if rule.startswith("-1-"):
        _, _, weekday, month = rule.split("-")
        last = calendar.monthrange(year, int(month))[1]
        day = dt.date(year, int(month), last)
        while day.strftime("%A") != weekday:
            day -= dt.timedelta(days=1)
        return day
    n, weekday, month = parts
    day = dt.date(year, int(month), 1)
    while day.strftime("%A") != weekday:
        day += dt.timedelta(days=1)
    return day + dt.timedelta(weeks=int(n) - 1)


def _dateparser(e: str, base: dt.date | None):
    """Other explicit forms ("2021-10-13", "13/10/2021", "October 13, 2021 at 10am")."""
    if not re.search(r"\d", e):
        return None
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12)
    try:
        parsed = dateparser.parse(e, languages=["en"], settings=settings)
    except Exception:  # pragma: no cover - dateparser edge cases
        return None
    if parsed is None:
        return None
    has_year = bool(re.search(r"\b(?:1[5-9]|20)\d\d\b", e))
    if not has_year and base is not None and abs(parsed.year - base.year) > 1:
        return None  # dateparser guessed a year the text does not give ("May 15-24" → 1924)
    return (parsed.date().isoformat(), "day", not has_year, "explicit" if has_year else "relative:published")
