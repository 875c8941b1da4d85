"""Group stored articles into stories, incrementally, with the same result in any order.

The rule (docs/stories.md):

1. Every article is linked to its ``NEIGHBOURS`` most similar articles among those it shares a
   blocking key with (:mod:`.features`), when the similarity (:mod:`.similarity`) is at least
   ``THRESHOLD``; ties go to the smaller article id. Near-duplicate copies (:mod:`.duplicates`)
   are linked to each other instead, and never count among an article's nearest.
2. A story is a connected group of linked articles. Its id is ``st-`` and the first 12 hex digits of
   the text hash of its earliest article (publication time, then text hash).

Both steps depend only on the set of stored articles, not on the order they came in: when an article
arrives it takes its own nearest, and it replaces the weakest nearest of any article it is closer to;
a link so dropped may split a story, and then that story's groups are found again. So a store built
in one run or in many batches, in any order, holds the same stories (tested with Hypothesis).

Cost: one query for the candidates (at most ``CANDIDATES``, by shared keys), one similarity per
candidate, a few link updates: it does not grow with the number of stories. Story summaries and
story events are rebuilt once per batch for each story that changed.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field

from .duplicates import is_copy, jaccard
from .features import MATCH, features
from .similarity import WINDOW_DAYS, similarity
from .summary import summarise

NEIGHBOURS = 2
THRESHOLD = 0.25
CANDIDATES = 300
BATCH = 200


@dataclass
class StoriesSummary:
    articles: int = 0          # articles grouped in this run
    stories_changed: int = 0   # stories written (new or changed)
    seconds: float = 0.0
    skipped: list = field(default_factory=list)  # article ids that could not be read

    def as_dict(self) -> dict:
        return asdict(self)


def canon_key(doc: dict) -> str:
    """Canonical order of an article: publication time (``~`` when unknown sorts last), text hash."""
    article = doc.get("article") or {}
    published = article.get("published") if isinstance(article.get("published"), str) else None
    return f"{published or '~'}|{article.get('text_sha256') or ''}"


def story_id_of(canon: str) -> str:
    return "st-" + canon.rpartition("|")[2][:12]


def update(store, article_ids: list[str] | None = None, *, batch: int = BATCH) -> StoriesSummary:
    """Group the given stored articles (default: every stored article not in a story yet).

    Each batch: the documents are read and their features computed first, outside any transaction
    (the costly part); then one write transaction links them and rewrites the stories that changed,
    so other writers (a concurrent ingest) wait only for the SQL."""
    started = time.monotonic()
    summary = StoriesSummary()
    queue = list(article_ids) if article_ids is not None else None
    seen: set[str] = set()
    while True:
        if queue is not None:
            ids, queue = queue[:batch], queue[batch:]
        else:
            ids = [a for a in store.pending_stories(batch + len(seen)) if a not in seen][:batch]
        if not ids:
            break
        seen.update(ids)
        prepared = []
        for article_id in ids:
            doc = store.article(article_id)
            if doc is None:
                summary.skipped.append(article_id)
                continue
            prepared.append((article_id, canon_key(doc), features(doc)))
        with store.story_writer() as ix:
            dirty: set[str] = set()
            for article_id, canon, feats in prepared:
                if ix.is_grouped(article_id) or not ix.exists(article_id):
                    continue  # grouped meanwhile by another writer, or deleted
                dirty |= add(ix, article_id, canon, feats)
                summary.articles += 1
            summary.stories_changed += rebuild(ix, dirty)
        if queue is not None and not queue:
            break
    summary.seconds = round(time.monotonic() - started, 3)
    return summary


def _rank(item: tuple[str, float]) -> tuple[float, str]:
    return (-item[1], item[0])


def add(ix, article_id: str, canon: str, feats: dict) -> set[str]:
    """Add one article (its canonical key and features) to the story graph; the ids of the stories
    that changed (old and new)."""
    match = {k: feats[k] for k in MATCH}
    details = {k: v for k, v in feats.items() if k not in MATCH and k != "keys"}
    ix.add_article(article_id, canon, feats["day"], feats["source"], match, details, feats["keys"])
    cands = ix.candidates(article_id, feats["keys"], feats["day"], WINDOW_DAYS, CANDIDATES)
    info = ix.match(cands)
    near, copies = [], []
    for other in cands:
        theirs = info[other]["features"]
        if is_copy(feats, theirs):
            copies.append((other, jaccard(feats["minhash"], theirs["minhash"])))
            continue
        score = similarity(feats, theirs)
        if score >= THRESHOLD:
            near.append((other, score))
    affected = {article_id}
    for other, score in sorted(near, key=_rank)[:NEIGHBOURS]:
        ix.link(article_id, other, score, "near")
        affected.add(other)
    for other, score in copies:
        ix.link(article_id, other, score, "copy")
        affected.add(other)
    splits: set[str] = set()
    for other, score in near:  # does the new article displace one of their nearest?
        current = ix.near(other)
        ranked = sorted(current + [(article_id, score)], key=_rank)
        if (article_id, score) not in ranked[:NEIGHBOURS]:
            continue
        ix.link(other, article_id, score, "near")
        affected.add(other)
        for dropped, _ in ranked[NEIGHBOURS:]:
            ix.unlink(other, dropped)
            if not ix.linked(other, dropped):
                splits.update(row["story_id"] for row in ix.stories_of([other]).values())
    stories = {row["story_id"] for row in ix.stories_of(affected).values()} | splits
    return regroup(ix, stories, extra={article_id})


def regroup(ix, story_ids: set[str], extra: set[str] = frozenset()) -> set[str]:
    """Find the connected groups again among the members of these stories (plus ``extra``
    articles), give each its id and its copies' originals; the story ids changed."""
    members = set(extra)
    for sid in story_ids:
        members.update(ix.members(sid))
    if not members:
        return set(story_ids)
    info = ix.stories_of(members)
    parent = {a: a for a in members}

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    copy_parent = {a: a for a in members}

    def find_copy(a):
        while copy_parent[a] != a:
            copy_parent[a] = copy_parent[copy_parent[a]]
            a = copy_parent[a]
        return a

    for a, b, kind in ix.edges(members):
        if a in parent and b in parent:
            parent[find(a)] = find(b)
            if kind == "copy":
                copy_parent[find_copy(a)] = find_copy(b)
    groups: dict[str, list[str]] = {}
    for a in members:
        groups.setdefault(find(a), []).append(a)
    copy_groups: dict[str, list[str]] = {}
    for a in members:
        copy_groups.setdefault(find_copy(a), []).append(a)
    original = {}
    for group in copy_groups.values():
        first = min(group, key=lambda a: info[a]["canon"])
        for a in group:
            original[a] = None if a == first else first
    changed = set(story_ids)
    for group in groups.values():
        sid = story_id_of(min(info[a]["canon"] for a in group))
        ix.assign(sid, group, original)
        changed.add(sid)
    return changed


