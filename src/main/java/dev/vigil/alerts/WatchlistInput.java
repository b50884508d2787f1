package dev.vigil.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.store.InvalidFieldException;
import dev.vigil.store.QuerySyntaxException;
import dev.vigil.store.SearchIndex;
import dev.vigil.store.Watchlist;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a watchlist from JSON (the API's body; the web form and the command line build the same
 * shape). Unknown fields and values of the wrong type are rejected with the field's name; a
 * list may also be given as one comma-separated string. A webhook without a secret gets a new
 * random one.
 */
public final class WatchlistInput {
  private static final Set<String> FIELDS = Set.of("name", "query", "entities", "eventTypes",
      "categories", "countries", "near", "box", "minReliability", "minGrade", "minSources",
      "digest", "webhookUrl", "webhookSecret", "email");

  private WatchlistInput() {}

  /**
   * The watchlist {@code json} describes, its query checked with {@code index}'s parser.
   *
   * @throws InvalidFieldException naming the first bad field
   */
  public static Watchlist read(JsonNode json, SearchIndex index) {
    Watchlist w = read(json);
    try {
      index.matchAmong(w.query(), List.of());
    } catch (QuerySyntaxException e) {
      throw new InvalidFieldException("query", e.getMessage());
    }
    return w;
  }

  private static Watchlist read(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new InvalidFieldException("body", "must be a JSON object");
    }
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new InvalidFieldException(f, "is not a watchlist field (known: name, query, entities,"
            + " eventTypes, categories, countries, near, box, minReliability, minGrade, minSources,"
            + " digest, webhookUrl, webhookSecret, email)");
      }
    }
    Watchlist.Circle near = null;
    JsonNode n = json.get("near");
    if (n != null && !n.isNull()) {
      if (!n.isObject()) {
        throw new InvalidFieldException("near", "must be an object {lat, lon, radiusKm}");
      }
      near = new Watchlist.Circle(number(n, "lat", "near.lat"), number(n, "lon", "near.lon"),
          number(n, "radiusKm", "near.radiusKm"));
    }
    Watchlist.Box box = null;
    JsonNode b = json.get("box");
    if (b != null && !b.isNull()) {
      if (!b.isObject()) {
        throw new InvalidFieldException("box", "must be an object {south, west, north, east}");
      }
      box = new Watchlist.Box(number(b, "south", "box.south"), number(b, "west", "box.west"),
          number(b, "north", "box.north"), number(b, "east", "box.east"));
    }
    int minSources = 1;
    JsonNode ms = json.get("minSources");
    if (ms != null && !ms.isNull() && !(ms.isTextual() && ms.asText().isBlank())) {
      if (ms.isIntegralNumber() && ms.canConvertToInt()) {
        minSources = ms.asInt();
      } else if (ms.isTextual() && ms.asText().strip().matches("\\d{1,6}")) {
        minSources = Integer.parseInt(ms.asText().strip());
      } else {
        throw new InvalidFieldException("minSources", "must be a whole number, got " + ms);
      }
    }
    Watchlist w = new Watchlist(0, text(json, "name"), text(json, "query"), list(json, "entities"),
        list(json, "eventTypes"), list(json, "categories"), list(json, "countries"), near, box,
        text(json, "minReliability"), text(json, "minGrade"), minSources, text(json, "digest"),
        text(json, "webhookUrl"), text(json, "webhookSecret"), text(json, "email"), null, null);
    return w.webhookUrl() != null && w.webhookSecret() == null
        ? w.withWebhookSecret(WebhookSigner.newSecret()) : w;
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidFieldException(field, "must be a string, got " + v.getNodeType().name().toLowerCase());
    }
    return v.asText();
  }

  private static List<String> list(JsonNode json, String field) {
    JsonNode v = json.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isTextual()) {
      for (String part : v.asText().split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
      return out;
    }
    if (!v.isArray()) {
      throw new InvalidFieldException(field, "must be a list of strings");
    }
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw new InvalidFieldException(field, "must be a list of strings, got " + e);
      }
      out.add(e.asText());
    }
    return out;
  }

  private static double number(JsonNode parent, String key, String field) {
    JsonNode v = parent.get(key);
    if (v == null || v.isNull()) {
      throw new InvalidFieldException(field, "is required");
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText().strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new InvalidFieldException(field, "must be a number, got " + v);
  }
}
