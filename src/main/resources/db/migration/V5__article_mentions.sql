-- Rows derived from articles.annotations for the entity, place, source and event pages and
-- their API: they count, filter and page with indexes instead of parsing every article's JSON
-- on each request (json_each over 100k articles takes seconds). Kept in step with the articles
-- by triggers, so every write fills them whoever writes, and backfilled below for the articles
-- already stored. Lucene answers the co-occurrence and date counts; these tables answer what
-- the index does not hold: entity types and KB ids, place coordinates, and events one by one.

-- One row per (article, entity): KB-linked mentions under the KB id, others under 'name:' and
-- their text. Locations are left to article_places.
CREATE TABLE article_entities (
  article_id  TEXT    NOT NULL,
  entity_key  TEXT    NOT NULL COLLATE NOCASE,
  kb_id       TEXT,
  name        TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  mentions    INTEGER NOT NULL,
  PRIMARY KEY (article_id, entity_key)
);
CREATE INDEX article_entities_key ON article_entities (entity_key);
CREATE INDEX article_entities_name ON article_entities (name COLLATE NOCASE);

-- One row per (article, resolved place name and country).
CREATE TABLE article_places (
  article_id  TEXT    NOT NULL,
  name        TEXT    NOT NULL COLLATE NOCASE,
  country     TEXT    NOT NULL DEFAULT '',
  kind        TEXT,
  lat         REAL,
  lon         REAL,
  radius_km   REAL,
  mentions    INTEGER NOT NULL,
  PRIMARY KEY (article_id, name, country)
);
CREATE INDEX article_places_name ON article_places (name, country);

