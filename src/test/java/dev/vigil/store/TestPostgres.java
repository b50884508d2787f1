package dev.vigil.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use, named by the environment variable {@code VIGIL_TEST_PG_URL}
 * (or the system property {@code vigil.test.pg.url}), e.g.
 * {@code jdbc:postgresql://localhost:5432/vigil?user=vigil&password=vigil}; the login must be
 * allowed to create databases. Each test gets a database of its own, dropped when it closes.
 * Without the URL the PostgreSQL tests are skipped with a message, unless
 * {@code VIGIL_TEST_PG_REQUIRED} is set (as {@code .ci/run} does): then they fail.
 */
public final class TestPostgres implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String adminUrl;
  private final String name;
  private final DatabaseSettings settings;

  private TestPostgres(String adminUrl, String name, DatabaseSettings settings) {
    this.adminUrl = adminUrl;
    this.name = name;
    this.settings = settings;
  }

  /** The server's URL, or null when none is configured. */
  public static String serverUrl() {
    String url = System.getenv("VIGIL_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      url = System.getProperty("vigil.test.pg.url");
    }
    return url == null || url.isBlank() ? null : url.strip();
  }

  /** Skips the calling test (with a message) when no server is configured, fails if one is required. */
  public static void assumeAvailable() {
    if (serverUrl() != null) {
      return;
    }
    String why = "PostgreSQL tests skipped: set VIGIL_TEST_PG_URL (e.g."
        + " jdbc:postgresql://localhost:5432/vigil?user=vigil&password=vigil) to run them";
    if (System.getenv("VIGIL_TEST_PG_REQUIRED") != null) {
      throw new AssertionError("VIGIL_TEST_PG_REQUIRED is set but " + why.replace("skipped: set", "need"));
    }
    System.err.println(why);
    Assumptions.abort(why);
  }

  /** A new, empty database on the server (skips the test when there is no server). */
  public static TestPostgres create() {
    assumeAvailable();
    String url = serverUrl();
    String name = ("vigil_t_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000_000L
        + "_" + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on "
          + DatabaseSettings.redact(url) + ": " + e.getMessage(), e);
    }
    return new TestPostgres(url, name, new DatabaseSettings(withDatabase(url, name), null, null));
  }

  /** {@code url} naming database {@code name} instead of its own. */
  static String withDatabase(String url, String name) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String params = query < 0 ? "" : url.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
  }

  /** The database's URL without the login parameters, as a config file would name it. */
  public String urlWithoutLogin() {
    return url().replaceAll("([?&])(user|password)=[^&]*", "$1").replaceAll("[?&]+$", "")
        .replaceAll("\\?&+", "?").replaceAll("&&+", "&");
  }

  /** The {@code user} parameter of the URL. */
  public String user() {
    return parameter("user");
  }

  /** The {@code password} parameter of the URL. */
  public String password() {
    return parameter("password");
  }

  private String parameter(String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]" + name + "=([^&]*)").matcher(url());
    return m.find() ? java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8) : null;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** The database's JDBC URL (with the login in it, as the server URL has). */
  public String url() {
    return settings.url();
  }

  /** A plain connection to the test database, for what the store does not offer (raw SQL). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(settings.url());
  }

  @Override
  public void close() {
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("could not drop test database " + name + ": " + e.getMessage());
    }
  }
}
