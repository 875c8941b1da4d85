"""JSON lines: one newsevents/1 document per line (articles), or one item per line (others)."""
from __future__ import annotations

import json
from typing import TextIO

from ..store.base import EventFilter, Store
from . import exporter, iter_items


@exporter("jsonl", default_what="articles")
def write_jsonl(store: Store, out: TextIO, what: str, flt: EventFilter) -> int:
    count = 0
    for item in iter_items(store, what, flt):
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    return count
