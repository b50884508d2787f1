package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.vigil.Articles;
import dev.vigil.alerts.AlertEvaluator;
import dev.vigil.alerts.StoryContext;
import dev.vigil.internal.Json;
import dev.vigil.store.Store;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watchlists through the API and the pages of a real server over loopback. */
class WatchlistWebTest {
  @TempDir Path dir;
  Store store;
  WebServer server;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    store = Store.open(dir);
    server = WebServer.start(store, "127.0.0.1", 0, "test");
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
    if (body != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String body) throws Exception {
    return send("POST", "/api/v1/watchlists", "application/json", body);
  }

  @Test
  void badInputIsA400NamingTheField() throws Exception {
    record Case(String body, String field, String says) {}
    for (Case c : List.of(
        new Case("{\"query\":\"drone\"}", "name", "is required"),
        new Case("{\"name\":\"x\",\"countries\":[\"Tajikistan\"]}", "countries", "ISO 3166-1 alpha-2"),
        new Case("{\"name\":\"x\",\"near\":{\"lat\":95,\"lon\":69,\"radiusKm\":50}}", "near.lat", "between -90 and 90"),
        new Case("{\"name\":\"x\",\"near\":{\"lat\":37,\"lon\":69}}", "near.radiusKm", "is required"),
        new Case("{\"name\":\"x\",\"digest\":\"weekly\"}", "digest", "immediate, hourly or daily"),
        new Case("{\"name\":\"x\",\"minGrade\":\"Z9\"}", "minGrade", "Admiralty"),
        new Case("{\"name\":\"x\",\"webhookUrl\":\"ftp://example.org\"}", "webhookUrl", "http(s)"),
        new Case("{\"name\":\"x\",\"query\":\"drone AND (\"}", "query", "cannot parse"),
        new Case("{\"name\":\"x\",\"colour\":\"red\"}", "colour", "not a watchlist field"),
        new Case("{\"name\":\"x\",\"minSources\":\"many\"}", "minSources", "whole number"))) {
      HttpResponse<String> r = postJson(c.body());
      assertThat(r.statusCode()).as(c.body()).isEqualTo(400);
      JsonNode error = Json.mapper().readTree(r.body()).get("error");
      assertThat(error.get("field").asText()).as(c.body()).isEqualTo(c.field());
      assertThat(error.get("message").asText()).as(c.body()).contains("'" + c.field() + "'").contains(c.says());
    }
    assertThat(postJson("{not json").statusCode()).isEqualTo(400);
    assertThat(store.watchlists().all()).isEmpty();
  }

  @Test
  void createReadReplaceAndDeleteOverTheApi() throws Exception {
    HttpResponse<String> created = postJson("{\"name\":\"Border\",\"query\":\"clashed\",\"countries\":[\"tj\"],"
        + "\"near\":{\"lat\":37.2,\"lon\":69.1,\"radiusKm\":50},\"digest\":\"daily\","
        + "\"webhookUrl\":\"http://127.0.0.1:9/hook\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode w = Json.mapper().readTree(created.body());
    long id = w.get("id").asLong();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/watchlists/" + id);
    assertThat(w.get("countries").get(0).asText()).isEqualTo("TJ");
    String secret = w.get("webhookSecret").asText();
    assertThat(secret).hasSize(64);

    JsonNode list = Json.mapper().readTree(send("GET", "/api/v1/watchlists", null, null).body());
    assertThat(list.get("items")).hasSize(1);
    assertThat(list.at("/items/0/webhookSecret").isNull()).isTrue(); // not listed

    HttpResponse<String> replaced = send("PUT", "/api/v1/watchlists/" + id, "application/json",
        "{\"name\":\"Border 2\",\"query\":\"clashed\",\"webhookUrl\":\"http://127.0.0.1:9/hook\"}");
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(replaced.body()).get("webhookSecret").asText()).isEqualTo(secret);

    store.write(List.of(Articles.placed("p-1")));
    new AlertEvaluator(store, StoryContext.standalone()).evaluate(Instant.now());
    JsonNode shown = Json.mapper().readTree(send("GET", "/api/v1/watchlists/" + id, null, null).body());
    assertThat(shown.at("/watchlist/name").asText()).isEqualTo("Border 2");
    assertThat(shown.at("/alerts/0/latestArticle").asText()).isEqualTo("p-1");
    assertThat(shown.at("/alerts/0/deliveries/0/status").asText()).isEqualTo("pending");

    assertThat(send("DELETE", "/api/v1/watchlists/" + id, null, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/v1/watchlists/" + id, null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void thePagesListCreateAndShowWatchlistsAndServeTheFeed() throws Exception {
    store.write(List.of(Articles.placed("p-1")));
    String search = send("GET", "/search?q=clashed", null, null).body();
    assertThat(search).contains("href=\"/watchlists?q=clashed#new\">Save as watchlist</a>");
    String form = send("GET", "/watchlists?q=clashed", null, null).body();
    assertThat(form).contains("name=\"query\" value=\"clashed\"").doesNotContain("<script>");

    HttpResponse<String> bad = send("POST", "/watchlists", "application/x-www-form-urlencoded",
        "name=Border&query=clashed&countries=Tajikistan");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("&#39;countries&#39; must be ISO 3166-1 alpha-2 codes")
        .contains("value=\"Tajikistan\""); // the form keeps what was typed

    HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(base() + "/watchlists"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString("name=x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(foreign.statusCode()).isEqualTo(403);

    HttpResponse<String> ok = send("POST", "/watchlists", "application/x-www-form-urlencoded",
        "name=Border&query=clashed&countries=TJ&nearLat=37.9&nearLon=69.0&nearKm=100&digest=hourly");
    assertThat(ok.statusCode()).isEqualTo(303);
    String location = ok.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo("/watchlists/1");

    store.write(List.of(Articles.placed("p-2")));
    new AlertEvaluator(store, StoryContext.standalone()).evaluate(Instant.now());
    String page = send("GET", location, null, null).body();
    assertThat(page).contains("<h1>Border</h1>").contains("Clash on the border").contains("countries")
        .contains("TJ: Khatlon Region");
    assertThat(send("GET", "/watchlists", null, null).body()).contains("href=\"/watchlists/1\">Border</a>");

    HttpResponse<String> atom = send("GET", location + "/atom.xml", null, null);
    assertThat(atom.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
    SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
    assertThat(feed.getEntries()).hasSize(1);
    assertThat(feed.getEntries().get(0).getLink()).isEqualTo(base() + "/articles/p-2");

    assertThat(send("POST", location + "/delete", "application/x-www-form-urlencoded", "").statusCode()).isEqualTo(303);
    assertThat(store.watchlists().all()).isEmpty();
  }
}
