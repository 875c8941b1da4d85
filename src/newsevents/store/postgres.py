"""The PostgreSQL store (``pip install newsevents[postgres]``): the same interface and behaviour as the
SQLite store, for a database that several machines share.

URL: ``postgresql://[user[:password]@]host[:port]/dbname[?schema=NAME]``; tables live in schema
``NAME`` (default ``newsevents``), created on first use. Idempotency: ``text_sha256`` is UNIQUE and
articles are inserted with ``ON CONFLICT DO NOTHING``, so concurrent ingests store each text once.
Full-text search uses generated ``tsvector`` columns (``simple`` configuration: no stemming, like
the SQLite FTS5 tables).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import threading
from typing import Iterable, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..contract import LISTS, SCHEMA_ID
from ..errors import ConfigError, NewsEventsError, StoreError, warning
from .base import EventFilter, Page, SaveOutcome
from .migrate import migrations
from .paging import check_limit, decode_cursor, encode_cursor, like_pattern
from .rows import date_range, document_rows

COUNT_BY = ("day", "type", "country", "sector", "place")
ARTICLE_SUMMARY = "a.id AS a_id, a.title AS a_title, a.published AS a_published, a.outlet AS a_outlet, a.url AS a_url"
EVENT_RESOLVED = ("e.place_name AS r_place, e.place_country AS r_country, e.lat AS r_lat, e.lon AS r_lon, "
                  "e.date_start AS r_date_start, e.date_end AS r_date_end, e.disputed AS r_disputed")
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_MIGRATION_LOCK = 0x6E657773  # pg_advisory_xact_lock key: one migrator at a time


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def tsquery(text: str | None) -> str | None:
    """A ``to_tsquery`` string in which every word (or "quoted phrase") must occur; ``word*`` is a prefix."""
    if not text:
        return None
    terms = []
    for phrase, word in re.findall(r'"([^"]+)"|([\w][\w\'-]*\*?)', text):
        if phrase:
            words = re.findall(r"\w+", phrase.lower())
            if words:
                terms.append("(" + " <-> ".join(words) + ")")
        else:
            parts = re.findall(r"\w+", word.lower())
            terms += parts
            if word.endswith("*") and parts:
                terms[-1] += ":*"
    return " & ".join(terms) or None


def split_url(url: str) -> tuple[str, str]:
    """The libpq URL without our ``schema`` parameter, and the schema name."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), "newsevents")
    if not _SCHEMA_NAME.match(schema):
        raise ConfigError("E021", name="schema", reason="lower-case letters, digits and _ only")
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, rest, parts.fragment)), schema


def _keyed(row: dict) -> dict:
    item = json.loads(row["item"])
    item["key"] = f"{row['a_id']}/{item['id']}"
    item["article"] = {"id": row["a_id"], "title": row["a_title"], "published": row["a_published"],
                       "outlet": row["a_outlet"], "url": row["a_url"]}
    return item


def _keyed_event(row: dict) -> dict:
    event = _keyed(row)
    event["resolved"] = {"place": row["r_place"], "country": row["r_country"], "lat": row["r_lat"],
                         "lon": row["r_lon"], "date_start": row["r_date_start"], "date_end": row["r_date_end"],
                         "disputed": bool(row["r_disputed"])}
    return event


