-- newsevents store on PostgreSQL, schema version 1: the same tables and columns as 0001_initial.sql
-- (SQLite), with tsvector columns and GIN indexes in place of FTS5 tables.

CREATE TABLE articles (
    seq          BIGSERIAL PRIMARY KEY,
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
    document     TEXT NOT NULL,
    n_entities   INTEGER NOT NULL DEFAULT 0,
    n_events     INTEGER NOT NULL DEFAULT 0,
    n_quotes     INTEGER NOT NULL DEFAULT 0,
    n_places     INTEGER NOT NULL DEFAULT 0,
    n_casualties INTEGER NOT NULL DEFAULT 0,
    n_warnings   INTEGER NOT NULL DEFAULT 0,
    ingested_at  TEXT NOT NULL,
    tsv          tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);

CREATE TABLE entities (
    seq         BIGSERIAL PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    label       TEXT,
    n_mentions  INTEGER NOT NULL DEFAULT 0,
    item        TEXT NOT NULL,
    UNIQUE (article_id, id)
);
CREATE INDEX entities_name ON entities (lower(name));

CREATE TABLE mentions (
    seq         BIGSERIAL PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    FOREIGN KEY (article_id, entity_id) REFERENCES entities (article_id, id) ON DELETE CASCADE
);
CREATE INDEX mentions_entity ON mentions (article_id, entity_id);

CREATE TABLE places (
    seq         BIGSERIAL PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    geonameid   BIGINT,
    lat         DOUBLE PRECISION,
    lon         DOUBLE PRECISION,
    country     TEXT,
    admin1      TEXT,
    feature     TEXT,
    score       DOUBLE PRECISION,
    item        TEXT NOT NULL,
    UNIQUE (article_id, id)
);
CREATE INDEX places_country ON places (country);

CREATE TABLE events (
    seq             BIGSERIAL PRIMARY KEY,
    article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    type            TEXT NOT NULL,
    mode            TEXT,
    negated         INTEGER NOT NULL DEFAULT 0,
    modality        TEXT,
    disputed        INTEGER NOT NULL DEFAULT 0,
    date            TEXT,
    date_precision  TEXT,
    date_start      TEXT,
    date_end        TEXT,
    place_name      TEXT,
    place_country   TEXT,
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    actor_names     TEXT,
    recipient_names TEXT,
    reported_by     TEXT,
    trigger_text    TEXT,
    evidence_text   TEXT NOT NULL,
    item            TEXT NOT NULL,
    tsv             tsvector GENERATED ALWAYS AS (to_tsvector('simple',
                        coalesce(evidence_text, '') || ' ' || coalesce(trigger_text, '') || ' ' ||
                        coalesce(actor_names, '') || ' ' || coalesce(recipient_names, '') || ' ' ||
                        coalesce(place_name, ''))) STORED,
    UNIQUE (article_id, id)
);
CREATE INDEX events_type ON events (type, mode);
CREATE INDEX events_date ON events (date_start);
CREATE INDEX events_place ON events (lower(place_name));
CREATE INDEX events_country ON events (place_country);
CREATE INDEX events_latlon ON events (lat, lon);
CREATE INDEX events_tsv ON events USING GIN (tsv);

CREATE TABLE event_actors (
    event_seq   BIGINT NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    name        TEXT NOT NULL,
    entity      TEXT,
    sector      TEXT,
    country     TEXT,
    country2    TEXT
);
CREATE INDEX event_actors_event ON event_actors (event_seq);
CREATE INDEX event_actors_sector ON event_actors (sector);
CREATE INDEX event_actors_country ON event_actors (country);

CREATE TABLE quotes (
    seq            BIGSERIAL PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    kind           TEXT NOT NULL,
    text           TEXT NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    speaker_name   TEXT,
    speaker_entity TEXT,
    speaker_role   TEXT,
    item           TEXT NOT NULL,
    tsv            tsvector GENERATED ALWAYS AS (to_tsvector('simple', text || ' ' || coalesce(speaker_name, ''))) STORED,
    UNIQUE (article_id, id)
);
CREATE INDEX quotes_speaker ON quotes (lower(speaker_name));
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);

CREATE TABLE casualties (
    seq          BIGSERIAL PRIMARY KEY,
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
    seq          BIGSERIAL PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    value        TEXT,
    precision    TEXT,
    item         TEXT NOT NULL,
    UNIQUE (article_id, id)
);

CREATE TABLE errors (
    seq         BIGSERIAL PRIMARY KEY,
    article     TEXT,
    source      TEXT,
    code        TEXT NOT NULL,
    message     TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
