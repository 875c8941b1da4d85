-- newsevents store, schema version 1.
-- One row per article (keyed by its id, unique by the SHA-256 of its text) and one row per item of
-- its newsevents/1 document. Every item row keeps the item's full JSON; the other columns are
-- copies made for filtering, sorting and counting. `seq` columns give a stable order for keyset
-- pagination (rows are only appended).

CREATE TABLE articles (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    text_sha256  TEXT NOT NULL UNIQUE,
    title        TEXT,
    published    TEXT,
    outlet       TEXT,
    url          TEXT,
    author       TEXT,
    language     TEXT,
    source_path  TEXT,
    text         TEXT NOT NULL,
    document     TEXT NOT NULL,          -- the newsevents/1 JSON without "text" (stored once, above)
    n_entities   INTEGER NOT NULL DEFAULT 0,
    n_events     INTEGER NOT NULL DEFAULT 0,
    n_quotes     INTEGER NOT NULL DEFAULT 0,
    n_places     INTEGER NOT NULL DEFAULT 0,
    n_casualties INTEGER NOT NULL DEFAULT 0,
    n_warnings   INTEGER NOT NULL DEFAULT 0,
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE entities (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    label       TEXT,
    n_mentions  INTEGER NOT NULL DEFAULT 0,
    item        TEXT NOT NULL,
    UNIQUE (article_id, id)
);
CREATE INDEX entities_name ON entities (name COLLATE NOCASE);

CREATE TABLE mentions (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    FOREIGN KEY (article_id, entity_id) REFERENCES entities (article_id, id) ON DELETE CASCADE
);
CREATE INDEX mentions_entity ON mentions (article_id, entity_id);

CREATE TABLE places (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    geonameid   INTEGER,
    lat         REAL,
    lon         REAL,
    country     TEXT,
    admin1      TEXT,
    feature     TEXT,
    score       REAL,
    item        TEXT NOT NULL,
    UNIQUE (article_id, id)
);
CREATE INDEX places_country ON places (country);
CREATE INDEX places_geonameid ON places (geonameid);

CREATE TABLE events (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    type            TEXT NOT NULL,
    mode            TEXT,
    negated         INTEGER NOT NULL DEFAULT 0,
    modality        TEXT,
    disputed        INTEGER NOT NULL DEFAULT 0,
    date            TEXT,                -- the event's date value as given (YYYY-MM-DD, YYYY-MM, YYYY …)
    date_precision  TEXT,
    date_start      TEXT,                -- first day the date covers (falls back to the article's publication day)
    date_end        TEXT,                -- last day it covers
    place_name      TEXT,
    place_country   TEXT,                -- ISO 3166-1 alpha-2
    lat             REAL,
    lon             REAL,
    actor_names     TEXT,                -- "; "-joined, for display and CSV
    recipient_names TEXT,
    reported_by     TEXT,
    trigger_text    TEXT,
    evidence_text   TEXT NOT NULL,
    item            TEXT NOT NULL,
    UNIQUE (article_id, id)
);
CREATE INDEX events_type ON events (type, mode);
CREATE INDEX events_date ON events (date_start);
CREATE INDEX events_place ON events (place_name COLLATE NOCASE);
CREATE INDEX events_country ON events (place_country);
CREATE INDEX events_latlon ON events (lat, lon);

-- Actors and recipients of events, one row each: filters and counts by name, sector and country.
CREATE TABLE event_actors (
    event_seq   INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
    role        TEXT NOT NULL,           -- actor | recipient
    name        TEXT NOT NULL,
    entity      TEXT,
    sector      TEXT,
    country     TEXT,                    -- ISO alpha-3
    country2    TEXT                     -- ISO alpha-2
);
CREATE INDEX event_actors_event ON event_actors (event_seq);
CREATE INDEX event_actors_name ON event_actors (name COLLATE NOCASE);
CREATE INDEX event_actors_sector ON event_actors (sector);
CREATE INDEX event_actors_country ON event_actors (country);

CREATE TABLE quotes (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    kind         TEXT NOT NULL,
    text         TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    speaker_name TEXT,
    speaker_entity TEXT,
    speaker_role TEXT,
    item         TEXT NOT NULL,
    UNIQUE (article_id, id)
);
CREATE INDEX quotes_speaker ON quotes (speaker_name COLLATE NOCASE);

CREATE TABLE casualties (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    kind         TEXT NOT NULL,
    count        INTEGER,
    approximate  INTEGER NOT NULL DEFAULT 0,
    who          TEXT,
    event_id     TEXT,
    item         TEXT NOT NULL,
    UNIQUE (article_id, id)
);
CREATE INDEX casualties_event ON casualties (article_id, event_id);

CREATE TABLE dates (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    value        TEXT,
    precision    TEXT,
    item         TEXT NOT NULL,
    UNIQUE (article_id, id)
);

-- Failures while ingesting: one row per article (or input line) that could not be stored.
CREATE TABLE errors (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    article     TEXT,
    source      TEXT,
    code        TEXT NOT NULL,
    message     TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- Full-text search (external content: the text is stored once, in the tables above).
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles', content_rowid = 'seq');
CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, speaker_name, content = 'quotes', content_rowid = 'seq');
CREATE VIRTUAL TABLE events_fts USING fts5 (evidence_text, trigger_text, actor_names, recipient_names, place_name,
                                            content = 'events', content_rowid = 'seq');

-- Keep the full-text indexes in step with their tables.
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text, speaker_name) VALUES (new.seq, new.text, new.speaker_name);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_name) VALUES ('delete', old.seq, old.text, old.speaker_name);
END;
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, evidence_text, trigger_text, actor_names, recipient_names, place_name)
    VALUES (new.seq, new.evidence_text, new.trigger_text, new.actor_names, new.recipient_names, new.place_name);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, evidence_text, trigger_text, actor_names, recipient_names, place_name)
    VALUES ('delete', old.seq, old.evidence_text, old.trigger_text, old.actor_names, old.recipient_names, old.place_name);
END;
