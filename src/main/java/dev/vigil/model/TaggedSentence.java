package dev.vigil.model;

import java.util.List;

/**
 * A sentence with its tagged tokens: what the annotate stage hands to the stages after it
 * (places, events). Not stored. Dependencies are parsed on demand (see {@link SentenceParser}).
 */
public record TaggedSentence(int start, int end, List<Token> tokens) {
  public TaggedSentence {
    Offsets.check(start, end);
    tokens = List.copyOf(tokens);
  }

  /** The sentence's text, cut from the article's {@code text}. */
  public String text(String text) {
    return text.substring(start, end);
  }
}
