package dev.vigil.model;

/** Checks half-open character offsets {@code [start, end)} shared by every annotation record. */
public final class Offsets {
  private Offsets() {}

  /**
   * @throws IllegalArgumentException naming the values if {@code start < 0} or {@code end < start}
   */
  public static void check(int start, int end) {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad offsets [" + start + ", " + end + ")");
    }
  }

  /** Like {@link #check(int, int)}, and also that the span lies inside a text of {@code length}. */
  public static void checkWithin(int start, int end, int length) {
    check(start, end);
    if (end > length) {
      throw new IllegalArgumentException(
          "offsets [" + start + ", " + end + ") run past the text's length " + length);
    }
  }
}