class PostgresStore:
    """A :class:`newsevents.store.base.Store` in a PostgreSQL schema."""

    def __init__(self, url: str):
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise ConfigError("E025", scheme="postgresql (install with: pip install 'newsevents[postgres]')") from None
        self.url, self.schema = split_url(url)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._conns: list = []
        self.version = self._migrate()

    # -- connections -------------------------------------------------------------------------
    def _conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            import psycopg
            from psycopg.rows import dict_row

            try:
                conn = psycopg.connect(self.url, autocommit=True, row_factory=dict_row, connect_timeout=10)
                conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                conn.execute(f'SET search_path TO "{self.schema}"')
            except psycopg.Error as exc:
                raise StoreError("E016", article="-", reason=f"cannot connect to PostgreSQL: {exc}".strip()) from None
            self._local.conn = conn
            with self._lock:
                self._conns.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._conns:
                conn.close()
            self._conns.clear()
        self._local = threading.local()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _rows(self, sql: str, params: Iterable = ()) -> list[dict]:
        import psycopg

        try:
            return self._conn().execute(sql, tuple(params)).fetchall()
        except psycopg.Error as exc:
            raise StoreError("E016", article="-", reason=str(exc).strip()) from None

    def _migrate(self) -> int:
        available = migrations("pg_")
        supported = available[-1][0]
        conn = self._conn()
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                         "applied_at TEXT NOT NULL)")
            found = conn.execute("SELECT COALESCE(MAX(version), 0) AS v FROM schema_version").fetchone()["v"]
            if found > supported:
                raise ConfigError("E017", path=f"{self.url} (schema {self.schema})", found=found, supported=supported)
            for version, name, sql in available:
                if version > found:
                    conn.execute(sql)
                    conn.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (%s, %s, %s)",
                                 (version, name, _now()))
        return supported

    # -- writes ------------------------------------------------------------------------------
    def has_text(self, text_sha256: str) -> bool:
        return bool(self._rows("SELECT 1 FROM articles WHERE text_sha256 = %s", (text_sha256,)))

    def save(self, document: dict, *, source_path: str | None = None) -> SaveOutcome:
        import psycopg

        article_id = _article_id(document)
        text = document.get("text")
        if document.get("schema") != SCHEMA_ID or not isinstance(text, str):
            raise StoreError("E016", article=article_id, reason=f"not a {SCHEMA_ID} document")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        conn = self._conn()
        try:
            for _ in range(5):  # a concurrent writer stored this text or took this id first: look again
                try:
                    with conn.transaction():
                        row = conn.execute("SELECT id FROM articles WHERE text_sha256 = %s", (sha,)).fetchone()
                        if row is not None:
                            return SaveOutcome(row["id"], "unchanged")
                        doc = self._free_id(conn, document, article_id, sha)
                        counts = self._insert(conn, doc, sha, source_path)
                        if counts is None:
                            raise _Retry
                        return SaveOutcome(doc["article"]["id"], "stored", counts)
                except _Retry:
                    continue
        except psycopg.Error as exc:
            raise StoreError("E016", article=article_id, reason=f"{type(exc).__name__}: {exc}".strip()) from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise StoreError("E016", article=article_id, reason=f"malformed document ({type(exc).__name__}: {exc})") from None
        raise StoreError("E016", article=article_id, reason="could not store after retries")  # pragma: no cover

    def save_many(self, documents: Iterable[dict]) -> Iterator[SaveOutcome]:
        for document in documents:
            try:
                yield self.save(document)
            except NewsEventsError as exc:
                yield SaveOutcome(_article_id(document), "failed", error=str(exc))

    @staticmethod
    def _free_id(conn, document: dict, article_id: str, sha: str) -> dict:
        if conn.execute("SELECT 1 FROM articles WHERE id = %s", (article_id,)).fetchone() is None:
            return document
        for size in (8, 16, 64):
            candidate = f"{article_id}~{sha[:size]}"
            if conn.execute("SELECT 1 FROM articles WHERE id = %s", (candidate,)).fetchone() is None:
                break
        return {**document, "article": {**document["article"], "id": candidate},
                "warnings": [*document.get("warnings", []), warning("W006", article=article_id, stored_as=candidate)]}

    @staticmethod
    def _insert(conn, doc: dict, sha: str, source_path: str | None) -> dict | None:
        meta = doc["article"]
        aid = meta["id"]
        body = {key: value for key, value in doc.items() if key != "text"}
        counts = {name: len(doc.get(name) or []) for name in LISTS}
        inserted = conn.execute(
            "INSERT INTO articles (id, text_sha256, title, published, outlet, url, author, language, source_path, "
            "text, document, n_entities, n_events, n_quotes, n_places, n_casualties, n_warnings, ingested_at) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT DO NOTHING RETURNING seq",
            (aid, sha, meta.get("title"), meta.get("published"), meta.get("outlet"), meta.get("url"),
             meta.get("author"), meta.get("language"), source_path, doc["text"],
             json.dumps(body, ensure_ascii=False, separators=(",", ":")), counts["entities"], counts["events"],
             counts["quotes"], counts["places"], counts["casualties"], len(doc.get("warnings") or []), _now())).fetchone()
        if inserted is None:
            return None
        rows = document_rows(doc)
        cur = conn.cursor()
        cur.executemany("INSERT INTO entities (article_id, id, name, label, n_mentions, item) VALUES (%s, %s, %s, %s, %s, %s)",
                        [(aid, *r) for r in rows["entities"]])
        cur.executemany('INSERT INTO mentions (article_id, entity_id, start, "end", text) VALUES (%s, %s, %s, %s, %s)',
                        [(aid, *r) for r in rows["mentions"]])
        cur.executemany("INSERT INTO places (article_id, id, name, geonameid, lat, lon, country, admin1, feature, score, "
                        "item) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", [(aid, *r) for r in rows["places"]])
        for event, actors in rows["events"]:
            columns = ["article_id", *event]
            seq = conn.execute(f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))}) "
                               "RETURNING seq", (aid, *event.values())).fetchone()["seq"]
            cur.executemany("INSERT INTO event_actors (event_seq, role, name, entity, sector, country, country2) "
                            "VALUES (%s, %s, %s, %s, %s, %s, %s)", [(seq, *a) for a in actors])
        cur.executemany('INSERT INTO quotes (article_id, id, kind, text, start, "end", speaker_name, speaker_entity, '
                        "speaker_role, item) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                        [(aid, *r) for r in rows["quotes"]])
        cur.executemany("INSERT INTO casualties (article_id, id, kind, count, approximate, who, event_id, item) "
                        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", [(aid, *r) for r in rows["casualties"]])
        cur.executemany("INSERT INTO dates (article_id, id, value, precision, item) VALUES (%s, %s, %s, %s, %s)",
                        [(aid, *r) for r in rows["dates"]])
        return counts

    def record_error(self, article: str | None, source: str | None, code: str, message: str) -> None:
        self._rows("INSERT INTO errors (article, source, code, message, created_at) VALUES (%s, %s, %s, %s, %s) "
                   "RETURNING seq", (article, source, code, message, _now()))

    def delete(self, article_id: str) -> bool:
        return bool(self._rows("DELETE FROM articles WHERE id = %s RETURNING seq", (article_id,)))

    # -- reads -------------------------------------------------------------------------------
    def article(self, article_id: str) -> dict | None:
        rows = self._rows("SELECT text, document FROM articles WHERE id = %s", (article_id,))
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
        condition = " AND ".join(where) if where else "TRUE"
        total = self._rows(f"SELECT COUNT(*) AS n FROM {select.split(' FROM ', 1)[1]} WHERE {condition}",
                           params)[0]["n"] if count else None
        rows = self._rows(f"SELECT {select} WHERE {condition} AND {alias}.seq > %s ORDER BY {alias}.seq LIMIT %s",
                          [*params, after, limit + 1])
        more = len(rows) > limit
        rows = rows[:limit]
        return Page([convert(row) for row in rows], encode_cursor(kind, rows[-1]["seq"]) if more else None, total)

    def articles(self, *, q: str | None = None, cursor: str | None = None, limit: int = 50) -> Page:
        where, params = [], []
        match = tsquery(q)
        if match:
            where.append("a.tsv @@ to_tsquery('simple', %s)")
            params.append(match)
        select = ("a.seq AS seq, a.id, a.title, a.published, a.outlet, a.url, a.author, a.language, a.text_sha256, "
                  "a.source_path, a.n_entities, a.n_events, a.n_quotes, a.n_places, a.n_casualties, a.n_warnings, "
                  "a.ingested_at FROM articles a")
        return self._page("articles", select, where, params, cursor, limit, "a",
                          lambda row: {k: v for k, v in row.items() if k != "seq"})

    def events(self, flt: EventFilter | None = None, *, cursor: str | None = None, limit: int = 50,
               count: bool = True) -> Page:
        where, params = event_where(flt or EventFilter())
        select = f"e.seq AS seq, e.item, {EVENT_RESOLVED}, {ARTICLE_SUMMARY} FROM events e JOIN articles a ON a.id = e.article_id"
        return self._page("events", select, where, params, cursor, limit, "e", _keyed_event, count)

    def event(self, event_key: str) -> dict | None:
        article_id, _, event_id = event_key.rpartition("/")
        rows = self._rows(f"SELECT e.item, {EVENT_RESOLVED}, {ARTICLE_SUMMARY} FROM events e "
                          "JOIN articles a ON a.id = e.article_id WHERE e.article_id = %s AND e.id = %s",
                          (article_id, event_id))
        if not rows:
            return None
        event = _keyed_event(rows[0])
        event["casualties"] = [json.loads(r["item"]) for r in self._rows(
            "SELECT item FROM casualties WHERE article_id = %s AND event_id = %s ORDER BY seq", (article_id, event_id))]
        return event

    def _item_page(self, kind: str, table: str, alias: str, where: list[str], params: list, cursor, limit) -> Page:
        select = f"{alias}.seq AS seq, {alias}.item, {ARTICLE_SUMMARY} FROM {table} {alias} JOIN articles a ON a.id = {alias}.article_id"
        return self._page(kind, select, where, params, cursor, limit, alias, _keyed)

    def quotes(self, *, speaker: str | None = None, q: str | None = None, cursor: str | None = None,
               limit: int = 50, article: str | None = None) -> Page:
        where, params = [], []
        if speaker:
            where.append("q.speaker_name ILIKE %s ESCAPE '\\'")
            params.append(like_pattern(speaker))
        match = tsquery(q)
        if match:
            where.append("q.tsv @@ to_tsquery('simple', %s)")
            params.append(match)
        if article:
            where.append("q.article_id = %s")
            params.append(article)
        return self._item_page("quotes", "quotes", "q", where, params, cursor, limit)

    def places(self, *, country: str | None = None, cursor: str | None = None, limit: int = 100,
               article: str | None = None) -> Page:
        where, params = _simple_filters("p", country=country.upper() if country else None, article_id=article)
        return self._item_page("places", "places", "p", where, params, cursor, limit)

    def casualties(self, *, kind: str | None = None, cursor: str | None = None, limit: int = 100,
                   article: str | None = None) -> Page:
        where, params = _simple_filters("c", kind=kind, article_id=article)
        return self._item_page("casualties", "casualties", "c", where, params, cursor, limit)

    def entities(self, *, label: str | None = None, name: str | None = None, cursor: str | None = None,
                 limit: int = 100, article: str | None = None) -> Page:
        where, params = _simple_filters("n", label=label.upper() if label else None, article_id=article)
        if name:
            where.append("n.name ILIKE %s ESCAPE '\\'")
            params.append(like_pattern(name))
        return self._item_page("entities", "entities", "n", where, params, cursor, limit)

    def counts(self, by: str, flt: EventFilter | None = None) -> list[dict]:
        if by not in COUNT_BY:
            raise NewsEventsError("E021", name="by", reason=f"expected one of: {', '.join(COUNT_BY)}")
        where, params = event_where(flt or EventFilter())
        condition = " AND ".join(where) if where else "TRUE"
        if by == "sector":
            sql = ("SELECT ea.sector AS key, COUNT(DISTINCT e.seq) AS count FROM events e "
                   "JOIN event_actors ea ON ea.event_seq = e.seq "
                   f"WHERE {condition} AND ea.sector IS NOT NULL GROUP BY ea.sector ORDER BY count DESC, key")
        elif by == "place":
            sql = ("SELECT MIN(e.place_name) AS key, COUNT(*) AS count, MIN(e.place_country) AS country, "
                   "AVG(e.lat) AS lat, AVG(e.lon) AS lon FROM events e "
                   f"WHERE {condition} AND e.place_name IS NOT NULL GROUP BY lower(e.place_name) "
                   "ORDER BY count DESC, key")
        else:
            column = {"day": "e.date_start", "type": "e.type", "country": "e.place_country"}[by]
            order = "key" if by == "day" else "count DESC, key"
            sql = (f"SELECT {column} AS key, COUNT(*) AS count FROM events e WHERE {condition} AND {column} IS NOT NULL "
                   f"GROUP BY {column} ORDER BY {order}")
        return [dict(row) for row in self._rows(sql, params)]

    def errors(self, *, limit: int = 100) -> list[dict]:
        limit = check_limit(limit, maximum=100_000)
        return self._rows("SELECT article, source, code, message, created_at FROM errors ORDER BY seq DESC LIMIT %s",
                          (limit,))

    def stats(self) -> dict:
        out = {}
        for table in ("articles", "entities", "mentions", "events", "quotes", "places", "casualties", "dates", "errors"):
            out[table] = self._rows(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
        out["schema_version"] = self._rows("SELECT MAX(version) AS v FROM schema_version")[0]["v"]
        return out


class _Retry(Exception):
    pass


def _article_id(document) -> str:
    try:
        return str(document["article"]["id"])
    except (KeyError, TypeError):
        return "?"


def _simple_filters(alias: str, **equal) -> tuple[list[str], list]:
    where, params = [], []
    for column, value in equal.items():
        if value:
            where.append(f"{alias}.{column} = %s")
            params.append(value)
    return where, params


def event_where(flt: EventFilter) -> tuple[list[str], list]:
    """The conditions of :func:`newsevents.store.sqlite._event_where`, in PostgreSQL."""
    where: list[str] = []
    params: list = []

    def actor_exists(condition: str, *values) -> None:
        where.append(f"EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_seq = e.seq AND {condition})")
        params.extend(values)

    if flt.type:
        where.append("e.type = ANY(%s)")
        params.append([t.strip().upper() for t in flt.type.split(",") if t.strip()])
    if flt.mode:
        where.append("e.mode = %s")
        params.append(flt.mode)
    if flt.actor:
        actor_exists("ea.name ILIKE %s ESCAPE '\\'", like_pattern(flt.actor))
    if flt.sector:
        actor_exists("ea.sector = %s", flt.sector.upper())
    if flt.country:
        code = flt.country.upper()
        where.append("(e.place_country = %s OR EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_seq = e.seq "
                     "AND (ea.country = %s OR ea.country2 = %s)))")
        params.extend([code, code, code])
    if flt.place:
        where.append("lower(e.place_name) = lower(%s)")
        params.append(flt.place)
    if flt.date_from:
        where.append("e.date_end >= %s")
        params.append(_iso_day(flt.date_from, "date_from"))
    if flt.date_to:
        where.append("e.date_start <= %s")
        params.append(_iso_day(flt.date_to, "date_to"))
    if flt.bbox is not None:
        from .sqlite import _bbox

        min_lon, min_lat, max_lon, max_lat = _bbox(flt.bbox)
        where.append("e.lat BETWEEN %s AND %s")
        params.extend([min_lat, max_lat])
        where.append("e.lon BETWEEN %s AND %s" if min_lon <= max_lon else "(e.lon >= %s OR e.lon <= %s)")
        params.extend([min_lon, max_lon])
    match = tsquery(flt.q)
    if match:
        where.append("e.tsv @@ to_tsquery('simple', %s)")
        params.append(match)
    if flt.disputed is not None:
        where.append("e.disputed = %s")
        params.append(int(bool(flt.disputed)))
    if flt.article:
        where.append("e.article_id = %s")
        params.append(flt.article)
    return where, params


def _iso_day(value: str, name: str) -> str:
    start, end = date_range(str(value))
    if start is None:
        raise NewsEventsError("E021", name=name, reason=f"'{value}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return start if name == "date_from" else end
