package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.vigil.Articles;
import dev.vigil.internal.Json;
import dev.vigil.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document served at /api/v1/openapi.json against the real server: every JSON
 * route it documents is called and its response validated against the documented schema
 * (JSON Schema 2020-12, as OpenAPI 3.1 uses), errors included.
 */
class OpenApiIT {
  @TempDir static Path dir;
  static Store store;
  static WebServer server;
  static JsonNode doc;
  static long watchlist;
  static final HttpClient http = HttpClient.newHttpClient();
  static final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @BeforeAll
  static void start() throws Exception {
    store = Store.open(dir);
    store.write(Articles.demo(30));
    store.write(List.of(Articles.placed("map-1"), Articles.placed("map-2")));
    store.write(List.of(ProfilePagesIT.hostile())); // an entity, for /entities
    dev.vigil.stories.StoryUpdater.standard().catchUp(store); // the two reports make one story
    store.articles().recordFailures(List.of(new dev.vigil.model.Failure("ingest", "in/x.jsonl", 3, "bad line")));
    server = WebServer.start(store, "127.0.0.1", 0, "test");
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/api/v1/watchlists"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Border\", \"query\": \"border\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    watchlist = Json.mapper().readTree(created.body()).get("id").asLong();
    for (String[] write : new String[][] {
        {"/api/v1/notes", "POST", "{\"item\": \"article:map-1\", \"tlp\": \"GREEN\", \"body\": \"seen\"}"},
        {"/api/v1/articles/map-1/events/0/correction", "PUT", "{\"verdict\": \"confirmed\", \"date\": \"2025-11-16\"}"}}) {
      HttpResponse<String> w = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.port() + write[0]))
          .header("Content-Type", "application/json")
          .method(write[1], HttpRequest.BodyPublishers.ofString(write[2])).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(w.statusCode()).as(w.body()).isBetween(200, 201);
    }
    HttpResponse<String> r = get("/api/v1/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    doc = Json.mapper().readTree(r.body());
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return WebGet.get(server, path);
  }

  /** The schema a documented response has, with the document's components resolvable. */
  static Schema schemaFor(String path, int status, String mediaType) {
    JsonNode response = doc.at("/paths/" + path.replace("/", "~1") + "/get/responses/" + status);
    assertThat(response.isMissingNode()).as("%s %d is documented", path, status).isFalse();
    if (response.has("$ref")) {
      response = doc.at(response.get("$ref").asText().substring(1));
    }
    JsonNode schema = response.at("/content/" + mediaType.replace("/", "~1") + "/schema");
    assertThat(schema.isMissingNode()).as("%s %d %s has a schema", path, status, mediaType).isFalse();
    ObjectNode root = Json.mapper().createObjectNode();
    root.set("components", doc.get("components"));
    root.setAll((ObjectNode) schema.deepCopy());
    return schemas.getSchema(SchemaLocation.of("https://vigil.invalid/openapi.json"), root);
  }

  static void check(String documentedPath, String request, int status) throws Exception {
    HttpResponse<String> r = get(request);
    assertThat(r.statusCode()).as(request).isEqualTo(status);
    String type = r.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*", "");
    var errors = schemaFor(documentedPath, status, type).validate(Json.mapper().readTree(r.body()));
    assertThat(errors).as("%s against the OpenAPI document", request).isEmpty();
  }

  @Test
  void everyDocumentedJsonRouteAnswersAsDocumented() throws Exception {
    long story = Json.mapper().readTree(get("/api/v1/stories").body()).at("/items/0/id").asLong();
    Map<String, String> requests = Map.ofEntries(
        Map.entry("/status", "/api/v1/status"),
        Map.entry("/articles", "/api/v1/articles?limit=5"),
        Map.entry("/articles/{id}", "/api/v1/articles/map-1"),
        Map.entry("/search", "/api/v1/search?q=border&facets=true"),
        Map.entry("/failures", "/api/v1/failures"),
        Map.entry("/map", "/api/v1/map"),
        Map.entry("/export", "/api/v1/export?format=geojson"),
        Map.entry("/stories", "/api/v1/stories"),
        Map.entry("/stories/{id}", "/api/v1/stories/" + story),
        Map.entry("/stories/{id}/related", "/api/v1/stories/" + story + "/related"),
        Map.entry("/watchlists", "/api/v1/watchlists"),
        Map.entry("/watchlists/{id}", "/api/v1/watchlists/" + watchlist),
        Map.entry("/notes", "/api/v1/notes?item=article:map-1"),
        Map.entry("/articles/{id}/corrections", "/api/v1/articles/map-1/corrections"),
        Map.entry("/audit", "/api/v1/audit"),
        Map.entry("/users", "/api/v1/users"),
        Map.entry("/tokens", "/api/v1/tokens"),
        Map.entry("/entities", "/api/v1/entities?limit=5"),
        Map.entry("/entities/{id}", "/api/v1/entities/" + java.net.URLEncoder.encode(
            Json.mapper().readTree(get("/api/v1/entities?limit=1").body()).at("/items/0/id").asText(),
            java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")),
        Map.entry("/places", "/api/v1/places?country=TJ"),
        Map.entry("/places/{id}", "/api/v1/places/"
            + Json.mapper().readTree(get("/api/v1/places?q=Khatlon").body()).at("/items/0/id").asText()),
        Map.entry("/sources", "/api/v1/sources"),
        Map.entry("/sources/{name}", "/api/v1/sources/Test%20Wire"),
        Map.entry("/events", "/api/v1/events?type=armed_clash&country=TJ"));
    assertThat(doc.get("paths").properties()).filteredOn(p -> p.getValue().has("get"))
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrderElementsOf(requests.keySet());
    for (var e : requests.entrySet()) {
      check(e.getKey(), e.getValue(), 200);
    }
  }

  @Test
  void thePagesOfAStoryAndOfAnArticleWithPlacedEventsRender() throws Exception {
    long story = -1;
    for (JsonNode s : Json.mapper().readTree(get("/api/v1/stories?limit=100").body()).get("items")) {
      if (s.get("articles").toString().contains("\"map-1\"")) {
        story = s.get("id").asLong();
      }
    }
    HttpResponse<String> page = get("/stories/" + story);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("armed clash").contains("Khatlon Region");
    HttpResponse<String> article = get("/articles/map-1");
    assertThat(article.statusCode()).isEqualTo(200);
    assertThat(article.body()).contains("<strong>armed clash</strong>").contains("· Khatlon Region");
  }

  @Test
  void errorsHaveTheDocumentedShape() throws Exception {
    check("/articles", "/api/v1/articles?limit=0", 400);
    check("/search", "/api/v1/search?q=" + java.net.URLEncoder.encode("a AND (", java.nio.charset.StandardCharsets.UTF_8), 400);
    check("/articles/{id}", "/api/v1/articles/nope", 404);
    check("/export", "/api/v1/export?format=pdf", 400);
    check("/stories/{id}", "/api/v1/stories/999999", 404);
    check("/stories", "/api/v1/stories?limit=1000", 400);
    check("/stories", "/api/v1/stories?country=Tajikistan", 400);
    check("/stories/{id}", "/api/v1/stories/1?window=1h", 400);
    check("/stories/{id}/related", "/api/v1/stories/999999/related", 404);
    check("/stories/{id}/related", "/api/v1/stories/1/related?limit=0", 400);
    check("/watchlists/{id}", "/api/v1/watchlists/999999", 404);
    check("/entities", "/api/v1/entities?type=PLANET", 400);
    check("/entities/{id}", "/api/v1/entities/no-such-entity", 404);
    check("/places", "/api/v1/places?country=XYZ", 400);
    check("/places/{id}", "/api/v1/places/999999999", 404);
    check("/sources", "/api/v1/sources?limit=0", 400);
    check("/sources/{name}", "/api/v1/sources/nobody", 404);
    check("/events", "/api/v1/events?from=yesterday", 400);
  }

  @Test
  void aResponseThatBreaksTheSchemaIsCaught() throws Exception {
    var errors = schemaFor("/status", 200, "application/json")
        .validate(Json.mapper().readTree("{\"version\": 1}"));
    assertThat(errors).isNotEmpty();
  }
}
