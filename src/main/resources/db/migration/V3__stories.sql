-- Stories: articles grouped as they arrive (package dev.vigil.stories). Derived from the
-- articles, but not rebuilt on the fly: assignment happens once per article, in arrival
-- order, so the stories an analyst saw stay stable.

-- Longer-running threads: stories linked by the same actors and places across weeks.
CREATE TABLE threads (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  created_ms  INTEGER NOT NULL
);

CREATE TABLE stories (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  thread_id    INTEGER REFERENCES threads (id),
  size         INTEGER NOT NULL,   -- articles in the story
  first_ms     INTEGER NOT NULL,   -- earliest article (published, else ingested)
  last_ms      INTEGER NOT NULL,   -- latest article
  profile      TEXT    NOT NULL,   -- JSON: term centroid, embedding sum, entity and place counts
  merged_into  INTEGER             -- the story it was merged into; null while it lives
);
CREATE INDEX stories_live ON stories (merged_into, last_ms);
CREATE INDEX stories_thread ON stories (thread_id);

-- Which story each article belongs to (moved along when stories merge).
CREATE TABLE story_articles (
  article_id   TEXT    PRIMARY KEY,
  story_id     INTEGER NOT NULL REFERENCES stories (id),
  score        REAL    NOT NULL,   -- similarity with the story when it joined; 0 for a founder
  assigned_ms  INTEGER NOT NULL,
  features     TEXT    NOT NULL    -- JSON: the article's terms, embedding, entities, places
);
CREATE INDEX story_articles_story ON story_articles (story_id);

-- Stories that drifted together: from_story was folded into into_story.
CREATE TABLE story_merges (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  from_story  INTEGER NOT NULL,
  into_story  INTEGER NOT NULL,
  score       REAL    NOT NULL,
  at          TEXT    NOT NULL
);

-- 'stories' is the last article change (articles.change_seq) assigned to a story.
INSERT INTO counters (name, value) VALUES ('stories', 0);
