package dev.vigil.web;

import static dev.vigil.web.TeamWebIT.PASSWORD;
import static dev.vigil.web.TeamWebIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.Articles;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.Event;
import dev.vigil.store.Editor;
import dev.vigil.store.Store;
import dev.vigil.stories.StoryUpdater;
import dev.vigil.team.Passwords;
import dev.vigil.team.Role;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analysts' curation on a real server and store (team mode, TeamWebIT's browser): an event
 * correction reaches every reader (story report, map, events API, search and facets, CSV and
 * GeoJSON exports); story merge and split hold against new arrivals, re-indexing and
 * re-analysis; knowledge-base edits; the audit trail of each; viewers are refused all of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CurationIT {
  @TempDir static Path dir;
  static Store store;
  static WebServer server;
  static TeamWebIT.Client analyst;
  static TeamWebIT.Client viewer;
  static long clashStory;
  static long floodStory;
  static long voteStory;

  static AnalyzedArticle plain(String id, String title, String text) {
    return Articles.of(id, title, text, "2025-11-18");
  }

  static AnalyzedArticle flood(String id) {
    return plain(id, "Floods in Herat", "Heavy floods swept through villages of Herat province"
        + " on Sunday, destroying hundreds of homes and washing away roads, the provincial"
        + " disaster agency said.");
  }

  static AnalyzedArticle vote(String id) {
    return plain(id, "Kyrgyz parliament votes on budget", "The Kyrgyz parliament approved the"
        + " state budget for next year in Bishkek on Tuesday after a long debate about"
        + " pensions and teacher salaries.");
  }

  @BeforeAll
  static void start() throws Exception {
    store = Store.open(dir);
    store.write(List.of(Articles.placed("clash-1"), Articles.placed("clash-2"), flood("flood-1"),
        vote("vote-1")));
    StoryUpdater.standard().catchUp(store);
    clashStory = store.stories().storyOf("clash-1").orElseThrow();
    floodStory = store.stories().storyOf("flood-1").orElseThrow();
    voteStory = store.stories().storyOf("vote-1").orElseThrow();
    assertThat(store.stories().storyOf("clash-2")).contains(clashStory);
    assertThat(List.of(clashStory, floodStory, voteStory)).doesNotHaveDuplicates();
    String hash = Passwords.hash(PASSWORD);
    Editor setup = new Editor("setup", "setup");
    store.accounts().add("ann", "alpha", Role.ANALYST, hash, setup);
    store.accounts().add("vic", "alpha", Role.VIEWER, hash, setup);
    server = WebServer.start(store, "127.0.0.1", 0, "test", new WebServer.Auth(true, false));
    analyst = client("ann");
    viewer = client("vic");
  }

  static TeamWebIT.Client client(String user) throws Exception {
    TeamWebIT.Client c = new TeamWebIT.Client();
    c.at = server;
    assertThat(c.login(user, PASSWORD).statusCode()).isEqualTo(303);
    return c;
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    return json(r);
  }

  @Test
  @Order(1)
  void aCorrectionChangesWhatEveryReaderShows() throws Exception {
    Map<String, Object> fix = new LinkedHashMap<>();
    fix.put("type", "attack");
    fix.put("place", Map.of("name", "Kulob", "lat", "37.91", "lon", "69.78"));
    fix.put("actors", List.of(Map.of("role", "actor", "name", "Unknown gunmen"),
        Map.of("role", "target", "name", "Tajik border guards")));
    fix.put("reason", "the ministry's statement names Kulob");
    ok(analyst.json("PUT", "/api/v1/articles/clash-1/events/0/correction", fix));
    ok(analyst.json("PUT", "/api/v1/articles/clash-2/events/0/correction",
        Map.of("verdict", "disputed", "reason", "a copy of a retracted report")));

    // the events API and the map (rows derived from the stored annotations)
    JsonNode events = ok(viewer.get("/api/v1/events?limit=50")).get("items");
    JsonNode e1 = find(events, "clash-1");
    assertThat(e1.get("type").asText()).isEqualTo("attack");
    assertThat(e1.get("place").get("name").asText()).isEqualTo("Kulob");
    assertThat(e1.get("actors").toString()).contains("Unknown gunmen");
    assertThat(find(events, "clash-2").get("modality").asText()).isEqualTo("disputed");
    assertThat(ok(viewer.get("/api/v1/events?type=attack")).get("total").asInt()).isEqualTo(1);
    JsonNode map = json(viewer.get("/api/v1/map"));
    List<String> mapped = new ArrayList<>();
    for (JsonNode f : map.get("features")) {
      if (f.get("properties").get("layer").asText().equals("event")) {
        mapped.add(f.get("properties").get("articleId").asText() + " " + f.get("properties").get("type").asText()
            + " " + f.get("properties").get("place").asText() + " " + f.get("geometry").get("coordinates"));
      }
    }
    assertThat(mapped).contains("clash-1 attack Kulob [69.78,37.91]");

    // the story report: the corrected type; the disputed report does not count as a report
    JsonNode story = ok(viewer.get("/api/v1/stories/" + clashStory));
    assertThat(story.get("events")).hasSize(1);
    assertThat(story.get("events").get(0).get("type").asText()).isEqualTo("attack");
    assertThat(story.get("events").get(0).get("reports")).hasSize(1);
    assertThat(viewer.get("/stories/" + clashStory).body()).contains("attack");

    // search and facets: the article was re-indexed with the corrected event
    JsonNode byType = ok(viewer.get("/api/v1/search?q=" + enc("event_type:attack") + "&facets=true"));
    assertThat(byType.get("total").asInt()).isEqualTo(1);
    assertThat(byType.get("items").get(0).get("id").asText()).isEqualTo("clash-1");
    assertThat(ok(viewer.get("/api/v1/search?q=" + enc("place:kulob"))).get("total").asInt()).isEqualTo(1);
    JsonNode facets = ok(viewer.get("/api/v1/search?q=" + enc("khatlon") + "&facets=true")).get("facets");
    assertThat(facets.get("event_type").toString()).contains("\"attack\"");

    // exports
    String csv = viewer.get("/api/v1/export?format=csv").body();
    assertThat(csv.lines().filter(l -> l.contains("clash-1")).findFirst().orElseThrow())
        .contains("attack").contains("Kulob").contains("Unknown gunmen");
    assertThat(csv.lines().filter(l -> l.contains("clash-2")).findFirst().orElseThrow()).contains("disputed");
    String geo = viewer.get("/api/v1/export?format=geojson").body();
    assertThat(geo).contains("Kulob").contains("69.78");

    // the article page shows both; the correction's audit entry has before and after
    String page = viewer.get("/articles/clash-1").body();
    assertThat(page).contains("Extracted: armed clash").contains("Unknown gunmen");
    JsonNode audit = ok(viewer.get("/api/v1/audit?item=" + enc("event:clash-1#0"))).get("items");
    assertThat(audit.get(0).get("action").asText()).isEqualTo("event.correct");
    assertThat(audit.get(0).get("after").asText()).contains("Unknown gunmen").contains("Kulob");

    // a re-analysis writes the events as extracted: the corrections are applied again
    store.write(List.of(reanalysed(Articles.placed("clash-1"))));
    store.refreshIndex();
    JsonNode again = find(ok(viewer.get("/api/v1/events?limit=50")).get("items"), "clash-1");
    assertThat(again.get("type").asText()).isEqualTo("attack");
    assertThat(again.get("actors").toString()).contains("Unknown gunmen");
    assertThat(ok(viewer.get("/api/v1/search?q=" + enc("event_type:attack"))).get("total").asInt()).isEqualTo(1);
  }

  /** The same article as the analysis would write it again after the publisher's edit. */
  static AnalyzedArticle reanalysed(AnalyzedArticle a) {
    Article x = a.article();
    String text = x.text() + " Updated.";
    Annotations ann = a.annotations();
    return new AnalyzedArticle(new Article(x.id(), x.url(), x.source(), x.title(), x.byline(),
        x.published(), x.language(), text, x.origin(), x.ingested()), ann);
  }

  static JsonNode find(JsonNode items, String articleId) {
    for (JsonNode n : items) {
      if (n.get("articleId").asText().equals(articleId)) {
        return n;
      }
    }
    throw new AssertionError("no event of " + articleId + " in " + items);
  }

  @Test
  @Order(2)
  void aMergeHoldsAgainstNewArrivalsReindexingAndReanalysis() throws Exception {
    JsonNode merged = ok(analyst.json("POST", "/api/v1/stories/" + floodStory + "/merge",
        Map.of("from", Long.toString(voteStory), "reason", "one regional briefing")));
    assertThat(merged.get("story").asLong()).isEqualTo(floodStory);
    assertThat(store.stories().articlesOf(floodStory)).containsExactlyInAnyOrder("flood-1", "vote-1");

    // the merged story's id redirects, page and API
    HttpResponse<String> old = viewer.get("/api/v1/stories/" + voteStory + "?window=day");
    assertThat(old.statusCode()).isEqualTo(308);
    assertThat(old.headers().firstValue("Location")).contains("/api/v1/stories/" + floodStory + "?window=day");
    assertThat(viewer.get("/stories/" + voteStory).headers().firstValue("Location"))
        .contains("/stories/" + floodStory);
    assertThat(ok(viewer.get("/api/v1/stories/" + floodStory)).get("articles")).hasSize(2);

    // a new arrival, a rebuilt index and a re-analysed member keep the merge
    store.write(List.of(vote("vote-2"), reanalysed(vote("vote-1"))));
    StoryUpdater.standard().catchUp(store);
    store.index().clear();
    store.catchUpIndex(n -> { });
    StoryUpdater.standard().catchUp(store);
    assertThat(store.stories().storyOf("vote-1")).contains(floodStory);
    assertThat(store.stories().storyOf("flood-1")).contains(floodStory);
    assertThat(store.stories().storyOf("vote-2")).isPresent();

    // history on both stories, with the membership before and after
    JsonNode h = ok(viewer.get("/api/v1/audit?item=" + enc("story:" + floodStory))).get("items").get(0);
    assertThat(h.get("action").asText()).isEqualTo("story.merge");
    assertThat(h.get("actor").asText()).isEqualTo("ann");
    assertThat(parse(h.get("before").asText()).get("story:" + floodStory).toString()).isEqualTo("[\"flood-1\"]");
    assertThat(parse(h.get("after").asText()).get("story:" + floodStory)).hasSize(2);
    assertThat(ok(viewer.get("/api/v1/audit?item=" + enc("story:" + voteStory))).get("items")).hasSize(1);
    assertThat(viewer.get("/stories/" + floodStory).body()).contains("story.merge");
  }

  static JsonNode parse(String s) throws Exception {
    return dev.vigil.internal.Json.mapper().readTree(s);
  }

  @Test
  @Order(3)
  void aSplitKeepsItsArticlesApartWhenAnArrivalWouldJoinThemAgain() throws Exception {
    assertThat(analyst.json("POST", "/api/v1/stories/" + clashStory + "/split",
        Map.of("articles", List.of("clash-1", "clash-2"))).statusCode()).isEqualTo(400); // nothing left
    assertThat(analyst.json("POST", "/api/v1/stories/" + clashStory + "/split",
        Map.of("articles", List.of("flood-1"))).statusCode()).isEqualTo(400); // not a member
    JsonNode split = ok(analyst.json("POST", "/api/v1/stories/" + clashStory + "/split",
        Map.of("articles", List.of("clash-2"), "reason", "a different incident")));
    long off = split.get("story").asLong();
    assertThat(store.stories().storyOf("clash-2")).contains(off);
    assertThat(store.stories().storyOf("clash-1")).contains(clashStory);

    // a copy of both arrives: it joins one, and the two stories (identical texts, which the
    // clustering would merge) stay apart
    store.write(List.of(Articles.placed("clash-3"), reanalysed(Articles.placed("clash-2"))));
    StoryUpdater.standard().catchUp(store);
    assertThat(store.stories().storyOf("clash-1")).contains(clashStory);
    assertThat(store.stories().storyOf("clash-2")).contains(off);
    assertThat(store.stories().storyOf("clash-3").orElseThrow()).isIn(clashStory, off);
    assertThat(store.stories().live(off)).isEqualTo(off);
    assertThat(store.stories().live(clashStory)).isEqualTo(clashStory);

    JsonNode h = ok(viewer.get("/api/v1/audit?item=" + enc("story:" + off))).get("items").get(0);
    assertThat(h.get("action").asText()).isEqualTo("story.split");
    assertThat(parse(h.get("after").asText()).get("story:" + off).toString()).isEqualTo("[\"clash-2\"]");
  }

  @Test
  @Order(4)
  void aKnowledgeBaseEditIsStoredAuditedAndShown() throws Exception {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", "Farrukh Sharipov");
    entry.put("type", "person");
    entry.put("country", "TJ");
    entry.put("aliases", List.of("Farrukh Sharifzoda", "Фаррух Шарипов"));
    entry.put("roles", List.of(Map.of("title", "Commander of the Khatlon border detachment", "from", "2024-03")));
    JsonNode stored = ok(analyst.json("PUT", "/api/v1/entities/farrukh-sharipov", entry));
    assertThat(stored.get("aliases").toString()).contains("Фаррух Шарипов");
    assertThat(ok(analyst.json("PUT", "/api/v1/entities/farrukh-sharipov",
        Map.of("aliases", List.of("Farrukh Sharifzoda", "Фаррух Шарипов", "F. Sharipov")))).get("aliases"))
        .hasSize(4); // name first, then the aliases; other fields kept
    assertThat(store.kb().entry("farrukh-sharipov").orElseThrow().country()).isEqualTo("TJ");
    assertThat(analyst.json("PUT", "/api/v1/entities/farrukh-sharipov", Map.of("type", "wizard"))
        .statusCode()).isEqualTo(400);

    JsonNode audit = ok(viewer.get("/api/v1/audit?item=" + enc("entity:farrukh-sharipov"))).get("items");
    assertThat(audit).hasSize(2);
    assertThat(audit.get(0).get("action").asText()).isEqualTo("kb.edit");
    assertThat(audit.get(0).get("before").asText()).doesNotContain("F. Sharipov");
    assertThat(audit.get(0).get("after").asText()).contains("F. Sharipov");
    assertThat(audit.get(1).get("action").asText()).isEqualTo("kb.add");
    assertThat(audit.get(1).get("before").isNull()).isTrue();
    String page = viewer.get("/entities/farrukh-sharipov").body();
    assertThat(page).contains("Фаррух Шарипов").contains("kb.edit");
  }

  @Test
  @Order(5)
  void aViewerMayChangeNoneOfIt() throws Exception {
    List<HttpResponse<String>> refused = List.of(
        viewer.json("PUT", "/api/v1/articles/clash-1/events/0/correction", Map.of("verdict", "confirmed")),
        viewer.json("POST", "/api/v1/stories/" + clashStory + "/merge", Map.of("from", Long.toString(floodStory))),
        viewer.json("POST", "/api/v1/stories/" + clashStory + "/split", Map.of("articles", List.of("clash-1"))),
        viewer.json("PUT", "/api/v1/entities/farrukh-sharipov", Map.of("name", "X")),
        viewer.form("/stories/" + clashStory + "/merge", Map.of("from", Long.toString(floodStory)), true),
        viewer.form("/stories/" + clashStory + "/split", Map.of("article", "clash-1"), true),
        viewer.form("/entities/farrukh-sharipov/kb", Map.of("name", "X"), true),
        viewer.form("/articles/clash-1/events/0/correction", Map.of("verdict", "confirmed"), true));
    assertThat(refused).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(403));
    assertThat(store.kb().entry("farrukh-sharipov").orElseThrow().name()).isEqualTo("Farrukh Sharipov");
  }

  @Test
  @Order(6)
  void theFormsOfTheStoryAndEntityPagesWork() throws Exception {
    String page = analyst.get("/stories/" + clashStory).body();
    assertThat(page).contains("action=\"/stories/" + clashStory + "/merge\"").contains("name=\"article\"");
    HttpResponse<String> r = analyst.form("/stories/" + clashStory + "/merge",
        Map.of("from", Long.toString(store.stories().storyOf("clash-2").orElseThrow()), "reason", "same incident after all"), true);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    assertThat(store.stories().storyOf("clash-2")).contains(clashStory);
    assertThat(analyst.get("/entities/farrukh-sharipov").body())
        .contains("action=\"/entities/farrukh-sharipov/kb\"").contains("F. Sharipov");
    HttpResponse<String> kb = analyst.form("/entities/tajik-border-guards/kb",
        Map.of("name", "Tajik Border Troops", "type", "government", "country", "tj",
            "aliases", "Tajik border guards\nПогранвойска Таджикистана", "roles", ""), true);
    assertThat(kb.statusCode()).as(kb.body()).isEqualTo(303);
    assertThat(store.kb().entry("tajik-border-guards").orElseThrow().aliases())
        .contains("Погранвойска Таджикистана");
    assertThat(viewer.get("/stories/" + clashStory).body()).doesNotContain("action=\"/stories/" + clashStory + "/merge\"");
  }
}
