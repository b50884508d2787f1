package dev.vigil.cli;

import dev.vigil.internal.FileTrees;
import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.stories.MiniLmEmbedder;
import dev.vigil.stories.StoryClusterer;
import dev.vigil.stories.StoryUpdater;
import dev.vigil.store.Store;
import dev.vigil.store.StoryRow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil bench stories}: the MiniLM model's cost and story assignment latency. */
@Command(mixinStandardHelpOptions = true, name = "stories", sortOptions = false,
    description = {
        "Measure story assignment: MiniLM load time, vectors/s and heap, then the latency",
        "of storing one article and assigning it to its story (write + index + assign),",
        "article by article, over the bundled demo corpus in a fresh temporary data dir.",
        "With --stored N --tehran-times ARCHIVE: first fill a data dir with N articles",
        "replicated from the corpus (assigned to stories with TF-IDF only, to keep the",
        "build feasible), then ingest --measure held-out articles one at a time and report",
        "ingest->searchable and ingest->in-story latency (p50/p95/max).",
    })
final class BenchStoriesCommand implements Callable<Integer> {
  @Option(names = "--articles", paramLabel = "N", defaultValue = "600",
      description = "Articles to store one by one (default: ${DEFAULT-VALUE}; the corpus has 600).")
  int articles;

  @Option(names = "--stored", paramLabel = "N",
      description = "Articles in the store before measuring (needs --tehran-times).")
  Integer stored;

  @Option(names = "--tehran-times", paramLabel = "ARCHIVE",
      description = "The corpus the stored and measured articles come from.")
  Path tehranTimes;

  @Option(names = "--measure", paramLabel = "N", defaultValue = "200",
      description = "Articles ingested one at a time and measured (default ${DEFAULT-VALUE}).")
  int measure;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Build (or reuse, if it holds enough articles) the store here; default a temporary dir.")
  Path keep;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (stored != null) {
      if (tehranTimes == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--stored needs --tehran-times ARCHIVE");
      }
      return StoryLatencyBench.run(tehranTimes, stored, measure, keep, out);
    }
    List<AnalyzedArticle> corpus = demo(articles);
    long rssBefore = rssBytes();
    MiniLmEmbedder embedder = new MiniLmEmbedder();
    embedder.embed("load");
    long rssModel = rssBytes() - rssBefore; // ONNX Runtime holds the model outside the Java heap
    long t = System.nanoTime();
    for (AnalyzedArticle a : corpus) {
      String text = a.article().title() + ". " + a.article().text();
      embedder.embed(text.substring(0, Math.min(500, text.length())));
    }
    double vectorsPerSecond = corpus.size() / ((System.nanoTime() - t) / 1e9);
    out.printf(Locale.ROOT, "MiniLM: loaded in %d ms, resident memory +%.0f MB, %.1f vectors/s"
        + " (500-character leads, one thread)%n", embedder.loadMillis(), rssModel / 1048576.0,
        vectorsPerSecond);

    Path dir = Files.createTempDirectory("vigil-bench-stories");
    try (Store store = Store.open(dir)) {
      StoryUpdater updater = new StoryUpdater(new StoryClusterer(StoryClusterer.Settings.DEFAULT), embedder);
      long[] latency = new long[corpus.size()];
      long[] assignOnly = new long[corpus.size()];
      for (int i = 0; i < corpus.size(); i++) {
        long start = System.nanoTime();
        store.write(List.of(corpus.get(i)));
        long stored = System.nanoTime();
        updater.catchUp(store);
        long end = System.nanoTime();
        latency[i] = end - start;
        assignOnly[i] = end - stored;
      }
      List<StoryRow> stories = store.stories().stories(1);
      int largest = stories.stream().mapToInt(StoryRow::size).max().orElse(0);
      long multi = stories.stream().filter(s -> s.size() > 1).count();
      out.printf(Locale.ROOT, "store + index + assign, per article: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
          pct(latency, 50), pct(latency, 95), pct(latency, 100));
      out.printf(Locale.ROOT, "assign alone (features, candidates, scoring, write): median %.1f ms, p95 %.1f ms%n",
          pct(assignOnly, 50), pct(assignOnly, 95));
      out.printf(Locale.ROOT, "%d articles -> %d stories (%d of two or more articles), largest %d, %d merges%n",
          corpus.size(), stories.size(), multi, largest, store.stories().merges().size());
    } finally {
      FileTrees.deleteQuietly(dir);
    }
    return ExitCodes.OK;
  }

  /** The process's resident set size (Linux), or 0 where /proc is not there. */
  private static long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static double pct(long[] nanos, int p) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    int i = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
    return s[Math.max(0, i)] / 1e6;
  }

  /** The bundled demo corpus (Tehran Times), unannotated, one second apart. */
  @SuppressWarnings("unchecked")
  private static List<AnalyzedArticle> demo(int n) throws java.io.IOException {
    List<AnalyzedArticle> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        BenchStoriesCommand.class.getResourceAsStream("/demo/tehran-times-demo.jsonl.gz")), StandardCharsets.UTF_8))) {
      for (String line; out.size() < n && (line = r.readLine()) != null; ) {
        Map<String, Object> m = Json.read(line, Map.class);
        out.add(new AnalyzedArticle(new Article((String) m.get("id"), (String) m.get("url"),
            (String) m.get("source"), (String) m.get("title"), null, null, "en", (String) m.get("text"),
            "demo", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(out.size())), Annotations.empty("en")));
      }
    }
    return out;
  }
}
