package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.Articles;
import dev.vigil.internal.Json;
import dev.vigil.store.Store;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard and API on a real server over loopback. */
class WebServerIT {
  @TempDir static Path dir;
  static Store store;
  static WebServer server;

  @BeforeAll
  static void start() {
    store = Store.open(dir);
    store.write(Articles.demo(120));
    store.write(List.of(Articles.of("seed-1", "Clashes on the Tajik-Afghan border",
        "Tajik border guards clashed with armed men. <b>Not bold</b> & <script>alert('x')</script>",
        "2025-11-19")));
    store.write(List.of(Articles.placed("map-1")));
    store.articles().recordFailures(List.of(new dev.vigil.model.Failure("ingest", "in/bad.jsonl", 7,
        "malformed JSON <img src=x onerror=alert(1)>")));
    server = WebServer.start(store, "127.0.0.1", 0, "test");
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return WebGet.get(server, path);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return Json.mapper().readTree(r.body());
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void articlesAreListedNewestFirstWithPaging() throws Exception {
    JsonNode page = json(get("/api/v1/articles?limit=5&offset=0"));
    assertThat(page.get("total").asLong()).isEqualTo(122);
    assertThat(page.get("items")).hasSize(5);
    JsonNode next = json(get("/api/v1/articles?limit=5&offset=5"));
    assertThat(next.get("items").get(0).get("id").asText()).isNotEqualTo(page.get("items").get(0).get("id").asText());
  }

  @Test
  void followingNextCursorVisitsEveryArticleOnce() throws Exception {
    java.util.Set<String> seen = new java.util.HashSet<>();
    String path = "/api/v1/articles?limit=50";
    int pages = 0;
    while (path != null) {
      JsonNode page = json(get(path));
      page.get("items").forEach(item -> assertThat(seen.add(item.get("id").asText())).isTrue());
      pages++;
      path = page.has("nextCursor") ? "/api/v1/articles?limit=50&cursor=" + page.get("nextCursor").asText() : null;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(122);
    JsonNode last = json(get("/api/v1/search?q=" + q("border") + "&limit=100"));
    assertThat(last.has("nextCursor")).isFalse();
  }

  @Test
  void oneArticleComesWithItsAnnotations() throws Exception {
    JsonNode a = json(get("/api/v1/articles/seed-1"));
    assertThat(a.get("title").asText()).isEqualTo("Clashes on the Tajik-Afghan border");
    assertThat(a.get("published").asText()).isEqualTo("2025-11-19");
    assertThat(a.get("entities").isArray()).isTrue();
    assertThat(a.get("events").isArray()).isTrue();
  }

  @Test
  void searchReturnsHitsWithSnippets() throws Exception {
    JsonNode r = json(get("/api/v1/search?q=" + q("Tajik border") + "&limit=3"));
    assertThat(r.get("total").asLong()).isPositive();
    assertThat(r.get("items").get(0).get("id").asText()).isEqualTo("seed-1");
    assertThat(r.get("items").get(0).get("snippet").asText()).contains("«Tajik»");
    JsonNode faceted = json(get("/api/v1/search?q=" + q("border") + "&facets=true"));
    assertThat(faceted.at("/facets/place/0/value").asText()).isIn("Dushanbe", "Khatlon Region");
    assertThat(faceted.at("/facets/event_type/0/value").asText()).isEqualTo("armed_clash");
    assertThat(faceted.at("/dates/unit").asText()).isEqualTo("month");
    assertThat(faceted.at("/dates/buckets/0/period").asText()).isEqualTo("2025-11");
    assertThat(json(get("/api/v1/search?q=border")).has("facets")).isFalse();
    JsonNode newest = json(get("/api/v1/search?q=Afghanistan&sort=newest&limit=2"));
    assertThat(newest.get("sort").asText()).isEqualTo("newest");
  }

  @Test
  void theMapDataIsGeoJsonOfPlacesAndEvents() throws Exception {
    HttpResponse<String> r = get("/api/v1/map");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
    JsonNode geo = Json.mapper().readTree(r.body());
    assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
    JsonNode features = geo.get("features");
    assertThat(features).hasSize(3);
    JsonNode first = features.get(0);
    assertThat(first.at("/properties/layer").asText()).isEqualTo("place");
    assertThat(first.at("/properties/name").asText()).as("by name at equal counts").isEqualTo("Dushanbe");
    assertThat(features.get(1).at("/properties/radiusKm").asDouble()).isEqualTo(80.0);
    JsonNode event = features.get(2);
    assertThat(event.at("/properties/type").asText()).isEqualTo("armed_clash");
    assertThat(event.at("/properties/articleId").asText()).isEqualTo("map-1");
    assertThat(event.at("/geometry/coordinates/0").asDouble()).isEqualTo(69.0); // lon first
    assertThat(event.at("/geometry/coordinates/1").asDouble()).isEqualTo(37.9);
  }

  @Test
  void exportsStreamAsDownloadsFilteredBySearch() throws Exception {
    HttpResponse<String> csv = get("/api/v1/export?format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"vigil-export.csv\"");
    assertThat(csv.body().split("\r\n")).hasSize(2); // header + the one event stored
    assertThat(csv.body()).contains("map-1-1,2025-11-17,2025,1,Battles,Armed clash,armed_clash");
    HttpResponse<String> stix = get("/api/v1/export?format=stix&tlp=red&q=" + q("Khatlon"));
    JsonNode bundle = Json.mapper().readTree(stix.body());
    assertThat(bundle.get("type").asText()).isEqualTo("bundle");
    assertThat(stix.body()).contains("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");
    long reports = 0;
    for (JsonNode o : bundle.get("objects")) {
      reports += o.get("type").asText().equals("report") ? 1 : 0;
    }
    assertThat(reports).as("only the article the query matches").isEqualTo(1);
    HttpResponse<String> jsonl = get("/api/v1/export?format=jsonl");
    assertThat(jsonl.body().split("\n")).hasSize(122);
  }

  @Test
  void badParametersAre400WithAMessage() throws Exception {
    for (String path : List.of("/api/v1/articles?limit=abc", "/api/v1/articles?limit=0",
        "/api/v1/articles?offset=-1", "/api/v1/search?q=" + q("foo AND ("), "/api/v1/search?sort=best",
        "/api/v1/search?q=x&offset=10000&limit=10", "/api/v1/articles?cursor=bm9wZQ", "/api/v1/articles?cursor=%25%25",
        "/api/v1/articles?cursor=djE6NQ&offset=5", "/api/v1/stories?cursor=djE6LTE", "/api/v1/search?q=" + "x".repeat(2001),
        "/api/v1/export", "/api/v1/export?format=xml", "/api/v1/export?format=stix&tlp=purple",
        "/api/v1/export?format=csv&q=" + q("foo AND ("))) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      JsonNode error = json(r).get("error");
      assertThat(error.get("status").asInt()).isEqualTo(400);
      assertThat(error.get("message").asText()).as(path).isNotBlank().doesNotContain("Exception").doesNotContain("at dev.");
    }
  }

  @Test
  void unknownIdsAndRoutesAre404() throws Exception {
    HttpResponse<String> r = get("/api/v1/articles/no-such-id");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("error").get("message").asText()).isEqualTo("no article with id 'no-such-id'");
    assertThat(get("/api/v1/nothing").statusCode()).isEqualTo(404);
    HttpResponse<String> page = get("/articles/no-such-id");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("No article with id").contains("<html");
    assertThat(get("/no/such/page").statusCode()).isEqualTo(404);
  }

