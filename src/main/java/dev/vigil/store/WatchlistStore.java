package dev.vigil.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.internal.Json;
import dev.vigil.model.IsoDates;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watchlists, their alerts and the alerts' deliveries in the database. Every write runs in
 * the database's write transaction; {@link #record} also advances the {@code
 * alerts_evaluated_up_to} watermark in the same transaction, so a batch of articles is turned
 * into alerts exactly once even when two processes evaluate.
 */
public final class WatchlistStore {
  private static final String WATERMARK = "alerts_evaluated_up_to";
  private static final TypeReference<List<Alert.Reason>> REASONS = new TypeReference<>() {};
  private static final String DELIVERY_COLUMNS =
      "id, alert_id, channel, status, attempts, due_ms, last_error, last_attempt, delivered";

  private final Database db;

  WatchlistStore(Database db) {
    this.db = db;
  }

  /**
   * Who owns a watchlist and how it is marked: it is listed to those the marking lets see it,
   * and its alerts are evaluated as its owner's organisation would see the articles.
   * {@link #NONE}: made in single-user mode or by the CLI, evaluated over everything.
   *
   * @param username the owning account, null for none
   */
  public record Owner(String username, Marking marking) {
    public static final Owner NONE = new Owner(null, Marking.CLEAR);

    /** What the owner may see: the articles its alerts may contain. */
    public Visibility visibility() {
      return username == null || marking.organisation() == null
          ? Visibility.ALL : Visibility.of(marking.organisation());
    }
  }

  /** Stores a new watchlist without an owner (single-user mode, the CLI). */
  public Watchlist create(Watchlist w) {
    return create(w, Owner.NONE);
  }

