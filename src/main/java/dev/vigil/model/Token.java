package dev.vigil.model;

import java.util.Objects;

/**
 * One token of a sentence as the annotate stage tagged it: its word, lemma, part of speech
 * (Penn Treebank), named-entity tag (CoreNLP's: PERSON, ORGANIZATION, LOCATION, DATE, ... or
 * "O") and its half-open character offsets into the article's text.
 */
public record Token(String word, String lemma, String pos, String ner, int start, int end) {
  public Token {
    Objects.requireNonNull(word, "word");
    Offsets.check(start, end);
  }
}
