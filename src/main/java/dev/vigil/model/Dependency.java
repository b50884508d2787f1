package dev.vigil.model;

import java.util.Objects;

/**
 * A grammatical relation between two tokens of one sentence (Universal Dependencies):
 * {@code governor} and {@code dependent} index the sentence's tokens; {@code governor} is -1
 * for the root.
 */
public record Dependency(String relation, int governor, int dependent) {
  public Dependency {
    Objects.requireNonNull(relation, "relation");
  }
}
