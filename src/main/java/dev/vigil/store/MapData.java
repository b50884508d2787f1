package dev.vigil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the map shows: the places articles mention (one point per resolved place, with how
 * many articles mention it) and the events that have a place, read from the rows derived from
 * the stored annotations ({@code article_places}, {@code article_events}, migration V5) so a
 * request does not parse every article's JSON.
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
  private final Visibility visibility;

  MapData(Database db, Visibility visibility) {
    this.db = db;
    this.visibility = visibility;
  }

  /** Up to {@code limit} places, the most mentioned first. */
  public List<PlacePoint> places(int limit) {
    String sql = "SELECT p.name AS name, p.kind AS kind, min(nullif(p.country, '')) AS country,"
        + " round(CAST(p.lat AS NUMERIC), 4) AS lat, round(CAST(p.lon AS NUMERIC), 4) AS lon, max(p.radius_km) AS radius,"
        + " count(DISTINCT p.article_id) AS n, max(a.published) AS latest"
        + " FROM article_places p JOIN articles a ON a.id = p.article_id"
        + " WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL" + visibility.hiddenArticles("a.id")
        + " GROUP BY p.name, p.kind, round(CAST(p.lat AS NUMERIC), 4), round(CAST(p.lon AS NUMERIC), 4) ORDER BY n DESC, p.name LIMIT ?";
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setInt(visibility.bind(ps, 1), limit);
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
    String sql = "SELECT a.id, a.title, a.source, a.published, e.type AS type,"
        + " e.modality AS modality, e.date AS date, e.place AS place, e.lat AS lat, e.lon AS lon,"
        + " e.sentence AS sentence"
        + " FROM article_events e JOIN articles a ON a.id = e.article_id"
        + " WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL" + visibility.hiddenArticles("a.id")
        + " ORDER BY e.sort_ms DESC, a.seq DESC, e.ord LIMIT ?";
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setInt(visibility.bind(ps, 1), limit);
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
