-- PostgreSQL version of db/migration/V2__feeds_sources.sql.
-- Feeds polled on a schedule, with what the next conditional request needs and what a user
-- needs to see (last success, last error, items seen, next poll).
CREATE TABLE feeds (
  url            TEXT    PRIMARY KEY,
  title          TEXT,
  source         TEXT,              -- source registry id, when known
  etag           TEXT,
  last_modified  TEXT,
  added          TEXT    NOT NULL,  -- ISO 8601 UTC
  last_polled    TEXT,
  last_success   TEXT,
  next_poll_ms   BIGINT  NOT NULL DEFAULT 0,
  interval_s     BIGINT  NOT NULL,  -- current adaptive interval
  errors         BIGINT  NOT NULL DEFAULT 0,  -- consecutive failures
  errors_total   BIGINT  NOT NULL DEFAULT 0,
  last_error     TEXT,
  items_seen     BIGINT  NOT NULL DEFAULT 0,  -- items new to Vigil, over the feed's life
  articles       BIGINT  NOT NULL DEFAULT 0   -- articles stored from it
);
CREATE INDEX feeds_next_poll ON feeds (next_poll_ms);

-- Every article URL fetched (canonical form), so that it is not fetched again.
CREATE TABLE fetched_urls (
  url         TEXT    PRIMARY KEY,
  feed        TEXT,              -- the feed that listed it, if any
  fetched     TEXT    NOT NULL,
  status      BIGINT  NOT NULL,  -- HTTP status; 0 when no response came
  article_id  TEXT,              -- the article stored from it, if any
  error       TEXT
);

-- Near-duplicates: a copy names the article it copies and how much of it it holds.
ALTER TABLE articles ADD COLUMN copy_of TEXT;
ALTER TABLE articles ADD COLUMN copy_similarity DOUBLE PRECISION;
ALTER TABLE articles ADD COLUMN fingerprint BYTEA;  -- MinHash signature (dedup.Fingerprint)
CREATE INDEX articles_copy_of ON articles (copy_of);
