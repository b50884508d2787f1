package dev.vigil.store;

import dev.vigil.model.IsoDates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stories, story_articles, story_merges and threads tables. Assignment runs inside one
 * write transaction per batch ({@link #update}): the stories stage reads and writes through
 * the {@link Tx} it is given, so a batch is assigned entirely or not at all, and the cursor
 * ({@link #assignedUpTo()}) moves with it.
 */
public final class StoryStore {
  private final Database db;

  StoryStore(Database db) {
    this.db = db;
  }

  /** The last article change ({@code change_seq}) that has been assigned to a story. */
  public long assignedUpTo() {
    return db.read(c -> counter(c));
  }

  /** Runs {@code work} in one write transaction. */
  public <T> T update(Function<Tx, T> work) {
    return db.write(c -> {
      try {
        return work.apply(new Tx(c));
      } catch (TxException e) {
        throw e.cause;
      }
    });
  }

  /** Live stories with at least {@code minSize} articles, latest first. */
  public List<StoryRow> stories(int minSize) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, thread_id, size, first_ms, last_ms,"
          + " profile FROM stories WHERE merged_into IS NULL AND size >= ? ORDER BY last_ms DESC, id DESC")) {
        ps.setInt(1, minSize);
        List<StoryRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(readRow(rs));
          }
        }
        return out;
      }
    });
  }

  /** The ids of the articles of {@code storyId}, in the order they joined. */
  public List<String> articlesOf(long storyId) {
    return db.read(c -> articlesOf(c, storyId));
  }

  private static List<String> articlesOf(Connection c, long storyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY assigned_ms, rowid")) {
      ps.setLong(1, storyId);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  /**
   * The live story that {@code storyId} became: itself, or the story it was merged into (by the
   * clustering or an analyst), followed to the end.
   */
  public long live(long storyId) {
    return db.read(c -> live(c, storyId));
  }

  private static long live(Connection c, long storyId) throws SQLException {
    long id = storyId;
    try (PreparedStatement ps = c.prepareStatement("SELECT merged_into FROM stories WHERE id = ?")) {
      for (int hops = 0; hops < 1000; hops++) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next() || rs.getObject(1) == null) {
            return id;
          }
          id = rs.getLong(1);
        }
      }
    }
    return id;
  }

  /** The analysts' decisions about {@code storyId} (as the story merged from or into), oldest first. */
  public List<StoryDecision> decisions(long storyId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, from_story, into_story,"
          + " articles, reason, at, by_user FROM story_decisions WHERE from_story = ? OR into_story = ?"
          + " ORDER BY at, id")) {
        ps.setLong(1, storyId);
        ps.setLong(2, storyId);
        List<StoryDecision> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new StoryDecision(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4), List.of(dev.vigil.internal.Json.read(rs.getString(5), String[].class)),
                rs.getString(6), rs.getString(7), rs.getString(8)));
          }
        }
        return out;
      }
    });
  }

  /** How many decisions analysts have made: story reports built before one are stale. */
  public long decisionCount() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM story_decisions");
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** The story that holds {@code articleId}, if it has been assigned. */
  public Optional<Long> storyOf(String articleId) {
    return db.read(c -> Optional.ofNullable(storiesOf(c, List.of(articleId)).get(articleId)));
  }

  /** The stories marked as a whole (see {@link #mark}), by story id. */
  public Map<Long, Marking> markings() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT story_id, tlp, org FROM story_markings");
           ResultSet rs = ps.executeQuery()) {
        Map<Long, Marking> out = new HashMap<>();
        while (rs.next()) {
          out.put(rs.getLong(1), Marking.of(rs.getString(2), rs.getString(3)));
        }
        return out;
      }
    });
  }

  /**
   * Marks story {@code id} as a whole (its page, its place in lists and related stories, its
   * alerts) and audits the change, in one transaction. Who may do it is the caller's check.
   *
   * @return the story's marking before (empty: it had none)
   */
  public Optional<Marking> mark(long id, Marking marking, Editor by) {
    if (marking.organisation() == null) {
      throw new InvalidFieldException("org", "a story's marking needs an owning organisation");
    }
    return db.write(c -> {
      Marking before = null;
      try (PreparedStatement ps = c.prepareStatement("SELECT tlp, org FROM story_markings WHERE story_id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            before = Marking.of(rs.getString(1), rs.getString(2));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO story_markings (story_id, tlp, org,"
          + " updated, updated_by) VALUES (?,?,?,?,?) ON CONFLICT (story_id) DO UPDATE SET"
          + " tlp = excluded.tlp, org = excluded.org, updated = excluded.updated,"
          + " updated_by = excluded.updated_by")) {
        ps.setLong(1, id);
        ps.setString(2, marking.label());
        ps.setString(3, marking.organisation());
        ps.setString(4, IsoDates.format(Instant.now()));
        ps.setString(5, by.username());
        ps.executeUpdate();
      }
      Audit.append(c, by, "story.mark", "story", Long.toString(id),
          before == null ? marking.tlp() : ArticleStore.stricter(before, marking).tlp(), before, marking);
      return Optional.ofNullable(before);
    });
  }

  /** Every recorded merge, oldest first. */
  public List<StoryMerge> merges() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT from_story, into_story, score, at FROM story_merges ORDER BY seq");
           ResultSet rs = ps.executeQuery()) {
        List<StoryMerge> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new StoryMerge(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getString(4)));
        }
        return out;
      }
    });
  }

  /** The stories and assignments inside one write transaction. */
  public static final class Tx {
    private final Connection c;

    private Tx(Connection c) {
      this.c = c;
    }

    /** The story of each of {@code articleIds} that has one. */
    public Map<String, Long> storiesOf(Collection<String> articleIds) {
      try {
        return StoryStore.storiesOf(c, articleIds);
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }

    /** The live story {@code id}; empty if there is none or it was merged away. */
    public Optional<StoryRow> story(long id) {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, thread_id, size, first_ms, last_ms,"
          + " profile FROM stories WHERE id = ? AND merged_into IS NULL")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(readRow(rs)) : Optional.empty();
        }
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }

    /** Inserts {@code row} (its id is ignored) and returns the new story's id. */
    public long insertStory(StoryRow row) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO stories (thread_id, size,"
          + " first_ms, last_ms, profile) VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
        bindRow(ps, row);
        ps.executeUpdate();
        return generatedKey(ps);
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }

    /** Replaces the stored state of story {@code row.id()}. */
    public void updateStory(StoryRow row) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE stories SET thread_id = ?, size = ?,"
          + " first_ms = ?, last_ms = ?, profile = ? WHERE id = ?")) {
        bindRow(ps, row);
        ps.setLong(6, row.id());
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }

    /** Puts {@code articleId} into {@code storyId} (moving it if it was elsewhere). */
    public void addArticle(long storyId, String articleId, double score, long assignedMs,
        String features) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO story_articles"
          + " (article_id, story_id, score, assigned_ms, features) VALUES (?,?,?,?,?)"
          + " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id,"
          + " score = excluded.score, assigned_ms = excluded.assigned_ms, features = excluded.features")) {
        ps.setString(1, articleId);
        ps.setLong(2, storyId);
        ps.setDouble(3, score);
        ps.setLong(4, assignedMs);
        ps.setString(5, features);
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }

    /** The stored features (JSON) of each of {@code articleIds} that has a story. */
    public Map<String, String> features(Collection<String> articleIds) {
      Map<String, String> out = new HashMap<>();
      if (articleIds.isEmpty()) {
        return out;
      }
      String marks = String.join(",", java.util.Collections.nCopies(articleIds.size(), "?"));
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT article_id, features FROM story_articles WHERE article_id IN (" + marks + ")")) {
        int i = 1;
        for (String id : articleIds) {
          ps.setString(i++, id);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getString(2));
          }
        }
        return out;
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }

    /** Moves the articles of {@code from} into {@code into}, retires {@code from}, records it. */
    public void merge(long from, long into, double score) {
      try (PreparedStatement move = c.prepareStatement(
               "UPDATE story_articles SET story_id = ? WHERE story_id = ?");
           PreparedStatement retire = c.prepareStatement(
               "UPDATE stories SET merged_into = ? WHERE id = ?");
           PreparedStatement record = c.prepareStatement(
               "INSERT INTO story_merges (from_story, into_story, score, at) VALUES (?,?,?,?)")) {
        move.setLong(1, into);
        move.setLong(2, from);
        move.executeUpdate();
        retire.setLong(1, into);
        retire.setLong(2, from);
        retire.executeUpdate();
        record.setLong(1, from);
        record.setLong(2, into);
        record.setDouble(3, score);
        record.setString(4, IsoDates.format(Instant.now()));
        record.executeUpdate();
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }

    /** The ids of the articles of {@code storyId}, in the order they joined. */
    public List<String> articlesOf(long storyId) {
      try {
        return StoryStore.articlesOf(c, storyId);
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }

    /** Moves {@code articleIds} into story {@code storyId}, keeping their features. */
    public void moveArticles(Collection<String> articleIds, long storyId) {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE story_articles SET story_id = ? WHERE article_id = ?")) {
        for (String id : articleIds) {
          ps.setLong(1, storyId);
          ps.setString(2, id);
          ps.executeUpdate();
        }
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }

    /**
     * Records an analyst's decision (see {@link StoryDecision}) and audits it on both stories
     * with their membership before and after, in this transaction.
     */
    public StoryDecision decide(String kind, long from, long into, List<String> moved,
        String reason, Editor by, Object before, Object after) {
      StoryDecision d = new StoryDecision("sd-" + dev.vigil.team.Secrets.id(8), kind, from, into,
          List.copyOf(moved), reason, IsoDates.format(Instant.now()), by.username());
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO story_decisions (id, kind,"
          + " from_story, into_story, articles, reason, at, by_user) VALUES (?,?,?,?,?,?,?,?)")) {
        ps.setString(1, d.id());
        ps.setString(2, d.kind());
        ps.setLong(3, d.from());
        ps.setLong(4, d.into());
        ps.setString(5, dev.vigil.internal.Json.write(d.articles()));
        ps.setString(6, d.reason());
        ps.setString(7, d.at());
        ps.setString(8, d.by());
        ps.executeUpdate();
        for (long story : new long[] {from, into}) {
          Audit.append(c, by, "story." + kind, "story", Long.toString(story),
              dev.vigil.team.Tlp.CLEAR, before, after);
        }
      } catch (SQLException e) {
        throw new TxException(e);
      }
      return d;
    }

    /**
     * Whether an analyst split stories {@code a} and {@code b} apart (followed through later
     * merges), so that the clustering must not merge them again.
     */
    public boolean keptApart(long a, long b) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT from_story, into_story FROM story_decisions WHERE kind = 'split'");
           ResultSet rs = ps.executeQuery()) {
        List<long[]> pairs = new ArrayList<>();
        while (rs.next()) {
          pairs.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
        for (long[] p : pairs) {
          long x = live(c, p[0]);
          long y = live(c, p[1]);
          if ((x == a && y == b) || (x == b && y == a)) {
            return true;
          }
        }
        return false;
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }

    /** Starts a new thread and returns its id. */
    public long newThread(long createdMs) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO threads (created_ms) VALUES (?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, createdMs);
        ps.executeUpdate();
        return generatedKey(ps);
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }

    /** Moves the cursor: every article change up to {@code changeSeq} has been assigned. */
    public void setAssignedUpTo(long changeSeq) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE counters SET value = ? WHERE name = 'stories'")) {
        ps.setLong(1, changeSeq);
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }

    public long assignedUpTo() {
      try {
        return counter(c);
      } catch (SQLException e) {
        throw new TxException(e);
      }
    }
  }

  /** Carries an SQL failure out of the {@link Tx} methods, which the work calls unchecked. */
  private static final class TxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final SQLException cause;

    TxException(SQLException cause) {
      super(cause);
      this.cause = cause;
    }
  }

  private static long counter(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM counters WHERE name = 'stories'");
         ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static Map<String, Long> storiesOf(Connection c, Collection<String> articleIds)
      throws SQLException {
    Map<String, Long> out = new HashMap<>();
    if (articleIds.isEmpty()) {
      return out;
    }
    String marks = String.join(",", java.util.Collections.nCopies(articleIds.size(), "?"));
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT article_id, story_id FROM story_articles WHERE article_id IN (" + marks + ")")) {
      int i = 1;
      for (String id : articleIds) {
        ps.setString(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  private static void bindRow(PreparedStatement ps, StoryRow row) throws SQLException {
    if (row.threadId() == null) {
      ps.setNull(1, Types.INTEGER);
    } else {
      ps.setLong(1, row.threadId());
    }
    ps.setInt(2, row.size());
    ps.setLong(3, row.firstMs());
    ps.setLong(4, row.lastMs());
    ps.setString(5, row.profile());
  }

  private static long generatedKey(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  private static StoryRow readRow(ResultSet rs) throws SQLException {
    long thread = rs.getLong(2);
    Long threadId = rs.wasNull() ? null : thread;
    return new StoryRow(rs.getLong(1), threadId, rs.getInt(3), rs.getLong(4), rs.getLong(5),
        rs.getString(6));
  }
}
