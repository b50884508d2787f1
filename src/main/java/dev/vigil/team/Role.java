package dev.vigil.team;

import java.util.Locale;

/**
 * What an account may do: a viewer reads, an analyst also writes (watchlists, notes,
 * corrections), an admin also manages users and API tokens. Each role includes the ones before.
 */
public enum Role {
  VIEWER, ANALYST, ADMIN;

  /** The role named {@code name} (any case). */
  public static Role parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown role '" + name + "': use admin, analyst or viewer");
    }
  }

  /** The lower-case name stored and shown. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }
}
