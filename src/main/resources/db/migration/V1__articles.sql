-- Articles are the source of truth; the Lucene index is derived from this table.
-- change_seq orders every write, so the index can catch up with what it has not seen.
CREATE TABLE articles (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  id           TEXT    NOT NULL UNIQUE,
  url          TEXT,
  source       TEXT,
  title        TEXT,
  byline       TEXT,
  published    TEXT,              -- ISO 8601 at the precision known
  published_ms INTEGER,           -- start of that period, for sorting
  language     TEXT,
  text         TEXT    NOT NULL,
  content_hash TEXT    NOT NULL,  -- SHA-256 of the normalised title and text
  origin       TEXT,              -- file path (and line) or URL it was ingested from
  ingested     TEXT    NOT NULL,  -- ISO 8601 UTC
  ingested_ms  INTEGER NOT NULL,
  sort_ms      INTEGER NOT NULL,  -- published_ms, else ingested_ms: "newest first"
  annotations  TEXT    NOT NULL,  -- JSON of the Annotations record
  change_seq   INTEGER NOT NULL
);
CREATE INDEX articles_change_seq ON articles (change_seq);
CREATE INDEX articles_published ON articles (published_ms);
CREATE INDEX articles_sort ON articles (sort_ms DESC, seq DESC);
CREATE INDEX articles_content_hash ON articles (content_hash);

-- Inputs a stage could not handle, kept where a user can see them.
CREATE TABLE failures (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  at      TEXT    NOT NULL,
  stage   TEXT    NOT NULL,
  origin  TEXT    NOT NULL,
  line    INTEGER,
  reason  TEXT    NOT NULL
);
CREATE INDEX failures_origin ON failures (origin);

-- Monotonic counters; 'change' numbers every write to articles.
CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('change', 0);
