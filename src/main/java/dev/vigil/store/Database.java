package dev.vigil.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file: one writer connection, used under a lock, and a small pool of read-only
 * connections (WAL lets readers run beside the writer). Migrations run when it opens.
 */
final class Database implements AutoCloseable {
  private static final int READERS = 4;
  private static final int BUSY_TIMEOUT_MS = 30_000; // another process may hold the write lock

  private final Path file;
  private final String url;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

  private Database(Path file) throws SQLException {
    this.file = file;
    this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    // autocommit stays on: each write opens its own BEGIN IMMEDIATE, so that between writes
    // this process holds no lock and other processes can write
    this.writer = base().createConnection(url);
    for (int i = 0; i < READERS; i++) {
      SQLiteConfig r = base();
      r.setReadOnly(true);
      readers.add(r.createConnection(url));
    }
  }

  private static SQLiteConfig base() {
    SQLiteConfig c = new SQLiteConfig();
    c.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: a committed batch survives a power cut too, not only a killed process
    c.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    c.setBusyTimeout(BUSY_TIMEOUT_MS);
    c.enforceForeignKeys(true);
    return c;
  }

  /** Opens (creating if needed) and migrates the database file. */
  static Database open(Path file) {
    try {
      Flyway.configure()
          .dataSource("jdbc:sqlite:" + file.toAbsolutePath(), "", "")
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate " + file + ": " + e.getMessage(), e);
    }
    try {
      return new Database(file);
    } catch (SQLException e) {
      throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  Path file() {
    return file;
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
   * Runs {@code work} in one transaction, taking the database's write lock at the start
   * ({@code BEGIN IMMEDIATE}) so that it cannot fail half-way for a lock: all of it is
   * committed, or none of it.
   */
  <T> T write(WriteWork<T> work) {
    writeLock.lock();
    try (Statement tx = writer.createStatement()) {
      tx.execute("BEGIN IMMEDIATE");
      try {
        T result = work.run(writer);
        tx.execute("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("write to " + file + " failed: " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  private void rollbackQuietly() {
    try (Statement tx = writer.createStatement()) {
      tx.execute("ROLLBACK");
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
      throw new StoreException("read from " + file + " failed: " + e.getMessage(), e);
    } finally {
      readers.add(c);
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
      throw new StoreException("cannot close " + file + ": " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }
}
