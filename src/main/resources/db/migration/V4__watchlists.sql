-- Watchlists: a saved query with filters; the definition (query, filters, digest, channels)
-- is JSON so that a new filter needs no migration.
CREATE TABLE watchlists (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT    NOT NULL,
  definition  TEXT    NOT NULL,  -- JSON of the store.Watchlist record without id and times
  since_change INTEGER NOT NULL, -- articles changed up to here were stored before it existed
  created     TEXT    NOT NULL,  -- ISO 8601 UTC
  updated     TEXT    NOT NULL
);

-- One alert per (watchlist, story): later matching articles of the story are folded into it.
CREATE TABLE alerts (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  watchlist_id    INTEGER NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
  story_id        TEXT    NOT NULL,
  first_article   TEXT    NOT NULL,
  latest_article  TEXT    NOT NULL,
  latest_title    TEXT,
  article_count   INTEGER NOT NULL,
  reasons         TEXT    NOT NULL,  -- JSON list of why the latest article matched
  created         TEXT    NOT NULL,
  updated         TEXT    NOT NULL,
  updated_ms      INTEGER NOT NULL,
  UNIQUE (watchlist_id, story_id)
);
CREATE INDEX alerts_watchlist ON alerts (watchlist_id, updated_ms DESC);

-- The articles folded into each alert (its count is the number of rows).
CREATE TABLE alert_articles (
  alert_id    INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  article_id  TEXT    NOT NULL,
  PRIMARY KEY (alert_id, article_id)
);

-- What has to be sent where: one row per (alert, channel) and round of delivery. A pending row
-- absorbs later updates of its alert (the digest); delivered and failed rows are history.
CREATE TABLE deliveries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id        INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  channel         TEXT    NOT NULL,  -- webhook | email
  status          TEXT    NOT NULL,  -- pending | delivered | failed
  attempts        INTEGER NOT NULL DEFAULT 0,
  due_ms          INTEGER NOT NULL,  -- when to try next (digest boundary, then backoff)
  last_error      TEXT,
  last_attempt    TEXT,
  delivered       TEXT
);
CREATE INDEX deliveries_due ON deliveries (status, due_ms);
CREATE INDEX deliveries_alert ON deliveries (alert_id, channel, status);

-- The last article change the watchlists have been evaluated against.
INSERT INTO counters (name, value) VALUES ('alerts_evaluated_up_to', 0);
