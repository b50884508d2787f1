-- Analyst curation: actor corrections of events, the events as extracted of corrected
-- articles, story merge/split decisions and knowledge-base edits. Plain SQL that PostgreSQL
-- accepts as well (TEXT keys made by the application, ISO 8601 UTC times as TEXT).

-- The corrected actors of an event (JSON array of {role, name, id}); null keeps the extracted.
ALTER TABLE event_corrections ADD COLUMN actors TEXT;

-- articles.annotations holds the events as corrected (every reader sees them: pages, map,
-- search, exports, alerts); this keeps the events as the analysis extracted them, for the
-- articles that have corrections, so a later correction or re-analysis starts from them.
CREATE TABLE article_extractions (
  article_id  TEXT PRIMARY KEY,
  events      TEXT NOT NULL     -- JSON array of the extracted events
);

-- An analyst's merge or split of stories, which the automatic clustering respects: kind
-- 'merge' (from_story folded into into_story) or 'split' (articles moved from from_story into
-- the new into_story; the two are never merged automatically again).
CREATE TABLE story_decisions (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
  from_story  BIGINT NOT NULL,
  into_story  BIGINT NOT NULL,
  articles    TEXT NOT NULL,    -- JSON array of the article ids that moved
  reason      TEXT,
  at          TEXT NOT NULL,
  by_user     TEXT NOT NULL
);
CREATE INDEX story_decisions_from ON story_decisions (from_story);
CREATE INDEX story_decisions_into ON story_decisions (into_story);

-- Knowledge-base entries added or changed by analysts (JSON of a kb Actor), applied over the
-- bundled base and DATA/kb.yaml when newly analysed articles are linked.
CREATE TABLE kb_entries (
  id          TEXT PRIMARY KEY,
  entry       TEXT NOT NULL,
  updated     TEXT NOT NULL,
  updated_by  TEXT NOT NULL
);
