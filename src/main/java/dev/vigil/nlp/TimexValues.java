package dev.vigil.nlp;

import java.util.regex.Pattern;

/** Turns SUTime's TIMEX3 values into the ISO 8601 values Vigil stores. */
final class TimexValues {
  /** A year, year-month, date, or date and time: what Vigil keeps as a value. */
  private static final Pattern ISO =
      Pattern.compile("\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}(:\\d{2}(:\\d{2})?)?)?)?)?");

  private TimexValues() {}

  /**
   * @param published the publication date (ISO 8601) or null
   * @return the ISO 8601 prefix of {@code value} (a date at the precision SUTime resolved);
   *     "PRESENT_REF" ("now", "currently", "at present") is the publication day; null when
   *     there is no date ("PAST_REF", "XXXX-11" without a publication date, "P1Y")
   */
  static String iso(String value, String published) {
    if (value == null) {
      return null;
    }
    if ("PRESENT_REF".equals(value)) {
      return published == null ? null : iso(published, null);
    }
    var m = ISO.matcher(value);
    if (m.lookingAt()) {
      return value.substring(0, m.end()).replaceFirst("T\\d{2}(:\\d{2}(:\\d{2})?)?$", "");
    }
    return null;
  }
}
