package dev.vigil.store;

import dev.vigil.model.FeedState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The crawl's state in the database: feeds and their schedule, the article URLs already
 * fetched, and the near-duplicate links and fingerprints of articles.
 */
public final class FeedStore {
  /** A URL fetched again replaces what was recorded for it. */
  private static final String REPLACE_FETCHED = " ON CONFLICT (url) DO UPDATE SET feed = excluded.feed,"
      + " fetched = excluded.fetched, status = excluded.status, article_id = excluded.article_id,"
      + " error = excluded.error";

  private final Database db;

  FeedStore(Database db) {
    this.db = db;
  }

  /** Adds a feed unless it is known; returns whether it was new. */
  public boolean add(FeedState feed) {
    return db.write(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO feeds (url, title, source,"
          + " added, next_poll_ms, interval_s) VALUES (?,?,?,?,?,?) ON CONFLICT (url) DO NOTHING")) {
        s.setString(1, feed.url());
        s.setString(2, feed.title());
        s.setString(3, feed.source());
        s.setString(4, feed.added().toString());
        s.setLong(5, feed.nextPoll().toEpochMilli());
        s.setLong(6, feed.interval().toSeconds());
        return s.executeUpdate() == 1;
      }
    });
  }

  /** Saves everything about a feed after a poll. */
  public void update(FeedState f) {
    db.write(c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE feeds SET title = ?, source = ?, etag = ?,"
          + " last_modified = ?, last_polled = ?, last_success = ?, next_poll_ms = ?, interval_s = ?,"
          + " errors = ?, errors_total = ?, last_error = ?, items_seen = ?, articles = ? WHERE url = ?")) {
        s.setString(1, f.title());
        s.setString(2, f.source());
        s.setString(3, f.etag());
        s.setString(4, f.lastModified());
        s.setString(5, f.lastPolled() == null ? null : f.lastPolled().toString());
        s.setString(6, f.lastSuccess() == null ? null : f.lastSuccess().toString());
        s.setLong(7, f.nextPoll().toEpochMilli());
        s.setLong(8, f.interval().toSeconds());
        s.setInt(9, f.errors());
        s.setInt(10, f.errorsTotal());
        s.setString(11, f.lastError());
        s.setLong(12, f.itemsSeen());
        s.setLong(13, f.articles());
        s.setString(14, f.url());
        s.executeUpdate();
        return null;
      }
    });
  }

  public Optional<FeedState> get(String url) {
    List<FeedState> l = query("SELECT * FROM feeds WHERE url = ?", url);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** All feeds, soonest due first. */
  public List<FeedState> all() {
    return query("SELECT * FROM feeds ORDER BY next_poll_ms, url");
  }

  /** Feeds due at {@code now}, soonest first. */
  public List<FeedState> due(Instant now) {
    return query("SELECT * FROM feeds WHERE next_poll_ms <= ? ORDER BY next_poll_ms, url", now.toEpochMilli());
  }

  /** When the next feed is due; empty when there are no feeds. */
  public Optional<Instant> nextDue() {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT MIN(next_poll_ms) FROM feeds");
           ResultSet r = s.executeQuery()) {
        r.next();
        long v = r.getLong(1);
        return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
      }
    });
  }

  /** Whether this canonical article URL was fetched before (successfully or not). */
  public boolean fetched(String url) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM fetched_urls WHERE url = ?")) {
        s.setString(1, url);
        try (ResultSet r = s.executeQuery()) {
          return r.next();
        }
      }
    });
  }

  /** Records a fetched article URL; {@code articleId} and {@code error} may be null. */
  public void recordFetch(String url, String feed, Instant at, int status, String articleId, String error) {
    db.write(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO fetched_urls"
          + " (url, feed, fetched, status, article_id, error) VALUES (?,?,?,?,?,?)" + REPLACE_FETCHED)) {
        s.setString(1, url);
        s.setString(2, feed);
        s.setString(3, at.toString());
        s.setInt(4, status);
        s.setString(5, articleId);
        s.setString(6, error);
        s.executeUpdate();
        return null;
      }
    });
  }

  /** The feed an article URL was listed in, if it came from one. */
  public Optional<String> feedOf(String url) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT feed FROM fetched_urls WHERE url = ?")) {
        s.setString(1, url);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /**
   * What the crawl learnt about one stored article: its fingerprint (null to leave it), the
   * article it copies (null when none) and the fetched URLs that led to it.
   */
  public record StoredPage(String articleId, byte[] fingerprint, String copyOf, Double similarity,
      List<String> urls, String feed) {}

  /** Records stored pages in one transaction: fingerprints, copy links and fetched URLs. */
  public void recordStored(List<StoredPage> pages, Instant at) {
    if (pages.isEmpty()) {
      return;
    }
    db.write(c -> {
      try (PreparedStatement fp = c.prepareStatement(
               "UPDATE articles SET fingerprint = ?, copy_of = ?, copy_similarity = ? WHERE id = ?");
           PreparedStatement url = c.prepareStatement("INSERT INTO fetched_urls"
               + " (url, feed, fetched, status, article_id, error) VALUES (?,?,?,200,?,NULL)"
               + REPLACE_FETCHED)) {
        for (StoredPage p : pages) {
          if (p.fingerprint() != null) {
            fp.setBytes(1, p.fingerprint());
            fp.setString(2, p.copyOf());
            if (p.similarity() == null) {
              fp.setNull(3, Types.REAL);
            } else {
              fp.setDouble(3, p.similarity());
            }
            fp.setString(4, p.articleId());
            fp.addBatch();
          }
          for (String u : p.urls()) {
            url.setString(1, u);
            url.setString(2, p.feed());
            url.setString(3, at.toString());
            url.setString(4, p.articleId());
            url.addBatch();
          }
        }
        fp.executeBatch();
        url.executeBatch();
        return null;
      }
    });
  }

  /** An earlier article with exactly this content hash, other than {@code id}. */
  public Optional<String> sameContent(String contentHash, String id) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT id FROM articles WHERE content_hash = ? AND id <> ? ORDER BY seq LIMIT 1")) {
        s.setString(1, contentHash);
        s.setString(2, id);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /** An article's copy link: the id it copies and the similarity; empty when it is no copy. */
  public Optional<CopyLink> copyOf(String articleId) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT copy_of, copy_similarity FROM articles WHERE id = ?")) {
        s.setString(1, articleId);
        try (ResultSet r = s.executeQuery()) {
          return r.next() && r.getString(1) != null
              ? Optional.of(new CopyLink(articleId, r.getString(1), r.getDouble(2))) : Optional.empty();
        }
      }
    });
  }

  /** A copy and the article it copies. */
  public record CopyLink(String id, String copyOf, double similarity) {}

  /** Calls {@code each} with the newest {@code limit} stored fingerprints, oldest first. */
  public void recentFingerprints(int limit, BiConsumer<String, byte[]> each) {
    db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT id, fingerprint FROM (SELECT seq, id, fingerprint"
          + " FROM articles WHERE fingerprint IS NOT NULL ORDER BY seq DESC LIMIT ?) AS recent ORDER BY seq")) {
        s.setInt(1, limit);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            each.accept(r.getString(1), r.getBytes(2));
          }
        }
      }
      return null;
    });
  }

  private List<FeedState> query(String sql, Object... args) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          s.setObject(i + 1, args[i]);
        }
        List<FeedState> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(row(r));
          }
        }
        return out;
      }
    });
  }

  private static FeedState row(ResultSet r) throws SQLException {
    return new FeedState(r.getString("url"), r.getString("title"), r.getString("source"),
        r.getString("etag"), r.getString("last_modified"), Instant.parse(r.getString("added")),
        instant(r.getString("last_polled")), instant(r.getString("last_success")),
        Instant.ofEpochMilli(r.getLong("next_poll_ms")), Duration.ofSeconds(r.getLong("interval_s")),
        r.getInt("errors"), r.getInt("errors_total"), r.getString("last_error"),
        r.getLong("items_seen"), r.getLong("articles"));
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }
}
