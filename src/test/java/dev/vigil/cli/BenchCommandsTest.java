package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.internal.Json;
import dev.vigil.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each benchmark runs on a tiny input and writes a well-formed report; no timing is asserted. */
class BenchCommandsTest {
  @TempDir Path dir;

  private static JsonNode report(Path file) throws Exception {
    assertThat(file).exists();
    JsonNode r = Json.mapper().readTree(file.toFile());
    assertThat(r.get("machine").get("cores").asInt()).isPositive();
    return r;
  }

  @Test
  void searchDrivesAServerFromAChildProcessAtEachConcurrency() throws Exception {
    Path data = dir.resolve("data");
    ReplicaLoader loader = new ReplicaLoader(ReplicaLoader.replicator(null, 3), new Components().extractor());
    try (Store store = Store.open(data)) {
      loader.load(store, 0, 80, n -> {});
      assertThat(store.index().documentCount()).isEqualTo(80);
    }
    Path file = dir.resolve("search.json");
    CliTest.Run r = CliTest.vigil("bench", "search", "--data", data.toString(), "--clients", "1,2",
        "--seconds", "1", "--warmup", "0", "--queries", "40", "--report", file.toString());
    assertThat(r.status()).as(r.out() + r.err()).isZero();
    JsonNode report = report(file);
    assertThat(report.get("benchmark").asText()).isEqualTo("search");
    assertThat(report.get("articles").asLong()).isEqualTo(80);
    assertThat(report.get("levels")).hasSize(2);
    for (JsonNode level : report.get("levels")) {
      assertThat(level.get("requests").asLong()).isPositive();
      assertThat(level.get("errors").asLong()).isZero();
      assertThat(level.get("p95Ms").asDouble()).isGreaterThanOrEqualTo(level.get("p50Ms").asDouble());
    }
  }

  @Test
  void facetsCompareSampledCountsWithExactOnes() throws Exception {
    Path data = dir.resolve("facets-data");
    ReplicaLoader loader = new ReplicaLoader(ReplicaLoader.replicator(null, 5), new Components().extractor());
    try (Store store = Store.open(data)) {
      loader.load(store, 0, 400, n -> {});
    }
    Path file = dir.resolve("facets.json");
    CliTest.Run r = CliTest.vigil("bench", "facets", "--data", data.toString(), "--samples", "100000,40",
        "--query", "said", "--query", "the", "--min-count", "1", "--report", file.toString());
    assertThat(r.status()).as(r.out() + r.err()).isZero();
    JsonNode levels = report(file).get("levels");
    // a sample larger than the matches counts every match: exactly the exact counts
    assertThat(levels.get(0).get("valuesCompared").asInt()).isPositive();
    assertThat(levels.get(0).get("meanRelativeError").asDouble()).isZero();
    assertThat(levels.get(0).get("topOverlap").asDouble()).isEqualTo(1.0);
    // a sample of 40 of some hundreds of matches is an estimate
    assertThat(levels.get(1).get("meanRelativeError").asDouble()).isPositive();
  }

  @Test
  void latencyFindsEveryNewArticleAndItsStory() throws Exception {
    Path file = dir.resolve("latency.json");
    CliTest.Run r = CliTest.vigil("bench", "latency", "--articles", "40", "--samples", "4", "--batch", "2",
        "--stories", "--report", file.toString());
    assertThat(r.status()).as(r.out() + r.err()).isZero();
    JsonNode report = report(file);
    assertThat(report.get("ingestToSearchable").get("count").asInt()).isEqualTo(4);
    assertThat(report.get("ingestToSearchable").get("p50Ms").asDouble()).isPositive();
    assertThat(report.get("ingestToInStory").get("p99Ms").asDouble())
        .isGreaterThanOrEqualTo(report.get("ingestToSearchable").get("p50Ms").asDouble());
  }

  @Test
  void scaleMeasuresEachSizeWritesAPlotAndResumes() throws Exception {
    Path file = dir.resolve("scale.json");
    Path data = dir.resolve("scale-data");
    String[] args = {"bench", "scale", "--articles", "30,60", "--data", data.toString(), "--stories", "0",
        "--search-seconds", "0.5", "--warmup", "0", "--report", file.toString()};
    CliTest.Run r = CliTest.vigil(args);
    assertThat(r.status()).as(r.out() + r.err()).isZero();
    JsonNode report = report(file);
    assertThat(report.get("levels")).hasSize(2);
    JsonNode last = report.get("levels").get(1);
    assertThat(last.get("articles").asLong()).isEqualTo(60);
    assertThat(last.get("addedArticles").asLong()).isEqualTo(30);
    assertThat(last.get("storeMB").asDouble()).isPositive();
    assertThat(last.get("search").get("requests").asLong()).isPositive();
    assertThat(Files.readString(dir.resolve("scale.svg"))).startsWith("<svg").contains("<circle");

    // a second run with one more size keeps the sizes measured and grows the same store
    args[3] = "30,60,90";
    r = CliTest.vigil(args);
    assertThat(r.status()).as(r.out() + r.err()).isZero();
    report = report(file);
    assertThat(report.get("levels")).hasSize(3);
    assertThat(report.get("levels").get(2).get("addedArticles").asLong()).isEqualTo(30);
  }

  @Test
  void ingestTimesEveryStageOfThePipeline() throws Exception {
    Path file = dir.resolve("ingest.json");
    CliTest.Run r = CliTest.vigil("bench", "ingest", "--limit", "2", "--workers", "1", "--warm-up", "1",
        "--report", file.toString());
    assertThat(r.status()).as(r.out() + r.err()).isZero();
    JsonNode report = report(file);
    assertThat(report.get("articles").asLong()).isEqualTo(2);
    JsonNode stages = report.get("stages");
    for (String stage : new String[] {"extract", "annotate", "link", "geo", "events", "database", "index", "stories"}) {
      assertThat(stages.get(stage).get("articles").asLong()).as(stage).isEqualTo(2);
    }
    assertThat(report.get("storeMBPer100kArticles").asDouble()).isPositive();
    JsonNode after = report.get("afterWarmUp");
    assertThat(after.get("warmUpArticles").asLong()).isBetween(1L, 2L);
    assertThat(after.get("cpuMsPerArticle").asDouble()).isNotNegative();
    assertThat(stages.get("annotate").get("cpuMsPerArticle").asDouble()).isPositive();
  }
}
