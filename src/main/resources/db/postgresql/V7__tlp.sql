-- TLP markings and owning organisations on articles, stories and watchlists (team mode). Plain
-- SQL that PostgreSQL accepts as well. An article without an organisation is public news and
-- may only be CLEAR or GREEN; AMBER, AMBER+STRICT and RED need an owning organisation (the
-- application enforces both; see store.Marking). Events inherit their article's marking.

ALTER TABLE articles ADD COLUMN tlp TEXT NOT NULL DEFAULT 'CLEAR';
ALTER TABLE articles ADD COLUMN org TEXT;
-- the restricted articles are few: "which articles are hidden from org X" reads this index
CREATE INDEX articles_marking ON articles (tlp, org);

-- A story marked as a whole (on top of its articles' markings): restricts its page, its place
-- in lists, related stories and alerts. No row: the story is as visible as its articles.
CREATE TABLE story_markings (
  story_id  BIGINT PRIMARY KEY,
  tlp       TEXT NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  org       TEXT NOT NULL,
  updated   TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

-- Watchlists belong to an account and its organisation and carry a marking; their alerts are
-- evaluated as the owner. NULL owner: made in single-user mode or by the CLI (sees everything).
ALTER TABLE watchlists ADD COLUMN owner TEXT;
ALTER TABLE watchlists ADD COLUMN org TEXT;
ALTER TABLE watchlists ADD COLUMN tlp TEXT NOT NULL DEFAULT 'CLEAR';
