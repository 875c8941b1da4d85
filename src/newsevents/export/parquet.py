"""Parquet: one typed file per table (the columns of :mod:`newsevents.export.columns`), that DuckDB
(``SELECT … FROM read_parquet('events.parquet')``), pandas and Arrow read directly.

Rows are written in row groups of :data:`GROUP` rows, each sent on as soon as it is written, so a
file streams in bounded memory. A *bundle* (``export -f parquet -o DIR`` without ``--what``) is one
file per table: ``events.parquet`` holds the selected events, the other tables the rows of the
articles those events come from (all rows when no filter is given), and ``stories.parquet`` /
``story_events.parquet`` the stories of those events (every story when no filter is given; empty
files before stories are built).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..filters import Selection
from ..store.base import Store
from . import Tally, exporter
from .columns import STORIES, STORY_EVENTS, TABLES, Column, typed
from .csv import items
from .source import related

GROUP = 2000
BUNDLE = ("articles", "events", "quotes", "places", "casualties", "entities")
ARROW_TYPES = {"string": "string", "int": "int64", "float": "float64", "bool": "bool_"}


def schema(columns: list[Column]):
    import pyarrow as pa

    return pa.schema([pa.field(c.name, getattr(pa, ARROW_TYPES[c.type])()) for c in columns])


class _Drain:
    """A write-only file that keeps what was written until it is taken (for streaming)."""

    def __init__(self):
        self.chunks: list[bytes] = []
        self.position = 0
        self.closed = False

    def write(self, data) -> int:
        data = bytes(data)
        self.chunks.append(data)
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        out, self.chunks = b"".join(self.chunks), []
        return out


def parquet_chunks(columns: list[Column], rows, tally: Tally) -> Iterator[bytes]:
    """The Parquet file of ``rows`` (items), in chunks."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_schema = schema(columns)
    sink = _Drain()
    writer = pq.ParquetWriter(sink, arrow_schema, compression="zstd")
    batch: list = []

    def flush():
        table = pa.Table.from_pylist(batch, schema=arrow_schema)
        writer.write_table(table, row_group_size=GROUP)
        batch.clear()

    try:
        for item in rows:
            batch.append({c.name: typed(c, item) for c in columns})
            tally.rows += 1
            if len(batch) >= GROUP:
                flush()
                yield sink.take()
        if batch:
            flush()
    finally:
        writer.close()
    yield sink.take()


@exporter("parquet", tables=BUNDLE, default="events", media_type="application/vnd.apache.parquet",
          extension="parquet", binary=True, description="one typed Parquet file per table")
def write_parquet(store: Store, selection: Selection, tally: Tally) -> Iterator[bytes]:
    yield from parquet_chunks(TABLES[selection.table], items(store, selection), tally)


def write_bundle(store: Store, selection: Selection, folder: Path) -> dict[str, Tally]:
    """Write one file per table of :data:`BUNDLE` into ``folder``; the tally of each."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    filtered = bool(selection.values)
    article_ids: list[str] | None = [] if filtered else None
    out: dict[str, Tally] = {}

    story_ids: set[str] | None = set() if filtered else None

    def events():
        for row in items(store, selection):
            if story_ids is not None and row.event.get("story_event"):
                story_ids.add(row.event["story_event"].rpartition("/")[0])
            if article_ids is not None and (not article_ids or article_ids[-1] != row.article_id) \
                    and row.article_id not in article_ids[-50:]:
                article_ids.append(row.article_id)
            yield row

    order = ["events", *[t for t in BUNDLE if t != "events"]]
    for table in order:
        tally = Tally()
        rows = events() if table == "events" else related(store, selection, table, _unique(article_ids))
        with open(folder / f"{table}.parquet", "wb") as handle:
            for chunk in parquet_chunks(TABLES[table], rows, tally):
                handle.write(chunk)
        out[table] = tally
    for table, columns, rows in (("stories", STORIES, _stories(store, story_ids)),
                                 ("story_events", STORY_EVENTS, _story_events(store, story_ids))):
        tally = Tally()
        with open(folder / f"{table}.parquet", "wb") as handle:
            for chunk in parquet_chunks(columns, rows, tally):
                handle.write(chunk)
        out[table] = tally
    return out


def _story_ids(store: Store, chosen: set[str] | None) -> Iterator[str]:
    """The stories of the bundle: those of its events, else every story (largest first)."""
    if chosen is not None:
        yield from sorted(chosen)
        return
    cursor = None
    while hasattr(store, "stories"):
        page = store.stories(cursor=cursor, limit=500)
        yield from (s["id"] for s in page.items)
        cursor = page.next_cursor
        if not cursor:
            return


def _stories(store: Store, chosen: set[str] | None) -> Iterator[dict]:
    for story_id in _story_ids(store, chosen):
        story = store.story(story_id)
        if story is not None:
            yield story


def _story_events(store: Store, chosen: set[str] | None) -> Iterator[dict]:
    for story in _stories(store, chosen):
        for item in story.get("events") or []:
            yield {**item, "story": item.get("story") or story["id"]}


def _unique(ids: list[str] | None) -> list[str] | None:
    return None if ids is None else list(dict.fromkeys(ids))
