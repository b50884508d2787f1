package dev.vigil.feeds;

import java.util.List;
import java.util.Objects;

/**
 * A feed as parsed: its format ({@code rss_2.0}, {@code atom_1.0}, {@code rss_1.0} for RDF,
 * {@code json}, {@code sitemap}, {@code opml}...), title, site link, items, and the further
 * feeds it lists (an OPML outline or a sitemap index; empty otherwise).
 */
public record ParsedFeed(String url, String format, String title, String link, List<FeedItem> items,
    List<String> feeds) {
  public ParsedFeed {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(format, "format");
    items = List.copyOf(items);
    feeds = List.copyOf(feeds);
  }
}
