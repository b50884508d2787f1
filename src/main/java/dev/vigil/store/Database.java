package dev.vigil.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;

/**
 * The database: one writer connection, used under a lock, and a small pool of read-only
 * connections. Migrations run when it opens.
 *
 * <p>Writes are serialised across processes as well as threads, on both vendors: SQLite by
 * {@code BEGIN IMMEDIATE} (WAL lets readers run beside the writer), PostgreSQL by a
 * transaction-scoped advisory lock taken first in every write transaction. The store relies on
 * it: the article change sequence is allocated inside the transaction, so allocation order is
 * commit order and a reader that has seen change N has seen every change before N (the Lucene
 * index catches up by that sequence; see {@link ArticleStore#changesAfter}); the counters the
 * stories and alerts stages advance are read and moved in one transaction without a race.
 */
final class Database implements AutoCloseable {
  private static final int READERS = 4;
  private static final int BUSY_TIMEOUT_MS = 30_000; // another process may hold the write lock
  /** The PostgreSQL advisory lock key every write transaction takes ("vigil" in ASCII). */
  static final long WRITE_LOCK_KEY = 0x766967696cL;

  private final DatabaseSettings settings;
  private final Dialect dialect;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private Connection writer;

  private Database(DatabaseSettings settings) throws SQLException {
    this.settings = settings;
    this.dialect = settings.dialect();
    this.writer = connect(false);
    for (int i = 0; i < READERS; i++) {
      readers.add(connect(true));
    }
  }

  private Connection connect(boolean readOnly) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      SQLiteConfig c = new SQLiteConfig();
      c.setJournalMode(SQLiteConfig.JournalMode.WAL);
      // FULL: a committed batch survives a power cut too, not only a killed process
      c.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      c.setBusyTimeout(BUSY_TIMEOUT_MS);
      c.enforceForeignKeys(true);
      c.setReadOnly(readOnly);
      // autocommit stays on: each write opens its own BEGIN IMMEDIATE, so that between writes
      // this process holds no lock and other processes can write
      return c.createConnection(settings.url());
    }
    Properties p = new Properties();
    if (settings.user() != null) {
      p.setProperty("user", settings.user());
    }
    if (settings.password() != null) {
      p.setProperty("password", settings.password());
    }
    p.setProperty("ApplicationName", "vigil");
    // string parameters take the type of what they are compared with, so that a citext column
    // (the case-insensitive ones, as COLLATE NOCASE in SQLite) compares without case
    p.setProperty("stringtype", "unspecified");
    p.setProperty("connectTimeout", "10");
    Connection c = DriverManager.getConnection(settings.url(), p);
    c.setAutoCommit(readOnly); // the writer commits explicitly, after its advisory lock
    c.setReadOnly(readOnly);
    return c;
  }

  /** Opens and migrates the database. */
  static Database open(DatabaseSettings settings) {
    Dialect dialect = settings.dialect();
    try {
      Flyway.configure()
          .dataSource(settings.url(), orEmpty(settings.user()), orEmpty(settings.password()))
          .locations(dialect.migrations())
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate " + settings + ": " + e.getMessage(), e);
    }
    try {
      return new Database(settings);
    } catch (SQLException e) {
      throw new StoreException("cannot open " + settings + ": " + e.getMessage(), e);
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  Dialect dialect() {
    return dialect;
  }

  /** Work done in one write transaction. */
  interface WriteWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Work done on a read-only connection. */
  interface ReadWork<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction, taking the database's write lock at the start (SQLite:
   * {@code BEGIN IMMEDIATE}; PostgreSQL: the advisory lock) so that writers run one at a time,
   * in every process: all of it is committed, or none of it.
   */
  <T> T write(WriteWork<T> work) {
    writeLock.lock();
    try {
      if (dialect == Dialect.POSTGRESQL && !writer.isValid(5)) {
        reconnectWriter(); // the server restarted or the network dropped since the last write
      }
      try (Statement tx = writer.createStatement()) {
        tx.execute(dialect == Dialect.SQLITE ? "BEGIN IMMEDIATE"
            : "SELECT pg_advisory_xact_lock(" + WRITE_LOCK_KEY + ")");
        try {
          T result = work.run(writer);
          if (dialect == Dialect.SQLITE) {
            tx.execute("COMMIT");
          } else {
            writer.commit();
          }
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly();
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new StoreException("write to " + settings + " failed: " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  private void reconnectWriter() throws SQLException {
    try {
      writer.close();
    } catch (SQLException ignored) {
      // it is broken already
    }
    writer = connect(false);
  }

  private void rollbackQuietly() {
    try {
      if (dialect == Dialect.SQLITE) {
        try (Statement tx = writer.createStatement()) {
          tx.execute("ROLLBACK");
        }
      } else {
        writer.rollback();
      }
    } catch (SQLException ignored) {
      // the original failure is the one worth reporting
    }
  }

  <T> T read(ReadWork<T> work) {
    Connection c;
    try {
      c = readers.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a database connection");
    }
    if (c == null) {
      throw new StoreException("no database connection free after " + BUSY_TIMEOUT_MS + " ms");
    }
    try {
      return work.run(c);
    } catch (SQLException e) {
      c = replaceIfBroken(c);
      throw new StoreException("read from " + settings + " failed: " + e.getMessage(), e);
    } finally {
      readers.add(c);
    }
  }

  /** A server connection that failed is replaced, so that the pool recovers from a restart. */
  private Connection replaceIfBroken(Connection c) {
    if (dialect == Dialect.SQLITE) {
      return c;
    }
    try {
      if (c.isValid(2)) {
        return c;
      }
      c.close();
      return connect(true);
    } catch (SQLException e) {
      return c; // still down: the next read fails and tries again
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      writer.close();
      for (Connection c; (c = readers.poll()) != null; ) {
        c.close();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot close " + settings + ": " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }
}
