package dev.vigil.web;

import dev.vigil.geo.Subregions;
import dev.vigil.model.IsoDates;
import dev.vigil.stories.SourceReliability;
import dev.vigil.stories.StoryReport;
import dev.vigil.stories.Trends;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The story filters shared by the home page and {@code GET /api/v1/stories}: {@code category},
 * {@code country} (ISO 3166 alpha-2), {@code region} (UN subregion), {@code source},
 * {@code reliability} (a source label), {@code from} and {@code to} (ISO 8601 dates, inclusive,
 * matched against the publication dates of the story's articles), {@code trend}
 * (breaking, trending or none) and {@code window} (24h or 7d: which trend is reported). Each is
 * validated: a bad value is a 400 that names the parameter and says what it accepts.
 */
record StoryFilter(String category, String country, String region, String source,
    String reliability, String from, String to, String trend, Trends.Window window)
    implements Predicate<StoryReport> {

  /** The categories of DESIGN.md. */
  static final List<String> CATEGORIES = List.of("terrorism", "extremism", "armed_conflict",
      "border_security", "drug_trafficking", "arms_smuggling", "illegal_migration",
      "organized_crime", "diplomacy", "security_cooperation", "humanitarian", "sanctions",
      "disaster", "protest");
  static final List<String> TRENDS = List.of("breaking", "trending", "none");
  /** The labels of {@link SourceReliability}, in the order the dashboard shows them. */
  static final List<String> LABELS = List.of("Reliable", "Mixed", "Unreliable", "Unrated");
  private static final int MAX_SOURCE = 200;

  /** Reads and checks the filter parameters of {@code ctx}. */
  static StoryFilter read(Context ctx) {
    String category = oneOf(ctx, "category", CATEGORIES);
    String country = param(ctx, "country");
    if (country != null) {
      if (!Subregions.bundled().isCountry(country)) {
        throw HttpError.badRequest("parameter 'country' must be an ISO 3166 alpha-2 country code such as TJ"
            + " or AF, got '" + clip(country) + "'");
      }
      country = country.toUpperCase(Locale.ROOT);
    }
    String region = param(ctx, "region");
    if (region != null) {
      String raw = region;
      region = Subregions.bundled().named(raw).orElseThrow(() -> HttpError.badRequest(
          "parameter 'region' must be a UN subregion (" + String.join(", ", Subregions.bundled().names())
              + "), got '" + clip(raw) + "'"));
    }
    String source = param(ctx, "source");
    if (source != null && source.length() > MAX_SOURCE) {
      throw HttpError.badRequest("parameter 'source' is " + source.length() + " characters long; the limit is "
          + MAX_SOURCE);
    }
    String reliability = oneOf(ctx, "reliability", LABELS);
    String from = date(ctx, "from");
    String to = date(ctx, "to");
    if (from != null && to != null && IsoDates.toEpochMillis(from) >= end(to)) {
      throw HttpError.badRequest("parameter 'from' (" + from + ") must not be after 'to' (" + to + ")");
    }
    String trend = oneOf(ctx, "trend", TRENDS);
    return new StoryFilter(category, country, region, source, reliability, from, to, trend, window(ctx));
  }

  /** The {@code window} parameter: 24h (the default) or 7d. */
  static Trends.Window window(Context ctx) {
    String w = param(ctx, "window");
    try {
      return w == null ? Trends.Window.DAY : Trends.Window.of(w);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("parameter 'window' must be '24h' or '7d', got '" + clip(w) + "'");
    }
  }

  @Override
  public boolean test(StoryReport s) {
    if (category != null && s.categories().stream().noneMatch(c -> c.name().equals(category))) {
      return false;
    }
    if (country != null && !s.countries().contains(country)) {
      return false;
    }
    if (region != null && !s.regions().contains(region)) {
      return false;
    }
    if (source != null && s.sources().stream().noneMatch(r -> r.source() != null && r.source().equalsIgnoreCase(source))) {
      return false;
    }
    if (reliability != null && s.sources().stream().map(SourceReliability.Rating::label).noneMatch(reliability::equals)) {
      return false;
    }
    if (trend != null && (s.trend() == null || !s.trend().flag().equals(trend))) {
      return false;
    }
    if (from != null || to != null) {
      long lo = from == null ? Long.MIN_VALUE : IsoDates.toEpochMillis(from);
      long hi = to == null ? Long.MAX_VALUE : end(to);
      return s.arrivals().stream().map(a -> IsoDates.toEpochMillis(a.published()))
          .anyMatch(t -> t != null && t >= lo && t < hi);
    }
    return true;
  }

  /** Whether any filter but the window is set. */
  boolean any() {
    return category != null || country != null || region != null || source != null
        || reliability != null || from != null || to != null || trend != null;
  }

  /** The parameters as given, for the form and for links that keep them (window excluded). */
  Map<String, String> values() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("category", category);
    m.put("country", country);
    m.put("region", region);
    m.put("source", source);
    m.put("reliability", reliability);
    m.put("from", from);
    m.put("to", to);
    m.put("trend", trend);
    return m;
  }

  /** The query string of the filters (without the window), each value URL-encoded. */
  String query() {
    return values().entrySet().stream().filter(e -> e.getValue() != null)
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String param(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    return raw == null || raw.isBlank() ? null : raw.strip();
  }

  private static String oneOf(Context ctx, String name, List<String> allowed) {
    String raw = param(ctx, name);
    if (raw == null) {
      return null;
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(raw)) {
        return a;
      }
    }
    throw HttpError.badRequest("parameter '" + name + "' must be one of " + String.join(", ", allowed)
        + ", got '" + clip(raw) + "'");
  }

  private static String date(Context ctx, String name) {
    String raw = param(ctx, name);
    if (raw != null && !IsoDates.isValid(raw)) {
      throw HttpError.badRequest("parameter '" + name + "' must be an ISO 8601 date (2025, 2025-11,"
          + " 2025-11-19 or 2025-11-19T08:00:00Z), got '" + clip(raw) + "'");
    }
    return raw;
  }

  /** The first instant after the period {@code iso} names (a year, month, day or instant). */
  static long end(String iso) {
    long start = IsoDates.toEpochMillis(iso);
    LocalDate day = java.time.Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate next = switch (iso.length()) {
      case 4 -> day.plusYears(1);
      case 7 -> day.plusMonths(1);
      case 10 -> day.plusDays(1);
      default -> null;
    };
    return next == null ? start + 1000 : next.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
