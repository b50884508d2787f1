package dev.vigil.sources;

import java.util.Locale;

/** What kind of outlet a source is; in YAML written as its label ("state media"). */
public enum SourceType {
  WIRE("wire"),
  STATE_MEDIA("state media"),
  PUBLIC_BROADCASTER("public broadcaster"),
  INDEPENDENT("independent"),
  GOVERNMENT("government"),
  INTERGOVERNMENTAL("intergovernmental"),
  NGO("NGO"),
  BLOG("blog"),
  OTHER("other");

  private final String label;

  SourceType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Reads a label or constant name, any case, spaces or underscores. */
  public static SourceType parse(String s) {
    String norm = s.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    for (SourceType t : values()) {
      if (t.label.toLowerCase(Locale.ROOT).equals(norm)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown source type '" + s + "' (one of: wire, state media,"
        + " public broadcaster, independent, government, intergovernmental, NGO, blog, other)");
  }
}
