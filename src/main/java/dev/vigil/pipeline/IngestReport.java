package dev.vigil.pipeline;

import java.time.Duration;

/**
 * What an ingest run did: articles newly stored, stored with changed content, already stored
 * as they were; inputs skipped with a reported reason; files in folders passed over because
 * Vigil does not read their kind.
 */
public record IngestReport(
    int files, long inserted, long updated, long unchanged, long skipped, int ignored,
    Duration elapsed) {

  /** Articles that went through the whole pipeline. */
  public long articles() {
    return inserted + updated + unchanged;
  }

  public boolean anySkipped() {
    return skipped > 0;
  }
}
