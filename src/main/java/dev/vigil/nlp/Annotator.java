package dev.vigil.nlp;

import dev.vigil.model.Annotations;
import dev.vigil.model.TaggedText;

/** Annotates the text of one article. Implementations are thread-safe and loaded once. */
public interface Annotator {
  /**
   * Tags the text and finds what is in it. The tagged sentences are for the stages after this
   * one (places, events); the annotations are what is stored.
   *
   * @param text the article's text; offsets in the result index into it
   * @param language the language already detected, or null to detect it here
   * @param published the publication date (ISO 8601) that relative dates resolve against, or null
   */
  TaggedText tag(String text, String language, String published);

  /** The annotations of {@link #tag} alone. */
  default Annotations annotate(String text, String language, String published) {
    return tag(text, language, published).annotations();
  }
}
