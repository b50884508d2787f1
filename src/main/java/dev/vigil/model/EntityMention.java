package dev.vigil.model;

import java.util.Objects;
import java.util.Set;

/**
 * A named entity in the text. {@code id} and {@code name} are the knowledge-base entry it is
 * linked to, or null when it is not linked.
 */
public record EntityMention(String text, String type, String id, String name, int start, int end) {
  /** The entity types of DESIGN.md. */
  public static final Set<String> TYPES =
      Set.of("PERSON", "ORGANIZATION", "LOCATION", "NATIONALITY", "MISC");

  public EntityMention {
    Objects.requireNonNull(text, "text");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("unknown entity type: " + type);
    }
    Offsets.check(start, end);
  }
}
