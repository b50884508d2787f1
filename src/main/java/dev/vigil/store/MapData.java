package dev.vigil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the map shows, read from the stored annotations: the places articles mention (one point
 * per resolved place, with how many articles mention it) and the events that have a place.
 */
public final class MapData {
  /** A resolved place and the articles that mention it. */
  public record PlacePoint(String name, String kind, String country, double lat, double lon,
      Double radiusKm, long articles, String latest) {}

  /** An event with a place on the map, and the article that reports it. */
  public record EventPoint(String articleId, String title, String source, String published,
      String type, String modality, String date, String place, double lat, double lon,
      String sentence) {}

  private final Database db;

  MapData(Database db) {
    this.db = db;
  }

  /** Up to {@code limit} places, the most mentioned first. */
  public List<PlacePoint> places(int limit) {
    String sql = "SELECT json_extract(p.value, '$.name') AS name,"
        + " json_extract(p.value, '$.kind') AS kind, json_extract(p.value, '$.country') AS country,"
        + " round(json_extract(p.value, '$.lat'), 4) AS lat,"
        + " round(json_extract(p.value, '$.lon'), 4) AS lon,"
        + " max(json_extract(p.value, '$.radiusKm')) AS radius,"
        + " count(DISTINCT a.id) AS n, max(a.published) AS latest"
        + " FROM articles a, json_each(a.annotations, '$.places') p"
        + " WHERE json_extract(p.value, '$.lat') IS NOT NULL"
        + " AND json_extract(p.value, '$.lon') IS NOT NULL"
        + " GROUP BY name, kind, lat, lon ORDER BY n DESC, name LIMIT ?";
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setInt(1, limit);
        List<PlacePoint> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new PlacePoint(rs.getString("name"), rs.getString("kind"),
                rs.getString("country"), rs.getDouble("lat"), rs.getDouble("lon"),
                nullableDouble(rs, "radius"), rs.getLong("n"), rs.getString("latest")));
          }
        }
        return out;
      }
    });
  }

  /** Up to {@code limit} events that have coordinates, the newest articles first. */
  public List<EventPoint> events(int limit) {
    String sql = "SELECT a.id, a.title, a.source, a.published,"
        + " json_extract(e.value, '$.type') AS type, json_extract(e.value, '$.modality') AS modality,"
        + " json_extract(e.value, '$.date') AS date, json_extract(e.value, '$.place.name') AS place,"
        + " json_extract(e.value, '$.place.lat') AS lat, json_extract(e.value, '$.place.lon') AS lon,"
        + " json_extract(e.value, '$.sentence') AS sentence"
        + " FROM articles a, json_each(a.annotations, '$.events') e"
        + " WHERE json_extract(e.value, '$.place.lat') IS NOT NULL"
        + " AND json_extract(e.value, '$.place.lon') IS NOT NULL"
        + " ORDER BY a.sort_ms DESC, a.seq DESC LIMIT ?";
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setInt(1, limit);
        List<EventPoint> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new EventPoint(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString("type"), rs.getString("modality"),
                rs.getString("date"), rs.getString("place"), rs.getDouble("lat"),
                rs.getDouble("lon"), rs.getString("sentence")));
          }
        }
        return out;
      }
    });
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }
}
