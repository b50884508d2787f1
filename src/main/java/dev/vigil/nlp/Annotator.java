package dev.vigil.nlp;

import dev.vigil.model.Annotations;

/** Annotates the text of one article. Implementations are thread-safe and loaded once. */
public interface Annotator {
  /**
   * @param text the article's text; offsets in the result index into it
   * @param language the language already detected, or null to detect it here
   * @param published the publication date (ISO 8601) that relative dates resolve against, or null
   */
  Annotations annotate(String text, String language, String published);
}
