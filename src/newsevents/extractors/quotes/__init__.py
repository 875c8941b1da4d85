"""Quotes: every quotation and every reported claim, with its speaker, cue and intermediaries.

Two passes over one article, one module each:

1. **Cues** (:mod:`.cues`, dependency rules): a speech verb from ``data/quote_cues.json`` outside quotation
   marks, its speaker (subject; "said Petkovic"; the object of "quoted Elek as saying"; the object
   of "according to") and its content (the clausal complement "X said (that) …", a trailing or
   parenthetical cue "…, X said." / "In Syria, X said, …", the object and infinitive of a
   directive "urged NATO to step in", the object of "demanded/denied …", "accused X of …").
2. **Quotations** (:mod:`.attribute`; a character scan of the marks, :mod:`newsevents.extractors.quotemarks`), each
   attributed by the first rule that applies: a cue right after it ("“…,” Brnabic said"), a cue
   right before it ("He added, “…”", "X said:" ending the previous paragraph), the reported
   speech it is part of ("demanded “quick reaction”"), the quotation before it in the same
   paragraph (a quote split by its cue), the last speaker of the previous paragraph (a floating
   quote); otherwise the speaker is explicitly unresolved.

Output (``result.quotes``): ``kind`` ("direct" inside marks, "indirect" for reported speech, also
when it contains quoted fragments, which are listed in ``quoted``), ``text`` with ``start``/``end``
(content without the marks), ``cue`` (the verb, or "according to"), ``speaker`` (see
:func:`newsevents.resolve.speakers.describe`), ``via`` (outlets the words reached us through:
"The Kosovo Online news portal quoted …"), ``medium`` ("Twitter" for "he tweeted"), ``paragraph``
and ``evidence`` — the span from the first to the last of quotation (with marks) / content, cue
and speaker mention when they are in the same or the previous paragraph, else the quotation.
Which quotations and contents are quotes, and the objects, are :mod:`.items`; unquoted press
statements :mod:`.statements`; medium and outlets of a cue :mod:`.channels`; spans :mod:`.spans`.
The article's own republication chain ("Via southfront.org") stays in ``article.via``.
"""
from __future__ import annotations

from ...resolve.speakers import article_index
from ..registry import extractor
from .attribute import attribute_quotations
from .attributions import broaden
from .cues import Cue, find_cues
from .items import render_items, select_items

__all__ = ["Cue", "extract", "find_cues"]


def extract(doc, result) -> list[dict]:
    """The ``quotes[]`` objects of one article (without ids)."""
    ctx = article_index(doc, result)
    cues = broaden(ctx, find_cues(ctx))
    attributed = attribute_quotations(ctx, cues)
    items = select_items(ctx, cues, attributed)
    return render_items(ctx, result, items)


@extractor("quotes", requires=("entities", "coref"))
def extract_quotes(doc, result) -> None:
    """Direct quotes and reported speech with speaker, cue, via chain and paragraph."""
    items = extract(doc, result)
    ids = [result.add("quotes", item) for item in items]
    for item in items:
        if "part_of" in item:
            item["part_of"] = ids[item["part_of"]]
