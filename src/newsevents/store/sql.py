"""What the SQL backends share: reads, paging, filters, counts and the flattening of a document into
rows. A backend subclasses :class:`SQLStore` and keeps only what differs: connections, transactions
and locking, migrations, and a :class:`Dialect` (placeholders, case-insensitive matching, full-text
search). Shared SQL is written with ``?`` placeholders; :meth:`Dialect.sql` turns them into the
driver's (the shared SQL holds no literal ``?``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from ..contract import LISTS, SCHEMA_ID
from ..errors import NewsEventsError, StoreError, warning
from .base import EventFilter, Page, SaveOutcome
from .paging import check_limit, decode_cursor, encode_cursor, like_pattern
from .rows import date_range, document_rows
from .stories import StoryReads

COUNT_BY = ("day", "type", "country", "actor_country", "sector", "place")
ACTOR_COUNTRY = "COALESCE(ea.country2, ea.country)"  # alpha-2 of a state, else the non-state code (IGO …)
ARTICLE_SUMMARY = "a.id AS a_id, a.title AS a_title, a.published AS a_published, a.outlet AS a_outlet, a.url AS a_url"
# an event is disputed when its text says so or its story event is (newsevents.stories)
STORY_DISPUTED = ("EXISTS (SELECT 1 FROM story_event_mentions sm WHERE sm.article_id = e.article_id "
                  "AND sm.event_id = e.id AND sm.disputed = 1)")
EVENT_DISPUTED = f"(e.disputed = 1 OR {STORY_DISPUTED})"
# events that are not the first mention of their story event (left out when counting story events)
LATER_MENTION = ("EXISTS (SELECT 1 FROM story_event_mentions sm WHERE sm.article_id = e.article_id "
                 "AND sm.event_id = e.id AND sm.first = 0)")
EVENT_RESOLVED = ("e.place_name AS r_place, e.place_country AS r_country, e.lat AS r_lat, e.lon AS r_lon, "
                  "e.date_start AS r_date_start, e.date_end AS r_date_end, "
                  f"CASE WHEN {EVENT_DISPUTED} THEN 1 ELSE 0 END AS r_disputed, "
                  "(SELECT sm.story_event_id FROM story_event_mentions sm WHERE sm.article_id = e.article_id "
                  "AND sm.event_id = e.id) AS r_story_event")
ARTICLE_COLUMNS = ("a.seq AS seq, a.id, a.title, a.published, a.outlet, a.url, a.author, a.language, a.text_sha256, "
                   "a.source_path, a.n_entities, a.n_events, a.n_quotes, a.n_places, a.n_casualties, a.n_warnings, "
                   "LENGTH(a.text) AS n_characters, "
                   "a.ingested_at FROM articles a")
TABLES = ("articles", "entities", "mentions", "events", "quotes", "places", "casualties", "dates", "errors",
          "stories", "story_events")


@dataclass(frozen=True)
class Dialect:
    """The SQL that differs between backends."""
    sql: Callable[[str], str]             # shared ``?`` SQL → the driver's placeholders
    true: str                             # an always-true condition
    like: str                             # case-insensitive LIKE
    fts_query: Callable[[str | None], str | None]  # user text → the backend's full-text query (None: no words)
    fts: str                              # full-text condition over {alias} of {table}, one parameter
    type_in: Callable[[list[str]], tuple[str, list]]  # ``e.type`` among these → (condition, params)
    sector: str                           # actor-sector condition, one parameter
    place: str                            # case-insensitive place-name condition, one parameter
    place_key: str                        # counts by place: the key column and the group
    place_group: str


def now() -> str:
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


def _keyed_event(row) -> dict:
    """An event item, plus ``resolved``: its place and date as indexed (references to ``places[]`` /
    ``dates[]`` followed; the date falls back to the article's publication day) and ``disputed``."""
    event = _keyed(row)
    event["resolved"] = {"place": row["r_place"], "country": row["r_country"], "lat": row["r_lat"],
                         "lon": row["r_lon"], "date_start": row["r_date_start"], "date_end": row["r_date_end"],
                         "disputed": bool(row["r_disputed"])}
    event["story_event"] = row["r_story_event"]
    return event


def _article_id(document) -> str:
    try:
        return str(document["article"]["id"])
    except (KeyError, TypeError):
        return "?"


class SQLStore(StoryReads):
    """A :class:`newsevents.store.base.Store` over a DB-API connection; see the module docstring."""

    dialect: Dialect
    _errors: type[BaseException] | tuple = ()   # the driver's error class

    # -- what a backend provides -------------------------------------------------------------
    def _conn(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def _insert_article(self, conn, sql: str, params: tuple) -> bool:
        """Run the article INSERT; False if a concurrent writer stored it first."""
        raise NotImplementedError  # pragma: no cover

    def _insert_event(self, conn, sql: str, params: tuple) -> int:
        """Run one event INSERT; its ``seq``."""
        raise NotImplementedError  # pragma: no cover

    def _batch(self, conn):
        """What runs the ``executemany`` of item rows."""
        return conn

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _rows(self, sql: str, params: Iterable = ()) -> list:
        try:
            return self._conn().execute(self.dialect.sql(sql), tuple(params)).fetchall()
        except self._errors as exc:
            raise StoreError("E016", article="-", reason=str(exc).strip()) from None

    # -- writes ------------------------------------------------------------------------------
    def has_text(self, text_sha256: str) -> bool:
        return bool(self._rows("SELECT 1 FROM articles WHERE text_sha256 = ?", (text_sha256,)))

    @staticmethod
    def _checked(document: dict) -> tuple[str, str]:
        """The document's article id and text SHA-256; ``E016`` if it is not a newsevents/1 document."""
        article_id = _article_id(document)
        text = document.get("text")
        if document.get("schema") != SCHEMA_ID or not isinstance(text, str):
            raise StoreError("E016", article=article_id, reason=f"not a {SCHEMA_ID} document")
        from ..contract import validate

        try:  # what the store returns must be what the contract promises
            validate(document)
        except NewsEventsError as exc:
            raise StoreError("E016", article=article_id, reason=str(exc)) from None
        return article_id, hashlib.sha256(text.encode("utf-8")).hexdigest()

    def clear_errors(self, article_id: str, source_path: str | None = None) -> int:
        """Forget the recorded errors of an article that is now stored (by its id, the name its
        errors gave it, or its source); how many were removed."""
        return len(self._rows(*self._clear_errors_sql(article_id, source_path)))

    @staticmethod
    def _clear_errors_sql(article_id: str, source_path: str | None) -> tuple[str, tuple]:
        from ..ingest.text import where

        names = (article_id, where(article_id, source_path))
        return ("DELETE FROM errors WHERE article IN (?, ?) OR (source IS NOT NULL AND source = ?) RETURNING seq",
                (*names, source_path or article_id))

    @contextmanager
    def _write_errors(self, article_id: str):
        """Driver errors and malformed documents as ``E016`` naming the article."""
        try:
            yield
        except self._errors as exc:
            raise StoreError("E016", article=article_id, reason=f"{type(exc).__name__}: {exc}".strip()) from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise StoreError("E016", article=article_id, reason=f"malformed document ({type(exc).__name__}: {exc})") from None

    def _stored_id(self, conn, sha: str) -> str | None:
        row = conn.execute(self.dialect.sql("SELECT id FROM articles WHERE text_sha256 = ?"), (sha,)).fetchone()
        return None if row is None else row["id"]

    def save_many(self, documents: Iterable[dict]) -> Iterator[SaveOutcome]:
        """Save each document in its own transaction; a failure is yielded as a ``failed`` outcome."""
        for document in documents:
            try:
                yield self.save(document)
            except NewsEventsError as exc:
                yield SaveOutcome(_article_id(document), "failed", error=str(exc))

    def _free_id(self, conn, document: dict, article_id: str, sha: str) -> dict:
        taken = self.dialect.sql("SELECT 1 FROM articles WHERE id = ?")
        if conn.execute(taken, (article_id,)).fetchone() is None:
            return document
        for size in (8, 16, 64):
            candidate = f"{article_id}~{sha[:size]}"
            if conn.execute(taken, (candidate,)).fetchone() is None:
                break
        return {**document, "article": {**document["article"], "id": candidate},
                "warnings": [*document.get("warnings", []), warning("W006", article=article_id, stored_as=candidate)]}

    def _insert(self, conn, doc: dict, sha: str, source_path: str | None) -> dict | None:
        """Insert the article and all its rows (inside the caller's transaction); its counts, or None
        if the article was stored concurrently (nothing inserted)."""
        q = self.dialect.sql
        meta = doc["article"]
        aid = meta["id"]
        body = {key: value for key, value in doc.items() if key != "text"}
        counts = {name: len(doc.get(name) or []) for name in LISTS}
        if not self._insert_article(
                conn,
                q("INSERT INTO articles (id, text_sha256, title, published, outlet, url, author, language, source_path, "
                  "text, document, n_entities, n_events, n_quotes, n_places, n_casualties, n_warnings, ingested_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                (aid, sha, meta.get("title"), meta.get("published"), meta.get("outlet"), meta.get("url"),
                 meta.get("author"), meta.get("language"), source_path, doc["text"],
                 json.dumps(body, ensure_ascii=False, separators=(",", ":")), counts["entities"], counts["events"],
                 counts["quotes"], counts["places"], counts["casualties"], len(doc.get("warnings") or []), now())):
            return None
        sql, params = self._clear_errors_sql(aid, source_path)  # an earlier failure of this article is over
        conn.execute(q(sql), params).fetchall()
        rows = document_rows(doc)
        batch = self._batch(conn)
        batch.executemany(q("INSERT INTO entities (article_id, id, name, label, n_mentions, item) VALUES (?, ?, ?, ?, ?, ?)"),
                          [(aid, *r) for r in rows["entities"]])
        batch.executemany(q('INSERT INTO mentions (article_id, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?)'),
                          [(aid, *r) for r in rows["mentions"]])
        batch.executemany(q("INSERT INTO places (article_id, id, name, geonameid, lat, lon, country, admin1, feature, "
                            "score, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), [(aid, *r) for r in rows["places"]])
        for event, actors in rows["events"]:
            columns = ["article_id", *event]
            seq = self._insert_event(conn, q(f"INSERT INTO events ({', '.join(columns)}) "
                                             f"VALUES ({', '.join('?' * len(columns))})"), (aid, *event.values()))
            batch.executemany(q("INSERT INTO event_actors (event_seq, role, name, entity, sector, country, country2) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)"), [(seq, *a) for a in actors])
        batch.executemany(q('INSERT INTO quotes (article_id, id, kind, text, start, "end", speaker_name, speaker_entity, '
                            "speaker_role, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), [(aid, *r) for r in rows["quotes"]])
        batch.executemany(q("INSERT INTO casualties (article_id, id, kind, count, approximate, who, event_id, item) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), [(aid, *r) for r in rows["casualties"]])
        batch.executemany(q("INSERT INTO dates (article_id, id, value, precision, item) VALUES (?, ?, ?, ?, ?)"),
                          [(aid, *r) for r in rows["dates"]])
        return counts

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
        condition = " AND ".join(where) if where else self.dialect.true
        total = self._rows(f"SELECT COUNT(*) AS n FROM {select.rsplit(' FROM ', 1)[1]} WHERE {condition}", params)[0]["n"] \
            if count else None  # an exact count scans every match: 20-100 ms on 100k events (the last FROM: columns may hold subqueries)
        rows = self._rows(f"SELECT {select} WHERE {condition} AND {alias}.seq > ? ORDER BY {alias}.seq LIMIT ?",
                          [*params, after, limit + 1])
        more = len(rows) > limit
        rows = rows[:limit]
        next_cursor = encode_cursor(kind, rows[-1]["seq"]) if more else None
        return Page([convert(row) for row in rows], next_cursor, total)

    def _item_page(self, kind: str, alias: str, where: list[str], params: list, cursor, limit) -> Page:
        select = f"{alias}.seq AS seq, {alias}.item, {ARTICLE_SUMMARY} FROM {kind} {alias} JOIN articles a ON a.id = {alias}.article_id"
        return self._page(kind, select, where, params, cursor, limit, alias, _keyed)

    def _fts(self, alias: str, table: str, text: str | None, where: list[str], params: list) -> None:
        match = self.dialect.fts_query(text)
        if match:
            where.append(self.dialect.fts.format(alias=alias, table=table))
            params.append(match)

    def articles(self, *, q: str | None = None, cursor: str | None = None, limit: int = 50,
                 article=None) -> Page:
        where, params = _any_of([], [], "a.id", article)
        self._fts("a", "articles", q, where, params)
        return self._page("articles", ARTICLE_COLUMNS, where, params, cursor, limit, "a",
                          lambda row: {k: row[k] for k in row.keys() if k != "seq"})

    def events(self, flt: EventFilter | None = None, *, cursor: str | None = None, limit: int = 50,
               count: bool = True) -> Page:
        where, params = event_where(flt or EventFilter(), self.dialect)
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
               limit: int = 50, article=None, kind=None) -> Page:
        where, params = [], []
        if speaker:
            where.append(f"q.speaker_name {self.dialect.like} ? ESCAPE '\\'")
            params.append(like_pattern(speaker))
        self._fts("q", "quotes", q, where, params)
        _any_of(where, params, "q.article_id", article)
        _any_of(where, params, "q.kind", kind)
        return self._item_page("quotes", "q", where, params, cursor, limit)

    def places(self, *, country=None, cursor: str | None = None, limit: int = 100, article=None,
               place=None, bbox: tuple[float, float, float, float] | None = None) -> Page:
        where, params = _any_of([], [], "p.country", [c.upper() for c in values_of(country)])
        _any_of(where, params, "p.article_id", article)
        names = values_of(place)
        if names:
            where.append("(" + " OR ".join(self.dialect.place.replace("e.place_name", "p.name") for _ in names) + ")")
            params.extend(names)
        if bbox is not None:
            _bbox_where(bbox, "p", where, params)
        return self._item_page("places", "p", where, params, cursor, limit)

    def casualties(self, *, kind=None, cursor: str | None = None, limit: int = 100, article=None) -> Page:
        where, params = _any_of([], [], "c.kind", kind)
        _any_of(where, params, "c.article_id", article)
        return self._item_page("casualties", "c", where, params, cursor, limit)

    def entities(self, *, label=None, name: str | None = None, cursor: str | None = None,
                 limit: int = 100, article=None) -> Page:
        where, params = _any_of([], [], "n.label", [v.upper() for v in values_of(label)])
        if name:
            where.append(f"n.name {self.dialect.like} ? ESCAPE '\\'")
            params.append(like_pattern(name))
        _any_of(where, params, "n.article_id", article)
        return self._item_page("entities", "n", where, params, cursor, limit)

    def counts(self, by: str, flt: EventFilter | None = None) -> list[dict]:
        """Event counts grouped ``by`` day, type, country (the event's place), actor_country, sector or
        place (rows without a value left out). A row's count is the number of events that
        :meth:`events` lists with its key as the filter. ``place`` rows also carry the place's country and mean lat/lon (for a map)."""
        if by not in COUNT_BY:
            raise NewsEventsError("E021", name="by", reason=f"expected one of: {', '.join(COUNT_BY)}")
        where, params = event_where(flt or EventFilter(), self.dialect)
        condition = " AND ".join(where) if where else self.dialect.true
        if by == "actor_country":
            sql = (f"SELECT {ACTOR_COUNTRY} AS key, COUNT(DISTINCT e.seq) AS count FROM events e "
                   "JOIN event_actors ea ON ea.event_seq = e.seq "
                   f"WHERE {condition} AND {ACTOR_COUNTRY} IS NOT NULL GROUP BY {ACTOR_COUNTRY} ORDER BY count DESC, key")
        elif by == "sector":
            sql = ("SELECT ea.sector AS key, COUNT(DISTINCT e.seq) AS count FROM events e "
                   "JOIN event_actors ea ON ea.event_seq = e.seq "
                   f"WHERE {condition} AND ea.sector IS NOT NULL GROUP BY ea.sector ORDER BY count DESC, key")
        elif by == "place":
            sql = (f"SELECT {self.dialect.place_key} AS key, COUNT(*) AS count, MIN(e.place_country) AS country, "
                   "AVG(e.lat) AS lat, AVG(e.lon) AS lon FROM events e "
                   f"WHERE {condition} AND e.place_name IS NOT NULL GROUP BY {self.dialect.place_group} "
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
        out = {table: self._rows(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"] for table in TABLES}
        out["schema_version"] = self._rows("SELECT COALESCE(MAX(version), 0) AS v FROM schema_version")[0]["v"]
        return out


def values_of(value) -> list[str]:
    """A filter value as a list: ``None`` → [], ``"a,b"`` → ["a", "b"], a sequence as it is."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else value
    return [str(v).strip() for v in items if v is not None and str(v).strip()]


def _any_of(where: list[str], params: list, column: str, value) -> tuple[list[str], list]:
    """``column IN (?, …)`` for the given value(s), if any."""
    values = values_of(value)
    if values:
        where.append(f"{column} IN ({', '.join('?' * len(values))})")
        params.extend(values)
    return where, params


def _bbox_where(value, alias: str, where: list[str], params: list) -> None:
    min_lon, min_lat, max_lon, max_lat = _bbox(value)
    where.append(f"{alias}.lat BETWEEN ? AND ?")
    params.extend([min_lat, max_lat])
    # a box whose min_lon > max_lon crosses the antimeridian
    where.append(f"{alias}.lon BETWEEN ? AND ?" if min_lon <= max_lon else f"({alias}.lon >= ? OR {alias}.lon <= ?)")
    params.extend([min_lon, max_lon])


def event_where(flt: EventFilter, dialect: Dialect) -> tuple[list[str], list]:
    """SQL conditions (over alias ``e``, ``?`` placeholders) and their parameters for an :class:`EventFilter`."""
    where: list[str] = []
    params: list = []

    def actor_exists(condition: str, *values) -> None:
        where.append(f"EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_seq = e.seq AND {condition})")
        params.extend(values)

    types = [t.upper() for t in values_of(flt.type)]
    if types:
        condition, values = dialect.type_in(types)
        where.append(condition)
        params.extend(values)
    _any_of(where, params, "e.mode", flt.mode)
    if flt.actor:
        actor_exists(f"ea.name {dialect.like} ? ESCAPE '\\'", like_pattern(flt.actor))
    sectors = [v.upper() for v in values_of(flt.sector)]
    if sectors:
        actor_exists("(" + " OR ".join([dialect.sector] * len(sectors)) + ")", *sectors)
    _any_of(where, params, "e.place_country", [v.upper() for v in values_of(flt.country)])
    codes = [v.upper() for v in values_of(flt.actor_country)]
    if codes:
        actor_exists(f"{ACTOR_COUNTRY} IN ({', '.join('?' * len(codes))})", *codes)
    places = values_of(flt.place)
    if places:
        where.append("(" + " OR ".join([dialect.place] * len(places)) + ")")
        params.extend(places)
    if flt.date_from:
        where.append("e.date_end >= ?")
        params.append(_iso_day(flt.date_from, "date_from"))
    if flt.date_to:
        where.append("e.date_start <= ?")
        params.append(_iso_day(flt.date_to, "date_to"))
    if flt.bbox is not None:
        _bbox_where(flt.bbox, "e", where, params)
    match = dialect.fts_query(flt.q)
    if match:
        where.append(dialect.fts.format(alias="e", table="events"))
        params.append(match)
    if flt.disputed is not None:
        where.append(EVENT_DISPUTED if flt.disputed else f"NOT {EVENT_DISPUTED}")
    if getattr(flt, "story_events", False):
        where.append(f"NOT {LATER_MENTION}")
    if getattr(flt, "story", None):
        where.append("EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = e.article_id AND sa.story_id = ?)")
        params.append(flt.story)
    _any_of(where, params, "e.article_id", flt.article)
    return where, params


def _iso_day(value: str, name: str) -> str:
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
