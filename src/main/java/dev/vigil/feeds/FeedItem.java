package dev.vigil.feeds;

import java.util.Objects;

/**
 * One entry of a feed: the article's URL and what the feed says about it. {@code published}
 * is ISO 8601 or null; {@code summary} is the feed's description as given (may be HTML).
 */
public record FeedItem(String url, String title, String summary, String published, String guid) {
  public FeedItem {
    Objects.requireNonNull(url, "url");
    if (url.isBlank()) {
      throw new IllegalArgumentException("feed item URL is blank");
    }
  }
}
