package dev.vigil.store;

import dev.vigil.internal.Json;
import dev.vigil.model.Event;
import dev.vigil.model.IsoDates;
import dev.vigil.team.Secrets;
import dev.vigil.team.Tlp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Analysts' notes, event corrections and the audit log. Each change and its audit entry are
 * written in one transaction. Reads that return marked items take the reader's organisation
 * and leave out what {@link Tlp#visibleTo} hides from it.
 */
public final class AnalystStore {
  private static final String NOTE_COLUMNS =
      "id, item_kind, item_id, organisation, author, tlp, body, created";
  private static final String CORRECTION_COLUMNS = "article_id, event_id, span_start, span_end,"
      + " trigger, original, verdict, type, place, date, reason, updated, updated_by, actors";
  private static final String AUDIT_COLUMNS = "seq, at, actor, organisation, action, item_kind,"
      + " item_id, tlp, before_state, after_state";
  // the SQL form of Tlp.visibleTo
  private static final String VISIBLE = " (tlp IN ('CLEAR', 'GREEN') OR organisation = ?)";
  private static final String NO_ACCOUNTS = " AND item_kind NOT IN ('user', 'token')";

  private final Database db;

  AnalystStore(Database db) {
    this.db = db;
  }

  /** Stores a new note by {@code by} (whose organisation owns it). */
  public Note addNote(String kind, String itemId, Tlp tlp, String body, Editor by) {
    Note n = new Note("note-" + Secrets.id(8), kind, itemId, by.organisation(), by.username(), tlp,
        body, IsoDates.format(Instant.now()));
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO notes (" + NOTE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?)")) {
        ps.setString(1, n.id());
        ps.setString(2, n.itemKind());
        ps.setString(3, n.itemId());
        ps.setString(4, n.organisation());
        ps.setString(5, n.author());
        ps.setString(6, n.tlp().label());
        ps.setString(7, n.body());
        ps.setString(8, n.created());
        ps.executeUpdate();
      }
      Audit.append(c, by, "note.add", kind, itemId, tlp, null, n);
      return n;
    });
  }

  /** The note {@code id} if {@code viewerOrg} may see it. */
  public Optional<Note> note(String id, String viewerOrg) {
    return db.read(c -> note(c, id)).filter(n -> n.tlp().visibleTo(viewerOrg, n.organisation()));
  }

  /** Removes a note (the audit log keeps its text); false if there was none. */
  public boolean removeNote(String id, Editor by) {
    return db.write(c -> {
      Optional<Note> before = note(c, id);
      if (before.isEmpty()) {
        return false;
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM notes WHERE id = ?")) {
        ps.setString(1, id);
        ps.executeUpdate();
      }
      Note n = before.get();
      Audit.append(c, by, "note.remove", n.itemKind(), n.itemId(), n.tlp(), n, null);
      return true;
    });
  }

  /** The notes on one item that {@code viewerOrg} may see, oldest first. */
  public List<Note> notes(String kind, String itemId, String viewerOrg) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + NOTE_COLUMNS + " FROM notes"
          + " WHERE item_kind = ? AND item_id = ? AND" + VISIBLE + " ORDER BY created, id")) {
        ps.setString(1, kind);
        ps.setString(2, itemId);
        ps.setString(3, viewerOrg);
        List<Note> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(note(rs));
          }
        }
        return out;
      }
    });
  }

  /** The notes on the events of one article that {@code viewerOrg} may see. */
  public List<Note> eventNotes(String articleId, String viewerOrg) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + NOTE_COLUMNS + " FROM notes"
          + " WHERE item_kind = 'event' AND substr(item_id, 1, ?) = ? AND" + VISIBLE
          + " ORDER BY created, id")) {
        ps.setInt(1, articleId.length() + 1);
        ps.setString(2, articleId + "#");
        ps.setString(3, viewerOrg);
        List<Note> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(note(rs));
          }
        }
        return out;
      }
    });
  }

  private static Optional<Note> note(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + NOTE_COLUMNS + " FROM notes WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(note(rs)) : Optional.empty();
      }
    }
  }

  private static Note note(ResultSet rs) throws SQLException {
    return new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), Tlp.parse(rs.getString(6)), rs.getString(7), rs.getString(8));
  }

  /**
   * Stores {@code correction} (replacing an earlier one of the same event) and audits the
   * change from the earlier correction to this one.
   */
  public EventCorrection correct(EventCorrection correction, Editor by) {
    return db.write(c -> {
      // the events as extracted, read before this correction changes the stored ones
      List<Event> extracted = Corrections.extracted(c, correction.articleId(),
          storedEvents(c, correction.articleId()));
      Optional<EventCorrection> before = correction(c, correction.articleId(), correction.eventId());
      // the original stays the event as first corrected, not a corrected one
      EventCorrection stored = before.isEmpty() ? correction : new EventCorrection(
          correction.articleId(), correction.eventId(), before.get().spanStart(),
          before.get().spanEnd(), before.get().trigger(), before.get().original(),
          correction.verdict(), correction.type(), correction.place(), correction.date(),
          correction.reason(), correction.updated(), correction.updatedBy(), correction.actors());
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM event_corrections WHERE article_id = ? AND event_id = ?")) {
        ps.setString(1, stored.articleId());
        ps.setInt(2, stored.eventId());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_corrections ("
          + CORRECTION_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        ps.setString(1, stored.articleId());
        ps.setInt(2, stored.eventId());
        ps.setInt(3, stored.spanStart());
        ps.setInt(4, stored.spanEnd());
        ps.setString(5, stored.trigger());
        ps.setString(6, Json.write(stored.original()));
        ps.setString(7, stored.verdict());
        ps.setString(8, stored.type());
        ps.setString(9, stored.place() == null ? null : Json.write(stored.place()));
        ps.setString(10, stored.date());
        ps.setString(11, stored.reason());
        ps.setString(12, stored.updated());
        ps.setString(13, stored.updatedBy());
        ps.setString(14, stored.actors() == null ? null : Json.write(stored.actors()));
        ps.executeUpdate();
      }
      Corrections.rewrite(c, stored.articleId(), extracted);
      Audit.append(c, by, "event.correct", "event", stored.articleId() + "#" + stored.eventId(),
          Tlp.CLEAR, before.map(AnalystStore::change).orElse(null), change(stored));
      return stored;
    });
  }

  /** What the audit log shows of a correction (the original is in the first entry's item). */
  private static Object change(EventCorrection c) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("verdict", c.verdict());
    m.put("type", c.type());
    m.put("place", c.place());
    m.put("date", c.date());
    m.put("actors", c.actors());
    m.put("reason", c.reason());
    m.put("original", c.original());
    return m;
  }

  /** The corrections of one article's events, by event number. */
  public List<EventCorrection> corrections(String articleId) {
    return db.read(c -> corrections(c, articleId));
  }

  static List<EventCorrection> corrections(Connection c, String articleId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + CORRECTION_COLUMNS
        + " FROM event_corrections WHERE article_id = ? ORDER BY event_id")) {
      ps.setString(1, articleId);
      List<EventCorrection> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(correction(rs));
        }
      }
      return out;
    }
  }

  /**
   * The events of a stored article as readers see them (the stored, corrected ones), each with
   * the event as extracted and its correction beside it.
   */
  public List<CorrectedEvent> events(StoredArticle a) {
    return db.read(c -> {
      String id = a.article().id();
      return CorrectedEvent.apply(Corrections.extracted(c, id, a.annotations().events()),
          corrections(c, id));
    });
  }

  private static List<Event> storedEvents(Connection c, String articleId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT annotations FROM articles WHERE id = ?")) {
      ps.setString(1, articleId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Json.read(rs.getString(1), dev.vigil.model.Annotations.class).events()
            : List.of();
      }
    }
  }

  private static Optional<EventCorrection> correction(Connection c, String articleId, int eventId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + CORRECTION_COLUMNS
        + " FROM event_corrections WHERE article_id = ? AND event_id = ?")) {
      ps.setString(1, articleId);
      ps.setInt(2, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(correction(rs)) : Optional.empty();
      }
    }
  }

  private static EventCorrection correction(ResultSet rs) throws SQLException {
    String place = rs.getString(9);
    String actors = rs.getString(14);
    return new EventCorrection(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
        rs.getString(5), Json.read(rs.getString(6), Event.class), rs.getString(7), rs.getString(8),
        place == null ? null : Json.read(place, Event.Place.class), rs.getString(10),
        rs.getString(11), rs.getString(12), rs.getString(13),
        actors == null ? null : List.of(Json.read(actors, Event.Actor[].class)));
  }

  /**
   * Audit entries {@code viewerOrg} may read, newest first: of one item when {@code kind} is not
   * null (an article's entries include those of its events), else all. Changes to accounts and
   * tokens are left out unless {@code accounts} (the reader is an admin).
   */
  public List<AuditEntry> audit(String kind, String itemId, String viewerOrg, boolean accounts,
      int offset, int limit) {
    return db.read(c -> {
      String where = " WHERE" + VISIBLE + (accounts ? "" : NO_ACCOUNTS) + aboutHidden(viewerOrg);
      if (kind != null) {
        where += kind.equals("article")
            ? " AND ((item_kind = 'article' AND item_id = ?) OR (item_kind = 'event' AND substr(item_id, 1, ?) = ?))"
            : " AND item_kind = ? AND item_id = ?";
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT " + AUDIT_COLUMNS + " FROM audit_log"
          + where + " ORDER BY seq DESC LIMIT ? OFFSET ?")) {
        int i = 1;
        ps.setString(i++, viewerOrg);
        i = Visibility.of(viewerOrg).bind(ps, i);
        if (kind != null && kind.equals("article")) {
          ps.setString(i++, itemId);
          ps.setInt(i++, itemId.length() + 1);
          ps.setString(i++, itemId + "#");
        } else if (kind != null) {
          ps.setString(i++, kind);
          ps.setString(i++, itemId);
        }
        ps.setInt(i++, limit);
        ps.setInt(i, offset);
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10)));
          }
        }
        return out;
      }
    });
  }

  /**
   * Leaves out entries about articles (and their events) {@code viewerOrg} may not see, whatever
   * the entry's own marking: a GREEN note on an AMBER article does not reveal the article.
   */
  private static String aboutHidden(String viewerOrg) {
    return " AND NOT (item_kind IN ('article', 'event') AND EXISTS (SELECT 1 FROM ("
        + Visibility.of(viewerOrg).hiddenArticleIds() + ") h WHERE audit_log.item_id = h.id"
        + " OR audit_log.item_id LIKE h.id || '#%'))";
  }

  /** How many audit entries {@code viewerOrg} may read (with account changes if {@code accounts}). */
  public long auditCount(String viewerOrg, boolean accounts) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE" + VISIBLE
          + (accounts ? "" : NO_ACCOUNTS) + aboutHidden(viewerOrg))) {
        ps.setString(1, viewerOrg);
        Visibility.of(viewerOrg).bind(ps, 2);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }
}
