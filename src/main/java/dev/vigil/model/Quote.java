package dev.vigil.model;

import java.util.Objects;

/** A quotation and its speaker (null when no speaker could be attributed). */
public record Quote(String speaker, String text, int start, int end) {
  public Quote {
    Objects.requireNonNull(text, "text");
    Offsets.check(start, end);
  }
}
