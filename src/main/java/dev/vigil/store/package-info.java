/**
 * The store: one database is the source of truth (the SQLite file {@code vigil.db}, WAL, by
 * default; or a PostgreSQL database several processes share; Flyway migrations for each, see
 * {@code Dialect}); a Lucene index ({@code index/}) in the data directory is
 * derived from it and can always be rebuilt.
 * Every write to the database is numbered ({@code change_seq}); the index records the last
 * number it has absorbed in its commit data and catches up with the rest, so a process killed
 * between the two writes leaves nothing lost, only an index that is brought up to date when
 * the store next opens.
 */
package dev.vigil.store;
