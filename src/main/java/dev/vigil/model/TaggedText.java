package dev.vigil.model;

import java.util.List;
import java.util.Objects;

/**
 * An article's text after the annotate stage: the annotations found so far and the tagged
 * sentences the later stages (events) read. {@code published} is the date relative
 * expressions resolve against (ISO 8601, or null).
 */
public record TaggedText(
    String text, String published, Annotations annotations, List<TaggedSentence> sentences) {
  public TaggedText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(annotations, "annotations");
    sentences = List.copyOf(sentences);
  }

  /** This text with its annotations replaced. */
  public TaggedText with(Annotations newAnnotations) {
    return new TaggedText(text, published, newAnnotations, sentences);
  }
}
