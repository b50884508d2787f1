package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.TestFiles;
import dev.vigil.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  record Run(int status, String out, String err) {
    List<String> lines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
  }

  static Run vigil(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpListsEveryCommandOfTheContract() {
    Run r = vigil("--help");
    assertThat(r.status()).isZero();
    for (String command : List.of("demo", "serve", "ingest", "analyze", "extract", "search", "reindex", "bench", "export", "import", "eval")) {
      assertThat(r.out()).contains("  " + command);
    }
    assertThat(vigil("ingest", "--help").out()).contains("--data=DIR").contains(".jsonl");
  }

  @Test
  void exportThenImportRoundTripsThroughStix() throws Exception {
    Path data = dir.resolve("data");
    try (dev.vigil.store.Store store = dev.vigil.store.Store.open(data)) {
      store.write(List.of(dev.vigil.Articles.placed("p-1"),
          dev.vigil.Articles.of("o-1", "Other news", "Nothing happened in Herat.", "2025-01-01")));
    }
    Path geojson = dir.resolve("events.geojson");
    Run r = vigil("export", "--data", data.toString(), "--format", "geojson", "--out", geojson.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).contains("exported 2 articles with 1 events as geojson to " + geojson);
    var features = dev.vigil.internal.Json.mapper().readTree(geojson.toFile()).get("features");
    assertThat(features).hasSize(3);
    assertThat(java.nio.file.Files.exists(dir.resolve("events.geojson.part"))).isFalse();

    Run csv = vigil("export", "--data", data.toString(), "--format", "csv", "-q", "Herat");
    assertThat(csv.lines()).hasSize(1).first().asString().startsWith("event_id,event_date,year");
    Path bundle = dir.resolve("bundle.json");
    Run stix = vigil("export", "--data", data.toString(), "--format", "stix", "--out", bundle.toString());
    assertThat(stix.status()).isZero();
    Path partner = dir.resolve("partner");
    java.nio.file.Files.writeString(dir.resolve("broken.json"), "{\"type\": \"bundle\"");
    Run imported = vigil("import", "--data", partner.toString(), bundle.toString(),
        dir.resolve("broken.json").toString());
    assertThat(imported.status()).as("something was skipped").isEqualTo(3);
    assertThat(imported.out()).contains("Imported 2 reports with 1 events from 2 bundles; 1 skipped");
    assertThat(imported.err()).contains("skipped " + dir.resolve("broken.json") + ": not JSON");
    Run search = vigil("search", "--data", partner.toString(), "Khatlon");
    assertThat(search.out()).contains("Clash on the border");
    Run events = vigil("events", "--data", data.toString(), "--format", "jsonl");
    assertThat(events.lines()).singleElement().asString().contains("\"vigilType\":\"armed_clash\"")
        .contains("\"location\":\"Khatlon Region\"");
    assertThat(vigil("events", "--data", data.toString()).out())
        .contains("2025-11-17 armed_clash").contains("1 events");
    Run bad = vigil("export", "--data", data.toString(), "--format", "xml");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown export format 'xml'");
  }

  @Test
  void aUsageErrorExitsWithTwo() {
    Run r = vigil("search");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter");
  }

  @Test
  void analyzePrintsTheContractsJsonShapePerFile() throws Exception {
    Path seed = TestFiles.copy(TestFiles.SEED_BORDER, dir);
    Run r = vigil("analyze", "--published", "2025-11-20", seed.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.lines()).hasSize(1);
    JsonNode json = Json.mapper().readTree(r.lines().get(0));
    List<String> fields = new ArrayList<>();
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      fields.add(it.next());
    }
    assertThat(fields).startsWith("file", "id", "title", "published", "language", "text", "entities",
        "places", "times", "quotes", "events", "categories");
    assertThat(json.get("file").asText()).isEqualTo(seed.toString());
    assertThat(json.get("published").asText()).isEqualTo("2025-11-20");
    assertThat(json.get("language").asText()).isEqualTo("en");
    assertThat(json.get("title").asText()).startsWith("Russian Security Council Secretary");
    String text = json.get("text").asText();
    for (JsonNode s : json.get("sentences")) {
      int start = s.get("start").asInt();
      int end = s.get("end").asInt();
      assertThat(end).isGreaterThan(start).isLessThanOrEqualTo(text.length());
    }
    for (String list : List.of("entities", "places", "times", "quotes", "events", "categories")) {
      assertThat(json.get(list).isArray()).as(list).isTrue();
    }
  }

  @Test
  void analyzeReportsABadFileAndGoesOn() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    Path seed = TestFiles.copy(TestFiles.SEED_CIS, dir);
    Run r = vigil("analyze", empty.toString(), seed.toString());
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.err()).contains(empty + ": empty file");
    assertThat(r.lines()).hasSize(1);
    assertThat(vigil("analyze", "--published", "soon", seed.toString()).status()).isEqualTo(2);
  }

  @Test
  void extractPrintsOneLinePerPage() throws Exception {
    Path page = TestFiles.copy(TestFiles.PAGE_REUTERS, dir);
    Run r = vigil("extract", page.toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = Json.mapper().readTree(r.lines().get(0));
    assertThat(json.get("file").asText()).isEqualTo(page.toString());
    assertThat(json.get("title").asText()).contains("WeWork");
    assertThat(json.get("published").asText()).startsWith("2019-11-19");
    assertThat(json.get("body").asText()).contains("Attorney General");
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).startsWith("file", "url", "title", "byline", "published", "language", "body");
    assertThat(fields.subList(7, fields.size())).containsExactly("modified", "siteName", "canonicalUrl", "image");
  }

  @Test
  void ingestThenSearchThenReindex() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    TestFiles.copy(TestFiles.SEED_CIS, in);
    TestFiles.copy(TestFiles.SEED_BORDER, in);
    Files.writeString(in.resolve("bad.jsonl"), "{\"text\":\"Wire copy on opium seizures.\",\"source\":\"Wire\"}\n{oops\n");
    String data = dir.resolve("data").toString();

    Run ingest = vigil("ingest", "--data", data, "--quiet", "-v", in.toString());
    assertThat(ingest.status()).isEqualTo(3);
    assertThat(ingest.err()).contains(in.resolve("bad.jsonl") + ":2: malformed JSON");
    assertThat(ingest.out()).contains("Stored 3 new articles from 3 files; skipped 1 input");
    assertThat(ingest.lines()).filteredOn(l -> l.startsWith("inserted ")).hasSize(3);

    Run again = vigil("ingest", "--data", data, "--quiet", in.resolve("shoigu-cis-security-council.txt").toString());
    assertThat(again.status()).isZero();
    assertThat(again.out()).contains("Stored 0 new articles, 1 already stored");

    Run search = vigil("search", "--data", data, "Tajik", "border");
    assertThat(search.status()).isZero();
    assertThat(search.out()).startsWith("2 articles match Tajik border").contains("«Tajik»");
    Run jsonl = vigil("search", "--data", data, "--format", "jsonl", "opium");
    assertThat(jsonl.lines()).singleElement().satisfies(l -> assertThat(Json.mapper().readTree(l).get("source").asText()).isEqualTo("Wire"));
    Run bad = vigil("search", "--data", data, "foo AND (");
    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.err()).startsWith("vigil: error: cannot parse the query");

    Run reindex = vigil("reindex", "--data", data);
    assertThat(reindex.status()).isZero();
    assertThat(reindex.out()).contains("Indexed 3 articles");
    assertThat(vigil("search", "--data", data, "Tajik", "border").out()).isEqualTo(search.out());
    Run merged = vigil("reindex", "--data", data, "--max-segments", "1");
    assertThat(merged.status()).as(merged.err()).isZero();
    assertThat(merged.out()).contains("Merged into 1 segment in");
    assertThat(vigil("search", "--data", data, "Tajik", "border").out()).isEqualTo(search.out());
    assertThat(vigil("reindex", "--data", data, "--max-segments", "0").err()).contains("--max-segments must be at least 1");
  }

  @Test
  void ingestMarksAnOrganisationsOwnReports() throws Exception {
    Path in = Files.createDirectories(dir.resolve("own"));
    TestFiles.copy(TestFiles.SEED_BORDER, in);
    String data = dir.resolve("marked").toString();
    Run noOrg = vigil("ingest", "--data", data, "--tlp", "AMBER", in.toString());
    assertThat(noOrg.status()).isEqualTo(2);
    assertThat(noOrg.err()).contains("AMBER needs an owning organisation");
    assertThat(vigil("ingest", "--data", data, "--tlp", "PURPLE", "--org", "alpha", in.toString()).err())
        .contains("unknown TLP marking 'PURPLE'");
    Run ok = vigil("ingest", "--data", data, "--quiet", "--tlp", "amber+strict", "--org", "alpha", in.toString());
    assertThat(ok.status()).as(ok.err()).isZero();
    try (dev.vigil.store.Store store = dev.vigil.store.Store.open(Path.of(data))) {
      assertThat(store.articles().latest(0, 10)).singleElement().satisfies(a ->
          assertThat(store.articles().get(a.id()).orElseThrow().marking())
              .isEqualTo(dev.vigil.store.Marking.of("AMBER+STRICT", "alpha")));
      assertThat(store.articles().count(dev.vigil.store.Visibility.of("beta"))).isZero();
    }
  }

  @Test
  void aUrlThatCannotBeFetchedIsReportedAndSkipped() throws Exception {
    Files.writeString(dir.resolve("config.yaml"), "fetch:\n  host-delay-ms: 0\n  max-attempts: 1\n");
    try (dev.vigil.fetch.LoopbackServer server = dev.vigil.fetch.LoopbackServer.start()) {
      String url = server.url("/feed.xml");
      Run r = vigil("ingest", "--data", dir.toString(), "--quiet", url);
      assertThat(r.status()).isEqualTo(3);
      assertThat(r.err()).contains("vigil: skipped " + url + ": HTTP 404");
    }
  }

  @Test
  void aBadConfigFileStopsWithItsReason() throws Exception {
    Files.writeString(dir.resolve("config.yaml"), "ingest:\n  wokers: 2\n");
    Run r = vigil("ingest", "--data", dir.toString(), dir.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("unknown setting 'ingest.wokers'");
  }
}
