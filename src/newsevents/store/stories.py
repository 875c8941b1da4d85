"""The story tables (migration 0002): the SQL the stories stage (:mod:`newsevents.stories`) runs.

:class:`StoryIndex` works inside one write transaction of a SQL store (``store.story_writer()``),
with the store's dialect, so the SQLite and PostgreSQL stores share it. :class:`StoryReads` gives
the stores their read methods (``stories()``, ``story()``, ``story_of()``…). Nothing here decides
anything: the rules live in the stories package.
"""
from __future__ import annotations

import base64
import json
from typing import Iterable

from ..errors import NewsEventsError
from .base import Page
from .paging import check_limit

CHUNK = 500
MATCH_CACHE = 100_000
STORY_TABLES = ("stories", "story_events")


def _chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class StoryIndex:
    """Reads and writes of the story tables on one connection (inside the caller's transaction)."""

    def __init__(self, store, conn):
        self.store, self.conn, self.q = store, conn, store.dialect.sql
        cache = getattr(store, "_story_match_cache", None)
        if cache is None:  # an article's features never change: keep the parsed ones (bounded)
            cache = store._story_match_cache = {}
        self._cache = cache

    def _all(self, sql: str, params: Iterable = ()) -> list:
        return self.conn.execute(self.q(sql), tuple(params)).fetchall()

    def _run(self, sql: str, params: Iterable = ()) -> None:
        self.conn.execute(self.q(sql), tuple(params))

    def _many(self, sql: str, rows: list) -> None:
        if rows:
            self.store._batch(self.conn).executemany(self.q(sql), rows)

    # -- articles --------------------------------------------------------------------------
    def is_grouped(self, article_id: str) -> bool:
        return bool(self._all("SELECT 1 FROM story_articles WHERE article_id = ?", (article_id,)))

    def exists(self, article_id: str) -> bool:
        return bool(self._all("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def add_article(self, article_id: str, canon: str, day, source: str, match: dict, details: dict,
                    keys: list[str]) -> None:
        self._run("INSERT INTO story_articles (article_id, canon, day, source, features, details, story_id) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)",
                  (article_id, canon, day, source, _dumps(match), _dumps(details), article_id))
        self._many("INSERT INTO story_keys (key, article_id, day) VALUES (?, ?, ?)",
                   [(key, article_id, day) for key in keys])

    def candidates(self, article_id: str, keys: list[str], day, window: int, cap: int) -> list[str]:
        """Articles filed under one of ``keys`` (published within ``window`` days when both dates are
        known), most shared keys first, at most ``cap``."""
        counts: dict[str, int] = {}
        for chunk in _chunks(keys):
            marks = ", ".join("?" * len(chunk))
            if day is None:
                sql = f"SELECT article_id FROM story_keys WHERE key IN ({marks})"
                params: list = list(chunk)
            else:
                # Two index range searches on (key, day), not "day IS NULL OR day BETWEEN …", which the
                # planners answer by reading every posting of each key over all time: a cost that grew
                # with the store (quadratic in total) where this one stays within the window.
                sql = (f"SELECT article_id FROM story_keys WHERE key IN ({marks}) AND day BETWEEN ? AND ? "
                       f"UNION ALL SELECT article_id FROM story_keys WHERE key IN ({marks}) AND day IS NULL")
                params = [*chunk, day - window, day + window, *chunk]
            for row in self._all(f"SELECT article_id, COUNT(*) AS n FROM ({sql}) AS k GROUP BY article_id", params):
                counts[row["article_id"]] = counts.get(row["article_id"], 0) + row["n"]
        counts.pop(article_id, None)
        return [a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]]

    def keys_of(self, article_id: str) -> list[str]:
        return [r["key"] for r in self._all("SELECT key FROM story_keys WHERE article_id = ?", (article_id,))]

    def match(self, ids: Iterable[str]) -> dict[str, dict]:
        """``{article_id: {canon, features}}``: what similarity reads (cached: it never changes)."""
        ids = set(ids)
        missing = sorted(ids - self._cache.keys())
        for chunk in _chunks(missing):
            marks = ", ".join("?" * len(chunk))
            for r in self._all(f"SELECT article_id, canon, features FROM story_articles WHERE article_id IN ({marks})",
                               chunk):
                if len(self._cache) > MATCH_CACHE:
                    self._cache.clear()
                self._cache[r["article_id"]] = {"canon": r["canon"], "features": json.loads(r["features"])}
        return {a: self._cache[a] for a in ids if a in self._cache}

    def stories_of(self, ids: Iterable[str]) -> dict[str, dict]:
        """``{article_id: {canon, story_id, copy_of}}``."""
        out = {}
        for chunk in _chunks(sorted(set(ids))):
            marks = ", ".join("?" * len(chunk))
            for r in self._all(f"SELECT article_id, canon, story_id, copy_of FROM story_articles "
                               f"WHERE article_id IN ({marks})", chunk):
                out[r["article_id"]] = {"canon": r["canon"], "story_id": r["story_id"], "copy_of": r["copy_of"]}
        return out

    def details(self, ids: Iterable[str]) -> dict[str, dict]:
        """``{article_id: {canon, source, copy_of, features}}`` with the details a summary reads."""
        out = {}
        for chunk in _chunks(sorted(set(ids))):
            marks = ", ".join("?" * len(chunk))
            for r in self._all(f"SELECT article_id, canon, source, details, copy_of FROM story_articles "
                               f"WHERE article_id IN ({marks})", chunk):
                out[r["article_id"]] = {"canon": r["canon"], "source": r["source"], "copy_of": r["copy_of"],
                                        "features": json.loads(r["details"])}
        return out

    # -- links -----------------------------------------------------------------------------
    def near(self, article_id: str) -> list[tuple[str, float]]:
        rows = self._all("SELECT neighbour, similarity FROM story_links WHERE article_id = ? AND kind = 'near'",
                         (article_id,))
        return [(r["neighbour"], r["similarity"]) for r in rows]

    def link(self, article_id: str, neighbour: str, similarity: float, kind: str) -> None:
        self._run("DELETE FROM story_links WHERE article_id = ? AND neighbour = ?", (article_id, neighbour))
        self._run("INSERT INTO story_links (article_id, neighbour, similarity, kind) VALUES (?, ?, ?, ?)",
                  (article_id, neighbour, similarity, kind))

    def unlink(self, article_id: str, neighbour: str) -> None:
        self._run("DELETE FROM story_links WHERE article_id = ? AND neighbour = ?", (article_id, neighbour))

    def linked(self, a: str, b: str) -> bool:
        return bool(self._all("SELECT 1 FROM story_links WHERE (article_id = ? AND neighbour = ?) "
                              "OR (article_id = ? AND neighbour = ?)", (a, b, b, a)))

    def edges(self, ids: Iterable[str]) -> list[tuple[str, str, str]]:
        """Links touching any of ``ids``: (article, neighbour, kind)."""
        out = set()
        for chunk in _chunks(sorted(set(ids))):
            marks = ", ".join("?" * len(chunk))
            for r in self._all(f"SELECT article_id, neighbour, kind FROM story_links WHERE article_id IN ({marks}) "
                               f"OR neighbour IN ({marks})", chunk + chunk):
                out.add((r["article_id"], r["neighbour"], r["kind"]))
        return sorted(out)

    # -- stories ---------------------------------------------------------------------------
    def members(self, story_id: str) -> list[str]:
        return [r["article_id"] for r in self._all("SELECT article_id FROM story_articles WHERE story_id = ?",
                                                   (story_id,))]

    def assign(self, story_id: str, ids: list[str], copies: dict[str, str | None]) -> None:
        for article_id in ids:
            self._run("UPDATE story_articles SET story_id = ?, copy_of = ? WHERE article_id = ?",
                      (story_id, copies.get(article_id), article_id))

    def drop_story(self, story_id: str) -> None:
        self._run("DELETE FROM story_event_mentions WHERE story_event_id IN "
                  "(SELECT id FROM story_events WHERE story_id = ?)", (story_id,))
        self._run("DELETE FROM story_events WHERE story_id = ?", (story_id,))
        self._run("DELETE FROM stories WHERE id = ?", (story_id,))

    def write_story(self, story: dict, events: list[dict]) -> None:
        """Insert a story and its events (drop the old version first)."""
        self._run("INSERT INTO stories (id, title, first_report, last_report, n_articles, n_sources, n_events, "
                  "n_mentions, disputed, type, country, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  (story["id"], story.get("title"), story.get("first_report"), story.get("last_report"),
                   story["n_articles"], story["n_sources"], story["n_events"], story["n_mentions"],
                   int(bool(story["disputed"])), story.get("type"), story.get("country"), _dumps(story)))
        self._many("INSERT INTO story_events (id, story_id, type, mode, first_report, n_mentions, n_articles, "
                   "n_sources, disputed, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [(e["id"], story["id"], e["type"], e.get("mode"), e.get("first_report"), e["n_mentions"],
                     e["n_articles"], e["n_sources"], int(bool(e["disputed"])), _dumps(e)) for e in events])
        self._many("INSERT INTO story_event_mentions (article_id, event_id, story_event_id, first, disputed) "
                   "VALUES (?, ?, ?, ?, ?)",
                   [(m["article"], m["event"], e["id"], int(i == 0), int(bool(e["disputed"])))
                    for e in events for i, m in enumerate(e["mentions"])])

    def forget(self, article_id: str) -> list[str]:
        """Remove an article from the story tables; the articles that linked to it."""
        rows = self._all("SELECT article_id FROM story_links WHERE neighbour = ?", (article_id,))
        self._cache.pop(article_id, None)
        for table, column in (("story_links", "article_id"), ("story_links", "neighbour"), ("story_keys", "article_id"),
                              ("story_event_mentions", "article_id"), ("story_articles", "article_id")):
            self._run(f"DELETE FROM {table} WHERE {column} = ?", (article_id,))
        return sorted({r["article_id"] for r in rows})


