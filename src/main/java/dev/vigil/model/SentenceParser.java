package dev.vigil.model;

import java.util.List;

/**
 * Parses one tagged sentence into dependencies. Parsing is the costliest step of the analysis,
 * so a stage asks for it only for the sentences it needs. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SentenceParser {
  List<Dependency> parse(TaggedSentence sentence);

  /** A parser for when none is configured: no sentence has dependencies. */
  SentenceParser NONE = sentence -> List.of();
}
