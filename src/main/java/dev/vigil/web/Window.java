package dev.vigil.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a list route: where it starts and how long it is, read from an opaque
 * {@code cursor} (what the previous page's {@code nextCursor} said) or, for clients that count
 * themselves, from {@code offset}. Every list route of the API pages this way, so clients can
 * follow {@code nextCursor} until it is absent.
 */
record Window(int offset, int limit) {
  private static final String PREFIX = "v1:";

  /**
   * Reads {@code cursor} or {@code offset}, and {@code limit}.
   *
   * @param maxOffset the deepest start the route can serve
   */
  static Window read(Context ctx, int defaultLimit, int maxLimit, int maxOffset) {
    int limit = Params.integer(ctx, "limit", defaultLimit, 1, maxLimit);
    String cursor = ctx.queryParam("cursor");
    if (cursor == null || cursor.isBlank()) {
      return new Window(Params.integer(ctx, "offset", 0, 0, maxOffset), limit);
    }
    if (ctx.queryParam("offset") != null) {
      throw HttpError.badRequest("give either 'cursor' or 'offset', not both");
    }
    return new Window(decode(cursor.strip(), maxOffset), limit);
  }

  private static int decode(String cursor, int maxOffset) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("parameter 'cursor' is not a cursor this server gave out");
    }
    if (!raw.startsWith(PREFIX)) {
      throw HttpError.badRequest("parameter 'cursor' is not a cursor this server gave out");
    }
    try {
      int offset = Integer.parseInt(raw.substring(PREFIX.length()));
      if (offset < 0 || offset > maxOffset) {
        throw HttpError.badRequest("parameter 'cursor' points past the last page this list serves");
      }
      return offset;
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("parameter 'cursor' is not a cursor this server gave out");
    }
  }

  /** The cursor of the page after this one, or null when this page reaches {@code total}. */
  String next(long total) {
    long end = (long) offset + limit;
    if (end >= total) {
      return null;
    }
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + end).getBytes(StandardCharsets.UTF_8));
  }

  /** The slice of an in-memory list this window covers. */
  <T> List<T> slice(List<T> all) {
    return all.subList(Math.min(offset, all.size()), (int) Math.min((long) offset + limit, all.size()));
  }

  /**
   * The usual body of a list response: {@code total}, {@code offset}, {@code limit},
   * {@code nextCursor} (when there is more) and {@code items}.
   */
  Map<String, Object> body(long total, List<?> items) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", total);
    body.put("offset", offset);
    body.put("limit", limit);
    String next = next(total);
    if (next != null) {
      body.put("nextCursor", next);
    }
    body.put("items", items);
    return body;
  }
}
