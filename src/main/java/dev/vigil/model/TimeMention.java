package dev.vigil.model;

import java.util.Objects;

/**
 * A time expression and its value in ISO 8601 at the precision the text supports
 * ("2024", "2024-11", "2025-11-19"), or null when it cannot be resolved.
 */
public record TimeMention(String text, String value, int start, int end) {
  public TimeMention {
    Objects.requireNonNull(text, "text");
    Offsets.check(start, end);
  }
}
