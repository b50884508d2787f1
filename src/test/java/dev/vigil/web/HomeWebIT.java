package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.PlaceMention;
import dev.vigil.model.Sentence;
import dev.vigil.store.Store;
import dev.vigil.store.StoryRow;
import dev.vigil.stories.StoryProfile;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home page, the story filters of {@code /api/v1/stories}, trends and related stories on a
 * real server over loopback. The stories are written to the store as the stories stage would
 * write them (rows, articles, profiles), with publication times relative to now: a new story
 * that reached three independent sources within hours (breaking), a steady one, one whose burst
 * is copies of one wire report, an undated one, and one related to the first.
 */
class HomeWebIT {
  @TempDir static Path dir;
  static Store store;
  static WebServer server;
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  static final Random RANDOM = new Random(42);
  static final String[] WORDS = ("border guards militants clash province officials report village"
      + " river crossing drugs seized smugglers night patrol attack wounded killed police army"
      + " district governor statement ministry security forces weapons ammunition convoy road"
      + " bridge market residents fled shelling mortar checkpoint arrested suspects court trial"
      + " refugees camp aid agency talks delegation summit treaty sanctions oil gas pipeline").split(" ");
  static long breaking;
  static long steady;
  static long copies;
  static long undated;
  static long neighbour;

  static String text() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 80; i++) {
      sb.append(WORDS[RANDOM.nextInt(WORDS.length)]).append(i % 12 == 11 ? ". " : " ");
    }
    return sb.toString();
  }

  static AnalyzedArticle article(String id, String source, String title, String text, Instant published,
      String category, PlaceMention place) {
    Annotations ann = new Annotations("en", List.of(new Sentence(0, text.length())), List.of(),
        List.of(place), List.of(), List.of(), List.of(), List.of(category));
    return new AnalyzedArticle(new Article(id, null, source, title, null,
        published == null ? null : published.toString(), "en", text, "test:" + id, NOW), ann);
  }

  static PlaceMention place(String name, String country) {
    return new PlaceMention(name, name, "admin1", country, 30.0, 60.0, 50.0, 0, 1);
  }

  static long story(List<AnalyzedArticle> articles, List<String> terms, List<String> places) {
    store.write(articles);
    Map<String, Double> t = new HashMap<>();
    terms.forEach(x -> t.put(x, 1.0));
    Map<String, Integer> p = new HashMap<>();
    places.forEach(x -> p.put(x, articles.size()));
    String profile = Json.write(new StoryProfile(t, null, Map.of(), p));
    return store.stories().update(tx -> {
      long id = tx.insertStory(new StoryRow(0, null, articles.size(), 0, 0, profile));
      for (AnalyzedArticle a : articles) {
        tx.addArticle(id, a.article().id(), 1, 0, "{}");
      }
      return id;
    });
  }

  @BeforeAll
  static void start() {
    store = Store.open(dir);
    PlaceMention khatlon = place("Khatlon Region", "TJ");
    List<AnalyzedArticle> a = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      a.add(article("brk-" + i, "Outlet " + i, "Attack on a border post in Khatlon", text(),
          NOW.minus(Duration.ofHours(5 - 2 * i)), "terrorism", khatlon));
    }
    breaking = story(a, List.of("attack", "border", "post", "khatlon"), List.of("khatlon region"));

    List<AnalyzedArticle> b = new ArrayList<>();
    for (int d = 7; d >= 0; d--) {
      b.add(article("std-" + d, d == 3 ? "Tolo News" : "Kabul Outlet " + d, "Opium harvest in Helmand", text(),
          NOW.minus(Duration.ofDays(d)).minus(Duration.ofHours(1)), "drug_trafficking", place("Helmand", "AF")));
    }
    steady = story(b, List.of("opium", "harvest", "helmand"), List.of("helmand"));

    String wire = text();
    List<AnalyzedArticle> c = new ArrayList<>();
    c.add(article("cp-old", "Tehran Wire", "Talks in Tehran", text(), NOW.minus(Duration.ofDays(6)),
        "diplomacy", place("Tehran", "IR")));
    for (int i = 0; i < 5; i++) {
      c.add(article("cp-" + i, "Reprinter " + i, "Talks in Tehran", wire, NOW.minus(Duration.ofHours(5 - i)),
          "diplomacy", place("Tehran", "IR")));
    }
    copies = story(c, List.of("talks", "tehran", "delegation"), List.of("tehran"));

    undated = story(List.of(
        article("und-1", "Archive A", "Border crossing in Badakhshan", text(), null, "border_security",
            place("Badakhshan", "TJ")),
        article("und-2", "Archive B", "Border crossing in Badakhshan", text(), null, "border_security",
            place("Badakhshan", "TJ"))), List.of("crossing", "badakhshan"), List.of("badakhshan"));

    neighbour = story(List.of(
        article("nb-1", "Asia-Plus", "Khatlon border post reinforced", text(), NOW.minus(Duration.ofDays(3)),
            "border_security", khatlon),
        article("nb-2", "Avesta", "Khatlon border post reinforced", text(), NOW.minus(Duration.ofDays(2)),
            "border_security", khatlon)), List.of("border", "post", "khatlon", "reinforced"), List.of("khatlon region"));
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

  static JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static Set<Long> ids(String path) throws Exception {
    Set<Long> out = new TreeSet<>();
    json(path).get("items").forEach(s -> out.add(s.get("id").asLong()));
    return out;
  }

  static JsonNode story(long id) throws Exception {
    return json("/api/v1/stories/" + id);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void everyStoryCarriesItsTrendWithTheBaseline() throws Exception {
    JsonNode b = story(breaking).get("trend");
    assertThat(b.get("flag").asText()).isEqualTo("breaking");
    assertThat(b.get("recent").asInt()).isEqualTo(3);
    assertThat(b.get("window").asText()).isEqualTo("24h");
    assertThat(b.get("baseline").asDouble()).isGreaterThanOrEqualTo(0.5);
    assertThat(b.get("explanation").asText()).startsWith("breaking: a new story with 3 independent sources");

    JsonNode s = story(steady);
    assertThat(s.get("trend").get("flag").asText()).isEqualTo("none");
    assertThat(s.get("independentSources").asInt()).isEqualTo(8);

    JsonNode c = story(copies);
    assertThat(c.get("independentSources").asInt()).isEqualTo(2);
    assertThat(c.get("copies").asInt()).isEqualTo(4);
    assertThat(c.get("trend").get("recent").asInt()).isEqualTo(1); // five reprints, one source
    assertThat(c.get("trend").get("flag").asText()).isEqualTo("none");

    JsonNode u = story(undated).get("trend");
    assertThat(u.get("flag").asText()).isEqualTo("none");
    assertThat(u.get("explanation").asText()).contains("no dated article");

    JsonNode week = json("/api/v1/stories/" + steady + "?window=7d").get("trend");
    assertThat(week.get("window").asText()).isEqualTo("7d");
    assertThat(week.get("recent").asInt()).isEqualTo(7);
  }

  @Test
  void storiesCarryCountsMixCategoriesCountriesAndRegions() throws Exception {
    JsonNode s = story(breaking);
    assertThat(s.get("reliabilityMix").get("Unrated").asInt()).isEqualTo(3);
    assertThat(s.get("categories").get(0).get("name").asText()).isEqualTo("terrorism");
    assertThat(s.get("countries").toString()).isEqualTo("[\"TJ\"]");
    assertThat(s.get("regions").toString()).isEqualTo("[\"Central Asia\"]");
    assertThat(s.get("arrivals")).hasSize(3);
  }

  @Test
  void filtersSelectStories() throws Exception {
    assertThat(ids("/api/v1/stories")).containsExactlyInAnyOrder(breaking, steady, copies, undated, neighbour);
    assertThat(ids("/api/v1/stories?trend=breaking")).containsExactly(breaking);
    assertThat(ids("/api/v1/stories?category=drug_trafficking")).containsExactly(steady);
    assertThat(ids("/api/v1/stories?country=tj")).containsExactlyInAnyOrder(breaking, undated, neighbour);
    assertThat(ids("/api/v1/stories?region=" + q("southern asia"))).containsExactlyInAnyOrder(steady, copies);
    assertThat(ids("/api/v1/stories?source=" + q("tolo news"))).containsExactly(steady);
    assertThat(ids("/api/v1/stories?reliability=Unrated")).hasSize(5);
    assertThat(ids("/api/v1/stories?reliability=Reliable")).isEmpty();
    String day = NOW.minus(Duration.ofDays(4)).toString().substring(0, 10);
    assertThat(ids("/api/v1/stories?to=" + day)).containsExactlyInAnyOrder(steady, copies);
    assertThat(ids("/api/v1/stories?from=" + NOW.minus(Duration.ofHours(6)) + "&category=diplomacy"))
        .containsExactly(copies);
    assertThat(ids("/api/v1/stories?trend=none&country=TJ")).containsExactlyInAnyOrder(undated, neighbour);
  }

  @Test
  void badFilterValuesAre400WithAMessage() throws Exception {
    Map<String, String> bad = Map.ofEntries(
        Map.entry("category=weather", "parameter 'category' must be one of terrorism"),
        Map.entry("country=XX", "parameter 'country' must be an ISO 3166 alpha-2"),
        Map.entry("country=Tajikistan", "parameter 'country'"),
        Map.entry("region=Atlantis", "parameter 'region' must be a UN subregion"),
        Map.entry("reliability=great", "parameter 'reliability' must be one of Reliable, Mixed"),
        Map.entry("from=yesterday", "parameter 'from' must be an ISO 8601 date"),
        Map.entry("from=2025-12-01&to=2025-11", "must not be after 'to'"),
        Map.entry("trend=hot", "parameter 'trend' must be one of breaking, trending, none"),
        Map.entry("window=1h", "parameter 'window' must be '24h' or '7d'"),
        Map.entry("source=" + "x".repeat(300), "parameter 'source' is 300 characters long"));
    for (var e : bad.entrySet()) {
      HttpResponse<String> r = get("/api/v1/stories?" + e.getKey());
      assertThat(r.statusCode()).as(e.getKey()).isEqualTo(400);
      JsonNode error = Json.mapper().readTree(r.body()).get("error");
      assertThat(error.get("message").asText()).as(e.getKey()).contains(e.getValue());
      HttpResponse<String> page = get("/?" + e.getKey());
      assertThat(page.statusCode()).as("home " + e.getKey()).isEqualTo(400);
      assertThat(page.body()).contains("<html").doesNotContain("Exception");
    }
    assertThat(get("/api/v1/stories/" + breaking + "/related?limit=0").statusCode()).isEqualTo(400);
  }

  @Test
  void relatedStoriesComeWithTheStoryAndOnTheirOwnRoute() throws Exception {
    JsonNode related = story(breaking).get("related");
    assertThat(related.get(0).get("id").asLong()).isEqualTo(neighbour);
    assertThat(related.get(0).get("reason").asText()).contains("Khatlon Region").contains("similar terms");
    assertThat(related.get(0).get("score").asDouble()).isBetween(0.0, 1.0);
    JsonNode list = json("/api/v1/stories/" + breaking + "/related?limit=1");
    assertThat(list.get("items")).hasSize(1);
    assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(neighbour);
    assertThat(json("/api/v1/stories").get("items").get(0).get("related").isNull()).isTrue();
    assertThat(get("/api/v1/stories/999999/related").statusCode()).isEqualTo(404);

    HttpResponse<String> page = get("/stories/" + breaking);
    assertThat(page.body()).contains("Related stories").contains("href=\"/stories/" + neighbour + "\"")
        .contains("trend-breaking");
  }

  @Test
  void theHomePageShowsBreakingTopAndUndatedStoriesWithSparklinesAndFilters() throws Exception {
    HttpResponse<String> r = get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    String home = r.body();
    assertThat(home).contains("Breaking and trending").contains("Top stories, last 24 hours")
        .contains("Undated stories").contains("<svg class=\"spark\"").contains("<svg class=\"mix\"")
        .contains("class=\"trend trend-breaking\"").contains("3 independent").contains("4 copies")
        .contains("<form class=\"filters\" method=\"get\" action=\"/\"");
    String trending = home.substring(home.indexOf("Breaking and trending"), home.indexOf("Top stories, last"));
    assertThat(trending).contains("href=\"/stories/" + breaking + "\"").doesNotContain("href=\"/stories/" + steady + "\"");
    String undatedPart = home.substring(home.indexOf("Undated stories"));
    assertThat(undatedPart).contains("href=\"/stories/" + undated + "\"");

    String filtered = get("/?window=7d&category=drug_trafficking").body();
    assertThat(filtered).contains("1 of 5 stories match").contains("href=\"/stories/" + steady + "\"")
        .doesNotContain("href=\"/stories/" + breaking + "\"").contains("<option value=\"drug_trafficking\" selected>")
        .contains("Top stories, last 7 days").contains("href=\"/?window=24h&amp;category=drug_trafficking\"");
  }
}
