package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.Articles;
import dev.vigil.internal.Json;
import dev.vigil.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil bench web} over a small real store, with the real server and headless Chromium. */
class BenchWebIT {
  @TempDir Path dir;

  @Test
  void measuresEveryPageAndTheHomePagesPaint() throws Exception {
    Path data = dir.resolve("data");
    try (Store store = Store.open(data)) {
      store.write(Articles.demo(30));
      store.write(List.of(Articles.placed("p-1")));
    }
    Path report = dir.resolve("web.json");
    CliTest.Run r = CliTest.vigil("bench", "web", "--data", data.toString(), "--rounds", "3", "--loads", "2",
        "--query", "Afghanistan", "--report", report.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("bench web (data, 31 articles)").contains("first contentful paint")
        .contains("bar: every page p95 < 300 ms").contains("report: " + report);

    JsonNode json = Json.mapper().readTree(report.toFile());
    List<String> names = new ArrayList<>();
    for (JsonNode page : json.get("pages")) {
      names.add(page.get("name").asText());
      assertThat(page.get("p50").asDouble()).as(page.toString()).isPositive();
      assertThat(page.get("p95").asDouble()).isGreaterThanOrEqualTo(page.get("p50").asDouble());
      assertThat(page.get("max").asDouble()).isGreaterThanOrEqualTo(page.get("p95").asDouble());
      assertThat(page.get("bytes").asLong()).isPositive();
    }
    assertThat(names).contains("home", "stories", "search + facets", "article", "map", "api: map",
        "api: search + facets");
    JsonNode paint = json.get("homePaint");
    assertThat(paint.get("firstContentfulPaintMs").asDouble()).isPositive()
        .isGreaterThanOrEqualTo(paint.get("firstPaintMs").asDouble());
    assertThat(json.get("articles").asLong()).isEqualTo(31);
  }

  @Test
  void aMissingDataDirectoryIsNamed() {
    CliTest.Run r = CliTest.vigil("bench", "web", "--data", dir.resolve("nothing").toString());
    assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("no data directory at " + dir.resolve("nothing"));
    assertThat(CliTest.vigil("bench", "web", "--rounds", "0").err()).contains("--rounds and --loads must be at least 1");
  }
}
