package dev.vigil.pipeline;

import java.time.Duration;

/**
 * How far an ingest run has come: bytes of input consumed of the total, articles committed,
 * inputs skipped, time spent; and when the first batch was committed ({@code firstStored},
 * null before; {@code firstArticles} in it), which ends the start-up: models that load on first
 * use (the dependency parser, MiniLM) and the first articles through a cold JVM.
 */
public record IngestProgress(
    long bytesDone, long bytesTotal, long articles, long skipped, Duration elapsed,
    boolean finished, long firstArticles, Duration firstStored) {

  /** Articles per second so far. */
  public double rate() {
    double s = elapsed.toMillis() / 1000.0;
    return s <= 0 ? 0 : articles / s;
  }

  /**
   * Articles per second since the first batch was committed, so without model loading and
   * start-up; 0 until a second batch has been committed.
   */
  public double steadyRate() {
    if (firstStored == null) {
      return 0;
    }
    double s = (elapsed.toMillis() - firstStored.toMillis()) / 1000.0;
    long n = articles - firstArticles;
    return s <= 0 || n <= 0 ? 0 : n / s;
  }

  /** The estimated time left, from the share of input consumed; null when it cannot be told. */
  public Duration remaining() {
    if (finished) {
      return Duration.ZERO;
    }
    if (bytesTotal <= 0 || bytesDone <= 0 || elapsed.toMillis() < 500) {
      return null;
    }
    double share = Math.min(1.0, (double) bytesDone / bytesTotal);
    long left = (long) (elapsed.toMillis() * (1 - share) / share);
    return Duration.ofMillis(left);
  }

  /** Share of the input consumed, 0 to 1 (0 when the total is not known). */
  public double share() {
    return bytesTotal <= 0 ? 0 : Math.min(1.0, (double) bytesDone / bytesTotal);
  }
}
