package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.Articles;
import dev.vigil.TestFiles;
import dev.vigil.events.EventExtractor;
import dev.vigil.events.EventRules;
import dev.vigil.extract.Extractor;
import dev.vigil.geo.Geocoder;
import dev.vigil.ingest.FileSource;
import dev.vigil.internal.Json;
import dev.vigil.kb.ActorBase;
import dev.vigil.kb.EntityLinker;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.EntityMention;
import dev.vigil.model.PlaceMention;
import dev.vigil.model.Sentence;
import dev.vigil.nlp.CoreNlpAnnotator;
import dev.vigil.nlp.CoreNlpSentenceParser;
import dev.vigil.pipeline.ArticleAnalysis;
import dev.vigil.pipeline.IngestListener;
import dev.vigil.pipeline.IngestPipeline;
import dev.vigil.store.Store;
import dev.vigil.stories.StoryUpdater;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity, place and source pages and their API (with {@code /api/v1/events}) on a real
 * server over loopback. The two seed reports go through the real analysis (CoreNLP, entity
 * linking, geocoding, events) with publication dates a month apart, beside demo articles and
 * hand-made ones with hostile names.
 */
class ProfilePagesIT {
  static final String HOSTILE = "<svg onload=alert(1)> Brigade";
  static final String HOSTILE_PLACE = "<b onclick=alert(3)>Nowhere";
  static final String HOSTILE_SOURCE = "<img src=x onerror=alert(2)> Wire";

  @TempDir static Path dir;
  static Store store;
  static WebServer server;

