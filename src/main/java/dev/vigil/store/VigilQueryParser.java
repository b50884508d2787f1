package dev.vigil.store;

import dev.vigil.model.IsoDates;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic syntax over title and text, all terms required unless {@code OR} is written,
 * hyphenated names ("Tajik-Afghan", "ISIS-K") searched as phrases, and dates searchable at any
 * precision: {@code published:2024-11} is that month, {@code published:[2024 TO 2025-06]} runs
 * from the start of 2024 to the end of June 2025.
 */
final class VigilQueryParser extends MultiFieldQueryParser {
  private static final String[] DEFAULT_FIELDS = {IndexFields.TITLE, IndexFields.TEXT};
  private static final Map<String, Float> BOOSTS = Map.of(IndexFields.TITLE, 2f, IndexFields.TEXT, 1f);

  VigilQueryParser(Analyzer analyzer) {
    super(DEFAULT_FIELDS, analyzer, BOOSTS);
    setDefaultOperator(AND_OPERATOR);
    setSplitOnWhitespace(true); // required for phrase generation of hyphenated names
    setAutoGeneratePhraseQueries(true);
    setAllowLeadingWildcard(false);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    if (field != null && IndexFields.DATE_FIELDS.contains(field)) {
      return dateRange(field, queryText, queryText);
    }
    return super.getFieldQuery(field, queryText, quoted);
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
      boolean endInclusive) throws ParseException {
    if (field != null && IndexFields.DATE_FIELDS.contains(field)) {
      return dateRange(field, part1, part2);
    }
    return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
  }

  private static Query dateRange(String field, String from, String to) throws ParseException {
    long lower = isOpen(from) ? Long.MIN_VALUE : start(field, from);
    long upper = isOpen(to) ? Long.MAX_VALUE : end(field, to);
    return LongPoint.newRangeQuery(field, lower, upper);
  }

  private static boolean isOpen(String bound) {
    return bound == null || bound.equals("*");
  }

  private static long start(String field, String value) throws ParseException {
    Long ms = IsoDates.toEpochMillis(value);
    if (ms == null) {
      throw new ParseException(field + ": '" + value + "' is not a date like 2024, 2024-11 or 2024-11-19");
    }
    return ms;
  }

  /** The last millisecond of the period {@code value} names. */
  private static long end(String field, String value) throws ParseException {
    long start = start(field, value);
    LocalDate day = java.time.Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate next;
    switch (value.length()) {
      case 4:
        next = day.plusYears(1);
        break;
      case 7:
        next = day.plusMonths(1);
        break;
      case 10:
        next = day.plusDays(1);
        break;
      default:
        return start; // a moment
    }
    return next.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
  }
}
