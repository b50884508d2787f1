package dev.vigil.model;

import java.util.Objects;

/**
 * What the extract stage makes of one input document: the article's text and whatever
 * metadata the input carried. Everything but {@code text} may be null. {@code text} keeps
 * paragraphs apart with a blank line.
 */
public record ExtractedArticle(
    String url, String title, String byline, String published, String language,
    String siteName, String text) {

  public ExtractedArticle {
    Objects.requireNonNull(text, "text");
    if (published != null && !IsoDates.isValid(published)) {
      throw new IllegalArgumentException("published is not an ISO 8601 date: " + published);
    }
  }
}
