package dev.vigil.store;

import java.util.List;

/** One page of search hits and how many there are in all. */
public record SearchResults(SearchQuery query, long total, List<Hit> hits) {
  public SearchResults {
    hits = List.copyOf(hits);
  }

  /** A matching article with a snippet of its text around the matches. */
  public record Hit(
      String id, String title, String source, String published, String language, float score,
      String snippet) {}
}
