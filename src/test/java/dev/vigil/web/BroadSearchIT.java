package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.store.Facets;
import dev.vigil.store.SearchIndex;
import dev.vigil.store.Store;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query matching more articles than the server counts exactly: the API says the total is a
 * lower bound and the facets are sampled estimates, and the search page says so in words.
 */
class BroadSearchIT {
  static final int ARTICLES = 16_000;
  /** Articles with both "border" (six in seven) and "report" (ten in eleven). */
  static final long BOTH = java.util.stream.IntStream.range(0, ARTICLES)
      .filter(i -> i % 7 != 0 && i % 11 != 0).count();
  @TempDir static Path dir;
  static Store store;
  static WebServer server;

  @BeforeAll
  static void start() {
    store = Store.open(dir);
    List<AnalyzedArticle> batch = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      // three sources, 60/30/10 per cent; later articles are longer (rank lower), so the
      // search can skip them once it has the best ten
      String source = i % 10 < 6 ? "Wire A" : i % 10 < 9 ? "Wire B" : "Wire C";
      String text = (i % 7 != 0 ? "A border" : "A") + (i % 11 != 0 ? " report" : " note")
          + (i % 100 == 0 ? " on smuggling" : "") + " and more".repeat(i * 30 / ARTICLES) + ".";
      batch.add(new AnalyzedArticle(new Article("b" + i, null, source, "Item " + i, null,
          LocalDate.of(2024, 1 + i % 12, 1 + i % 28).toString(), "en", text, "test:b" + i,
          Instant.parse("2026-01-01T00:00:00Z")), Annotations.empty("en")));
      if (batch.size() == 2_000) {
        store.write(batch);
        batch.clear();
      }
    }
    store.write(batch);
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

  @Test
  void broadQueriesSayTheirCountsAreALowerBoundAndSampledEstimates() throws Exception {
    JsonNode r = Json.mapper().readTree(get("/api/v1/search?q=border+report&facets=true").body());
    assertThat(r.get("totalExact").asBoolean()).isFalse();
    assertThat(r.get("total").asLong()).isBetween((long) SearchIndex.COUNT_EXACT_UP_TO, BOTH);
    assertThat(r.get("items")).hasSize(10);
    assertThat(r.get("facetsExact").asBoolean()).isFalse();
    long counted = r.get("facetsCounted").asLong();
    // a sample of about SAMPLE_ABOVE of the matches (never thinner than a quarter of it), not all
    assertThat(counted).isBetween((long) Facets.SAMPLE_ABOVE / 4, (long) Facets.SAMPLE_ABOVE).isLessThan(BOTH);
    // scaled to all matches: each count within three standard errors of a sample of `counted`
    // of the true count (the sources hold about 60/30/10 per cent)
    JsonNode sources = r.get("facets").get("source_key");
    assertThat(sources.get(0).get("value").asText()).isEqualTo("Wire A");
    double[] shares = {0.6, 0.3, 0.1};
    for (int i = 0; i < shares.length; i++) {
      double p = shares[i];
      double tolerance = 300 * Math.sqrt(p * (1 - p) / counted) / p; // per cent
      assertThat((double) sources.get(i).get("count").asLong()).as("source %d", i)
          .isCloseTo(BOTH * p, org.assertj.core.data.Percentage.withPercentage(tolerance));
    }

    String page = get("/search?q=border+report").body();
    assertThat(page).contains(">at least </span>" + r.get("total").asLong() + " articles")
        .contains("id=\"facets-approx\"").contains("random sample of " + counted);
  }

  @Test
  void aSingleTermIsCountedExactlyAndNarrowQueriesAreExactThroughout() throws Exception {
    JsonNode one = Json.mapper().readTree(get("/api/v1/search?q=border&facets=true").body());
    assertThat(one.get("totalExact").asBoolean()).as("a term's count is known without counting").isTrue();
    assertThat(one.get("total").asLong()).isEqualTo(ARTICLES - (ARTICLES + 6) / 7);
    JsonNode narrow = Json.mapper().readTree(get("/api/v1/search?q=smuggling&facets=true").body());
    assertThat(narrow.get("totalExact").asBoolean()).isTrue();
    assertThat(narrow.get("total").asLong()).isEqualTo(ARTICLES / 100);
    assertThat(narrow.get("facetsExact").asBoolean()).isTrue();
    assertThat(narrow.get("facetsCounted").asLong()).isEqualTo(ARTICLES / 100);
    assertThat(narrow.get("facets").get("source_key").get(0).get("count").asLong()).isEqualTo(ARTICLES / 100);
    String page = get("/search?q=smuggling").body();
    assertThat(page).contains(">" + ARTICLES / 100 + " articles").doesNotContain("facets-approx")
        .doesNotContain("at least");
  }
}
