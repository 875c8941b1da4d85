"""The embedded SQLite store (stdlib ``sqlite3``): WAL, foreign keys, FTS5, numbered migrations.

Concurrency: every thread gets its own connection; readers never block in WAL mode, and writers
take the write lock up front (``BEGIN IMMEDIATE``) and wait up to ``timeout`` seconds for it, so
two ingests into one database, or an ingest and the web pages, run side by side. Idempotency: one
row per article text (``text_sha256`` is UNIQUE); the check and the insert happen under that lock.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import threading
import time
import uuid
from typing import Iterable, Iterator

from ..contract import LISTS, SCHEMA_ID
from ..errors import NewsEventsError, StoreError, warning
from .base import EventFilter, Page, SaveOutcome
from .migrate import current_version, migrate
from .paging import check_limit, decode_cursor, encode_cursor, fts_query, like_pattern
from .rows import document_rows

COUNT_BY = ("day", "type", "country", "sector", "place")
ARTICLE_SUMMARY = "a.id AS a_id, a.title AS a_title, a.published AS a_published, a.outlet AS a_outlet, a.url AS a_url"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _article_summary(row) -> dict:
    return {"id": row["a_id"], "title": row["a_title"], "published": row["a_published"],
            "outlet": row["a_outlet"], "url": row["a_url"]}


def _keyed(row) -> dict:
    """A stored item with its global key (``ARTICLE/itemId``) and its article's metadata."""
    item = json.loads(row["item"])
    item["key"] = f"{row['a_id']}/{item['id']}"
    item["article"] = _article_summary(row)
    return item


EVENT_RESOLVED = ("e.place_name AS r_place, e.place_country AS r_country, e.lat AS r_lat, e.lon AS r_lon, "
                  "e.date_start AS r_date_start, e.date_end AS r_date_end, e.disputed AS r_disputed")


def _keyed_event(row) -> dict:
    """An event item, plus ``resolved``: its place and date as indexed (references to ``places[]`` /
    ``dates[]`` followed; the date falls back to the article's publication day) and ``disputed``."""
    event = _keyed(row)
    event["resolved"] = {"place": row["r_place"], "country": row["r_country"], "lat": row["r_lat"],
                         "lon": row["r_lon"], "date_start": row["r_date_start"], "date_end": row["r_date_end"],
                         "disputed": bool(row["r_disputed"])}
    return event


