-- PostgreSQL version of db/migration/V5__article_mentions.sql: the same derived tables, filled
-- by one PL/pgSQL trigger function that reads the annotation JSON with the jsonb functions
-- where SQLite's triggers use json_each and json_extract. Columns that are COLLATE NOCASE in
-- SQLite are citext here, so that they compare, group and stay unique without case (the store
-- binds string parameters untyped, so they compare as citext too).
CREATE EXTENSION IF NOT EXISTS citext;

-- One row per (article, entity): KB-linked mentions under the KB id, others under 'name:' and
-- their text. Locations are left to article_places.
CREATE TABLE article_entities (
  article_id  TEXT    NOT NULL,
  entity_key  CITEXT  NOT NULL,
  kb_id       TEXT,
  name        CITEXT  NOT NULL,  -- SQLite: TEXT, but its LIKE ignores case, as citext's does
  type        TEXT    NOT NULL,
  mentions    BIGINT  NOT NULL,
  PRIMARY KEY (article_id, entity_key)
);
CREATE INDEX article_entities_key ON article_entities (entity_key);
CREATE INDEX article_entities_name ON article_entities (name);

-- One row per (article, resolved place name and country).
CREATE TABLE article_places (
  article_id  TEXT    NOT NULL,
  name        CITEXT  NOT NULL,
  country     TEXT    NOT NULL DEFAULT '',
  kind        TEXT,
  lat         DOUBLE PRECISION,
  lon         DOUBLE PRECISION,
  radius_km   DOUBLE PRECISION,
  mentions    BIGINT  NOT NULL,
  PRIMARY KEY (article_id, name, country)
);
CREATE INDEX article_places_name ON article_places (name, country);

-- One row per event, with the article's time for ordering and the country of its place (from
-- the article's resolved place of the same name).
CREATE TABLE article_events (
  article_id  TEXT    NOT NULL,
  ord         BIGINT  NOT NULL,
  type        TEXT    NOT NULL,
  acled       TEXT,
  modality    TEXT    NOT NULL,
  date        TEXT,              -- the event's date, else the article's publication date
  place       CITEXT,
  country     TEXT,
  lat         DOUBLE PRECISION,
  lon         DOUBLE PRECISION,
  radius_km   DOUBLE PRECISION,
  actors      TEXT    NOT NULL,  -- JSON array of {"role","name"}
  killed      BIGINT,
  injured     BIGINT,
  captured    BIGINT,
  sentence    TEXT,
  sort_ms     BIGINT  NOT NULL,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX article_events_sort ON article_events (sort_ms DESC, article_id, ord);
CREATE INDEX article_events_type ON article_events (type, sort_ms DESC);
CREATE INDEX article_events_country ON article_events (country, sort_ms DESC);
CREATE INDEX article_events_place ON article_events (place);

-- A JSON array, or an empty one for anything else (a missing key, null, an object).
CREATE FUNCTION vigil_json_array(j JSONB) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(j) = 'array' THEN j ELSE '[]'::jsonb END
$$;

-- Rewrites an article's derived rows (an entity's key as first written, where SQLite keeps one
-- of the group's): on delete and update the old ones go, on insert and
-- update the new ones are made from its annotations (the statements of SQLite's triggers).
CREATE FUNCTION article_mentions_refresh() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  a JSONB;
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM article_entities WHERE article_id = OLD.id;
    DELETE FROM article_places WHERE article_id = OLD.id;
    DELETE FROM article_events WHERE article_id = OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  a := CAST(NEW.annotations AS JSONB);

  INSERT INTO article_entities (article_id, entity_key, kb_id, name, type, mentions)
    SELECT NEW.id, (array_agg(k ORDER BY i))[1], min(kb), min(n), min(t), count(*)
    FROM (SELECT e ->> 'id' AS kb, coalesce(e ->> 'name', e ->> 'text') AS n, e ->> 'type' AS t,
            coalesce(e ->> 'id', 'name:' || coalesce(e ->> 'name', e ->> 'text')) AS k, i
          FROM jsonb_array_elements(vigil_json_array(a -> 'entities')) WITH ORDINALITY AS x (e, i)) m
    WHERE t <> 'LOCATION' AND trim(n) <> ''
    GROUP BY lower(k);

  INSERT INTO article_places (article_id, name, country, kind, lat, lon, radius_km, mentions)
    SELECT NEW.id, min(n), c, min(kind), min(lat), min(lon), max(r), count(*)
    FROM (SELECT coalesce(p ->> 'name', p ->> 'text') AS n, coalesce(p ->> 'country', '') AS c,
            p ->> 'kind' AS kind, CAST(p ->> 'lat' AS DOUBLE PRECISION) AS lat,
            CAST(p ->> 'lon' AS DOUBLE PRECISION) AS lon,
            CAST(p ->> 'radiusKm' AS DOUBLE PRECISION) AS r
          FROM jsonb_array_elements(vigil_json_array(a -> 'places')) p) m
    WHERE trim(n) <> ''
    GROUP BY lower(n), c;

  INSERT INTO article_events (article_id, ord, type, acled, modality, date, place, country, lat,
      lon, radius_km, actors, killed, injured, captured, sentence, sort_ms)
    SELECT NEW.id, x.i - 1, x.e ->> 'type', x.e ->> 'acled', x.e ->> 'modality',
      coalesce(x.e ->> 'date', NEW.published),
      x.e -> 'place' ->> 'name',
      (SELECT p ->> 'country' FROM jsonb_array_elements(vigil_json_array(a -> 'places')) p
        WHERE p ->> 'name' = x.e -> 'place' ->> 'name' AND p ->> 'country' IS NOT NULL LIMIT 1),
      CAST(x.e -> 'place' ->> 'lat' AS DOUBLE PRECISION),
      CAST(x.e -> 'place' ->> 'lon' AS DOUBLE PRECISION),
      CAST(x.e -> 'place' ->> 'radiusKm' AS DOUBLE PRECISION),
      coalesce(CAST(x.e -> 'actors' AS TEXT), '[]'),
      CAST(x.e ->> 'killed' AS BIGINT), CAST(x.e ->> 'injured' AS BIGINT),
      CAST(x.e ->> 'captured' AS BIGINT), x.e ->> 'sentence', NEW.sort_ms
    FROM jsonb_array_elements(vigil_json_array(a -> 'events')) WITH ORDINALITY AS x (e, i);
  RETURN NEW;
END
$$;

CREATE TRIGGER article_mentions_insert AFTER INSERT ON articles
  FOR EACH ROW EXECUTE FUNCTION article_mentions_refresh();
CREATE TRIGGER article_mentions_delete AFTER DELETE ON articles
  FOR EACH ROW EXECUTE FUNCTION article_mentions_refresh();
CREATE TRIGGER article_mentions_update AFTER UPDATE OF annotations, published, sort_ms ON articles
  FOR EACH ROW EXECUTE FUNCTION article_mentions_refresh();

-- Backfill: touching every article fires the update trigger.
UPDATE articles SET sort_ms = sort_ms;
