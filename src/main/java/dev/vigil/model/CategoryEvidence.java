package dev.vigil.model;

import java.util.Objects;

/**
 * Why an article carries a category: the text that triggered it (an event trigger or a cue
 * phrase) and its half-open offsets into the article's text.
 */
public record CategoryEvidence(String category, String text, int start, int end) {
  public CategoryEvidence {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(text, "text");
    Offsets.check(start, end);
  }
}