def rebuild(ix, story_ids: set[str]) -> int:
    """Write the summary and story events of each story (or drop it when it has no members left)."""
    written = 0
    for sid in story_ids:  # first drop them all: an article may have moved from one to another
        ix.drop_story(sid)
    for sid in sorted(story_ids):
        members = ix.members(sid)
        if not members:
            continue
        story, events = summarise(sid, ix.details(members))
        ix.write_story(story, events)
        written += 1
    return written


def relink(ix, article_id: str) -> None:
    """Find an article's nearest again from scratch (after one of them was deleted)."""
    own = ix.match([article_id]).get(article_id)
    if own is None:
        return
    feats = dict(own["features"], keys=ix.keys_of(article_id))
    for other, _ in ix.near(article_id):
        ix.unlink(article_id, other)
    cands = ix.candidates(article_id, feats["keys"], feats["day"], WINDOW_DAYS, CANDIDATES)
    info = ix.match(cands)
    near = [(o, similarity(feats, info[o]["features"])) for o in cands if not is_copy(feats, info[o]["features"])]
    for other, score in sorted([n for n in near if n[1] >= THRESHOLD], key=_rank)[:NEIGHBOURS]:
        ix.link(article_id, other, score, "near")


def forget(store, article_id: str) -> None:
    """Take a deleted article out of its story: the articles that had it among their nearest find
    theirs again, and its story is regrouped (and may split)."""
    with store.story_writer() as ix:
        info = ix.stories_of([article_id])
        if not info:
            return
        story = info[article_id]["story_id"]
        for other in ix.forget(article_id):
            relink(ix, other)
        rebuild(ix, regroup(ix, {story}))
