package dev.vigil.team;

import java.util.Locale;

/**
 * A Traffic Light Protocol 2.0 marking, and Vigil's organisation-level rule for who may see an
 * item so marked:
 *
 * <ul>
 *   <li>CLEAR and GREEN: every account of this Vigil (the community);
 *   <li>AMBER, AMBER+STRICT and RED: only accounts of the owning organisation.
 * </ul>
 *
 * <p>AMBER would allow sharing with the organisation's clients and RED only with named
 * recipients; Vigil models neither, so it applies the stricter organisation rule to both.
 */
public enum Tlp {
  CLEAR("CLEAR"), GREEN("GREEN"), AMBER("AMBER"), AMBER_STRICT("AMBER+STRICT"), RED("RED");

  private final String label;

  Tlp(String label) {
    this.label = label;
  }

  /** The marking as written in TLP 2.0 ({@code AMBER+STRICT}); {@code TLP:} prefix and case are ignored. */
  public static Tlp parse(String s) {
    String v = s.strip().toUpperCase(Locale.ROOT);
    if (v.startsWith("TLP:")) {
      v = v.substring(4);
    }
    for (Tlp t : values()) {
      if (t.label.equals(v)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown TLP marking '" + s + "': use CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
  }

  public String label() {
    return label;
  }

  /** Whether an account of {@code viewerOrg} may see an item of {@code ownerOrg} with this marking. */
  public boolean visibleTo(String viewerOrg, String ownerOrg) {
    return shared() || (ownerOrg != null && ownerOrg.equals(viewerOrg));
  }

  /** Whether every account of this Vigil may see an item so marked (CLEAR, GREEN). */
  public boolean shared() {
    return this == CLEAR || this == GREEN;
  }

  @Override
  public String toString() {
    return label;
  }
}
