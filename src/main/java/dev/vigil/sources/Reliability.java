package dev.vigil.sources;

import java.util.Locale;

/** The label shown beside a source: how far its reports are trusted before corroboration. */
public enum Reliability {
  RELIABLE("Reliable"),
  MIXED("Mixed"),
  UNRELIABLE("Unreliable"),
  UNRATED("Unrated");

  private final String label;

  Reliability(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Reliability parse(String s) {
    for (Reliability r : values()) {
      if (r.label.equalsIgnoreCase(s.strip()) || r.name().equalsIgnoreCase(s.strip())) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown reliability label '" + s + "' (Reliable, Mixed, Unreliable, Unrated)");
  }

  @Override
  public String toString() {
    return label.toLowerCase(Locale.ROOT);
  }
}
