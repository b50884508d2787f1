package dev.vigil.store;

import dev.vigil.team.Tlp;

/**
 * An item's TLP marking and owning organisation. Public news has no organisation and is CLEAR
 * (or GREEN); AMBER, AMBER+STRICT and RED need an owning organisation, since only its accounts
 * may see the item (the rule of {@link Tlp#visibleTo}).
 *
 * @param organisation the owning organisation, null for public news
 */
public record Marking(Tlp tlp, String organisation) {
  /** Public news: what an article gets unless its ingest said otherwise. */
  public static final Marking CLEAR = new Marking(Tlp.CLEAR, null);

  public Marking {
    if (tlp == null) {
      throw new InvalidFieldException("tlp", "is required: CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
    }
    if (organisation != null && organisation.isBlank()) {
      organisation = null;
    }
    if (!tlp.shared() && organisation == null) {
      throw new InvalidFieldException("org", tlp + " needs an owning organisation");
    }
  }

  /** Reads a marking from its stored or submitted form ({@code tlp} as TLP 2.0 writes it). */
  public static Marking of(String tlp, String organisation) {
    try {
      return new Marking(Tlp.parse(tlp == null ? "CLEAR" : tlp), organisation);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("tlp", e.getMessage());
    }
  }

  /** The TLP label ({@code AMBER+STRICT}), for storage and JSON. */
  public String label() {
    return tlp.label();
  }
}