def _encode(size: int, story_id: str) -> str:
    raw = json.dumps({"k": "stories", "a": [size, story_id]}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> tuple[int, str]:
    """(n_articles, id) of the last story of the previous page; ``E021`` if not a stories cursor."""
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        size, story_id = data["a"]
        if data.get("k") != "stories" or not isinstance(size, int) or not 0 <= size < 2 ** 62 \
                or not isinstance(story_id, str):
            raise ValueError
    except (ValueError, KeyError, TypeError):
        raise NewsEventsError("E021", name="cursor", reason="not a cursor of the stories list") from None
    return size, story_id


def _story_row(row) -> dict:
    story = json.loads(row["summary"])
    return {k: story.get(k) for k in ("id", "title", "first_report", "last_report", "n_articles", "n_sources",
                                      "n_events", "n_mentions", "disputed", "type", "country", "outlets")}


class StoryReads:
    """Read methods of the SQL stores over the story tables."""

    def pending_stories(self, limit: int) -> list[str]:
        """Stored articles not yet in a story, in the order they were stored."""
        return [r["id"] for r in self._rows("SELECT a.id FROM articles a LEFT JOIN story_articles s ON "
                                            "s.article_id = a.id WHERE s.article_id IS NULL ORDER BY a.seq LIMIT ?",
                                            (limit,))]

    def _leave_story(self, article_id: str) -> None:
        """Before an article is deleted: take it out of its story (which is regrouped)."""
        from ..stories.build import forget
        forget(self, article_id)

    def stories(self, *, cursor: str | None = None, limit: int = 50, disputed: bool | None = None,
                q: str | None = None, min_articles: int = 1) -> Page:
        """Stories, largest first (then by id), one page at a time."""
        limit = check_limit(limit)
        where, params = ["s.n_articles >= ?"], [min_articles]
        if disputed is not None:
            where.append("s.disputed = ?")
            params.append(int(bool(disputed)))
        if q:
            where.append(f"s.title {self.dialect.like} ?")
            params.append(f"%{q}%")
        total = self._rows(f"SELECT COUNT(*) AS n FROM stories s WHERE {' AND '.join(where)}", params)[0]["n"]
        if cursor:
            size, last = _decode(cursor)
            where.append("(s.n_articles < ? OR (s.n_articles = ? AND s.id > ?))")
            params += [int(size), int(size), last]
        rows = self._rows(f"SELECT s.id, s.n_articles, s.summary FROM stories s WHERE {' AND '.join(where)} "
                          "ORDER BY s.n_articles DESC, s.id LIMIT ?", [*params, limit + 1])
        more = len(rows) > limit
        rows = rows[:limit]
        next_cursor = _encode(rows[-1]["n_articles"], rows[-1]["id"]) if more else None
        return Page([_story_row(r) for r in rows], next_cursor, total)

    def story(self, story_id: str) -> dict | None:
        """One story in full: its reports (timeline), story events with every mention, disputed facts.

        An id that no longer exists (its stories merged or split since) finds the story that now
        holds the article it was named after."""
        rows = self._rows("SELECT summary FROM stories WHERE id = ?", (story_id,))
        if not rows:
            moved = self._rows("SELECT story_id FROM story_articles WHERE story_id <> ? AND article_id = "
                               "(SELECT article_id FROM story_articles WHERE canon LIKE ? LIMIT 1)",
                               (story_id, f"%{story_id.removeprefix('st-')}%")) if story_id.startswith("st-") else []
            if not moved:
                return None
            rows = self._rows("SELECT summary FROM stories WHERE id = ?", (moved[0]["story_id"],))
            if not rows:
                return None
        story = json.loads(rows[0]["summary"])
        story["events"] = [json.loads(r["item"]) for r in self._rows(
            "SELECT item FROM story_events WHERE story_id = ? ORDER BY n_articles DESC, id", (story["id"],))]
        return story

    def story_of(self, article_id: str) -> dict | None:
        """``{id, n_articles, n_sources, first_report, copy_of}`` of the story holding an article."""
        rows = self._rows("SELECT sa.story_id, sa.copy_of, s.n_articles, s.n_sources, s.first_report, s.title "
                          "FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ?",
                          (article_id,))
        if not rows:
            return None
        r = rows[0]
        return {"id": r["story_id"], "title": r["title"], "n_articles": r["n_articles"], "n_sources": r["n_sources"],
                "first_report": r["first_report"], "copy_of": r["copy_of"]}

    def story_event_counts(self, ids: Iterable[str]) -> dict[str, dict]:
        """``{story_event_id: {n_mentions, n_articles, n_sources, first_report, outlets, facts}}``:
        GDELT's counts, the outlets of its reports (in report order) and the facts they give."""
        out = {}
        for chunk in _chunks(sorted({i for i in ids if i})):
            marks = ", ".join("?" * len(chunk))
            for r in self._rows(f"SELECT id, n_mentions, n_articles, n_sources, first_report, item FROM story_events "
                                f"WHERE id IN ({marks})", chunk):
                item = json.loads(r["item"])
                outlets = list(dict.fromkeys(m["outlet"] for m in item.get("mentions") or [] if m.get("outlet")))
                out[r["id"]] = {**{k: r[k] for k in ("n_mentions", "n_articles", "n_sources", "first_report")},
                                "outlets": outlets, "facts": item.get("facts") or {}}
        return out

    def story_events_of(self, article_id: str) -> dict[str, str]:
        """``{event_id: story_event_id}`` for an article's events."""
        return {r["event_id"]: r["story_event_id"] for r in self._rows(
            "SELECT event_id, story_event_id FROM story_event_mentions WHERE article_id = ?", (article_id,))}