class SQLiteStore:
    """A :class:`newsevents.store.base.Store` in one SQLite file (or in memory)."""

    def __init__(self, path: str = "newsevents.db", *, timeout: float = 30.0):
        self.path = str(path)
        self.timeout = timeout
        self._memory = self.path in (":memory:", "")
        self._uri = f"file:newsevents-{uuid.uuid4().hex}?mode=memory&cache=shared" if self._memory else None
        self._local = threading.local()
        self._lock = threading.Lock()
        self._conns: list[sqlite3.Connection] = []
        try:
            conn = self._conn()
            self.version = migrate(conn, self.path)
        except sqlite3.Error as exc:
            self.close()
            raise StoreError("E016", article="-", reason=f"cannot open '{self.path}': {exc}") from None

    # -- connections -------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        target, uri = (self._uri, True) if self._memory else (self.path, False)
        conn = sqlite3.connect(target, timeout=self.timeout, isolation_level=None, check_same_thread=False, uri=uri)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not self._memory:
            self._set_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    def _set_wal(self, conn: sqlite3.Connection) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:  # another process is creating the file right now
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._conns.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._conns:
                try:
                    conn.close()
                except sqlite3.Error:  # pragma: no cover
                    pass
            self._conns.clear()
        self._local = threading.local()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _rows(self, sql: str, params: Iterable = ()) -> list[sqlite3.Row]:
        try:
            return self._conn().execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as exc:
            raise StoreError("E016", article="-", reason=str(exc)) from None

    # -- writes ------------------------------------------------------------------------------
    def has_text(self, text_sha256: str) -> bool:
        return bool(self._rows("SELECT 1 FROM articles WHERE text_sha256 = ?", (text_sha256,)))

    def save(self, document: dict, *, source_path: str | None = None) -> SaveOutcome:
        """Store one document atomically; ``unchanged`` if its text is already stored.

        If its article id is already taken by a different text, it is stored as ``ID~<sha8>`` (the
        document's ``article.id`` is changed and a ``W006`` warning added)."""
        article_id = _article_id(document)
        text = document.get("text")
        if document.get("schema") != SCHEMA_ID or not isinstance(text, str):
            raise StoreError("E016", article=article_id, reason=f"not a {SCHEMA_ID} document")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute("SELECT id FROM articles WHERE text_sha256 = ?", (sha,)).fetchone()
                if row is not None:
                    conn.execute("ROLLBACK")
                    return SaveOutcome(row[0], "unchanged")
                document = self._free_id(conn, document, article_id, sha)
                counts = self._insert(conn, document, sha, source_path)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError("E016", article=article_id, reason=f"{type(exc).__name__}: {exc}") from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise StoreError("E016", article=article_id, reason=f"malformed document ({type(exc).__name__}: {exc})") from None
        return SaveOutcome(document["article"]["id"], "stored", counts)

    def save_many(self, documents: Iterable[dict]) -> Iterator[SaveOutcome]:
        """Save each document in its own transaction; a failure is yielded as a ``failed`` outcome."""
        for document in documents:
            try:
                yield self.save(document)
            except NewsEventsError as exc:
                yield SaveOutcome(_article_id(document), "failed", error=str(exc))

    @staticmethod
    def _free_id(conn: sqlite3.Connection, document: dict, article_id: str, sha: str) -> dict:
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            return document
        for size in (8, 16, 64):
            candidate = f"{article_id}~{sha[:size]}"
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone() is None:
                break
        document = {**document, "article": {**document["article"], "id": candidate},
                    "warnings": [*document.get("warnings", []),
                                 warning("W006", article=article_id, stored_as=candidate)]}
        return document

    @staticmethod
    def _insert(conn: sqlite3.Connection, doc: dict, sha: str, source_path: str | None) -> dict:
        meta = doc["article"]
        aid = meta["id"]
        body = {key: value for key, value in doc.items() if key != "text"}
        counts = {name: len(doc.get(name) or []) for name in LISTS}
        conn.execute(
            "INSERT INTO articles (id, text_sha256, title, published, outlet, url, author, language, source_path, "
            "text, document, n_entities, n_events, n_quotes, n_places, n_casualties, n_warnings, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (aid, sha, meta.get("title"), meta.get("published"), meta.get("outlet"), meta.get("url"),
             meta.get("author"), meta.get("language"), source_path, doc["text"],
             json.dumps(body, ensure_ascii=False, separators=(",", ":")), counts["entities"], counts["events"],
             counts["quotes"], counts["places"], counts["casualties"], len(doc.get("warnings") or []), _now()))
        rows = document_rows(doc)
        conn.executemany("INSERT INTO entities (article_id, id, name, label, n_mentions, item) VALUES (?, ?, ?, ?, ?, ?)",
                         [(aid, *r) for r in rows["entities"]])
        conn.executemany('INSERT INTO mentions (article_id, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                         [(aid, *r) for r in rows["mentions"]])
        conn.executemany("INSERT INTO places (article_id, id, name, geonameid, lat, lon, country, admin1, feature, "
                         "score, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [(aid, *r) for r in rows["places"]])
        for event, actors in rows["events"]:
            columns = ["article_id", *event]
            cur = conn.execute(f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                               (aid, *event.values()))
            conn.executemany("INSERT INTO event_actors (event_seq, role, name, entity, sector, country, country2) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)", [(cur.lastrowid, *a) for a in actors])
        conn.executemany('INSERT INTO quotes (article_id, id, kind, text, start, "end", speaker_name, speaker_entity, '
                         "speaker_role, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [(aid, *r) for r in rows["quotes"]])
        conn.executemany("INSERT INTO casualties (article_id, id, kind, count, approximate, who, event_id, item) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(aid, *r) for r in rows["casualties"]])
        conn.executemany("INSERT INTO dates (article_id, id, value, precision, item) VALUES (?, ?, ?, ?, ?)",
                         [(aid, *r) for r in rows["dates"]])
        return counts

    def record_error(self, article: str | None, source: str | None, code: str, message: str) -> None:
        try:
            self._conn().execute("INSERT INTO errors (article, source, code, message, created_at) VALUES (?, ?, ?, ?, ?)",
                                 (article, source, code, message, _now()))
        except sqlite3.Error as exc:
            raise StoreError("E016", article=article or "-", reason=str(exc)) from None

    def delete(self, article_id: str) -> bool:
        """Remove an article and all its items; True if it existed."""
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
            cur = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError("E016", article=article_id, reason=str(exc)) from None
        return cur.rowcount > 0

    # -- reads -------------------------------------------------------------------------------
    def article(self, article_id: str) -> dict | None:
        rows = self._rows("SELECT text, document FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        body = json.loads(rows[0]["document"])
        doc = {"schema": body.pop("schema", SCHEMA_ID), "article": body.pop("article"), "text": rows[0]["text"]}
        doc.update(body)
        return doc

    def _page(self, kind: str, select: str, where: list[str], params: list, cursor: str | None, limit: int,
              alias: str, convert, count: bool = True) -> Page:
        limit = check_limit(limit)
        after = decode_cursor(cursor, kind)
        condition = " AND ".join(where) if where else "1"
        total = self._rows(f"SELECT COUNT(*) FROM {select.split(' FROM ', 1)[1]} WHERE {condition}", params)[0][0] \
            if count else None  # an exact count scans every match: 20-100 ms on 100k events
        rows = self._rows(f"SELECT {select} WHERE {condition} AND {alias}.seq > ? ORDER BY {alias}.seq LIMIT ?",
                          [*params, after, limit + 1])
        more = len(rows) > limit
        rows = rows[:limit]
        next_cursor = encode_cursor(kind, rows[-1]["seq"]) if more else None
        return Page([convert(row) for row in rows], next_cursor, total)

    def articles(self, *, q: str | None = None, cursor: str | None = None, limit: int = 50) -> Page:
        where, params = [], []
        match = fts_query(q)
        if match:
            where.append("a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(match)
        select = ("a.seq AS seq, a.id, a.title, a.published, a.outlet, a.url, a.author, a.language, a.text_sha256, "
                  "a.source_path, a.n_entities, a.n_events, a.n_quotes, a.n_places, a.n_casualties, a.n_warnings, "
                  "a.ingested_at FROM articles a")
        return self._page("articles", select, where, params, cursor, limit, "a",
                          lambda row: {k: row[k] for k in row.keys() if k != "seq"})

    def events(self, flt: EventFilter | None = None, *, cursor: str | None = None, limit: int = 50,
               count: bool = True) -> Page:
        where, params = _event_where(flt or EventFilter())
        select = f"e.seq AS seq, e.item, {EVENT_RESOLVED}, {ARTICLE_SUMMARY} FROM events e JOIN articles a ON a.id = e.article_id"
        return self._page("events", select, where, params, cursor, limit, "e", _keyed_event, count)

    def event(self, event_key: str) -> dict | None:
        article_id, _, event_id = event_key.rpartition("/")
        rows = self._rows(f"SELECT e.item, {EVENT_RESOLVED}, {ARTICLE_SUMMARY} FROM events e "
                          "JOIN articles a ON a.id = e.article_id WHERE e.article_id = ? AND e.id = ?",
                          (article_id, event_id))
        if not rows:
            return None
        event = _keyed_event(rows[0])
        event["casualties"] = [json.loads(r["item"]) for r in self._rows(
            "SELECT item FROM casualties WHERE article_id = ? AND event_id = ? ORDER BY seq", (article_id, event_id))]
        return event

    def quotes(self, *, speaker: str | None = None, q: str | None = None, cursor: str | None = None,
               limit: int = 50, article: str | None = None) -> Page:
        where, params = [], []
        if speaker:
            where.append("q.speaker_name LIKE ? ESCAPE '\\'")
            params.append(like_pattern(speaker))
        match = fts_query(q)
        if match:
            where.append("q.seq IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            params.append(match)
        if article:
            where.append("q.article_id = ?")
            params.append(article)
        select = f"q.seq AS seq, q.item, {ARTICLE_SUMMARY} FROM quotes q JOIN articles a ON a.id = q.article_id"
        return self._page("quotes", select, where, params, cursor, limit, "q", _keyed)

    def places(self, *, country: str | None = None, cursor: str | None = None, limit: int = 100,
               article: str | None = None) -> Page:
        where, params = [], []
        if country:
            where.append("p.country = ?")
            params.append(country.upper())
        if article:
            where.append("p.article_id = ?")
            params.append(article)
        select = f"p.seq AS seq, p.item, {ARTICLE_SUMMARY} FROM places p JOIN articles a ON a.id = p.article_id"
        return self._page("places", select, where, params, cursor, limit, "p", _keyed)

    def casualties(self, *, kind: str | None = None, cursor: str | None = None, limit: int = 100,
                   article: str | None = None) -> Page:
        where, params = [], []
        if kind:
            where.append("c.kind = ?")
            params.append(kind)
        if article:
            where.append("c.article_id = ?")
            params.append(article)
        select = f"c.seq AS seq, c.item, {ARTICLE_SUMMARY} FROM casualties c JOIN articles a ON a.id = c.article_id"
        return self._page("casualties", select, where, params, cursor, limit, "c", _keyed)

    def entities(self, *, label: str | None = None, name: str | None = None, cursor: str | None = None,
                 limit: int = 100, article: str | None = None) -> Page:
        where, params = [], []
        if label:
            where.append("n.label = ?")
            params.append(label.upper())
        if name:
            where.append("n.name LIKE ? ESCAPE '\\'")
            params.append(like_pattern(name))
        if article:
            where.append("n.article_id = ?")
            params.append(article)
        select = f"n.seq AS seq, n.item, {ARTICLE_SUMMARY} FROM entities n JOIN articles a ON a.id = n.article_id"
        return self._page("entities", select, where, params, cursor, limit, "n", _keyed)

    def counts(self, by: str, flt: EventFilter | None = None) -> list[dict]:
        """Event counts grouped ``by`` day, type, country, sector or place (rows without a value left out).

        ``place`` rows also carry the place's country and mean lat/lon (for a map)."""
        if by not in COUNT_BY:
            raise NewsEventsError("E021", name="by", reason=f"expected one of: {', '.join(COUNT_BY)}")
        where, params = _event_where(flt or EventFilter())
        condition = " AND ".join(where) if where else "1"
        if by == "sector":
            sql = ("SELECT ea.sector AS key, COUNT(DISTINCT e.seq) AS count FROM events e "
                   "JOIN event_actors ea ON ea.event_seq = e.seq "
                   f"WHERE {condition} AND ea.sector IS NOT NULL GROUP BY ea.sector ORDER BY count DESC, key")
        elif by == "place":
            sql = ("SELECT e.place_name AS key, COUNT(*) AS count, MIN(e.place_country) AS country, "
                   "AVG(e.lat) AS lat, AVG(e.lon) AS lon FROM events e "
                   f"WHERE {condition} AND e.place_name IS NOT NULL GROUP BY e.place_name COLLATE NOCASE "
                   "ORDER BY count DESC, key")
        else:
            column = {"day": "e.date_start", "type": "e.type", "country": "e.place_country"}[by]
            order = "key" if by == "day" else "count DESC, key"
            sql = (f"SELECT {column} AS key, COUNT(*) AS count FROM events e WHERE {condition} AND {column} IS NOT NULL "
                   f"GROUP BY {column} ORDER BY {order}")
        return [dict(row) for row in self._rows(sql, params)]

    def errors(self, *, limit: int = 100) -> list[dict]:
        limit = check_limit(limit, maximum=100_000)
        rows = self._rows("SELECT article, source, code, message, created_at FROM errors ORDER BY seq DESC LIMIT ?",
                          (limit,))
        return [dict(row) for row in rows]

    def stats(self) -> dict:
        out = {}
        for table in ("articles", "entities", "mentions", "events", "quotes", "places", "casualties", "dates", "errors"):
            out[table] = self._rows(f"SELECT COUNT(*) FROM {table}")[0][0]
        out["schema_version"] = current_version(self._conn())
        return out


def _article_id(document) -> str:
    try:
        return str(document["article"]["id"])
    except (KeyError, TypeError):
        return "?"


def _event_where(flt: EventFilter) -> tuple[list[str], list]:
    """SQL conditions (over alias ``e``) and their parameters for an :class:`EventFilter`."""
    where: list[str] = []
    params: list = []

    def actor_exists(condition: str, *values) -> None:
        where.append(f"EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_seq = e.seq AND {condition})")
        params.extend(values)

    if flt.type:
        types = [t.strip().upper() for t in flt.type.split(",") if t.strip()]
        where.append(f"e.type IN ({', '.join('?' * len(types))})")
        params.extend(types)
    if flt.mode:
        where.append("e.mode = ?")
        params.append(flt.mode)
    if flt.actor:
        actor_exists("ea.name LIKE ? ESCAPE '\\'", like_pattern(flt.actor))
    if flt.sector:
        actor_exists("+ea.sector = ?", flt.sector.upper())  # "+": look actors up by event, not by sector
    if flt.country:
        code = flt.country.upper()
        where.append("(e.place_country = ? OR EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_seq = e.seq "
                     "AND (ea.country = ? OR ea.country2 = ?)))")
        params.extend([code, code, code])
    if flt.place:
        where.append("e.place_name = ? COLLATE NOCASE")
        params.append(flt.place)
    if flt.date_from:
        where.append("e.date_end >= ?")
        params.append(_iso_day(flt.date_from, "date_from"))
    if flt.date_to:
        where.append("e.date_start <= ?")
        params.append(_iso_day(flt.date_to, "date_to"))
    if flt.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = _bbox(flt.bbox)
        where.append("e.lat BETWEEN ? AND ?")
        params.extend([min_lat, max_lat])
        if min_lon <= max_lon:
            where.append("e.lon BETWEEN ? AND ?")
        else:  # the box crosses the antimeridian
            where.append("(e.lon >= ? OR e.lon <= ?)")
        params.extend([min_lon, max_lon])
    match = fts_query(flt.q)
    if match:
        where.append("e.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(match)
    if flt.disputed is not None:
        where.append("e.disputed = ?")
        params.append(int(bool(flt.disputed)))
    if flt.article:
        where.append("e.article_id = ?")
        params.append(flt.article)
    return where, params


def _iso_day(value: str, name: str) -> str:
    from .rows import date_range

    start, end = date_range(str(value))
    if start is None:
        raise NewsEventsError("E021", name=name, reason=f"'{value}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return start if name == "date_from" else end


def _bbox(value) -> tuple[float, float, float, float]:
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in value)
    except (TypeError, ValueError):
        raise NewsEventsError("E021", name="bbox", reason="expected four numbers: min_lon, min_lat, max_lon, max_lat") from None
    if not (-90 <= min_lat <= max_lat <= 90 and -180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise NewsEventsError("E021", name="bbox", reason="latitudes must be in [-90, 90] (min ≤ max), longitudes in [-180, 180]")
    return min_lon, min_lat, max_lon, max_lat
