package dev.vigil.cli;

import dev.vigil.config.VigilConfig;
import dev.vigil.internal.FileTrees;
import dev.vigil.internal.Json;
import dev.vigil.pipeline.IngestReport;
import dev.vigil.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil bench}: measured figures for the README. */
@Command(mixinStandardHelpOptions = true, name = "bench", description = "Benchmarks; each run prints its figures and writes a JSON report.",
    subcommands = {BenchCommand.Ingest.class, BenchExtractCommand.class, BenchStoriesCommand.class, BenchStorySizesCommand.class,
        BenchFeedsCommand.class, BenchExportCommand.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(mixinStandardHelpOptions = true, name = "ingest", sortOptions = false,
      description = {
          "Measure ingest: articles/s, MB/s, peak heap and RSS, store size.",
          "Ingests a corpus (default: the bundled demo corpus) into a fresh temporary",
          "data directory and writes a JSON report.",
      })
  static final class Ingest implements Callable<Integer> {
    @Option(names = "--tehran-times", paramLabel = "ARCHIVE",
        description = "Use the whole Tehran Times corpus (tehran-times.tar.xz), converted first.")
    Path tehranTimes;

    @Option(names = "--input", paramLabel = "PATH", description = "Use these files or folders instead.")
    List<Path> input;

    @Option(names = "--workers", paramLabel = "N", description = "Analysis threads (default: one per core).")
    Integer workers;

    @Option(names = "--report", paramLabel = "FILE",
        description = "Where to write the JSON report (default: bench-results/ingest-<corpus>-<time>.json).")
    Path report;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path work = Files.createTempDirectory("vigil-bench-");
      try {
        String corpus;
        List<Path> inputs;
        Map<String, Object> prep = new LinkedHashMap<>();
        if (tehranTimes != null) {
          corpus = "tehran-times";
          Path jsonl = work.resolve("tehran-times.jsonl.gz");
          long t0 = System.nanoTime();
          int n = CorpusCommand.convertTehranTimes(tehranTimes, jsonl);
          prep.put("convertedArticles", n);
          prep.put("convertSeconds", round((System.nanoTime() - t0) / 1e9));
          out.printf(Locale.ROOT, "Converted %,d Tehran Times articles in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
          inputs = List.of(jsonl);
        } else if (input != null && !input.isEmpty()) {
          corpus = "custom";
          inputs = input;
        } else {
          corpus = "demo";
          inputs = List.of(DemoCommand.unpackCorpus(work.resolve("demo-input")));
        }
        long inputBytes = 0;
        for (Path p : inputs) {
          inputBytes += FileTrees.size(p);
        }
        Path dataDir = work.resolve("data");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
          while (!Thread.currentThread().isInterrupted()) {
            peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
              Thread.sleep(50);
            } catch (InterruptedException e) {
              return;
            }
          }
        }, "vigil-bench-memory");
        sampler.setDaemon(true);
        Components components = new Components();
        long loadStarted = System.nanoTime();
        components.annotator();
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
        sampler.start();
        IngestReport r;
        long storeBytes;
        long dbBytes;
        long indexBytes;
        try (Store store = Store.open(dataDir)) {
          r = IngestCommand.ingest(store, VigilConfig.defaults(), components, inputs, null, workers,
              new ProgressPrinter(out, err, false, false, System.console() != null));
        }
        sampler.interrupt();
        dbBytes = FileTrees.size(dataDir.resolve(Store.DB_FILE)) + FileTrees.size(dataDir.resolve(Store.DB_FILE + "-wal"));
        indexBytes = FileTrees.size(dataDir.resolve(Store.INDEX_DIR));
        storeBytes = dbBytes + indexBytes;
        double seconds = r.elapsed().toMillis() / 1000.0;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "ingest");
        result.put("corpus", corpus);
        result.put("time", Instant.now().toString());
        result.put("machine", machine());
        result.put("workers", workers != null ? workers : VigilConfig.defaults().ingestWorkers());
        result.putAll(prep);
        result.put("modelLoadSeconds", round(loadSeconds));
        result.put("articles", r.articles());
        result.put("skipped", r.skipped());
        result.put("seconds", round(seconds));
        result.put("articlesPerSecond", round(r.articles() / seconds));
        result.put("inputMB", round(inputBytes / 1048576.0));
        result.put("inputMBPerSecond", round(inputBytes / 1048576.0 / seconds));
        result.put("peakHeapMB", round(peakHeap.get() / 1048576.0));
        result.put("peakRssMB", round(peakRssBytes() / 1048576.0));
        result.put("storeMB", round(storeBytes / 1048576.0));
        result.put("databaseMB", round(dbBytes / 1048576.0));
        result.put("indexMB", round(indexBytes / 1048576.0));
        result.put("storeMBPer100kArticles", r.articles() == 0 ? 0 : round(storeBytes / 1048576.0 * 100_000 / r.articles()));
        Path reportFile = report != null ? report : Path.of("bench-results",
            "ingest-" + corpus + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now()) + ".json");
        if (reportFile.getParent() != null) {
          Files.createDirectories(reportFile.getParent());
        }
        Files.writeString(reportFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        out.printf(Locale.ROOT, "%nbench ingest (%s): %,d articles in %.1f s = %.1f articles/s (%.2f MB/s),"
                + " %d workers%n  peak heap %.0f MB, peak RSS %.0f MB, store %.1f MB (%.0f MB per 100k articles)%n"
                + "  report: %s%n",
            corpus, r.articles(), seconds, r.articles() / seconds, inputBytes / 1048576.0 / seconds,
            result.get("workers"), peakHeap.get() / 1048576.0, peakRssBytes() / 1048576.0,
            storeBytes / 1048576.0, result.get("storeMBPer100kArticles"), reportFile);
        return ExitCodes.OK;
      } finally {
        FileTrees.deleteQuietly(work);
      }
    }
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("maxHeapMB", Runtime.getRuntime().maxMemory() / 1048576);
    m.put("java", System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          m.put("cpu", line.substring(line.indexOf(':') + 1).strip());
          break;
        }
      }
    } catch (IOException ignored) {
      // not Linux
    }
    return m;
  }

  /** Peak resident set size of this process (Linux), or -1. */
  static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException ignored) {
      // not Linux
    }
    return -1;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
