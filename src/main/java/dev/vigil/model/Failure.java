package dev.vigil.model;

import java.util.Objects;

/**
 * An input a stage could not handle: which stage, where the input came from (a path or
 * URL, and the 1-based line for line-oriented input, else null), and why, in words a user
 * can act on.
 */
public record Failure(String stage, String origin, Integer line, String reason) {
  public Failure {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
    if (line != null && line < 1) {
      throw new IllegalArgumentException("line must be 1-based, got " + line);
    }
  }

  /** {@code origin:line: reason}, the way compilers report errors. */
  @Override
  public String toString() {
    return origin + (line == null ? "" : ":" + line) + ": " + reason;
  }
}
