package dev.vigil.kb;

/**
 * A role an actor held: {@code title} in words ("Secretary of the Security Council of
 * Russia", or a decoded CAMEO code such as "RUS government"), with ISO 8601 dates at the
 * precision known ({@code from}, {@code to}: null when open or unknown).
 */
public record Role(String title, String from, String to) {
  public Role {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a role needs a title");
    }
  }

  /** Whether the role was held on {@code date} (ISO 8601; prefixes compare as their start). */
  public boolean heldOn(String date) {
    if (date == null) {
      return to == null;
    }
    return (from == null || from.compareTo(date) <= 0)
        && (to == null || date.compareTo(to) <= 0 || date.startsWith(to));
  }
}
