package dev.vigil.pipeline;

import java.time.Duration;

/**
 * How far an ingest run has come: bytes of input consumed of the total, articles committed,
 * inputs skipped, time spent.
 */
public record IngestProgress(
    long bytesDone, long bytesTotal, long articles, long skipped, Duration elapsed,
    boolean finished) {

  /** Articles per second so far. */
  public double rate() {
    double s = elapsed.toMillis() / 1000.0;
    return s <= 0 ? 0 : articles / s;
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
