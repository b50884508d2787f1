package dev.vigil.model;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stored news article. {@code id} is stable: the same input ingested twice has the same id.
 * {@code origin} is where it came from (a file path, with the line for {@code .jsonl}, or a
 * URL); {@code published} is ISO 8601 at the precision known, or null.
 */
public record Article(
    String id, String url, String source, String title, String byline, String published,
    String language, String text, String origin, Instant ingested) {

  /** What an article id may look like: given ids are kept, so they are checked. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  public Article {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "article id must match " + ID.pattern() + ", got: " + abbreviate(id));
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(ingested, "ingested");
    if (published != null && !IsoDates.isValid(published)) {
      throw new IllegalArgumentException("published is not an ISO 8601 date: " + published);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
