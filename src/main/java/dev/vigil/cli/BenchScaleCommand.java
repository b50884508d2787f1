package dev.vigil.cli;

import dev.vigil.internal.FileTrees;
import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.store.Store;
import dev.vigil.stories.StoryUpdater;
import dev.vigil.web.WebServer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench scale}: how ingest rate, search latency, story assignment, store size and
 * memory grow with the number of stored articles. Grows one store through the given sizes with
 * replicated articles ({@link dev.vigil.corpus.CorpusReplicator}) and measures at each size.
 * With {@code --data} the store is kept and a later run resumes where it stopped.
 */
@Command(mixinStandardHelpOptions = true, name = "scale", sortOptions = false,
    description = {
        "Grow a store to each size of --articles with replicated real articles (extract,",
        "store, index; no CoreNLP) and measure at each size: ingest rate, search p50/p95/p99",
        "with --clients concurrent clients from a second process, story assignment latency",
        "of new articles, store size, heap after GC and RSS. Writes the JSON report and an",
        "SVG plot after each size. With --data DIR the store is kept, and running the same",
        "command again resumes from the articles already stored (same --report to keep the",
        "sizes measured before).",
    })
final class BenchScaleCommand implements Callable<Integer> {
  private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

  @Option(names = "--articles", split = ",", defaultValue = "10000,100000,1000000", paramLabel = "N,...",
      description = "Store sizes to measure at (default: ${DEFAULT-VALUE}).")
  List<Long> sizes;

  @Option(names = "--tehran-times", paramLabel = "ARCHIVE",
      description = "Replicate the Tehran Times corpus (tehran-times.tar.xz; default: the 600-article demo corpus).")
  Path tehranTimes;

  @Option(names = "--data", paramLabel = "DIR", description = "Keep the store here (and resume it); default: a temporary directory.")
  Path data;

  @Option(names = "--clients", defaultValue = "8", description = "Concurrent search clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--search-seconds", defaultValue = "20", description = "Measured search time per size (default: ${DEFAULT-VALUE}).")
  double searchSeconds;

  @Option(names = "--warmup", defaultValue = "5", description = "Search warm-up per size (default: ${DEFAULT-VALUE}).")
  double warmup;

  @Option(names = "--stories", defaultValue = "100",
      description = "New articles assigned to stories one by one at each size, for the latency (default: ${DEFAULT-VALUE}; 0: skip).")
  int stories;

  @Option(names = "--seed", defaultValue = "11", description = "Replication seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--report", paramLabel = "FILE", description = "JSON report (default: bench-results/scale-<time>.json); the plot goes beside it as .svg.")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path reportFile = report != null ? report : Path.of("bench-results",
        "scale-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()) + ".json");
    Map<String, Object> result = BenchReports.start("scale");
    List<Map<String, Object>> levels = new ArrayList<>();
    if (data != null && Files.exists(reportFile)) {
      Map<String, Object> before = Json.read(Files.readString(reportFile), Map.class);
      levels.addAll((List<Map<String, Object>>) before.getOrDefault("levels", List.of()));
    }
    Path work = Files.createTempDirectory("vigil-bench-scale");
    Path dir = data != null ? data : work.resolve("data");
    try {
      long t0 = System.nanoTime();
      ReplicaLoader loader = new ReplicaLoader(ReplicaLoader.replicator(tehranTimes, seed), new Components().extractor());
      out.printf(Locale.ROOT, "bench scale: %,d source articles (%s) ready in %.1f s%n",
          loader.replicator().sourceCount(), tehranTimes != null ? tehranTimes : "demo corpus", (System.nanoTime() - t0) / 1e9);
      out.flush();
      result.put("corpus", tehranTimes != null ? "tehran-times" : "demo");
      result.put("sourceArticles", loader.replicator().sourceCount());
      result.put("seed", seed);
      result.put("searchClients", clients);
      result.put("note", "ingest = replicate + extract + store + index, one producer thread and one writer; no CoreNLP");
      result.put("levels", levels);
      StoryUpdater updater = stories > 0 ? StoryUpdater.standard() : null;
      try (Store store = Store.open(dir); BenchReports.HeapSampler heap = new BenchReports.HeapSampler()) {
        store.catchUpIndex(n -> {}); // a killed run may have left articles unindexed
        for (long size : sizes.stream().sorted().toList()) {
          if (levels.stream().anyMatch(l -> ((Number) l.get("articles")).longValue() >= size)) {
            continue; // measured by the run this one resumes
          }
          long have = store.articles().count();
          if (have > size) {
            out.printf(Locale.ROOT, "the store already holds %,d articles, more than %,d: skipped%n", have, size);
            continue;
          }
          heap.reset();
          Map<String, Object> level = new LinkedHashMap<>();
          level.put("articles", size);
          ReplicaLoader.Times times = loader.load(store, have, size, progress(out, have, size));
          double seconds = times.wallNanos() / 1e9;
          level.put("addedArticles", times.articles());
          level.put("ingestSeconds", BenchReports.round(seconds));
          level.put("ingestArticlesPerSecond", times.articles() == 0 ? null : BenchReports.round(times.articles() / seconds));
          level.put("ingestMsPerArticle", perArticle(times));
          // CPU time of the two threads (not GC or Lucene's merge threads): what an idle machine would give
          Map<String, Object> cpu = new LinkedHashMap<>();
          cpu.put("replicateAndExtractThread", BenchReports.round(times.producerCpuNanos() / 1e6 / Math.max(1, times.articles())));
          cpu.put("storeAndIndexThread", BenchReports.round(times.writerCpuNanos() / 1e6 / Math.max(1, times.articles())));
          level.put("ingestCpuMsPerArticle", cpu);
          level.put("peakHeapMBWhileIngesting", BenchReports.mb(heap.peakBytes()));
          System.gc();
          level.put("heapAfterGcMB", BenchReports.mb(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()));
          level.put("rssMB", BenchReports.mb(BenchReports.rssBytes()));
          level.put("peakRssMB", BenchReports.mb(BenchReports.peakRssBytes()));
          long db = FileTrees.size(dir.resolve(Store.DB_FILE)) + FileTrees.size(dir.resolve(Store.DB_FILE + "-wal"));
          long index = FileTrees.size(dir.resolve(Store.INDEX_DIR));
          level.put("databaseMB", BenchReports.mb(db));
          level.put("indexMB", BenchReports.mb(index));
          level.put("storeMB", BenchReports.mb(db + index));
          level.put("storeMBPer100kArticles", BenchReports.round((db + index) / 1048576.0 * 100_000 / size));
          out.printf(Locale.ROOT, "%,d articles: ingest %.0f articles/s; store %.0f MB (database %.0f, index %.0f);"
                  + " heap after GC %.0f MB, RSS %.0f MB%n", size, times.articles() / Math.max(seconds, 1e-9),
              (db + index) / 1048576.0, db / 1048576.0, index / 1048576.0, level.get("heapAfterGcMB"), level.get("rssMB"));
          out.flush();
          WebServer server = SearchLoad.serve(store);
          try {
            List<String> mix = SearchLoad.queryMix(store, 5000, seed);
            List<Map<String, Object>> search = SearchLoad.run("http://127.0.0.1:" + server.port(), mix,
                List.of(clients), searchSeconds, warmup, work, out);
            level.put("search", search.get(0));
          } finally {
            server.close();
          }
          if (updater != null) {
            level.put("stories", storyLatency(store, loader, updater, out));
          }
          levels.add(level);
          BenchReports.write(result, reportFile, "scale");
          Files.writeString(svgBeside(reportFile), ScalePlot.svg(levels));
        }
      }
      BenchReports.write(result, reportFile, "scale");
      Files.writeString(svgBeside(reportFile), ScalePlot.svg(levels));
      out.println("  report: " + reportFile + ", plot: " + svgBeside(reportFile));
      return ExitCodes.OK;
    } finally {
      FileTrees.deleteQuietly(work);
    }
  }

