package dev.vigil.store;

import java.util.Locale;

/**
 * The few things SQLite and PostgreSQL do differently that portable SQL cannot hide: where the
 * migrations are, case-insensitive matching (SQLite's {@code COLLATE NOCASE}; PostgreSQL
 * compares {@code lower()} or uses {@code citext} columns), reading a JSON array in SQL, and the
 * integrity check. Everything else the store runs is written once, in SQL both accept.
 */
enum Dialect {
  SQLITE("classpath:db/migration"),
  POSTGRESQL("classpath:db/postgresql");

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  /** The dialect of a JDBC URL; only SQLite and PostgreSQL are supported. */
  static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new StoreException("unsupported store URL (jdbc:sqlite: or jdbc:postgresql: only): "
        + DatabaseSettings.redact(jdbcUrl));
  }

  /** The Flyway location of this dialect's migrations (the same versions in both). */
  String migrations() {
    return migrations;
  }

  /**
   * {@code expr IN (?, ...)} with {@code n} parameters, ignoring case; bind the values through
   * {@link #caseless}.
   */
  String inIgnoringCase(String expr, int n) {
    String marks = "?,".repeat(n - 1) + "?";
    return this == SQLITE
        ? expr + " COLLATE NOCASE IN (" + marks + ")"
        : "lower(" + expr + ") IN (" + marks + ")";
  }

  /** A value for {@link #inIgnoringCase}. */
  String caseless(String value) {
    return this == SQLITE ? value : value.toLowerCase(Locale.ROOT);
  }

  /**
   * True when some element of the JSON array in column {@code arrayColumn} has a {@code name}
   * among {@code n} parameters, ignoring case (bind them through {@link #caseless}).
   */
  String anyNameInJsonArray(String arrayColumn, int n) {
    return this == SQLITE
        ? "EXISTS (SELECT 1 FROM json_each(" + arrayColumn + ") x WHERE "
            + inIgnoringCase("json_extract(x.value, '$.name')", n) + ")"
        : "EXISTS (SELECT 1 FROM jsonb_array_elements(CAST(" + arrayColumn + " AS jsonb)) x WHERE "
            + inIgnoringCase("x.value ->> 'name'", n) + ")";
  }

  /**
   * A query answering "ok" when the database is sound: SQLite checks its file; a PostgreSQL
   * server guards its own pages (WAL, checksums if enabled), so it only has to answer.
   */
  String integrityCheck() {
    return this == SQLITE ? "PRAGMA integrity_check" : "SELECT 'ok'";
  }
}