  @Test
  void pagesRenderAndEscapeWhatTheyShow() throws Exception {
    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Latest articles").contains("href=\"/?page=2\"");
    assertThat(home.body().split("class=\"title\" href=\"/articles/")).hasSize(21); // 20 per page
    assertThat(home.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

    HttpResponse<String> article = get("/articles/seed-1");
    assertThat(article.body()).contains("&lt;script&gt;").doesNotContain("<script>alert");

    HttpResponse<String> search = get("/search?q=" + q("Tajik border"));
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.body()).contains("<mark>Tajik</mark>").doesNotContain("<script>alert");

    HttpResponse<String> bad = get("/search?q=" + q("foo AND ("));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("cannot parse the query");

    HttpResponse<String> failures = get("/failures");
    assertThat(failures.body()).contains("in/bad.jsonl:7").contains("&lt;img").doesNotContain("<img src=x");
  }

  @Test
  void statusReportsCountsAndIndexLag() throws Exception {
    JsonNode s = json(get("/api/v1/status"));
    assertThat(s.get("articles").asLong()).isEqualTo(122);
    assertThat(s.get("indexed").asLong()).isEqualTo(122);
    assertThat(s.get("indexLag").asLong()).isZero();
    assertThat(json(get("/api/v1/failures")).get("items").get(0).get("failure").get("line").asInt()).isEqualTo(7);
  }
}
