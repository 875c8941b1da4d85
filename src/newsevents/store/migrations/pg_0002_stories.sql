-- newsevents store, schema version 2 on PostgreSQL: stories (docs/stories.md).
-- Same tables as 0002_stories.sql (SQLite).
-- Everything here is derived from the articles and rebuilt by the stories stage: one row per
-- article grouped into a story (its features, its story, the original it copies), the blocking keys
-- it is filed under, its links to its nearest articles, and per story its summary and story events.

CREATE TABLE story_articles (
    article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    canon       TEXT NOT NULL,           -- canonical order: publication time (or "~") + text SHA-256
    day         INTEGER,                 -- publication day (proleptic ordinal) or NULL
    source      TEXT NOT NULL,           -- the outlet it counts for
    features    TEXT NOT NULL,           -- JSON: what similarity reads (newsevents.stories.features)
    details     TEXT NOT NULL,           -- JSON: event mentions, casualties, metadata (for summaries)
    story_id    TEXT NOT NULL,
    copy_of     TEXT                     -- the original, when this text is a near-duplicate copy
);
CREATE INDEX story_articles_story ON story_articles (story_id);

CREATE TABLE story_keys (
    key         TEXT NOT NULL,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    day         INTEGER
);
CREATE INDEX story_keys_key ON story_keys (key, day);
CREATE INDEX story_keys_article ON story_keys (article_id);

-- article -> one of its nearest articles ("near") or a text it is a copy of / copied by ("copy")
CREATE TABLE story_links (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    neighbour   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    similarity  REAL NOT NULL,
    kind        TEXT NOT NULL,
    PRIMARY KEY (article_id, neighbour)
);
CREATE INDEX story_links_neighbour ON story_links (neighbour);

CREATE TABLE stories (
    id            TEXT PRIMARY KEY,
    title         TEXT,
    first_report  TEXT,
    last_report   TEXT,
    n_articles    INTEGER NOT NULL,
    n_sources     INTEGER NOT NULL,
    n_events      INTEGER NOT NULL,
    n_mentions    INTEGER NOT NULL,
    disputed      INTEGER NOT NULL DEFAULT 0,
    type          TEXT,
    country       TEXT,
    summary       TEXT NOT NULL          -- JSON: reports (timeline), outlets, disputed fields
);
CREATE INDEX stories_size ON stories (n_articles, id);
CREATE INDEX stories_first ON stories (first_report);

CREATE TABLE story_events (
    id            TEXT PRIMARY KEY,      -- STORY_ID/seN
    story_id      TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    type          TEXT NOT NULL,
    mode          TEXT,
    first_report  TEXT,
    n_mentions    INTEGER NOT NULL,
    n_articles    INTEGER NOT NULL,
    n_sources     INTEGER NOT NULL,
    disputed      INTEGER NOT NULL DEFAULT 0,
    item          TEXT NOT NULL          -- JSON: mentions, facts and their values with who reported them
);
CREATE INDEX story_events_story ON story_events (story_id);

-- every event mention of a story event; "first" marks the one mention that stands for it in counts
CREATE TABLE story_event_mentions (
    article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    event_id        TEXT NOT NULL,
    story_event_id  TEXT NOT NULL REFERENCES story_events (id) ON DELETE CASCADE,
    first           INTEGER NOT NULL DEFAULT 0,
    disputed        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX story_event_mentions_event ON story_event_mentions (story_event_id);
