"""JSON lines: one newsevents/1 document per line (articles), or one item per line (others)."""
from __future__ import annotations

import json
from typing import Iterator

from ..filters import TABLES, Selection, iterate
from ..store.base import Store
from ..stories import annotate
from . import Tally, exporter


@exporter("jsonl", tables=TABLES, default="articles", media_type="application/x-ndjson; charset=utf-8",
          extension="jsonl", description="newsevents/1 documents (articles) or store items, one per line")
def write_jsonl(store: Store, selection: Selection, tally: Tally) -> Iterator[str]:
    lines = []
    for item in iterate(store, selection):
        if selection.table == "articles":
            item = store.article(item["id"])
            if item is None:  # deleted meanwhile
                continue
            item = annotate(store, item)  # its story, and each event's story_event (docs/stories.md)
        lines.append(json.dumps(item, ensure_ascii=False) + "\n")
        tally.rows += 1
        if len(lines) >= 100:
            yield "".join(lines)
            lines = []
    if lines:
        yield "".join(lines)
