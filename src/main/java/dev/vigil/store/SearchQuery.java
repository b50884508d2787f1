package dev.vigil.store;

import java.util.Objects;

/**
 * A search: a query in Lucene syntax (blank for everything), the order, and the page.
 * {@code html} asks for snippets with HTML-escaped text and {@code <mark>} highlights; else
 * snippets are plain text with matches between {@code «} and {@code »}.
 */
public record SearchQuery(String query, Order order, int offset, int limit, boolean html) {
  /** The deepest page a search can reach; deeper paging costs more than it is worth. */
  public static final int MAX_WINDOW = 10_000;
  /** The longest query accepted, in characters. */
  public static final int MAX_QUERY_CHARS = 2_000;

  /** Most relevant first, or newest first. */
  public enum Order {
    RELEVANCE,
    NEWEST
  }

  public SearchQuery {
    query = query == null ? "" : query.strip();
    Objects.requireNonNull(order, "order");
    if (query.length() > MAX_QUERY_CHARS) {
      throw new IllegalArgumentException(
          "query is " + query.length() + " characters long; the limit is " + MAX_QUERY_CHARS);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be between 1 and 100: " + limit);
    }
    if ((long) offset + limit > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "offset + limit must not exceed " + MAX_WINDOW + ": narrow the query instead");
    }
  }

  public static SearchQuery of(String query) {
    return new SearchQuery(query, Order.RELEVANCE, 0, 10, false);
  }
}
