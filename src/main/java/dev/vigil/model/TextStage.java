package dev.vigil.model;

/**
 * A stage after annotation that adds to what is known of a text: entity linking, places,
 * events. It returns the text with its annotations extended (never shortened) and must not
 * throw for odd input: what it cannot handle it leaves as it was. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface TextStage {
  TaggedText apply(TaggedText text);
}