  private static Map<String, Object> perArticle(ReplicaLoader.Times t) {
    Map<String, Object> m = new LinkedHashMap<>();
    double n = Math.max(1, t.articles());
    m.put("replicate", BenchReports.round(t.generateNanos() / 1e6 / n));
    m.put("extract", BenchReports.round(t.extractNanos() / 1e6 / n));
    m.put("database", BenchReports.round(t.databaseNanos() / 1e6 / n));
    m.put("index", BenchReports.round(t.indexNanos() / 1e6 / n));
    return m;
  }

  /**
   * Stores {@code stories} new replicas one at a time and assigns each to its story. The bulk
   * articles are skipped by the story cursor (assigning a million would take hours), so the
   * candidates come from the whole index but the stories are only those of the samples.
   */
  private Map<String, Object> storyLatency(Store store, ReplicaLoader loader, StoryUpdater updater, PrintWriter out) {
    store.stories().update(tx -> {
      tx.setAssignedUpTo(Math.max(tx.assignedUpTo(), store.index().indexedUpTo()));
      return null;
    });
    long next = store.articles().count();
    long[] total = new long[stories];
    long[] assign = new long[stories];
    int done = 0;
    for (long n = next; done < stories; n++) {
      AnalyzedArticle a = loader.article(n);
      // replica numbers and stored articles differ by the replicas that could not be made, so
      // the first numbers past the count may be stored already; an unchanged article would be
      // measured as written and assigned in no time
      if (a == null || store.articles().contains(a.article().id())) {
        continue;
      }
      long t0 = System.nanoTime();
      store.write(List.of(a));
      long t1 = System.nanoTime();
      updater.catchUp(store);
      long t2 = System.nanoTime();
      total[done] = t2 - t0;
      assign[done] = t2 - t1;
      done++;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("articles", stories);
    m.put("storeIndexAssign", BenchReports.percentiles(total));
    m.put("assignOnly", BenchReports.percentiles(assign));
    out.printf(Locale.ROOT, "  story assignment of %d new articles: store+index+assign p50 %s ms, p95 %s ms;"
        + " assign alone p50 %s ms%n", stories, ((Map<?, ?>) m.get("storeIndexAssign")).get("p50Ms"),
        ((Map<?, ?>) m.get("storeIndexAssign")).get("p95Ms"), ((Map<?, ?>) m.get("assignOnly")).get("p50Ms"));
    out.flush();
    return m;
  }

  /** Prints done, rate and ETA every ten seconds. */
  private static java.util.function.LongConsumer progress(PrintWriter out, long have, long target) {
    long started = System.nanoTime();
    long[] last = {started};
    return stored -> {
      long now = System.nanoTime();
      if (now - last[0] < PROGRESS_EVERY_NANOS) {
        return;
      }
      last[0] = now;
      double rate = stored / ((now - started) / 1e9);
      long left = target - have - stored;
      out.printf(Locale.ROOT, "  %,d / %,d articles, %.0f articles/s, ETA %s%n", have + stored, target, rate,
          java.time.Duration.ofSeconds((long) (left / Math.max(rate, 1e-9))).toString().substring(2).toLowerCase(Locale.ROOT));
      out.flush();
    };
  }

  static Path svgBeside(Path json) {
    String name = json.getFileName().toString().replaceFirst("\\.json$", "");
    return json.resolveSibling(name + ".svg");
  }
}
