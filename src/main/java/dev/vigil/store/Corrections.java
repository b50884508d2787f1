package dev.vigil.store;

import dev.vigil.internal.Json;
import dev.vigil.model.Annotations;
import dev.vigil.model.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The one place where analysts' event corrections are applied. They are applied when an
 * article is written ({@link #onWrite}: ingestion, re-ingestion, re-analysis) and when a
 * correction changes ({@link #rewrite}), so {@code articles.annotations} always holds the
 * events as corrected and every reader sees them without knowing about corrections: pages,
 * the map and events API (their rows are derived from the annotations), search and facets (the
 * article is re-indexed through the change log), story reports, exports and alerts. The events
 * as extracted are kept in {@code article_extractions} for the articles that have corrections,
 * so that a later correction starts from them and the article page can show both.
 */
final class Corrections {
  private Corrections() {}

  /**
   * The annotations to store for {@code articleId} when the analysis wrote {@code extracted}:
   * unchanged if no event of the article was corrected, else with the corrections applied (and
   * the extracted events kept).
   */
  static Annotations onWrite(Connection c, String articleId, Annotations extracted)
      throws SQLException {
    List<EventCorrection> corrections = AnalystStore.corrections(c, articleId);
    if (corrections.isEmpty()) {
      return extracted;
    }
    keepExtracted(c, articleId, extracted.events());
    return applied(extracted, corrections);
  }

  /**
   * Re-applies the article's corrections after one changed, from the events as extracted, and
   * stores the result as a new change of the article (so the index and story reports pick it up).
   */
  static void rewrite(Connection c, String articleId, List<Event> extracted) throws SQLException {
    Annotations stored;
    try (PreparedStatement ps = c.prepareStatement("SELECT annotations FROM articles WHERE id = ?")) {
      ps.setString(1, articleId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return;
        }
        stored = Json.read(rs.getString(1), Annotations.class);
      }
    }
    keepExtracted(c, articleId, extracted);
    Annotations corrected = applied(stored.withEvents(extracted, stored.categories(),
        stored.categoryEvidence()), AnalystStore.corrections(c, articleId));
    long change = ArticleStore.currentChange(c) + 1;
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE articles SET annotations = ?, change_seq = ? WHERE id = ?")) {
      ps.setString(1, Json.write(corrected));
      ps.setLong(2, change);
      ps.setString(3, articleId);
      ps.executeUpdate();
    }
    ArticleStore.setChange(c, change);
  }

  /**
   * The events of {@code articleId} as the analysis extracted them: the kept copy if the article
   * has corrections, else {@code stored} (which then holds them unchanged).
   */
  static List<Event> extracted(Connection c, String articleId, List<Event> stored)
      throws SQLException {
    return kept(c, articleId).orElse(stored);
  }

  private static Optional<List<Event>> kept(Connection c, String articleId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT events FROM article_extractions WHERE article_id = ?")) {
      ps.setString(1, articleId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(List.of(Json.read(rs.getString(1), Event[].class))) : Optional.empty();
      }
    }
  }

  private static Annotations applied(Annotations extracted, List<EventCorrection> corrections) {
    List<Event> events = CorrectedEvent.apply(extracted.events(), corrections).stream()
        .map(CorrectedEvent::event).toList();
    return extracted.withEvents(events, extracted.categories(), extracted.categoryEvidence());
  }

  private static void keepExtracted(Connection c, String articleId, List<Event> events)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO article_extractions (article_id,"
        + " events) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET events = excluded.events")) {
      ps.setString(1, articleId);
      ps.setString(2, Json.write(events));
      ps.executeUpdate();
    }
  }
}
