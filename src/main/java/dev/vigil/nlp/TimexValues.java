package dev.vigil.nlp;

import java.util.regex.Pattern;

/** Turns SUTime's TIMEX3 values into the ISO 8601 values Vigil stores. */
final class TimexValues {
  /** A year, year-month, date, or date and time: what Vigil keeps as a value. */
  private static final Pattern ISO =
      Pattern.compile("\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}(:\\d{2}(:\\d{2})?)?)?)?)?");

  private TimexValues() {}

  /**
   * @return the ISO 8601 prefix of {@code value} (a date at the precision SUTime resolved), or
   *     null when it has none ("PRESENT_REF", "XXXX-11", "P1Y")
   */
  static String iso(String value) {
    if (value == null) {
      return null;
    }
    var m = ISO.matcher(value);
    if (m.lookingAt()) {
      return value.substring(0, m.end()).replaceFirst("T\\d{2}(:\\d{2}(:\\d{2})?)?$", "");
    }
    return null;
  }
}
