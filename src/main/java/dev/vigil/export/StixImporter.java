package dev.vigil.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.EntityMention;
import dev.vigil.model.Event;
import dev.vigil.model.IsoDates;
import dev.vigil.model.PlaceMention;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a partner's STIX 2.1 bundle: each {@code report} becomes an article (its name the
 * title, its description the text, its creator's {@code identity} or first external reference
 * the source), the {@code location}s it refers to become its places, the {@code incident}s its
 * events (with their {@code located-at} place; Vigil's own {@code x_vigil_*} properties are
 * read back when present), and its identities and threat actors its entities, where the text
 * names them. Objects of other types are skipped.
 */
public final class StixImporter {
  /**
   * What a bundle yields: the articles, and for each report that could not be read its id and
   * the reason.
   */
  public record Result(List<AnalyzedArticle> articles, List<String> problems) {}

  private static final Set<String> ACTOR_TYPES = Set.of("identity", "threat-actor", "intrusion-set");

  private StixImporter() {}

  /**
   * @param now the ingestion time given to the articles
   * @throws IOException if the input is not JSON or not a STIX bundle, with the reason
   */
  public static Result read(InputStream in, Instant now) throws IOException {
    JsonNode bundle;
    try {
      bundle = Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new IOException("not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (bundle == null || !"bundle".equals(bundle.path("type").asText())
        || !bundle.path("objects").isArray()) {
      throw new IOException("not a STIX 2.1 bundle (no \"type\": \"bundle\" with \"objects\")");
    }
    Map<String, JsonNode> byId = new HashMap<>();
    Map<String, String> locatedAt = new HashMap<>();
    for (JsonNode o : bundle.get("objects")) {
      String id = o.path("id").asText(null);
      if (id != null) {
        byId.put(id, o);
      }
      if ("relationship".equals(o.path("type").asText())
          && "located-at".equals(o.path("relationship_type").asText())) {
        locatedAt.put(o.path("source_ref").asText(), o.path("target_ref").asText());
      }
    }
    List<AnalyzedArticle> articles = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (JsonNode o : bundle.get("objects")) {
      if (!"report".equals(o.path("type").asText())) {
        continue;
      }
      try {
        articles.add(article(o, byId, locatedAt, now));
      } catch (IllegalArgumentException e) {
        problems.add(o.path("id").asText("a report") + ": " + e.getMessage());
      }
    }
    return new Result(articles, problems);
  }

  private static AnalyzedArticle article(JsonNode report, Map<String, JsonNode> byId,
      Map<String, String> locatedAt, Instant now) {
    String reportId = report.path("id").asText("");
    if (!reportId.startsWith("report--")) {
      throw new IllegalArgumentException("a report needs an id like report--UUID");
    }
    String title = text(report, "name");
    String description = text(report, "description");
    String body = description != null ? description : title;
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("the report has neither a name nor a description");
    }
    JsonNode ext = report.path("external_references").path(0);
    String url = text(ext, "url");
    String source = null;
    JsonNode creator = byId.get(report.path("created_by_ref").asText());
    if (creator != null && text(creator, "name") != null && !"Vigil".equals(text(creator, "name"))) {
      source = text(creator, "name");
    }
    if (source == null) {
      source = text(ext, "source_name");
    }
    String published = date(text(report, "published"));

    Map<String, PlaceMention> places = new HashMap<>();
    List<PlaceMention> placeList = new ArrayList<>();
    List<EntityMention> entities = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    for (JsonNode ref : report.path("object_refs")) {
      JsonNode o = byId.get(ref.asText());
      if (o == null) {
        continue;
      }
      String type = o.path("type").asText();
      if (type.equals("location")) {
        PlaceMention p = place(o, body);
        if (p != null) {
          places.put(o.path("id").asText(), p);
          placeList.add(p);
        }
      } else if (ACTOR_TYPES.contains(type)) {
        EntityMention e = entity(o, type, body);
        if (e != null) {
          entities.add(e);
        }
      }
    }
    for (JsonNode ref : report.path("object_refs")) {
      JsonNode o = byId.get(ref.asText());
      if (o != null && "incident".equals(o.path("type").asText())) {
        PlaceMention where = places.get(locatedAt.get(o.path("id").asText()));
        events.add(event(o, where, body, events.size()));
      }
    }
    List<String> categories = new ArrayList<>();
    report.path("labels").forEach(l -> categories.add(l.asText()));
    Article article = new Article("stix:" + reportId, url, source, title, null, published, null,
        body, "stix:" + reportId, now);
    return new AnalyzedArticle(article, new Annotations(null, List.of(), entities, placeList,
        List.of(), List.of(), events, categories));
  }

