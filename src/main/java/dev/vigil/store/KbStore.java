package dev.vigil.store;

import dev.vigil.internal.Json;
import dev.vigil.kb.Actor;
import dev.vigil.model.IsoDates;
import dev.vigil.team.Tlp;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Knowledge-base entries that analysts added or changed (table {@code kb_entries}), laid over
 * the bundled base and the data directory's kb.yaml ({@code ActorBase.with}) when articles are
 * linked and entity pages shown. Each change and its audit entry (item {@code entity:ID}, the
 * entry before and after) are one transaction.
 */
public final class KbStore {
  private final Database db;

  KbStore(Database db) {
    this.db = db;
  }

  /** Every analyst entry, by id (their source is {@code analyst}). */
  public List<Actor> entries() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT entry FROM kb_entries ORDER BY id");
           ResultSet rs = ps.executeQuery()) {
        List<Actor> out = new ArrayList<>();
        while (rs.next()) {
          out.add(Json.read(rs.getString(1), Actor.class));
        }
        return out;
      }
    });
  }

  /** The analyst entry {@code id}, if there is one. */
  public Optional<Actor> entry(String id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT entry FROM kb_entries WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(Json.read(rs.getString(1), Actor.class)) : Optional.empty();
        }
      }
    });
  }

  /**
   * A number that grows whenever an entry changes (the audit sequence of the latest change), so
   * that whoever holds a knowledge base built with {@link #entries} knows when to rebuild it.
   */
  public long version() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COALESCE(MAX(seq), 0) FROM audit_log WHERE item_kind = 'entity'");
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /**
   * Stores {@code after} (source {@code analyst}) as the entry of its id and audits the change
   * from {@code before}, the entry as the knowledge base had it (null for a new one).
   */
  public Actor put(Actor after, Actor before, Editor by) {
    Actor stored = new Actor(after.id(), after.name(), after.type(), after.country(),
        after.roles(), after.aliases(), "analyst");
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_entries (id, entry, updated,"
          + " updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET entry = excluded.entry,"
          + " updated = excluded.updated, updated_by = excluded.updated_by")) {
        ps.setString(1, stored.id());
        ps.setString(2, Json.write(stored));
        ps.setString(3, IsoDates.format(Instant.now()));
        ps.setString(4, by.username());
        ps.executeUpdate();
      }
      Audit.append(c, by, before == null ? "kb.add" : "kb.edit", "entity", stored.id(), Tlp.CLEAR,
          before, stored);
      return stored;
    });
  }
}
