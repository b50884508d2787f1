package dev.vigil.web;

import dev.vigil.store.SearchQuery;
import io.javalin.http.Context;
import java.util.Locale;

/** Query parameters read strictly: a bad value is a 400 that names the parameter. */
final class Params {
  private Params() {}

  static int integer(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("parameter '" + name + "' must be a whole number, got '" + clip(raw) + "'");
    }
    if (value < min || value > max) {
      throw HttpError.badRequest(
          "parameter '" + name + "' must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  static SearchQuery.Order order(Context ctx) {
    String raw = ctx.queryParam("sort");
    if (raw == null || raw.isBlank()) {
      return SearchQuery.Order.RELEVANCE;
    }
    switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "relevance":
        return SearchQuery.Order.RELEVANCE;
      case "newest":
        return SearchQuery.Order.NEWEST;
      default:
        throw HttpError.badRequest("parameter 'sort' must be 'relevance' or 'newest', got '" + clip(raw) + "'");
    }
  }

  static String query(Context ctx) {
    String q = ctx.queryParam("q");
    if (q != null && q.length() > SearchQuery.MAX_QUERY_CHARS) {
      throw HttpError.badRequest("parameter 'q' is " + q.length()
          + " characters long; the limit is " + SearchQuery.MAX_QUERY_CHARS);
    }
    return q == null ? "" : q;
  }

  /** A parameter that must be given. */
  static String required(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      throw HttpError.badRequest("parameter '" + name + "' is required");
    }
    return raw;
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