  private static PlaceMention place(JsonNode o, String body) {
    if (!o.path("latitude").isNumber() || !o.path("longitude").isNumber()) {
      return null;
    }
    String name = text(o, "name");
    if (name == null) {
      name = text(o, "country");
    }
    if (name == null) {
      return null;
    }
    String kind = text(o, "x_vigil_kind");
    if (kind == null || !PlaceMention.KINDS.contains(kind)) {
      kind = o.has("city") ? "city" : o.has("administrative_area") ? "admin1"
          : o.has("country") && name.equalsIgnoreCase(text(o, "country")) ? "country" : null;
    }
    Double radius = o.path("precision").isNumber() ? o.get("precision").asDouble() / 1000.0 : null;
    int[] span = find(body, name);
    return new PlaceMention(name, name, kind, upper(text(o, "country")), o.get("latitude").asDouble(),
        o.get("longitude").asDouble(), radius, span[0], span[1]);
  }

  private static EntityMention entity(JsonNode o, String type, String body) {
    String name = text(o, "name");
    if (name == null) {
      return null;
    }
    int[] span = find(body, name);
    if (span[0] == span[1]) {
      return null; // an entity is a mention in the text; the report does not name it
    }
    String entityType = type.equals("identity") && "individual".equals(text(o, "identity_class"))
        ? "PERSON" : "ORGANIZATION";
    return new EntityMention(body.substring(span[0], span[1]), entityType, text(o, "x_vigil_kb_id"),
        name, span[0], span[1]);
  }

  private static Event event(JsonNode o, PlaceMention where, String body, int id) {
    String type = text(o, "x_vigil_event_type");
    String modality = text(o, "x_vigil_modality");
    if (modality == null || !Event.MODALITIES.contains(modality)) {
      modality = "asserted";
    }
    String sentence = text(o, "description") != null ? text(o, "description") : text(o, "name");
    int[] span = sentence == null ? new int[] {0, 0} : find(body, sentence);
    Event.Place place = where == null ? null
        : new Event.Place(where.name(), where.lat(), where.lon(), where.kind(), where.radiusKm());
    return new Event(type != null ? type : "other_strategic", text(o, "x_vigil_acled_sub_event_type"),
        modality, date(text(o, "x_vigil_date")), place, List.of(), integer(o, "x_vigil_killed"),
        integer(o, "x_vigil_injured"), integer(o, "x_vigil_captured"), sentence, span[0], span[1],
        id, null, null, null, null);
  }

  /** Where {@code needle} first occurs in {@code body} (case-insensitive), or [0, 0). */
  private static int[] find(String body, String needle) {
    int at = body.toLowerCase(Locale.ROOT).indexOf(needle.toLowerCase(Locale.ROOT));
    return at < 0 || needle.isEmpty() ? new int[] {0, 0} : new int[] {at, at + needle.length()};
  }

  /** A STIX timestamp as an ISO date; midnight UTC (how a date-only value is exported) as the day. */
  private static String date(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    if (timestamp.matches("\\d{4}-\\d{2}-\\d{2}T00:00:00(\\.0+)?Z")) {
      return timestamp.substring(0, 10);
    }
    return IsoDates.normalize(timestamp);
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
  }

  private static Integer integer(JsonNode o, String field) {
    return o.path(field).isIntegralNumber() ? o.get(field).asInt() : null;
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }
}
