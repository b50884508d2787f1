package dev.vigil.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Which database a store uses: a JDBC URL ({@code jdbc:sqlite:FILE} or
 * {@code jdbc:postgresql://HOST/DB}) and, for a server, the login. The password never appears in
 * {@link #toString()} or in error messages ({@link #redact}).
 */
public record DatabaseSettings(String url, String user, String password) {
  /** Environment variables that win over the configuration. */
  public static final String ENV_URL = "VIGIL_DB_URL";
  public static final String ENV_USER = "VIGIL_DB_USER";
  public static final String ENV_PASSWORD = "VIGIL_DB_PASSWORD";

  public DatabaseSettings {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a database URL is required");
    }
    user = blankToNull(user);
    password = blankToNull(password);
  }

  /** The SQLite file {@code file}. */
  public static DatabaseSettings sqlite(Path file) {
    return new DatabaseSettings("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
  }

  /**
   * The settings in force: each of URL, user and password from the environment if set there,
   * else from the configuration; without a URL, the SQLite file {@code defaultFile}.
   */
  public static DatabaseSettings resolve(Path defaultFile, String configUrl, String configUser,
      String configPassword, Map<String, String> env) {
    String url = firstNonBlank(env.get(ENV_URL), configUrl);
    if (url == null) {
      return sqlite(defaultFile);
    }
    return new DatabaseSettings(url.strip(), firstNonBlank(env.get(ENV_USER), configUser),
        firstNonBlank(env.get(ENV_PASSWORD), configPassword));
  }

  Dialect dialect() {
    return Dialect.of(url);
  }

  /** The URL as it may be shown: a password given in it is replaced by {@code ***}. */
  public String display() {
    return redact(url);
  }

  /** {@code url} with the value of any {@code password} parameter replaced by {@code ***}. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public String toString() {
    return display() + (user == null ? "" : " as " + user);
  }

  private static String firstNonBlank(String a, String b) {
    return blankToNull(a) != null ? a : blankToNull(b);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