  @BeforeAll
  static void start() throws Exception {
    store = Store.open(dir.resolve("data"));
    store.write(Articles.demo(40));
    store.write(List.of(Articles.placed("map-1"), Articles.placed("map-2"), hostile()));
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("seeds.jsonl"),
        line("seed-cis", "Interfax", "2025-11-30", TestFiles.SEED_CIS) + "\n"
            + line("seed-border", "Asia-Plus", "2025-12-01", TestFiles.SEED_BORDER) + "\n");
    OpenNlpLanguageDetector languages = OpenNlpLanguageDetector.load();
    ArticleAnalysis analysis = new ArticleAnalysis(Extractor.standard(languages),
        new CoreNlpAnnotator(languages), List.of(new EntityLinker(ActorBase.bundled()),
            Geocoder.bundled(), new EventExtractor(EventRules.load(), new CoreNlpSentenceParser())),
        null, Clock.systemUTC());
    new IngestPipeline(new FileSource(1 << 20), analysis, store,
        new IngestPipeline.Options(1, 8, Duration.ofMillis(50))).run(List.of(in), new IngestListener() {});
    StoryUpdater.standard().catchUp(store);
    server = WebServer.start(store, "127.0.0.1", 0, "test");
  }

  private static String line(String id, String source, String published, String resource)
      throws IOException {
    String text;
    try (InputStream s = ProfilePagesIT.class.getResourceAsStream(resource)) {
      text = new String(s.readAllBytes(), StandardCharsets.UTF_8);
    }
    int nl = text.indexOf('\n');
    return Json.write(Map.of("id", id, "source", source, "published", published,
        "title", text.substring(0, nl).strip(), "text", text.substring(nl + 1).strip()));
  }

  /** An article whose entity, place and source names are HTML. */
  static AnalyzedArticle hostile() {
    String text = HOSTILE + " attacked a post near " + HOSTILE_PLACE + ".";
    int place = text.indexOf(HOSTILE_PLACE);
    Annotations ann = new Annotations("en", List.of(new Sentence(0, text.length())),
        List.of(new EntityMention(HOSTILE, "ORGANIZATION", null, null, 0, HOSTILE.length())),
        List.of(new PlaceMention(HOSTILE_PLACE, HOSTILE_PLACE, "city", "TJ", 38.0, 70.0, 5.0,
            place, place + HOSTILE_PLACE.length())),
        List.of(), List.of(), List.of(), List.of("terrorism"));
    return new AnalyzedArticle(new Article("hostile-1", null, HOSTILE_SOURCE, "Hostile names", null,
        "2025-10-01", "en", text, "test:hostile", Instant.parse("2026-01-01T00:00:00Z")), ann);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  static HttpResponse<String> get(String path) throws Exception {
    return WebGet.get(server, path);
  }

  static JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static String enc(String s) {
    return Coverage.encode(s);
  }

  /** The id of the entity the list finds for {@code q}, the most mentioned first. */
  static String entityId(String q) throws Exception {
    JsonNode items = json("/api/v1/entities?q=" + enc(q)).get("items");
    assertThat(items).as("entities matching " + q).isNotEmpty();
    return items.get(0).get("id").asText();
  }

  @Test
  void anAnalysedActorsPageShowsItsAliasesChartAndCoOccurringActors() throws Exception {
    String id = entityId("Shoigu");
    JsonNode e = json("/api/v1/entities/" + enc(id));
    assertThat(e.get("kb").isObject()).as("Shoigu is linked to the knowledge base").isTrue();
    assertThat(e.get("articles").asLong()).isEqualTo(2);
    assertThat(e.get("aliases").size()).isGreaterThan(1);
    assertThat(e.at("/dates/unit").asText()).isEqualTo("month");
    assertThat(e.at("/dates/buckets").findValuesAsText("period")).contains("2025-11", "2025-12");
    JsonNode actors = e.at("/cooccurring/actors");
    assertThat(actors).isNotEmpty();
    assertThat(actors.findValuesAsText("name")).doesNotContain(e.get("name").asText());
    assertThat(e.at("/cooccurring/places").findValuesAsText("name")).isNotEmpty();
    assertThat(e.get("latestArticles").findValuesAsText("id")).containsExactlyInAnyOrder("seed-cis", "seed-border");

    HttpResponse<String> page = get("/entities/" + enc(id));
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("<h1>" + e.get("name").asText() + "</h1>");
    assertThat(html).contains("id=\"aliases\"").contains(e.get("aliases").get(1).asText());
    assertThat(html).contains("<svg class=\"histogram\"").contains("<title>2025-11: 1</title>");
    assertThat(html).contains("id=\"cooccurring-actors\"")
        .contains("href=\"" + actors.get(0).get("href").asText().replace("&", "&amp;") + "\"");
    assertThat(html).contains("id=\"minimap\"").contains("/static/minimap.js");
    // a co-occurring actor's link leads to its own page
    assertThat(get(actors.get(0).get("href").asText()).statusCode()).isEqualTo(200);
  }

  @Test
  void aNameTheLinkerResolvedLeadsToTheLinkedEntity() throws Exception {
    String id = entityId("Shoigu");
    String name = json("/api/v1/entities/" + enc(id)).get("name").asText();
    assertThat(json("/api/v1/entities/" + enc("name:" + name)).get("id").asText()).isEqualTo(id);
  }

  @Test
  void theEntityListFiltersByTypeAndNameAndPages() throws Exception {
    JsonNode people = json("/api/v1/entities?type=person&limit=2");
    assertThat(people.get("items").findValuesAsText("type")).containsOnly("PERSON");
    assertThat(people.get("total").asLong()).isGreaterThan(2);
    assertThat(people.has("nextCursor")).isTrue();
    JsonNode next = json("/api/v1/entities?type=PERSON&limit=2&cursor=" + people.get("nextCursor").asText());
    assertThat(next.get("offset").asInt()).isEqualTo(2);
    assertThat(next.at("/items/0/id").asText()).isNotEqualTo(people.at("/items/0/id").asText());
    JsonNode counts = json("/api/v1/entities?limit=100");
    long prev = Long.MAX_VALUE;
    for (JsonNode item : counts.get("items")) {
      assertThat(item.get("articles").asLong()).isLessThanOrEqualTo(prev);
      prev = item.get("articles").asLong();
    }
    assertThat(json("/api/v1/entities?q=zzzz-nothing").get("total").asLong()).isZero();
  }

  @Test
  void theEntityAndPlaceListPagesShowWhatTheApiListsAndLinkToEachProfile() throws Exception {
    JsonNode people = json("/api/v1/entities?type=PERSON&limit=50");
    HttpResponse<String> page = get("/entities?type=PERSON");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(people.get("total").asLong() + " entities")
        .contains("<option value=\"PERSON\" selected>");
    for (JsonNode item : people.get("items")) {
      assertThat(page.body()).contains("href=\"/entities/" + enc(item.get("id").asText()).replace("%3A", ":") + "\"");
    }
    String shoigu = get("/entities?q=Shoigu").body();
    assertThat(shoigu).contains("Shoigu").contains("matching <strong>Shoigu</strong>");
    assertThat(get("/entities?q=zzzz-nothing").body()).contains("No entities match this filter");

    JsonNode tajik = json("/api/v1/places?country=TJ&limit=50");
    String places = get("/places?country=tj").body();
    assertThat(places).contains(tajik.get("total").asLong() + " place").contains(" in TJ");
    for (JsonNode item : tajik.get("items")) {
      assertThat(places).contains("href=\"/places/" + enc(item.get("id").asText()).replace("%3A", ":") + "\"");
    }
    assertThat(places).contains("Khatlon").contains("km</td>");
    // the navigation reaches both lists from every page
    assertThat(get("/").body()).contains("href=\"/entities\"").contains("href=\"/places\"");
    // the pages' own parameters are checked like the API's
    assertThat(get("/entities?type=PLANET").statusCode()).isEqualTo(400);
    assertThat(get("/places?country=Tajikistan").statusCode()).isEqualTo(400);
    assertThat(get("/entities?page=0").statusCode()).isEqualTo(400);
  }

  @Test
  void theEntityListPagesThroughEveryEntityOnce() throws Exception {
    long total = json("/api/v1/entities").get("total").asLong();
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.regex.Pattern row = java.util.regex.Pattern.compile("<td><a href=\"(/entities/[^\"]+)\"");
    for (int p = 1; p <= total / EntityViews.LIST_PAGE_SIZE + 1; p++) {
      String html = get("/entities?page=" + p).body();
      java.util.regex.Matcher m = row.matcher(html);
      while (m.find()) {
        assertThat(seen.add(m.group(1))).as("row %s on page %d is new", m.group(1), p).isTrue();
      }
      assertThat(html.contains(">Next →</a>")).isEqualTo(p <= (total - 1) / EntityViews.LIST_PAGE_SIZE);
    }
    assertThat((long) seen.size()).isEqualTo(total);
  }

  @Test
  void badEntityParametersAre400AndUnknownIds404() throws Exception {
    assertError("/api/v1/entities?type=PLANET", 400, "type");
    assertError("/api/v1/entities?limit=0", 400, "limit");
    assertError("/api/v1/entities?q=" + "x".repeat(300), 400, "q");
    assertError("/api/v1/entities?cursor=garbage!", 400, "cursor");
    assertError("/api/v1/entities/no-such-actor-anywhere", 404, "no entity");
    assertError("/api/v1/entities/" + enc("name:Nobody Ever"), 404, "no entity");
    HttpResponse<String> page = get("/entities/no-such-actor-anywhere");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("no entity").doesNotContain("Exception").doesNotContain("at dev.vigil");
  }

  static void assertError(String path, int status, String message) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(status);
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.at("/error/status").asInt()).isEqualTo(status);
    assertThat(body.at("/error/message").asText()).contains(message).doesNotContain("Exception");
  }

  @Test
  void aPlacePageShowsTheGazetteerProfileHierarchyAndEvents() throws Exception {
    JsonNode list = json("/api/v1/places?q=Khatlon");
    assertThat(list.get("items")).isNotEmpty();
    String id = list.at("/items/0/id").asText();
    assertThat(id).as("Khatlon is a gazetteer entry").matches("\\d+");
    JsonNode p = json("/api/v1/places/" + id);
    assertThat(p.get("country").asText()).isEqualTo("TJ");
    assertThat(p.get("hierarchy").findValuesAsText("name")).contains("Tajikistan");
    assertThat(p.get("radiusKm").asDouble()).isPositive();
    assertThat(p.at("/events/items").findValuesAsText("articleId")).contains("map-1");
    HttpResponse<String> page = get("/places/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>" + p.get("name").asText() + "</h1>").contains("Tajikistan")
        .contains("data-radius-km=").contains("armed clash")
        .contains("<ol class=\"events event-list\">").doesNotContain("No events found");
    assertThat(json("/api/v1/places?country=tj").get("items").findValuesAsText("country")).containsOnly("TJ");
  }

  @Test
  void badPlaceParametersAre400AndUnknownIds404() throws Exception {
    assertError("/api/v1/places?country=Tajikistan", 400, "country");
    assertError("/api/v1/places/999999999", 404, "no place");
    assertError("/api/v1/places/not-an-id", 404, "no place");
    assertError("/api/v1/places/" + enc("name:Atlantis"), 404, "no place");
    assertThat(get("/places/999999999").statusCode()).isEqualTo(404);
  }

  @Test
  void aSourcePageShowsItsReliabilityTrackRecordAndArticles() throws Exception {
    JsonNode list = json("/api/v1/sources");
    assertThat(list.get("items").findValuesAsText("name")).contains("Interfax", "Asia-Plus", "Test Wire");
    JsonNode s = json("/api/v1/sources/Interfax");
    assertThat(s.at("/reliability/label").asText()).isIn("Reliable", "Mixed", "Unreliable", "Unrated");
    assertThat(s.at("/reliability/reason").asText()).contains("reports corroborated");
    assertThat(s.at("/reliability/track/reports").isInt()).isTrue();
    assertThat(s.get("articles").asLong()).isEqualTo(1);
    assertThat(json("/api/v1/sources/" + enc("Test Wire")).get("stories").findValuesAsText("title"))
        .contains("Clash on the border");
    HttpResponse<String> page = get("/sources/Interfax");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"reliability\"").contains("id=\"track\"")
        .contains("<svg class=\"histogram\"");
    HttpResponse<String> all = get("/sources");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).contains("href=\"/sources/Test%20Wire\"");
    assertThat(get("/sources/Test%20Wire").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownSourcesAre404AndBadPagingIs400() throws Exception {
    assertError("/api/v1/sources/No%20Such%20Outlet", 404, "no source");
    assertError("/api/v1/sources?limit=100000", 400, "limit");
    assertThat(get("/sources/No%20Such%20Outlet").statusCode()).isEqualTo(404);
  }

  @Test
  void theEventListFiltersByTypeCountryActorPlaceAndDates() throws Exception {
    JsonNode all = json("/api/v1/events?limit=500");
    assertThat(all.get("total").asLong()).isGreaterThan(1);
    JsonNode clash = json("/api/v1/events?type=armed_clash&country=TJ");
    assertThat(clash.get("items").findValuesAsText("articleId")).contains("map-1");
    JsonNode item = clash.get("items").get(0);
    assertThat(item.get("type").asText()).isEqualTo("armed_clash");
    assertThat(item.at("/place/country").asText()).isEqualTo("TJ");
    assertThat(json("/api/v1/events?actor=" + enc("Tajik border guards")).get("items")
        .findValuesAsText("articleId")).contains("map-1");
    assertThat(json("/api/v1/events?place=" + enc("name:Khatlon Region")).get("items")
        .findValuesAsText("articleId")).contains("map-1");
    assertThat(json("/api/v1/events?from=2025-11&to=2025-11-30&type=armed_clash").get("items")
        .findValuesAsText("articleId")).contains("map-1");
    assertThat(json("/api/v1/events?from=2026&type=armed_clash").get("total").asLong()).isZero();
    assertThat(json("/api/v1/events?source=Asia-Plus").get("items").findValuesAsText("source"))
        .containsOnly("Asia-Plus");
    JsonNode first = json("/api/v1/events?limit=1");
    assertThat(first.has("nextCursor")).isTrue();
  }

  @Test
  void badEventParametersAre400() throws Exception {
    assertError("/api/v1/events?from=last%20week", 400, "from");
    assertError("/api/v1/events?to=2024-13-99x", 400, "to");
    assertError("/api/v1/events?type=" + enc("armed clash!"), 400, "type");
    assertError("/api/v1/events?country=123", 400, "country");
    assertError("/api/v1/events?place=999999999", 400, "place");
    assertError("/api/v1/events?limit=501", 400, "limit");
    assertError("/api/v1/events?offset=-1", 400, "offset");
  }

  @Test
  void namesThatAreHtmlAreEscapedOnEveryPage() throws Exception {
    String entity = json("/api/v1/entities?q=" + enc("<svg")).at("/items/0/id").asText();
    assertThat(entity).isEqualTo("name:" + HOSTILE);
    for (String path : List.of("/entities/" + enc(entity), "/places/" + enc("name:" + HOSTILE_PLACE),
        "/sources/" + enc(HOSTILE_SOURCE), "/sources", "/articles/hostile-1",
        "/entities?q=" + enc("<svg"), "/places?q=" + enc("<b"))) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).doesNotContain("<svg onload").doesNotContain("<img src=x")
          .doesNotContain("<b onclick");
    }
    assertThat(get("/entities/" + enc(entity)).body()).contains("&lt;svg onload=alert(1)&gt; Brigade");
  }

  @Test
  void theArticleStoryAndSearchPagesLinkToTheseProfiles() throws Exception {
    // the two placed reports make one story; the seeds stay apart among so few articles
    String article = get("/articles/seed-border").body();
    assertThat(article).contains("href=\"/entities/").contains("href=\"/places/")
        .contains("href=\"/sources/Asia-Plus\"");
    long story = -1;
    for (JsonNode s : json("/api/v1/stories?limit=100").get("items")) {
      if (s.get("articles").toString().contains("\"map-1\"")) {
        story = s.get("id").asLong();
      }
    }
    assertThat(story).isPositive();
    String storyPage = get("/stories/" + story).body();
    assertThat(storyPage).contains("href=\"/sources/Test%20Wire\"").contains("href=\"/places/name:Khatlon%20Region\"");
    String search = get("/search?q=Shoigu").body();
    assertThat(search).contains("href=\"/entities/name:").contains("href=\"/sources/");
    List<String> links = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(/(?:entities|places|sources)/[^\"]+)\"")
        .matcher(article + storyPage + search);
    while (m.find()) {
      links.add(m.group(1).replace("&amp;", "&"));
    }
    for (String link : links.stream().distinct().limit(30).toList()) {
      assertThat(get(link).statusCode()).as(link).isEqualTo(200);
    }
  }
}