  /** Stores a new watchlist of {@code owner} and returns it with its id and times. */
  public Watchlist create(Watchlist w, Owner owner) {
    String now = IsoDates.format(Instant.now());
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO watchlists (name, definition, created, updated, since_change, owner, org, tlp)"
              + " VALUES (?,?,?,?,(SELECT value FROM counters WHERE name = 'change'),?,?,?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, w.name());
        ps.setString(2, Json.write(w));
        ps.setString(3, now);
        ps.setString(4, now);
        ps.setString(5, owner.username());
        ps.setString(6, owner.marking().organisation());
        ps.setString(7, owner.marking().label());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return w.stored(keys.getLong(1), now, now);
        }
      }
    });
  }

  /** Replaces the definition of watchlist {@code id}; empty if there is none. Its alerts stay. */
  public Optional<Watchlist> replace(long id, Watchlist w) {
    String now = IsoDates.format(Instant.now());
    return db.write(c -> {
      Optional<Watchlist> old = get(c, id);
      if (old.isEmpty()) {
        return Optional.<Watchlist>empty();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE watchlists SET name = ?, definition = ?, updated = ? WHERE id = ?")) {
        ps.setString(1, w.name());
        ps.setString(2, Json.write(w));
        ps.setString(3, now);
        ps.setLong(4, id);
        ps.executeUpdate();
      }
      return Optional.of(w.stored(id, old.get().created(), now));
    });
  }

  public Optional<Watchlist> get(long id) {
    return db.read(c -> get(c, id));
  }

  private static Optional<Watchlist> get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, definition, created, updated FROM watchlists WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(readWatchlist(rs)) : Optional.empty();
      }
    }
  }

  /** Every watchlist, oldest first. */
  public List<Watchlist> all() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, definition, created, updated FROM watchlists ORDER BY id");
           ResultSet rs = ps.executeQuery()) {
        List<Watchlist> out = new ArrayList<>();
        while (rs.next()) {
          out.add(readWatchlist(rs));
        }
        return out;
      }
    });
  }

  /** Each watchlist's owner and marking, by watchlist id. */
  public Map<Long, Owner> owners() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, owner, org, tlp FROM watchlists");
           ResultSet rs = ps.executeQuery()) {
        Map<Long, Owner> out = new HashMap<>();
        while (rs.next()) {
          out.put(rs.getLong(1), new Owner(rs.getString(2), Marking.of(rs.getString(4), rs.getString(3))));
        }
        return out;
      }
    });
  }

  /** The owner and marking of watchlist {@code id}, if there is one. */
  public Optional<Owner> owner(long id) {
    return Optional.ofNullable(owners().get(id));
  }

  /**
   * For each watchlist id, the last article change stored before the watchlist was created:
   * a watchlist alerts on what is stored after it, not on the archive.
   */
  public Map<Long, Long> sinceChanges() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, since_change FROM watchlists");
           ResultSet rs = ps.executeQuery()) {
        Map<Long, Long> out = new HashMap<>();
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getLong(2));
        }
        return out;
      }
    });
  }

  private static Watchlist readWatchlist(ResultSet rs) throws SQLException {
    Watchlist w;
    try {
      w = Json.read(rs.getString(2), Watchlist.class);
    } catch (UncheckedIOException e) {
      throw new StoreException("watchlist " + rs.getLong(1) + " has an unreadable definition: "
          + e.getCause().getMessage(), e);
    }
    return w.stored(rs.getLong(1), rs.getString(3), rs.getString(4));
  }

  /** Deletes watchlist {@code id} with its alerts and deliveries; false if there was none. */
  public boolean remove(long id) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM watchlists WHERE id = ?")) {
        ps.setLong(1, id);
        return ps.executeUpdate() > 0;
      }
    });
  }

  /** The last article change the watchlists have been evaluated against. */
  public long evaluatedUpTo() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT value FROM counters WHERE name = ?")) {
        ps.setString(1, WATERMARK);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  /**
   * An article that matched a watchlist: the story it belongs to, why it matched, the channels
   * to deliver on and when a new round of delivery would be due (the digest).
   */
  public record Match(
      long watchlistId, String storyId, String articleId, String title, List<Alert.Reason> reasons,
      List<String> channels, long dueMs) {}

  /** What {@link #record} did. */
  public record Recorded(boolean applied, int created, int updated) {}

  /**
   * Records the matches found in the articles changed after {@code from} up to {@code upTo}, and
   * moves the watermark to {@code upTo}, in one transaction. A match of a story that already
   * has an alert for the watchlist is folded into it; a new round of delivery is scheduled
   * only on channels with no round pending (a pending round sends the alert as it is then).
   * Does nothing if the watermark is no longer {@code from} (another process got there first).
   */
  public Recorded record(long from, long upTo, List<Match> matches, Instant now) {
    String at = IsoDates.format(now);
    return db.write(c -> {
      try (PreparedStatement cas = c.prepareStatement(
          "UPDATE counters SET value = ? WHERE name = ? AND value = ?")) {
        cas.setLong(1, upTo);
        cas.setString(2, WATERMARK);
        cas.setLong(3, from);
        if (cas.executeUpdate() == 0) {
          return new Recorded(false, 0, 0);
        }
      }
      int created = 0;
      int updated = 0;
      for (Match m : matches) {
        Long alertId = findAlert(c, m.watchlistId(), m.storyId());
        boolean newArticle;
        if (alertId == null) {
          alertId = insertAlert(c, m, at, now);
          newArticle = true;
          created++;
        } else {
          newArticle = addArticle(c, alertId, m.articleId());
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE alerts SET latest_article = ?, latest_title = ?, reasons = ?, updated = ?,"
                  + " updated_ms = ?, article_count = (SELECT count(*) FROM alert_articles"
                  + " WHERE alert_id = ?) WHERE id = ?")) {
            ps.setString(1, m.articleId());
            ps.setString(2, m.title());
            ps.setString(3, Json.write(m.reasons()));
            ps.setString(4, at);
            ps.setLong(5, now.toEpochMilli());
            ps.setLong(6, alertId);
            ps.setLong(7, alertId);
            ps.executeUpdate();
          }
          if (newArticle) {
            updated++;
          }
        }
        if (newArticle) {
          for (String channel : m.channels()) {
            scheduleDelivery(c, alertId, channel, m.dueMs());
          }
        }
      }
      return new Recorded(true, created, updated);
    });
  }

  private static Long findAlert(Connection c, long watchlistId, String storyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM alerts WHERE watchlist_id = ? AND story_id = ?")) {
      ps.setLong(1, watchlistId);
      ps.setString(2, storyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static long insertAlert(Connection c, Match m, String at, Instant now) throws SQLException {
    long id;
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO alerts (watchlist_id, story_id, first_article, latest_article, latest_title,"
            + " article_count, reasons, created, updated, updated_ms) VALUES (?,?,?,?,?,1,?,?,?,?)",
        Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, m.watchlistId());
      ps.setString(2, m.storyId());
      ps.setString(3, m.articleId());
      ps.setString(4, m.articleId());
      ps.setString(5, m.title());
      ps.setString(6, Json.write(m.reasons()));
      ps.setString(7, at);
      ps.setString(8, at);
      ps.setLong(9, now.toEpochMilli());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    addArticle(c, id, m.articleId());
    return id;
  }

  private static boolean addArticle(Connection c, long alertId, String articleId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO alert_articles (alert_id, article_id) VALUES (?,?) ON CONFLICT DO NOTHING")) {
      ps.setLong(1, alertId);
      ps.setString(2, articleId);
      return ps.executeUpdate() > 0;
    }
  }

  private static void scheduleDelivery(Connection c, long alertId, String channel, long dueMs)
      throws SQLException {
    try (PreparedStatement find = c.prepareStatement(
        "SELECT 1 FROM deliveries WHERE alert_id = ? AND channel = ? AND status = 'pending'")) {
      find.setLong(1, alertId);
      find.setString(2, channel);
      try (ResultSet rs = find.executeQuery()) {
        if (rs.next()) {
          return; // folded: the pending round will carry this update
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO deliveries (alert_id, channel, status, attempts, due_ms) VALUES (?,?,'pending',0,?)")) {
      ps.setLong(1, alertId);
      ps.setString(2, channel);
      ps.setLong(3, dueMs);
      ps.executeUpdate();
    }
  }

  /** The alerts of watchlist {@code watchlistId}, most recently updated first, with deliveries. */
  public List<Alert> alerts(long watchlistId, int limit) {
    return alerts(watchlistId, limit, Visibility.ALL);
  }

  /**
   * The alerts of watchlist {@code watchlistId} that {@code v} may see in full (every article
   * folded into them), most recently updated first, with deliveries.
   */
  public List<Alert> alerts(long watchlistId, int limit, Visibility v) {
    String where = v.everything() ? "watchlist_id = ?" : "watchlist_id = ? AND NOT EXISTS (SELECT 1"
        + " FROM alert_articles x WHERE x.alert_id = alerts.id AND x.article_id IN ("
        + v.hiddenArticleIds() + "))";
    return db.read(c -> alerts(c, where, watchlistId, limit, v));
  }

  /** The alert with {@code id}, with its deliveries, if stored. */
  public Optional<Alert> alert(long id) {
    return db.read(c -> alerts(c, "id = ?", id, 1, Visibility.ALL).stream().findFirst());
  }

  private static List<Alert> alerts(Connection c, String where, long param, int limit, Visibility v)
      throws SQLException {
    List<Alert> bare = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, watchlist_id, story_id, first_article, latest_article, latest_title,"
            + " article_count, reasons, created, updated FROM alerts WHERE " + where
            + " ORDER BY updated_ms DESC, id DESC LIMIT ?")) {
      ps.setLong(1, param);
      ps.setInt(v.bind(ps, 2), limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          bare.add(new Alert(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getInt(7), readReasons(rs.getString(8)),
              rs.getString(9), rs.getString(10), List.of()));
        }
      }
    }
    List<Alert> out = new ArrayList<>(bare.size());
    for (Alert a : bare) {
      out.add(new Alert(a.id(), a.watchlistId(), a.storyId(), a.firstArticle(), a.latestArticle(),
          a.latestTitle(), a.articleCount(), a.reasons(), a.created(), a.updated(),
          deliveries(c, a.id())));
    }
    return out;
  }

  private static List<Alert.Reason> readReasons(String json) {
    try {
      return Json.mapper().readValue(json, REASONS);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new StoreException("unreadable alert reasons: " + e.getMessage(), e);
    }
  }

  private static List<Alert.Delivery> deliveries(Connection c, long alertId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + DELIVERY_COLUMNS
        + " FROM deliveries WHERE alert_id = ? ORDER BY id DESC LIMIT 20")) {
      ps.setLong(1, alertId);
      return readDeliveries(ps);
    }
  }

  private static List<Alert.Delivery> readDeliveries(PreparedStatement ps) throws SQLException {
    List<Alert.Delivery> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Alert.Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getInt(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9)));
      }
    }
    return out;
  }

  /** Pending deliveries due at {@code nowMs}, oldest first. */
  public List<Alert.Delivery> dueDeliveries(long nowMs, int limit) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + DELIVERY_COLUMNS
          + " FROM deliveries WHERE status = 'pending' AND due_ms <= ? ORDER BY due_ms, id LIMIT ?")) {
        ps.setLong(1, nowMs);
        ps.setInt(2, limit);
        return readDeliveries(ps);
      }
    });
  }

  /** Deliveries of watchlist {@code watchlistId} that failed for good or are retrying. */
  public long failedDeliveries(long watchlistId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT count(*) FROM deliveries d JOIN alerts a ON a.id = d.alert_id"
              + " WHERE a.watchlist_id = ? AND (d.status = 'failed' OR d.last_error IS NOT NULL"
              + " AND d.status = 'pending')")) {
        ps.setLong(1, watchlistId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  /** Marks deliveries {@code ids} as delivered at {@code at}. */
  public void markDelivered(List<Long> ids, Instant at) {
    String when = IsoDates.format(at);
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt = ?,"
              + " delivered = ? WHERE id = ? AND status = 'pending'")) {
        for (long id : ids) {
          ps.setString(1, when);
          ps.setString(2, when);
          ps.setLong(3, id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /**
   * Records a failed attempt of deliveries {@code ids}: due again at {@code retryAtMs}, or
   * {@code failed} for good when it is null.
   */
  public void markFailed(List<Long> ids, String error, Instant at, Long retryAtMs) {
    String when = IsoDates.format(at);
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE deliveries SET status = ?, attempts = attempts + 1, last_attempt = ?,"
              + " last_error = ?, due_ms = coalesce(?, due_ms) WHERE id = ? AND status = 'pending'")) {
        for (long id : ids) {
          ps.setString(1, retryAtMs == null ? "failed" : "pending");
          ps.setString(2, when);
          ps.setString(3, error);
          if (retryAtMs == null) {
            ps.setNull(4, Types.INTEGER);
          } else {
            ps.setLong(4, retryAtMs);
          }
          ps.setLong(5, id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }
}
