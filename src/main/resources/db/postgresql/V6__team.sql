-- PostgreSQL version of db/migration/V6__team.sql: the tables are the same text; the two
-- append-only triggers are one trigger function here (and TRUNCATE is refused as well).
-- Team mode: organisations, accounts, sessions, API tokens, analyst notes, event corrections
-- and the append-only audit log.

CREATE TABLE organisations (
  name     TEXT PRIMARY KEY,
  created  TEXT NOT NULL
);

CREATE TABLE users (
  username       TEXT PRIMARY KEY,
  organisation   TEXT NOT NULL REFERENCES organisations (name),
  role           TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
  password_hash  TEXT NOT NULL,          -- Argon2id, PHC string format
  disabled       INTEGER NOT NULL DEFAULT 0,
  failed_logins  INTEGER NOT NULL DEFAULT 0,  -- consecutive failures since the last success
  locked_until   TEXT,                   -- no login before this time
  created        TEXT NOT NULL
);

-- Server-side sessions; the cookie holds the id, the table only its SHA-256.
CREATE TABLE sessions (
  id_hash   TEXT PRIMARY KEY,
  username  TEXT NOT NULL REFERENCES users (username),
  csrf      TEXT NOT NULL,
  created   TEXT NOT NULL,
  expires   TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (username);

-- API tokens: shown once, stored as SHA-256.
CREATE TABLE api_tokens (
  id          TEXT PRIMARY KEY,
  username    TEXT NOT NULL REFERENCES users (username),
  label       TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  scope       TEXT NOT NULL CHECK (scope IN ('read', 'write')),
  created     TEXT NOT NULL,
  last_used   TEXT,
  revoked     TEXT
);

-- Analyst notes on an item: kind 'article' (id = article id), 'story' (story id) or 'event'
-- (article id '#' event number).
CREATE TABLE notes (
  id            TEXT PRIMARY KEY,
  item_kind     TEXT NOT NULL CHECK (item_kind IN ('article', 'story', 'event')),
  item_id       TEXT NOT NULL,
  organisation  TEXT NOT NULL,
  author        TEXT NOT NULL,
  tlp           TEXT NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  body          TEXT NOT NULL,
  created       TEXT NOT NULL
);
CREATE INDEX notes_item ON notes (item_kind, item_id);

-- An analyst's correction of one extracted event, kept apart from the article's analysis so
-- that re-analysis does not lose it. The event is found again by its sentence span and trigger
-- (event numbers may shift); original holds the event as first corrected (JSON), so the
-- correction still shows if re-analysis no longer finds the event.
CREATE TABLE event_corrections (
  article_id  TEXT NOT NULL,
  event_id    INTEGER NOT NULL,
  span_start  INTEGER NOT NULL,
  span_end    INTEGER NOT NULL,
  trigger     TEXT,
  original    TEXT NOT NULL,
  verdict     TEXT CHECK (verdict IN ('confirmed', 'disputed')),
  type        TEXT,
  place       TEXT,     -- JSON {name, lat, lon}
  date        TEXT,
  reason      TEXT,
  updated     TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  PRIMARY KEY (article_id, event_id)
);

-- Every change by a person: who, when, which item, the state before and after (JSON). The
-- marking and organisation of the item decide who may read the entry (as for notes).
CREATE TABLE audit_log (
  seq           BIGINT PRIMARY KEY,
  at            TEXT NOT NULL,
  actor         TEXT NOT NULL,
  organisation  TEXT NOT NULL,
  action        TEXT NOT NULL,
  item_kind     TEXT NOT NULL,
  item_id       TEXT NOT NULL,
  tlp           TEXT NOT NULL,
  before_state  TEXT,
  after_state   TEXT
);
CREATE INDEX audit_item ON audit_log (item_kind, item_id, seq);

CREATE FUNCTION audit_log_append_only() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
