"""Spreadsheet formula guard for text cells (CSV, ACLED CSV, GDELT TSV).

A spreadsheet runs a cell as a formula when its first meaningful character is ``=``, ``+``, ``-``
or ``@`` (OWASP "CSV injection"); it skips what it does not show first, so a cell that starts with
spaces, a no-break space, zero-width characters, a byte-order mark, a line break, a tab, bidi
controls (an RLO U+202E can also reverse what is shown) or the full-width forms ``＝ ＋ － ＠`` is
just as dangerous. :func:`guard` prefixes such a cell with an apostrophe, which spreadsheets show
as text and do not evaluate. Numbers are never touched (they are not strings).
"""
from __future__ import annotations

import re

TRIGGERS = "=+-@\uff1d\uff0b\uff0d\uff20"  # and the full-width ＝ ＋ － ＠
# What may stand before the trigger: white space of every kind (Unicode Zs, tab, CR, LF, VT, FF,
# NEL, line/paragraph separators), zero-width characters and the BOM, bidi marks, embeddings,
# overrides and isolates, the soft hyphen and the word joiner family.
IGNORABLE = ("\\s\u00a0\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
             "\u3164\ufeff\uffa0")
_DANGER = re.compile(f"^[{IGNORABLE}]*[{re.escape(TRIGGERS)}]")
_LEADING_CONTROL = re.compile("^[\t\r]")  # OWASP: a leading tab or CR as well


def guard(value):
    """``value`` unchanged unless it is a string a spreadsheet could run; then ``'`` + value."""
    if isinstance(value, str) and (_DANGER.match(value) or _LEADING_CONTROL.match(value)):
        return "'" + value
    return value
