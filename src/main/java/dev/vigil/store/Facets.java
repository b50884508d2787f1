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
   * this many: ~10 ms of CPU on this project's reference machine, and within a few per cent of
   * the exact counts for values that matter (those held by a few per cent of the matches).
   */
  public static final int SAMPLE_ABOVE = 5_000;

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
