package dev.vigil.store;

import java.util.List;

/**
 * One page of search hits and how many there are in all: {@code total} is the exact number of
 * matches when {@code totalExact}, else a lower bound (a broad query over a large store matches
 * more than {@link SearchIndex#COUNT_EXACT_UP_TO}, and counting them all would cost more than
 * finding the best ones).
 */
public record SearchResults(SearchQuery query, long total, List<Hit> hits, boolean totalExact) {
  public SearchResults {
    hits = List.copyOf(hits);
  }

  /** A matching article with a snippet of its text around the matches. */
  public record Hit(
      String id, String title, String source, String published, String language, float score,
      String snippet) {}
}
