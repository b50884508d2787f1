package dev.vigil.store;

import java.util.List;
import java.util.Map;

/**
 * How the articles a query matches spread over the keyword fields (source, category, country,
 * entity, place, event type, language) and over time. {@code byField} keeps the fields in
 * {@link #FIELDS} order, each with its most frequent values; {@code dates} is a histogram of
 * publication dates by year or by month (whichever gives a readable number of bars).
 * {@code counted} is how many of the {@code total} matches were counted: when it is fewer
 * (a broad query over a large store), the counts are estimates from that random sample, scaled
 * to the total, and {@link #exact()} is false; {@code total} is then itself an estimate unless
 * the index knew it without counting (a single term).
 */
public record Facets(long total, Map<String, List<Value>> byField, List<Bucket> dates, String dateUnit,
    long counted) {
  /** The facet fields, in the order pages show them, with the query field each filters on. */
  public static final List<String> FIELDS =
      List.of("category", "event_type", "country", "place", "entity", "source_key", "language");

  /**
   * Above this many matches the search page and the API count facets over a sample of about
   * this many. Measured on 1,000,000 stored articles (docs/search-scale.md): the top five
   * values of each facet of ten broad queries come within 5.0 % of their exact counts on
   * average (3.0 % with a sample of 5,000; `vigil bench facets`), with the same values in the top five, while the
   * facet part of a request costs about half as much as with 5,000, which brings the p95 of
   * 8 concurrent clients under 50 ms on two cores. The counts are labelled as estimates.
   */
  public static final int SAMPLE_ABOVE = 2_500;

  /** Exact facets: every match counted. */
  public Facets(long total, Map<String, List<Value>> byField, List<Bucket> dates, String dateUnit) {
    this(total, byField, dates, dateUnit, total);
  }

  /** Whether every match was counted (else the counts are scaled estimates from a sample). */
  public boolean exact() {
    return counted >= total;
  }

  /** A value of a field and how many matching articles have it. */
  public record Value(String value, long count) {}

  /** A period ("2025" or "2025-11") and how many matching articles were published in it. */
  public record Bucket(String period, long count) {}
}
