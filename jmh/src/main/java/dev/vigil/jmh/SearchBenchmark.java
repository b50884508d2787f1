package dev.vigil.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.store.SearchQuery;
import dev.vigil.store.SearchResults;
import dev.vigil.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A search as {@code GET /api/v1/search} runs it (parse with Vigil's query syntax, search,
 * count, 20 hits with snippets) over a small store: the 600 articles of the demo corpus,
 * stored and indexed in a temporary data directory (small enough to sit in the page cache).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class SearchBenchmark {
  @Param({"Tajik border", "\"ISIS-K\" OR Taliban", "drugs AND Afghanistan -Iran",
      "title:refugees"})
  public String query;

  private Path dataDir;
  private Store store;

  @Setup
  public void setUp() throws IOException {
    dataDir = Files.createTempDirectory("vigil-jmh-search");
    store = Store.open(dataDir);
    store.write(demoArticles());
  }

  @TearDown
  public void tearDown() throws IOException {
    store.close();
    try (Stream<Path> paths = Files.walk(dataDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public SearchResults search() {
    return store.index().search(SearchQuery.of(query));
  }

  /** The demo corpus as stored articles, without annotations (the index needs the text only). */
  private static List<AnalyzedArticle> demoArticles() {
    ObjectMapper json = new ObjectMapper();
    String lines = Fixtures.text("/demo/tehran-times-demo.jsonl.gz");
    List<AnalyzedArticle> articles = new ArrayList<>();
    Instant now = Instant.now();
    for (String line : lines.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode a = json.readTree(line);
        articles.add(new AnalyzedArticle(new Article(a.get("id").asText(), a.path("url").asText(null),
            a.path("source").asText(null), a.path("title").asText(null), null, null, "en",
            a.get("text").asText(), "tehran-times-demo.jsonl", now), Annotations.empty("en")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return articles;
  }
}