-- One row per event, with the article's time for ordering and the country of its place (from
-- the article's resolved place of the same name).
CREATE TABLE article_events (
  article_id  TEXT    NOT NULL,
  ord         INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  acled       TEXT,
  modality    TEXT    NOT NULL,
  date        TEXT,              -- the event's date, else the article's publication date
  place       TEXT COLLATE NOCASE,
  country     TEXT,
  lat         REAL,
  lon         REAL,
  radius_km   REAL,
  actors      TEXT    NOT NULL,  -- JSON array of {"role","name"}
  killed      INTEGER,
  injured     INTEGER,
  captured    INTEGER,
  sentence    TEXT,
  sort_ms     INTEGER NOT NULL,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX article_events_sort ON article_events (sort_ms DESC, article_id, ord);
CREATE INDEX article_events_type ON article_events (type, sort_ms DESC);
CREATE INDEX article_events_country ON article_events (country, sort_ms DESC);
CREATE INDEX article_events_place ON article_events (place);

CREATE TRIGGER article_mentions_insert AFTER INSERT ON articles
BEGIN
  INSERT INTO article_entities (article_id, entity_key, kb_id, name, type, mentions)
    SELECT NEW.id, k, min(kb), min(n), min(t), count(*)
    FROM (SELECT json_extract(e.value, '$.id') AS kb,
            coalesce(json_extract(e.value, '$.name'), json_extract(e.value, '$.text')) AS n,
            json_extract(e.value, '$.type') AS t,
            coalesce(json_extract(e.value, '$.id'),
              'name:' || coalesce(json_extract(e.value, '$.name'), json_extract(e.value, '$.text'))) AS k
          FROM json_each(NEW.annotations, '$.entities') e)
    WHERE t <> 'LOCATION' AND trim(n) <> ''
    GROUP BY k COLLATE NOCASE;
  INSERT INTO article_places (article_id, name, country, kind, lat, lon, radius_km, mentions)
    SELECT NEW.id, min(n), c, min(kind), min(lat), min(lon), max(r), count(*)
    FROM (SELECT coalesce(json_extract(p.value, '$.name'), json_extract(p.value, '$.text')) AS n,
            coalesce(json_extract(p.value, '$.country'), '') AS c, json_extract(p.value, '$.kind') AS kind,
            json_extract(p.value, '$.lat') AS lat, json_extract(p.value, '$.lon') AS lon,
            json_extract(p.value, '$.radiusKm') AS r
          FROM json_each(NEW.annotations, '$.places') p)
    WHERE trim(n) <> ''
    GROUP BY n COLLATE NOCASE, c;
  INSERT INTO article_events (article_id, ord, type, acled, modality, date, place, country, lat,
      lon, radius_km, actors, killed, injured, captured, sentence, sort_ms)
    SELECT NEW.id, e.key, json_extract(e.value, '$.type'), json_extract(e.value, '$.acled'),
      json_extract(e.value, '$.modality'),
      coalesce(json_extract(e.value, '$.date'), NEW.published),
      json_extract(e.value, '$.place.name'),
      (SELECT json_extract(p.value, '$.country') FROM json_each(NEW.annotations, '$.places') p
        WHERE json_extract(p.value, '$.name') = json_extract(e.value, '$.place.name')
          AND json_extract(p.value, '$.country') IS NOT NULL LIMIT 1),
      json_extract(e.value, '$.place.lat'), json_extract(e.value, '$.place.lon'),
      json_extract(e.value, '$.place.radiusKm'),
      coalesce(json_extract(e.value, '$.actors'), '[]'),
      json_extract(e.value, '$.killed'), json_extract(e.value, '$.injured'),
      json_extract(e.value, '$.captured'), json_extract(e.value, '$.sentence'), NEW.sort_ms
    FROM json_each(NEW.annotations, '$.events') e;
END;

CREATE TRIGGER article_mentions_delete AFTER DELETE ON articles
BEGIN
  DELETE FROM article_entities WHERE article_id = OLD.id;
  DELETE FROM article_places WHERE article_id = OLD.id;
  DELETE FROM article_events WHERE article_id = OLD.id;
END;

-- An update rewrites the article's rows: delete, then the insert trigger's statements again.
CREATE TRIGGER article_mentions_update AFTER UPDATE OF annotations, published, sort_ms ON articles
BEGIN
  DELETE FROM article_entities WHERE article_id = OLD.id;
  DELETE FROM article_places WHERE article_id = OLD.id;
  DELETE FROM article_events WHERE article_id = OLD.id;
  INSERT INTO article_entities (article_id, entity_key, kb_id, name, type, mentions)
    SELECT NEW.id, k, min(kb), min(n), min(t), count(*)
    FROM (SELECT json_extract(e.value, '$.id') AS kb,
            coalesce(json_extract(e.value, '$.name'), json_extract(e.value, '$.text')) AS n,
            json_extract(e.value, '$.type') AS t,
            coalesce(json_extract(e.value, '$.id'),
              'name:' || coalesce(json_extract(e.value, '$.name'), json_extract(e.value, '$.text'))) AS k
          FROM json_each(NEW.annotations, '$.entities') e)
    WHERE t <> 'LOCATION' AND trim(n) <> ''
    GROUP BY k COLLATE NOCASE;
  INSERT INTO article_places (article_id, name, country, kind, lat, lon, radius_km, mentions)
    SELECT NEW.id, min(n), c, min(kind), min(lat), min(lon), max(r), count(*)
    FROM (SELECT coalesce(json_extract(p.value, '$.name'), json_extract(p.value, '$.text')) AS n,
            coalesce(json_extract(p.value, '$.country'), '') AS c, json_extract(p.value, '$.kind') AS kind,
            json_extract(p.value, '$.lat') AS lat, json_extract(p.value, '$.lon') AS lon,
            json_extract(p.value, '$.radiusKm') AS r
          FROM json_each(NEW.annotations, '$.places') p)
    WHERE trim(n) <> ''
    GROUP BY n COLLATE NOCASE, c;
  INSERT INTO article_events (article_id, ord, type, acled, modality, date, place, country, lat,
      lon, radius_km, actors, killed, injured, captured, sentence, sort_ms)
    SELECT NEW.id, e.key, json_extract(e.value, '$.type'), json_extract(e.value, '$.acled'),
      json_extract(e.value, '$.modality'),
      coalesce(json_extract(e.value, '$.date'), NEW.published),
      json_extract(e.value, '$.place.name'),
      (SELECT json_extract(p.value, '$.country') FROM json_each(NEW.annotations, '$.places') p
        WHERE json_extract(p.value, '$.name') = json_extract(e.value, '$.place.name')
          AND json_extract(p.value, '$.country') IS NOT NULL LIMIT 1),
      json_extract(e.value, '$.place.lat'), json_extract(e.value, '$.place.lon'),
      json_extract(e.value, '$.place.radiusKm'),
      coalesce(json_extract(e.value, '$.actors'), '[]'),
      json_extract(e.value, '$.killed'), json_extract(e.value, '$.injured'),
      json_extract(e.value, '$.captured'), json_extract(e.value, '$.sentence'), NEW.sort_ms
    FROM json_each(NEW.annotations, '$.events') e;
END;

-- Backfill: touching every article fires the update trigger.
UPDATE articles SET sort_ms = sort_ms;
