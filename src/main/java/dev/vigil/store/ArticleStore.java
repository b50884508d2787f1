package dev.vigil.store;

import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.Failure;
import dev.vigil.model.IsoDates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The articles table and the failures log. */
public final class ArticleStore {
  private static final String COLUMNS =
      "id, url, source, title, byline, published, language, text, origin, ingested,"
          + " annotations, change_seq, tlp, org";
  private static final int LEAD_CHARS = 280;

  private final Database db;

  ArticleStore(Database db) {
    this.db = db;
  }

  /**
   * Writes {@code batch} in one transaction: new articles are inserted, an article whose id is
   * stored with other content is replaced, one stored exactly as given is left alone. Either
   * the whole batch is committed or nothing is.
   */
  public List<WriteOutcome> write(List<AnalyzedArticle> batch) {
    return write(batch, null);
  }

  /**
   * As {@link #write(List)}, marking every new or changed article with {@code marking} (an
   * organisation's own reports); null leaves a stored article's marking as it is and makes new
   * ones public news ({@link Marking#CLEAR}).
   */
  public List<WriteOutcome> write(List<AnalyzedArticle> batch, Marking marking) {
    if (batch.isEmpty()) {
      return List.of();
    }
    return db.write(c -> {
      long change = currentChange(c);
      List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
      try (PreparedStatement find = c.prepareStatement("SELECT content_hash FROM articles WHERE id = ?");
           PreparedStatement insert = c.prepareStatement(
               "INSERT INTO articles (url, source, title, byline, published, published_ms, language,"
                   + " text, content_hash, origin, ingested, ingested_ms, sort_ms, annotations,"
                   + " change_seq, id, tlp, org) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
           PreparedStatement update = c.prepareStatement(
               "UPDATE articles SET url = ?, source = ?, title = ?, byline = ?, published = ?,"
                   + " published_ms = ?, language = ?, text = ?, content_hash = ?, origin = ?,"
                   + " ingested = ?, ingested_ms = ?, sort_ms = ?, annotations = ?, change_seq = ?"
                   + " WHERE id = ?");
           PreparedStatement mark = c.prepareStatement("UPDATE articles SET tlp = ?, org = ? WHERE id = ?")) {
        Marking fresh = marking == null ? Marking.CLEAR : marking;
        for (AnalyzedArticle a : batch) {
          Article art = a.article();
          String hash = contentHash(art.title(), art.text());
          find.setString(1, art.id());
          String stored = null;
          boolean exists;
          try (ResultSet rs = find.executeQuery()) {
            exists = rs.next();
            if (exists) {
              stored = rs.getString(1);
            }
          }
          if (exists && hash.equals(stored)) {
            outcomes.add(new WriteOutcome(art.id(), art.origin(), WriteOutcome.Status.UNCHANGED));
            continue;
          }
          PreparedStatement ps = exists ? update : insert;
          bind(ps, exists ? new AnalyzedArticle(art, Corrections.onWrite(c, art.id(), a.annotations())) : a,
              hash, ++change); // a re-analysed article keeps its analysts' corrections
          if (!exists) {
            ps.setString(17, fresh.label());
            ps.setString(18, fresh.organisation());
          }
          ps.executeUpdate();
          if (exists && marking != null) {
            mark.setString(1, marking.label());
            mark.setString(2, marking.organisation());
            mark.setString(3, art.id());
            mark.executeUpdate();
          }
          outcomes.add(new WriteOutcome(art.id(), art.origin(),
              exists ? WriteOutcome.Status.UPDATED : WriteOutcome.Status.INSERTED));
        }
      }
      setChange(c, change);
      return outcomes;
    });
  }

  /** The last change number given out (inside the caller's write transaction). */
  static long currentChange(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM counters WHERE name = 'change'");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Records {@code change} as the last change number given out. */
  static void setChange(Connection c, long change) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE counters SET value = ? WHERE name = 'change'")) {
      ps.setLong(1, change);
      ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, AnalyzedArticle a, String hash, long change)
      throws SQLException {
    Article art = a.article();
    Long publishedMs = IsoDates.toEpochMillis(art.published());
    long ingestedMs = art.ingested().toEpochMilli();
    int i = 1;
    ps.setString(i++, art.url());
    ps.setString(i++, art.source());
    ps.setString(i++, art.title());
    ps.setString(i++, art.byline());
    ps.setString(i++, art.published());
    if (publishedMs == null) {
      ps.setNull(i++, Types.INTEGER);
    } else {
      ps.setLong(i++, publishedMs);
    }
    ps.setString(i++, art.language());
    ps.setString(i++, art.text());
    ps.setString(i++, hash);
    ps.setString(i++, art.origin());
    ps.setString(i++, IsoDates.format(art.ingested()));
    ps.setLong(i++, ingestedMs);
    ps.setLong(i++, publishedMs != null ? publishedMs : ingestedMs);
    ps.setString(i++, Json.write(a.annotations()));
    ps.setLong(i++, change);
    ps.setString(i, art.id());
  }

  /** SHA-256 (hex) of the title and text with whitespace collapsed. */
  public static String contentHash(String title, String text) {
    String normal = (title == null ? "" : title.strip().replaceAll("\\s+", " ")) + "\n"
        + text.strip().replaceAll("\\s+", " ");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(normal.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Changes the marking of article {@code id} and audits it (before and after), in one
   * transaction; the write gets a new change number, so the index re-indexes the article with
   * its new marking (and stories and alerts see it again). Who may do it is the caller's check.
   *
   * @return the marking before, empty if there is no such article
   */
  public Optional<Marking> mark(String id, Marking marking, Editor by) {
    return db.write(c -> {
      Marking before;
      try (PreparedStatement ps = c.prepareStatement("SELECT tlp, org FROM articles WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<Marking>empty();
          }
          before = Marking.of(rs.getString(1), rs.getString(2));
        }
      }
      long change = currentChange(c) + 1;
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE articles SET tlp = ?, org = ?, change_seq = ? WHERE id = ?")) {
        ps.setString(1, marking.label());
        ps.setString(2, marking.organisation());
        ps.setLong(3, change);
        ps.setString(4, id);
        ps.executeUpdate();
      }
      setChange(c, change);
      Audit.append(c, by, "article.mark", "article", id, stricter(before, marking).tlp(), before, marking);
      return Optional.of(before);
    });
  }

  /** The stricter of two markings: the audit entry of a change is read by those who could see both. */
  static Marking stricter(Marking a, Marking b) {
    return a.tlp().ordinal() >= b.tlp().ordinal() ? a : b;
  }

  /** Records failures so that a user can see them later (dashboard, API). */
  public void recordFailures(List<Failure> failures) {
    if (failures.isEmpty()) {
      return;
    }
    String at = IsoDates.format(Instant.now());
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO failures (at, stage, origin, line, reason) VALUES (?,?,?,?,?)")) {
        for (Failure f : failures) {
          ps.setString(1, at);
          ps.setString(2, f.stage());
          ps.setString(3, f.origin());
          if (f.line() == null) {
            ps.setNull(4, Types.INTEGER);
          } else {
            ps.setInt(4, f.line());
          }
          ps.setString(5, f.reason());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /** The most recent failures, newest first. */
  public List<StoredFailure> recentFailures(int limit) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT at, stage, origin, line, reason FROM failures ORDER BY seq DESC LIMIT ?")) {
        ps.setInt(1, limit);
        List<StoredFailure> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int line = rs.getInt(4);
            Integer lineOrNull = rs.wasNull() ? null : line;
            out.add(new StoredFailure(rs.getString(1),
                new Failure(rs.getString(2), rs.getString(3), lineOrNull, rs.getString(5))));
          }
        }
        return out;
      }
    });
  }

  public long failureCount() {
    return db.read(c -> scalar(c, "SELECT count(*) FROM failures"));
  }

  /** The article with {@code id}, if stored. */
  public Optional<StoredArticle> get(String id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM articles WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(readArticle(rs)) : Optional.empty();
        }
      }
    });
  }

  /** Whether an article with {@code id} is stored. */
  public boolean contains(String id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM articles WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /** Articles newest first (by publication date, else ingestion time). */
  public List<ArticleSummary> latest(int offset, int limit) {
    return latest(offset, limit, Visibility.ALL);
  }

  /** The articles {@code v} may see, newest first (by publication date, else ingestion time). */
  public List<ArticleSummary> latest(int offset, int limit, Visibility v) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, title, source, published, language, url, ingested, substr(text, 1, ?)"
              + " FROM articles WHERE 1 = 1" + v.hiddenArticles("id")
              + " ORDER BY sort_ms DESC, seq DESC LIMIT ? OFFSET ?")) {
        int i = v.bind(ps, 2);
        ps.setInt(1, LEAD_CHARS + 40);
        ps.setInt(i++, limit);
        ps.setInt(i, offset);
        List<ArticleSummary> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ArticleSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                lead(rs.getString(8))));
          }
        }
        return out;
      }
    });
  }

  /** The beginning of {@code text}, cut at a word boundary. */
  static String lead(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= LEAD_CHARS) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', LEAD_CHARS);
    return flat.substring(0, cut > LEAD_CHARS / 2 ? cut : LEAD_CHARS) + " …";
  }

  public long count() {
    return db.read(c -> scalar(c, "SELECT count(*) FROM articles"));
  }

  /** The strictest marking among the articles {@code v} may see (CLEAR when there are none). */
  public dev.vigil.team.Tlp strictestMarking(Visibility v) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT DISTINCT tlp FROM articles WHERE 1 = 1" + v.hiddenArticles("id"))) {
        v.bind(ps, 1);
        dev.vigil.team.Tlp out = dev.vigil.team.Tlp.CLEAR;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            dev.vigil.team.Tlp t = dev.vigil.team.Tlp.parse(rs.getString(1));
            out = t.ordinal() > out.ordinal() ? t : out;
          }
        }
        return out;
      }
    });
  }

  /** How many articles {@code v} may see. */
  public long count(Visibility v) {
    if (v.everything()) {
      return count();
    }
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT count(*) FROM articles WHERE 1 = 1" + v.hiddenArticles("id"))) {
        v.bind(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  /** The number of the last write to the articles table. */
  public long lastChange() {
    return db.read(c -> scalar(c, "SELECT value FROM counters WHERE name = 'change'"));
  }

  /** Up to {@code limit} articles written after change {@code after}, in the order written. */
  public List<StoredArticle> changesAfter(long after, int limit) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
          + " FROM articles WHERE change_seq > ? ORDER BY change_seq LIMIT ?")) {
        ps.setLong(1, after);
        ps.setInt(2, limit);
        List<StoredArticle> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(readArticle(rs));
          }
        }
        return out;
      }
    });
  }

  /**
   * Calls {@code action} for every stored article, in the order written, reading
   * {@code batchSize} at a time: memory stays flat however many there are.
   */
  public void forEach(int batchSize, Consumer<StoredArticle> action) {
    long after = 0;
    while (true) {
      List<StoredArticle> batch = changesAfter(after, batchSize);
      if (batch.isEmpty()) {
        return;
      }
      batch.forEach(action);
      after = batch.get(batch.size() - 1).changeSeq();
    }
  }

  private static StoredArticle readArticle(ResultSet rs) throws SQLException {
    Article article = new Article(rs.getString("id"), rs.getString("url"), rs.getString("source"),
        rs.getString("title"), rs.getString("byline"), rs.getString("published"),
        rs.getString("language"), rs.getString("text"), rs.getString("origin"),
        Instant.parse(rs.getString("ingested")));
    Annotations annotations = Json.read(rs.getString("annotations"), Annotations.class);
    return new StoredArticle(article, annotations, rs.getLong("change_seq"),
        Marking.of(rs.getString("tlp"), rs.getString("org")));
  }

  private static long scalar(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Runs the database's integrity check (SQLite's on its file); "ok" when it is sound. */
  public String integrityCheck() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(db.dialect().integrityCheck());
           ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "no answer";
      }
    });
  }
}
