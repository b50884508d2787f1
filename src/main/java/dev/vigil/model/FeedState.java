package dev.vigil.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A polled feed as stored: the validators for the next conditional request, the adaptive
 * interval and when the next poll is due, and what a user sees of its health.
 *
 * @param errors consecutive failed polls (0 after a success)
 * @param itemsSeen items that were new to Vigil, over the feed's life
 * @param articles articles stored from it
 */
public record FeedState(
    String url, String title, String source, String etag, String lastModified,
    Instant added, Instant lastPolled, Instant lastSuccess, Instant nextPoll, Duration interval,
    int errors, int errorsTotal, String lastError, long itemsSeen, long articles) {

  public FeedState {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(added, "added");
    Objects.requireNonNull(nextPoll, "nextPoll");
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("feed interval must be positive: " + interval);
    }
  }

  /** A feed just added: due now. */
  public static FeedState added(String url, String title, String source, Duration interval, Instant now) {
    return new FeedState(url, title, source, null, null, now, null, null, now, interval, 0, 0, null, 0, 0);
  }
}
