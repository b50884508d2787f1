package dev.vigil.store;

import dev.vigil.internal.Json;
import dev.vigil.model.IsoDates;
import dev.vigil.team.Tlp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Appends to the audit log inside the caller's write transaction, so that a change and its
 * record are committed together. There is no update or delete of the log anywhere in the code,
 * and the database refuses them (triggers of V6).
 */
final class Audit {
  private Audit() {}

  static void append(Connection c, Editor who, String action, String kind, String id, Tlp tlp,
      Object before, Object after) throws SQLException {
    long seq;
    // the write transaction serialises writers, so MAX + 1 is unique (and portable SQL)
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      seq = rs.getLong(1);
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, at, actor,"
        + " organisation, action, item_kind, item_id, tlp, before_state, after_state)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      ps.setLong(1, seq);
      ps.setString(2, IsoDates.format(Instant.now()));
      ps.setString(3, who.username());
      ps.setString(4, who.organisation());
      ps.setString(5, action);
      ps.setString(6, kind);
      ps.setString(7, id);
      ps.setString(8, tlp.label());
      ps.setString(9, before == null ? null : Json.write(before));
      ps.setString(10, after == null ? null : Json.write(after));
      ps.executeUpdate();
    }
  }
}
