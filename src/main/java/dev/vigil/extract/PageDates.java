package dev.vigil.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.IsoDates;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Publication and modification dates of a page, from the most to the least reliable source:
 * JSON-LD ({@code datePublished}, {@code dateModified}), meta tags ({@code
 * article:published_time} and a dozen common names), microdata and {@code <time datetime>},
 * a date in the URL's path ({@code /2024/11/19/}, {@code /2024/nov/19/}), and finally date
 * text in elements that a page marks as dates or bylines ("November 19, 2024", "19 ноября
 * 2024", "19.11.2024"). Values are normalised to ISO 8601 at the precision the source gives,
 * with the zone where the source gives one.
 */
final class PageDates {
  /** Meta tag names (name, property or itemprop, lower case) of the publication date. */
  private static final List<String> PUBLISHED_META = List.of("article:published_time",
      "og:published_time", "article:published", "datepublished", "pubdate", "publishdate",
      "publish-date", "publish_date", "published_time", "parsely-pub-date", "sailthru.date",
      "dc.date.issued", "dcterms.created", "dcterms.issued", "dc.date", "date",
      "article.published", "article_date_original", "original-publish-date",
      "cxenseparse:recs:publishtime", "pub_date");
  /** Meta tag names of the last modification. */
  private static final List<String> MODIFIED_META = List.of("article:modified_time",
      "og:updated_time", "datemodified", "last-modified", "dcterms.modified",
      "article:modified", "modified_time");
  private static final Pattern NO_COLON_OFFSET =
      Pattern.compile("(\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d(?::\\d\\d)?(?:\\.\\d+)?)\\s*([+-]\\d\\d)(\\d\\d)");
  private static final Pattern ISO_PREFIX = Pattern.compile(
      "(\\d{4})[-/.](\\d\\d)[-/.](\\d\\d)(?:[T ](\\d\\d:\\d\\d(?::\\d\\d)?)(?:\\.\\d+)?\\s*(Z|[+-]\\d\\d:?\\d\\d|UTC|GMT)?)?");
  private static final Pattern COMPACT = Pattern.compile("((?:19|20)\\d\\d)(\\d\\d)(\\d\\d)(?:\\d{4,6})?");
  private static final Pattern URL_DATE = Pattern.compile(
      "/((?:19|20)\\d\\d)[/-](\\d\\d?|[a-z]{3})[/-](\\d\\d?)(?:/|-|\\.|$)", Pattern.CASE_INSENSITIVE);
  private static final String MONTH = "(\\p{L}{3,10})\\.?";
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "(?<![\\p{L}\\d])" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)(?!\\d)");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(?<!\\d)(\\d{1,2})(?:\\.|st|nd|rd|th|er|º)?\\s+(?:de\\s+)?" + MONTH
          + ",?\\s+(?:de\\s+)?((?:19|20)\\d\\d)(?!\\d)");
  private static final Pattern NUMERIC = Pattern.compile(
      "(?<![\\d.])(\\d{1,2})([./])(\\d{1,2})\\2((?:19|20)\\d\\d)(?!\\d)");
  private static final Pattern DATE_HINT = Pattern.compile(
      "(?i)date|time|publish|posted|byline|dateline|meta|info|author|stamp");
  /** Month names and abbreviations by their first letters, in the languages Vigil meets most. */
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("gen", 1), Map.entry("ene", 1), Map.entry("янв", 1),
      Map.entry("feb", 2), Map.entry("fev", 2), Map.entry("fév", 2), Map.entry("фев", 2),
      Map.entry("mar", 3), Map.entry("mär", 3), Map.entry("мар", 3),
      Map.entry("apr", 4), Map.entry("avr", 4), Map.entry("abr", 4), Map.entry("апр", 4),
      Map.entry("may", 5), Map.entry("mai", 5), Map.entry("mag", 5), Map.entry("мая", 5),
      Map.entry("май", 5),
      Map.entry("jun", 6), Map.entry("juin", 6), Map.entry("giu", 6), Map.entry("июн", 6),
      Map.entry("jul", 7), Map.entry("juil", 7), Map.entry("lug", 7), Map.entry("июл", 7),
      Map.entry("aug", 8), Map.entry("ago", 8), Map.entry("aoû", 8), Map.entry("aou", 8),
      Map.entry("авг", 8),
      Map.entry("sep", 9), Map.entry("set", 9), Map.entry("сен", 9),
      Map.entry("oct", 10), Map.entry("okt", 10), Map.entry("ott", 10), Map.entry("out", 10),
      Map.entry("окт", 10),
      Map.entry("nov", 11), Map.entry("ноя", 11),
      Map.entry("dec", 12), Map.entry("dez", 12), Map.entry("dic", 12), Map.entry("déc", 12),
      Map.entry("дек", 12));

  private static final long DAY = 86_400_000L;
  private static final long EARLIEST = IsoDates.toEpochMillis("1991-01-01");

  private PageDates() {}

  /** The publication date, or null. */
  static String published(Document page, Map<String, String> metaTags, List<JsonNode> jsonLd,
      String url) {
    String d = fromJsonLd(jsonLd, "datePublished");
    if (d == null) {
      d = meta(metaTags, PUBLISHED_META);
    }
    if (d == null) {
      d = fromMarkup(page, "[itemprop=datePublished]");
    }
    if (d == null) {
      d = fromMarkup(page, "time[pubdate], time[datetime]");
    }
    if (d == null) {
      d = fromJsonLd(jsonLd, "dateCreated");
    }
    if (d == null) {
      d = normalize(fromUrl(url));
    }
    if (d == null) {
      d = fromVisibleText(page);
    }
    return d;
  }

  /** The date of the last modification, or null. */
  static String modified(Document page, Map<String, String> metaTags, List<JsonNode> jsonLd) {
    String d = fromJsonLd(jsonLd, "dateModified");
    if (d == null) {
      d = meta(metaTags, MODIFIED_META);
    }
    if (d == null) {
      d = fromMarkup(page, "[itemprop=dateModified]");
    }
    return d;
  }

  private static String fromJsonLd(List<JsonNode> nodes, String field) {
    String any = null;
    for (JsonNode n : nodes) {
      JsonNode v = n.get(field);
      if (v == null || !v.isTextual()) {
        continue;
      }
      String d = normalize(v.asText());
      if (d == null) {
        continue;
      }
      if (HtmlExtractor.isArticleType(n)) {
        return d;
      }
      if (any == null) {
        any = d;
      }
    }
    return any;
  }

  private static String meta(Map<String, String> metaTags, List<String> names) {
    for (String name : names) {
      String d = normalize(metaTags.get(name));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static String fromMarkup(Document page, String query) {
    for (Element e : page.select(query)) {
      for (String attr : new String[] {"datetime", "content"}) {
        String d = normalize(e.attr(attr));
        if (d != null) {
          return d;
        }
      }
      String d = normalize(e.text());
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** The date of a URL's path, as {@code 2024-11-19}; else null. */
  static String fromUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    if (!m.find()) {
      return null;
    }
    Integer month = Character.isDigit(m.group(2).charAt(0))
        ? Integer.valueOf(m.group(2)) : monthNumber(m.group(2));
    return month == null ? null : date(m.group(1), month, m.group(3));
  }

  private static String fromVisibleText(Document page) {
    int checked = 0;
    for (Element e : page.body() == null ? List.<Element>of() : page.body().getAllElements()) {
      String hints = e.className() + " " + e.id();
      if (hints.isBlank() || !DATE_HINT.matcher(hints).find()) {
        continue;
      }
      String text = e.text();
      if (text.length() > 300) {
        continue;
      }
      String d = normalize(text);
      if (d != null) {
        return d;
      }
      if (++checked > 50) {
        break;
      }
    }
    return null;
  }

  /** The first date written out in {@code text} ("November 19, 2024", "19.11.2024"), or null. */
  static String fromText(String text) {
    Matcher m = ISO_PREFIX.matcher(text);
    if (m.find()) {
      String d = date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
      if (d != null) {
        return d;
      }
    }
    m = MONTH_DAY_YEAR.matcher(text);
    while (m.find()) {
      Integer month = monthNumber(m.group(1));
      if (month != null) {
        String d = date(m.group(3), month, m.group(2));
        if (d != null) {
          return d;
        }
      }
    }
    m = DAY_MONTH_YEAR.matcher(text);
    while (m.find()) {
      Integer month = monthNumber(m.group(2));
      if (month != null) {
        String d = date(m.group(3), month, m.group(1));
        if (d != null) {
          return d;
        }
      }
    }
    m = NUMERIC.matcher(text);
    if (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(3));
      // dd.mm.yyyy with dots (Europe); with slashes month first unless that cannot be
      boolean dayFirst = m.group(2).equals(".") || a > 12;
      return dayFirst ? date(m.group(4), b, String.valueOf(a)) : date(m.group(4), a, String.valueOf(b));
    }
    return null;
  }

  /**
   * A date as pages write them in markup, normalised to ISO 8601: everything {@link
   * IsoDates#normalize} reads, plus offsets without a colon, {@code 2024/11/19}, {@code
   * 20241119}, and dates written out in words.
   */
  static String normalize(String raw) {
    String iso = normalizeAnyYear(raw);
    Long millis = iso == null ? null : IsoDates.toEpochMillis(iso);
    // placeholders such as 0001-01-01 or 1970-01-01 and dates in the future are no dates
    return millis == null || millis < EARLIEST || millis > System.currentTimeMillis() + 2 * DAY
        ? null : iso;
  }

  private static String normalizeAnyYear(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.strip();
    String iso = IsoDates.normalize(value);
    if (iso != null) {
      return iso;
    }
    Matcher m = NO_COLON_OFFSET.matcher(value);
    if (m.matches()) {
      iso = IsoDates.normalize(m.group(1).replace(' ', 'T') + m.group(2) + ":" + m.group(3));
      if (iso != null) {
        return iso;
      }
    }
    m = ISO_PREFIX.matcher(value);
    if (m.lookingAt()) {
      String day = date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
      if (day != null && m.group(4) != null) {
        String time = m.group(4).length() == 5 ? m.group(4) + ":00" : m.group(4);
        String zone = m.group(5) == null ? "" : m.group(5).equals("UTC") || m.group(5).equals("GMT")
            ? "Z" : m.group(5).length() == 5 ? m.group(5).substring(0, 3) + ":" + m.group(5).substring(3)
            : m.group(5);
        String full = IsoDates.normalize(day + "T" + time + zone);
        if (full != null) {
          return full;
        }
      }
      return day;
    }
    m = COMPACT.matcher(value);
    if (m.matches()) {
      return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    return fromText(value);
  }

  private static Integer monthNumber(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() >= 4) {
      Integer four = MONTHS.get(w.substring(0, 4));
      if (four != null) {
        return four;
      }
    }
    return w.length() >= 3 ? MONTHS.get(w.substring(0, 3)) : null;
  }

  private static String date(String year, int month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)).toString();
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
