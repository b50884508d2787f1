package dev.vigil.kb;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the knowledge base. {@code id} is stable across builds (a slug of the name);
 * {@code country} is an ISO 3166-1 alpha-2 code or null (IGOs); {@code aliases} are the
 * names it goes by, in any script, its {@code name} first; {@code source} is where the entry
 * comes from ({@code analyst}: edited in Vigil and kept in the store, {@code user},
 * {@code curated}, {@code phoenix}), which also ranks it.
 */
public record Actor(String id, String name, String type, String country, List<Role> roles,
    List<String> aliases, String source) {
  /** Actor types. */
  public static final Set<String> TYPES =
      Set.of("person", "organisation", "armed_group", "government", "igo", "media");

  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name of " + id);
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(id + ": unknown actor type " + type + ", expected one of "
          + TYPES);
    }
    roles = roles == null ? List.of() : List.copyOf(roles);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  public boolean isPerson() {
    return "person".equals(type);
  }

  /** The entity type of DESIGN.md that mentions of this actor carry. */
  public String entityType() {
    return isPerson() ? "PERSON" : "ORGANIZATION";
  }

  /** Rank of the source: an analyst's beats a user's, which beats a curated one, then Phoenix's. */
  int rank() {
    return switch (source == null ? "" : source) {
      case "analyst" -> 4;
      case "user" -> 3;
      case "curated" -> 2;
      default -> 1;
    };
  }
}
