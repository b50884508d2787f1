package dev.vigil.model;

/** A sentence of an article's text, by half-open character offsets. */
public record Sentence(int start, int end) {
  public Sentence {
    Offsets.check(start, end);
  }
}
