package dev.vigil.store;

import dev.vigil.model.IsoDates;
import dev.vigil.team.Role;
import dev.vigil.team.Secrets;
import dev.vigil.team.Tlp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Team mode's accounts, organisations, sessions and API tokens. Passwords arrive here already
 * hashed; sessions and tokens are looked up by the SHA-256 of the secret the client holds.
 * Changes to accounts and tokens go to the audit log (kind {@code user} or {@code token}).
 */
public final class AccountStore {
  private static final String ACCOUNT_COLUMNS =
      "username, organisation, role, disabled, failed_logins, locked_until, created";

  private final Database db;

  AccountStore(Database db) {
    this.db = db;
  }

  /** A signed-in session: its account and CSRF token. */
  public record Session(Account account, String csrf, String expires) {}

  /** Creates an account (and its organisation, if new); refuses a name already taken. */
  public Account add(String username, String organisation, Role role, String passwordHash,
      Editor by) {
    String now = IsoDates.format(Instant.now());
    return db.write(c -> {
      if (account(c, username).isPresent()) {
        throw new IllegalArgumentException("there is already a user '" + username + "'");
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO organisations (name, created) SELECT ?, ? WHERE NOT EXISTS"
              + " (SELECT 1 FROM organisations WHERE name = ?)")) {
        ps.setString(1, organisation);
        ps.setString(2, now);
        ps.setString(3, organisation);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, organisation,"
          + " role, password_hash, created) VALUES (?,?,?,?,?)")) {
        ps.setString(1, username);
        ps.setString(2, organisation);
        ps.setString(3, role.id());
        ps.setString(4, passwordHash);
        ps.setString(5, now);
        ps.executeUpdate();
      }
      Account a = account(c, username).orElseThrow();
      Audit.append(c, by, "user.add", "user", username, Tlp.GREEN, null, a);
      return a;
    });
  }

  public Optional<Account> get(String username) {
    return db.read(c -> account(c, username));
  }

  /** The stored password hash of an enabled account, or empty. */
  public Optional<String> passwordHash(String username) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT password_hash FROM users WHERE username = ? AND disabled = 0")) {
        ps.setString(1, username);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  /** Every account, by name. */
  public List<Account> all() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + ACCOUNT_COLUMNS + " FROM users ORDER BY username");
           ResultSet rs = ps.executeQuery()) {
        List<Account> out = new ArrayList<>();
        while (rs.next()) {
          out.add(account(rs));
        }
        return out;
      }
    });
  }

  /** How many accounts there are. */
  public long count() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users");
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /**
   * Disables an account, ends its sessions and revokes its tokens; false if there is none.
   */
  public boolean disable(String username, Editor by) {
    String now = IsoDates.format(Instant.now());
    return db.write(c -> {
      Optional<Account> before = account(c, username);
      if (before.isEmpty()) {
        return false;
      }
      update(c, "UPDATE users SET disabled = 1 WHERE username = ?", username);
      update(c, "DELETE FROM sessions WHERE username = ?", username);
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE api_tokens SET revoked = ? WHERE username = ? AND revoked IS NULL")) {
        ps.setString(1, now);
        ps.setString(2, username);
        ps.executeUpdate();
      }
      Audit.append(c, by, "user.disable", "user", username, Tlp.GREEN, before.get(),
          account(c, username).orElseThrow());
      return true;
    });
  }

  /**
   * Records a failed login of {@code username} (if it exists): after {@code maxFailures}
   * consecutive failures the account is locked for {@code lock}.
   */
  public void loginFailed(String username, int maxFailures, Duration lock) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE users SET failed_logins = failed_logins + 1 WHERE username = ?")) {
        ps.setString(1, username);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE users SET locked_until = ?,"
          + " failed_logins = 0 WHERE username = ? AND failed_logins >= ?")) {
        ps.setString(1, IsoDates.format(Instant.now().plus(lock)));
        ps.setString(2, username);
        ps.setInt(3, maxFailures);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Starts a session for {@code username} after a good password: clears the failure count and
   * stores the session under the hash of {@code sessionId}.
   */
  public void startSession(String username, String sessionId, String csrf, Duration lifetime) {
    Instant now = Instant.now();
    db.write(c -> {
      update(c, "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE username = ?", username);
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE expires < ?")) {
        ps.setString(1, IsoDates.format(now));
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (id_hash, username,"
          + " csrf, created, expires) VALUES (?,?,?,?,?)")) {
        ps.setString(1, Secrets.sha256(sessionId));
        ps.setString(2, username);
        ps.setString(3, csrf);
        ps.setString(4, IsoDates.format(now));
        ps.setString(5, IsoDates.format(now.plus(lifetime)));
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** The live session with id {@code sessionId} of an enabled account, or empty. */
  public Optional<Session> session(String sessionId) {
    String now = IsoDates.format(Instant.now());
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT s.csrf, s.expires, s.username FROM"
          + " sessions s JOIN users u ON u.username = s.username"
          + " WHERE s.id_hash = ? AND s.expires > ? AND u.disabled = 0")) {
        ps.setString(1, Secrets.sha256(sessionId));
        ps.setString(2, now);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<Session>empty();
          }
          String csrf = rs.getString(1);
          String expires = rs.getString(2);
          return account(c, rs.getString(3)).map(a -> new Session(a, csrf, expires));
        }
      }
    });
  }

  /** Ends the session {@code sessionId} (no-op if there is none). */
  public void endSession(String sessionId) {
    db.write(c -> update(c, "DELETE FROM sessions WHERE id_hash = ?", Secrets.sha256(sessionId)));
  }

  /** Stores a new token of {@code username} by the hash of {@code token}; returns its record. */
  public ApiToken createToken(String username, String label, String scope, String token, Editor by) {
    if (!scope.equals("read") && !scope.equals("write")) {
      throw new IllegalArgumentException("unknown token scope '" + scope + "': use read or write");
    }
    String now = IsoDates.format(Instant.now());
    return db.write(c -> {
      Optional<Account> owner = account(c, username);
      if (owner.isEmpty() || owner.get().disabled()) {
        throw new IllegalArgumentException("no enabled user '" + username + "'");
      }
      ApiToken t = new ApiToken("tok-" + Secrets.id(6), username, label, scope, now, null, null);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (id, username, label,"
          + " token_hash, scope, created) VALUES (?,?,?,?,?,?)")) {
        ps.setString(1, t.id());
        ps.setString(2, username);
        ps.setString(3, label);
        ps.setString(4, Secrets.sha256(token));
        ps.setString(5, scope);
        ps.setString(6, now);
        ps.executeUpdate();
      }
      Audit.append(c, by, "token.create", "token", t.id(), Tlp.GREEN, null, t);
      return t;
    });
  }

  /** An active token and its enabled account, by the token itself. */
  public Optional<Map.Entry<Account, ApiToken>> token(String token) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT t.id FROM api_tokens t JOIN users u"
          + " ON u.username = t.username WHERE t.token_hash = ? AND t.revoked IS NULL"
          + " AND u.disabled = 0")) {
        ps.setString(1, Secrets.sha256(token));
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<Map.Entry<Account, ApiToken>>empty();
          }
          ApiToken t = token(c, rs.getString(1)).orElseThrow();
          return Optional.of(Map.entry(account(c, t.username()).orElseThrow(), t));
        }
      }
    });
  }

  /** Records that token {@code id} was used now (at most once a minute, to spare the writer). */
  public void tokenUsed(ApiToken t) {
    Instant now = Instant.now();
    if (t.lastUsed() != null && Instant.parse(t.lastUsed()).isAfter(now.minusSeconds(60))) {
      return;
    }
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET last_used = ? WHERE id = ?")) {
        ps.setString(1, IsoDates.format(now));
        ps.setString(2, t.id());
        return ps.executeUpdate();
      }
    });
  }

  /** Every token record (of one user when {@code username} is not null), newest first. */
  public List<ApiToken> tokens(String username) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM api_tokens"
          + (username == null ? "" : " WHERE username = ?") + " ORDER BY created DESC, id")) {
        if (username != null) {
          ps.setString(1, username);
        }
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
        List<ApiToken> out = new ArrayList<>();
        for (String id : ids) {
          out.add(token(c, id).orElseThrow());
        }
        return out;
      }
    });
  }

  public Optional<ApiToken> tokenById(String id) {
    return db.read(c -> token(c, id));
  }

  /** Revokes token {@code id}; false if there is no such active token. */
  public boolean revokeToken(String id, Editor by) {
    String now = IsoDates.format(Instant.now());
    return db.write(c -> {
      Optional<ApiToken> before = token(c, id);
      if (before.isEmpty() || !before.get().active()) {
        return false;
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET revoked = ? WHERE id = ?")) {
        ps.setString(1, now);
        ps.setString(2, id);
        ps.executeUpdate();
      }
      Audit.append(c, by, "token.revoke", "token", id, Tlp.GREEN, before.get(),
          token(c, id).orElseThrow());
      return true;
    });
  }

  private static Optional<ApiToken> token(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, username, label, scope, created,"
        + " last_used, revoked FROM api_tokens WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new ApiToken(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
            : Optional.empty();
      }
    }
  }

  private static Optional<Account> account(Connection c, String username) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(account(rs)) : Optional.empty();
      }
    }
  }

  private static Account account(ResultSet rs) throws SQLException {
    return new Account(rs.getString(1), rs.getString(2), dev.vigil.team.Role.parse(rs.getString(3)),
        rs.getInt(4) != 0, rs.getInt(5), rs.getString(6), rs.getString(7));
  }

  private static int update(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      return ps.executeUpdate();
    }
  }

  /** Counts of accounts by organisation, for the admin page. */
  public Map<String, Long> organisations() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT o.name, COUNT(u.username) FROM"
          + " organisations o LEFT JOIN users u ON u.organisation = o.name GROUP BY o.name ORDER BY o.name");
           ResultSet rs = ps.executeQuery()) {
        Map<String, Long> out = new LinkedHashMap<>();
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
      }
    });
  }
}
