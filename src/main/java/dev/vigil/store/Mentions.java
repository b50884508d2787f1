package dev.vigil.store;

import dev.vigil.internal.Json;
import dev.vigil.model.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who, where and which events the stored articles mention, one row per article, for the
 * entity, place, source and event pages and their API.
 *
 * <p>Read from tables derived from the articles' annotation JSON (migration V5): the triggers
 * there fill them on every write to {@code articles} and the migration backfilled what was
 * stored before. They exist because counting and filtering inside the JSON means parsing every
 * article on every request, which takes seconds at 100k articles; with them a page is a few
 * index lookups. Counts over time and co-occurrence come from the search index's doc values
 * instead ({@link SearchIndex#facets}).
 */
public final class Mentions {
  /** ISO 8601 at year, month or day precision: the only dates event filters accept. */
  public static final Pattern ISO_PREFIX = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

  /** An entity and how many articles mention it. {@code key}: KB id, else {@code name:} and its text. */
  public record EntityCount(String key, String kbId, String name, String type, long articles,
      long mentions) {}

  /** A resolved place (name and country) and how many articles mention it. */
  public record PlaceCount(String name, String country, String kind, Double lat, Double lon,
      Double radiusKm, long articles, long mentions) {}

  /** A source as articles name it, how many articles it has and the span of their dates. */
  public record SourceCount(String name, long articles, String firstPublished,
      String lastPublished, String lastIngested) {}

  /** Where an event happened; coordinates and country are null when it was not resolved. */
  public record EventPlace(String name, String country, Double lat, Double lon, Double radiusKm) {}

  /** One stored event with the article that reports it. */
  public record EventRow(String articleId, String title, String source, String published,
      int index, String type, String acled, String modality, String date, EventPlace place,
      List<Event.Actor> actors, Integer killed, Integer injured, Integer captured,
      String sentence) {}

  /**
   * Which events to list; null fields do not filter. {@code actors}: names any of the event's
   * actors goes by (case-insensitive); {@code places}: names its place goes by (case-insensitive),
   * in {@code placeCountry} when that is given; {@code mentioning}: an entity key, keeps the
   * events of the articles that mention it (an index lookup, so an actor's events cost no scan
   * of all events); {@code from} and {@code to}: ISO dates at any precision,
   * both inclusive, compared with the event's date (else its article's publication date).
   */
  public record EventFilter(String type, String country, Collection<String> actors,
      String mentioning, Collection<String> places, String placeCountry, String source,
      String from, String to) {
    public EventFilter {
      if (from != null && !ISO_PREFIX.matcher(from).matches()) {
        throw new IllegalArgumentException("'from' must be an ISO date like 2024, 2024-11 or 2024-11-19, got '" + from + "'");
      }
      if (to != null && !ISO_PREFIX.matcher(to).matches()) {
        throw new IllegalArgumentException("'to' must be an ISO date like 2024, 2024-11 or 2024-11-19, got '" + to + "'");
      }
      actors = actors == null ? null : List.copyOf(actors);
      places = places == null ? null : List.copyOf(places);
    }

    /** No filter: every event. */
    public static final EventFilter ALL =
        new EventFilter(null, null, null, null, null, null, null, null, null);
  }

  private final Database db;

  private final Visibility visibility;

  Mentions(Database db, Visibility visibility) {
    this.db = db;
    this.visibility = visibility;
  }

  /**
   * The articles about one subject, as an SQL subquery over the derived tables: all of an
   * entity's, a place's or a source's articles come from one index lookup.
   */
  public record ArticleSet(String sql, List<Object> args) {
    /** The articles that mention the entity with {@code key}. */
    public static ArticleSet entity(String key) {
      return new ArticleSet("SELECT article_id FROM article_entities WHERE entity_key = ?", List.of(key));
    }

    /** The articles that mention a place by any of {@code names}, in {@code country} if not null. */
    public static ArticleSet place(Collection<String> names, String country) {
      List<Object> args = new ArrayList<>(names);
      String sql = "SELECT article_id FROM article_places WHERE name IN ("
          + "?,".repeat(Math.max(0, names.size() - 1)) + "?)";
      if (country != null) {
        sql += " AND country = ?";
        args.add(country);
      }
      return new ArticleSet(sql, args);
    }

    /** The articles of the source named {@code name}. */
    public static ArticleSet source(String name) {
      return new ArticleSet("SELECT id AS article_id FROM articles WHERE source = ?", List.of(name));
    }
  }

  /** An article as lists show it. */
  public record ArticleRef(String id, String title, String source, String published) {}

  /** The ids of the articles in {@code set}. */
  public java.util.Set<String> ids(ArticleSet set) {
    String sql = "SELECT s.article_id FROM (" + set.sql() + ") s WHERE 1 = 1"
        + visibility.hiddenArticles("s.article_id");
    List<Object> args = new ArrayList<>(set.args());
    args.addAll(visibility.args());
    return db.read(c -> {
      try (PreparedStatement ps = prepare(c, sql, args)) {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
        return out;
      }
    });
  }

  /** The newest {@code limit} articles of {@code set}. */
  public List<ArticleRef> latest(ArticleSet set, int limit) {
    String sql = "SELECT id, title, source, published FROM articles WHERE id IN (" + set.sql()
        + ")" + visibility.hiddenArticles("id") + " ORDER BY sort_ms DESC, seq DESC LIMIT ?";
    List<Object> args = new ArrayList<>(set.args());
    args.addAll(visibility.args());
    args.add(limit);
    return db.read(c -> {
      try (PreparedStatement ps = prepare(c, sql, args)) {
        List<ArticleRef> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ArticleRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
          }
        }
        return out;
      }
    });
  }

  // --- entities ---

  /**
   * Entities whose name contains {@code q} (case-insensitive; null: any) of {@code type} (null:
   * any), the most mentioned (by articles) first.
   */
  public List<EntityCount> entities(String q, String type, int offset, int limit) {
    String sql = "SELECT entity_key, min(kb_id), min(name), min(type), count(*) AS n, sum(mentions)"
        + " FROM article_entities WHERE " + entityWhere(q, type)
        + " GROUP BY entity_key ORDER BY n DESC, min(name) LIMIT ? OFFSET ?";
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = bindEntityWhere(ps, 1, q, type);
        ps.setInt(i++, limit);
        ps.setInt(i, offset);
        List<EntityCount> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new EntityCount(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getLong(5), rs.getLong(6)));
          }
        }
        return out;
      }
    });
  }

  /** How many distinct entities {@link #entities} can list for these filters. */
  public long entityCount(String q, String type) {
    String sql = "SELECT count(DISTINCT entity_key) FROM article_entities WHERE " + entityWhere(q, type);
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bindEntityWhere(ps, 1, q, type);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  private String entityWhere(String q, String type) {
    return "1 = 1" + (type == null ? "" : " AND type = ?")
        + (q == null ? "" : " AND (name LIKE ? ESCAPE '\\' OR entity_key LIKE ? ESCAPE '\\')")
        + visibility.hiddenArticles("article_id");
  }

  private int bindEntityWhere(PreparedStatement ps, int i, String q, String type)
      throws SQLException {
    if (type != null) {
      ps.setString(i++, type);
    }
    if (q != null) {
      String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      ps.setString(i++, like);
      ps.setString(i++, like);
    }
    return visibility.bind(ps, i);
  }

  /** The entity with this key (KB id or {@code name:...}, case-insensitive), if any article mentions it. */
  public Optional<EntityCount> entity(String key) {
    String sql = "SELECT min(entity_key), min(kb_id), min(name), min(type), count(*), sum(mentions)"
        + " FROM article_entities WHERE entity_key = ?" + visibility.hiddenArticles("article_id")
        + " HAVING count(*) > 0";
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, key);
        visibility.bind(ps, 2);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new EntityCount(rs.getString(1), rs.getString(2),
              rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6))) : Optional.empty();
        }
      }
    });
  }

  /**
   * For each of {@code names} (case-insensitive), the key of the entity most often mentioned
   * under it: turns the index's facet values (names) into links to entity pages.
   */
  public java.util.Map<String, String> entityKeysByName(Collection<String> names) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    if (names.isEmpty()) {
      return out;
    }
    Dialect dialect = db.dialect();
    String sql = "SELECT name, entity_key, count(*) AS n FROM article_entities WHERE "
        + dialect.inIgnoringCase("name", names.size()) + visibility.hiddenArticles("article_id")
        + " GROUP BY name, entity_key ORDER BY n";
    db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        for (String n : names) {
          ps.setString(i++, dialect.caseless(n));
        }
        visibility.bind(ps, i);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) { // ascending: the most frequent key is put last and wins
            out.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
          }
        }
      }
      return null;
    });
    return out;
  }

  // --- places ---

  /** Places whose name contains {@code q} (null: any) in {@code country} (null: any), the most mentioned first. */
  public List<PlaceCount> places(String q, String country, int offset, int limit) {
    String sql = "SELECT min(name), country, min(kind), min(lat), min(lon), max(radius_km),"
        + " count(*) AS n, sum(mentions) FROM article_places WHERE " + placeWhere(q, country)
        + " GROUP BY name, country ORDER BY n DESC, min(name) LIMIT ? OFFSET ?";
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = bindPlaceWhere(ps, 1, q, country);
        ps.setInt(i++, limit);
        ps.setInt(i, offset);
        return placeRows(ps);
      }
    });
  }

  /** How many distinct places {@link #places} can list for these filters. */
  public long placeCount(String q, String country) {
    String sql = "SELECT count(*) FROM (SELECT 1 FROM article_places WHERE "
        + placeWhere(q, country) + " GROUP BY name, country) AS places";
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bindPlaceWhere(ps, 1, q, country);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  /**
   * The place that goes by any of {@code names} (case-insensitive) in {@code country} (null: in
   * any country), one row per stored name and country, the most mentioned first.
   */
  public List<PlaceCount> place(Collection<String> names, String country) {
    if (names.isEmpty()) {
      return List.of();
    }
    String sql = "SELECT min(name), country, min(kind), min(lat), min(lon), max(radius_km),"
        + " count(*) AS n, sum(mentions) FROM article_places WHERE name IN ("
        + "?,".repeat(names.size() - 1) + "?)"
        + (country == null ? "" : " AND country = ?") + visibility.hiddenArticles("article_id")
        + " GROUP BY name, country ORDER BY n DESC";
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        for (String n : names) {
          ps.setString(i++, n);
        }
        if (country != null) {
          ps.setString(i++, country);
        }
        visibility.bind(ps, i);
        return placeRows(ps);
      }
    });
  }

  private String placeWhere(String q, String country) {
    return "1 = 1" + (country == null ? "" : " AND country = ?")
        + (q == null ? "" : " AND name LIKE ? ESCAPE '\\'") + visibility.hiddenArticles("article_id");
  }

  private int bindPlaceWhere(PreparedStatement ps, int i, String q, String country)
      throws SQLException {
    if (country != null) {
      ps.setString(i++, country);
    }
    if (q != null) {
      ps.setString(i++, "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    return visibility.bind(ps, i);
  }

  private static List<PlaceCount> placeRows(PreparedStatement ps) throws SQLException {
    List<PlaceCount> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String country = rs.getString(2);
        out.add(new PlaceCount(rs.getString(1), country.isEmpty() ? null : country,
            rs.getString(3), nullableDouble(rs, 4), nullableDouble(rs, 5), nullableDouble(rs, 6),
            rs.getLong(7), rs.getLong(8)));
      }
    }
    return out;
  }

  // --- sources ---

  /** Every source the articles name, the one with the most articles first. */
  public List<SourceCount> sources() {
    String sql = "SELECT source, count(*) AS n, min(published), max(published), max(ingested)"
        + " FROM articles WHERE source IS NOT NULL AND trim(source) <> ''"
        + visibility.hiddenArticles("id") + " GROUP BY source ORDER BY n DESC, source";
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        visibility.bind(ps, 1);
        List<SourceCount> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new SourceCount(rs.getString(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5)));
          }
        }
        return out;
      }
    });
  }

  // --- events ---

  /** Events that pass {@code filter}, those of the newest articles first. */
  public List<EventRow> events(EventFilter filter, int offset, int limit) {
    List<Object> args = new ArrayList<>();
    String sql = "SELECT e.article_id, a.title, a.source, a.published, e.ord, e.type, e.acled,"
        + " e.modality, e.date, e.place, e.country, e.lat, e.lon, e.radius_km, e.actors,"
        + " e.killed, e.injured, e.captured, e.sentence"
        + " FROM article_events e JOIN articles a ON a.id = e.article_id WHERE "
        + eventWhere(filter, args) + " ORDER BY e.sort_ms DESC, e.article_id, e.ord LIMIT ? OFFSET ?";
    args.add(limit);
    args.add(offset);
    return db.read(c -> {
      try (PreparedStatement ps = prepare(c, sql, args)) {
        List<EventRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String place = rs.getString(10);
            out.add(new EventRow(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), place == null ? null : new EventPlace(place, rs.getString(11),
                    nullableDouble(rs, 12), nullableDouble(rs, 13), nullableDouble(rs, 14)),
                actors(rs.getString(15)), nullableInt(rs, 16), nullableInt(rs, 17),
                nullableInt(rs, 18), rs.getString(19)));
          }
        }
        return out;
      }
    });
  }

  /** How many events pass {@code filter}. */
  public long eventCount(EventFilter filter) {
    List<Object> args = new ArrayList<>();
    String sql = "SELECT count(*) FROM article_events e WHERE " + eventWhere(filter, args);
    return db.read(c -> {
      try (PreparedStatement ps = prepare(c, sql, args)) {
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  private String eventWhere(EventFilter f, List<Object> args) {
    Dialect dialect = db.dialect();
    StringBuilder w = new StringBuilder("1 = 1").append(visibility.hiddenArticles("e.article_id"));
    args.addAll(visibility.args());
    if (f.type() != null) {
      w.append(" AND e.type = ?");
      args.add(f.type());
    }
    if (f.country() != null) {
      w.append(" AND e.country = ?");
      args.add(f.country());
    }
    if (f.places() != null) {
      if (f.places().isEmpty()) {
        w.append(" AND 0 = 1");
      } else {
        w.append(" AND e.place IN (").append("?,".repeat(f.places().size() - 1)).append("?)");
        args.addAll(f.places());
      }
      if (f.placeCountry() != null) {
        w.append(" AND coalesce(e.country, '') IN (?, '')");
        args.add(f.placeCountry());
      }
    }
    if (f.mentioning() != null) {
      w.append(" AND e.article_id IN (SELECT article_id FROM article_entities WHERE entity_key = ?)");
      args.add(f.mentioning());
    }
    if (f.actors() != null) {
      if (f.actors().isEmpty()) {
        w.append(" AND 0 = 1");
      } else {
        w.append(" AND ").append(dialect.anyNameInJsonArray("e.actors", f.actors().size()));
        f.actors().forEach(a -> args.add(dialect.caseless(a)));
      }
    }
    if (f.source() != null) {
      w.append(" AND e.article_id IN (SELECT id FROM articles WHERE source = ?)");
      args.add(f.source());
    }
    if (f.from() != null) {
      w.append(" AND substr(e.date, 1, ?) >= ?");
      args.add(f.from().length());
      args.add(f.from());
    }
    if (f.to() != null) {
      w.append(" AND substr(e.date, 1, ?) <= ?");
      args.add(f.to().length());
      args.add(f.to());
    }
    return w.toString();
  }

  private static PreparedStatement prepare(Connection c, String sql, List<Object> args)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.size(); i++) {
      ps.setObject(i + 1, args.get(i));
    }
    return ps;
  }

  private static List<Event.Actor> actors(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    return List.of(Json.read(json, Event.Actor[].class));
  }

  private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }
}
