package dev.vigil.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 8601 dates at the precision a source gives them: {@code 2024}, {@code 2024-11},
 * {@code 2024-11-19}, {@code 2024-11-19T08:30:00} (no zone) or with an offset or {@code Z}.
 */
public final class IsoDates {
  private static final Pattern OFFSET_AT_END = Pattern.compile(".*(Z|[+-]\\d\\d:?\\d\\d)$");
  private static final Pattern SPACE_BEFORE_TIME =
      Pattern.compile("(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d.*)");
  private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{9,10}");

  private IsoDates() {}

  /** True if {@code value} is one of the accepted forms. */
  public static boolean isValid(String value) {
    return toEpochMillis(value) != null;
  }

  /**
   * The instant at which the period {@code value} starts, in milliseconds since the epoch;
   * dates without a zone are taken as UTC. Null if {@code value} is not an accepted form.
   */
  public static Long toEpochMillis(String value) {
    if (value == null) {
      return null;
    }
    try {
      switch (value.length()) {
        case 4:
          return startOfDay(Year.parse(value).atDay(1));
        case 7:
          return startOfDay(YearMonth.parse(value).atDay(1));
        case 10:
          return startOfDay(LocalDate.parse(value));
        default:
          if (value.length() < 16 || value.charAt(10) != 'T') {
            return null;
          }
          if (OFFSET_AT_END.matcher(value).matches()) {
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
          }
          return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toEpochMilli();
      }
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long startOfDay(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /**
   * Normalises a date as sources write it into one of the accepted ISO forms: ISO 8601 (also
   * with fractions of a second, which are dropped, or a space before the time), RFC 1123
   * ({@code Tue, 3 Jun 2008 11:05:30 GMT}), or an epoch in seconds. Null if {@code raw} is
   * none of these.
   */
  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String value = raw.strip();
    Matcher space = SPACE_BEFORE_TIME.matcher(value);
    if (space.matches()) {
      value = space.group(1) + "T" + space.group(2);
    }
    if (isValid(value)) {
      return value.length() > 19 && value.charAt(19) == '.' ? dropFraction(value) : value;
    }
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
          .toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      // not RFC 1123 either
    }
    if (EPOCH_SECONDS.matcher(value).matches()) {
      return format(Instant.ofEpochSecond(Long.parseLong(value)));
    }
    return null;
  }

  private static String dropFraction(String value) {
    if (OFFSET_AT_END.matcher(value).matches()) {
      return OffsetDateTime.parse(value).truncatedTo(ChronoUnit.SECONDS)
          .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
    return LocalDateTime.parse(value).truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }

  /** {@code instant} as an ISO 8601 UTC timestamp with second precision. */
  public static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
