package dev.vigil.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Fetcher} behaves towards the sites it visits. {@code hostDelay} is the least time
 * between the end of one request to a host and the start of the next; a robots.txt
 * {@code Crawl-delay} longer than it wins (up to {@code maxCrawlDelay}).
 */
public record FetchPolicy(
    String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
    int maxRedirects, int maxAttempts, Duration hostDelay, int perHostConcurrency,
    Duration backoffBase, Duration maxBackoff, Duration maxCrawlDelay) {

  /** The product token robots.txt groups are matched against. */
  public static final String ROBOT_NAME = "vigil";

  public FetchPolicy {
    Objects.requireNonNull(userAgent, "userAgent");
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
    }
    if (maxRedirects < 0 || maxAttempts < 1 || perHostConcurrency < 1) {
      throw new IllegalArgumentException("maxRedirects >= 0, maxAttempts >= 1, perHostConcurrency >= 1;"
          + " got " + maxRedirects + ", " + maxAttempts + ", " + perHostConcurrency);
    }
    for (Duration d : new Duration[] {connectTimeout, readTimeout, hostDelay, backoffBase, maxBackoff, maxCrawlDelay}) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException("durations must be zero or positive: " + d);
      }
    }
  }

  /** The defaults of {@code vigil-defaults.yaml}, for tools and tests. */
  public static FetchPolicy defaults() {
    return new FetchPolicy(userAgent("https://github.com/vigil-news/vigil"), Duration.ofSeconds(10),
        Duration.ofSeconds(30), 10L << 20, 5, 4, Duration.ofSeconds(2), 1, Duration.ofSeconds(1),
        Duration.ofMinutes(5), Duration.ofSeconds(60));
  }

  /** A descriptive User-Agent naming Vigil and where its operator can be reached. */
  public static String userAgent(String contact) {
    return "Vigil/0.1 (news-intelligence feed reader; +" + contact + ")";
  }

  public FetchPolicy withHostDelay(Duration delay) {
    return new FetchPolicy(userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects,
        maxAttempts, delay, perHostConcurrency, backoffBase, maxBackoff, maxCrawlDelay);
  }
}
