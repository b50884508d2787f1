package dev.vigil.feeds;

import java.time.Duration;

/**
 * Adaptive poll intervals: a feed that brought new items is polled sooner next time (halved
 * after a busy poll of five or more, three quarters after one to four), a quiet feed later
 * (one and a half times), always within {@code [min, max]}. A failing feed waits its interval
 * doubled per consecutive failure, up to {@code max}, without losing its interval.
 */
public record FeedSchedule(Duration min, Duration max, Duration initial) {
  public FeedSchedule {
    if (min.isNegative() || min.isZero() || max.compareTo(min) < 0 || initial.compareTo(min) < 0
        || initial.compareTo(max) > 0) {
      throw new IllegalArgumentException("need 0 < min <= initial <= max; got " + min + ", " + initial + ", " + max);
    }
  }

  /** The interval after a successful poll that found {@code newItems} new items. */
  public Duration afterSuccess(Duration current, int newItems) {
    double factor = newItems >= 5 ? 0.5 : newItems > 0 ? 0.75 : 1.5;
    return clamp(Duration.ofMillis((long) (current.toMillis() * factor)));
  }

  /** How long to wait after the {@code errors}-th consecutive failure. */
  public Duration afterError(Duration current, int errors) {
    long factor = 1L << Math.min(Math.max(errors, 1), 16);
    return clamp(Duration.ofMillis(Math.min(Long.MAX_VALUE / factor, current.toMillis()) * factor));
  }

  private Duration clamp(Duration d) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }
}
