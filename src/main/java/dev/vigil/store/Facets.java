package dev.vigil.store;

import java.util.List;
import java.util.Map;

/**
 * How the articles a query matches spread over the keyword fields (source, category, country,
 * entity, place, event type, language) and over time. {@code byField} keeps the fields in
 * {@link #FIELDS} order, each with its most frequent values; {@code dates} is a histogram of
 * publication dates by year or by month (whichever gives a readable number of bars).
 */
public record Facets(long total, Map<String, List<Value>> byField, List<Bucket> dates, String dateUnit) {
  /** The facet fields, in the order pages show them, with the query field each filters on. */
  public static final List<String> FIELDS =
      List.of("category", "event_type", "country", "place", "entity", "source_key", "language");

  /** A value of a field and how many matching articles have it. */
  public record Value(String value, long count) {}

  /** A period ("2025" or "2025-11") and how many matching articles were published in it. */
  public record Bucket(String period, long count) {}
}
