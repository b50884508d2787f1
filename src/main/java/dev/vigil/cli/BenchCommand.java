package dev.vigil.cli;

import dev.vigil.config.VigilConfig;
import dev.vigil.corpus.CorpusArticle;
import dev.vigil.corpus.TehranTimesCorpus;
import dev.vigil.model.TextStage;
import dev.vigil.pipeline.ArticleAnalysis;
import dev.vigil.pipeline.IngestPipeline;
import dev.vigil.internal.FileTrees;
import dev.vigil.pipeline.IngestReport;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil bench}: measured figures for the README. */
@Command(mixinStandardHelpOptions = true, name = "bench", description = "Benchmarks; each run prints its figures and writes a JSON report.",
    subcommands = {BenchCommand.Ingest.class, BenchExtractCommand.class, BenchStoriesCommand.class,
        BenchStorySizesCommand.class, BenchFeedsCommand.class, BenchExportCommand.class,
        BenchSearchCommand.class, BenchSearchCommand.Client.class, BenchScaleCommand.class,
        BenchLatencyCommand.class, BenchWebCommand.class, BenchFacetsCommand.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(mixinStandardHelpOptions = true, name = "ingest", sortOptions = false,
      description = {
          "Measure the whole pipeline: articles/s end to end and the time of each stage",
          "(extract, annotate with CoreNLP, link, geo, events, database, index, stories),",
          "MB/s, peak heap and RSS, store size per 100,000 articles. Ingests a corpus",
          "(default: the bundled demo corpus) into a fresh temporary data directory and",
          "writes a JSON report.",
      })
  static final class Ingest implements Callable<Integer> {
    @Option(names = "--tehran-times", paramLabel = "ARCHIVE",
        description = "Use the whole Tehran Times corpus (tehran-times.tar.xz), converted first.")
    Path tehranTimes;

    @Option(names = "--input", paramLabel = "PATH", description = "Use these files or folders instead.")
    List<Path> input;

    @Option(names = "--limit", paramLabel = "N",
        description = "Ingest only N articles of the corpus, spread evenly over it (the whole Tehran Times"
            + " corpus takes about 45 minutes on two idle cores).")
    Integer limit;

    @Option(names = "--workers", paramLabel = "N", description = "Analysis threads (default: one per core).")
    Integer workers;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "100",
        description = "Articles stored before the after-warm-up figures start (default: ${DEFAULT-VALUE}):"
            + " by then the models that load on first use are loaded and the JIT compiler has done most of its work.")
    int warmUp;

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
          List<CorpusArticle> all = new ArrayList<>();
          TehranTimesCorpus.read(tehranTimes, all::add);
          List<CorpusArticle> chosen = spread(all, limit);
          CorpusCommand.writeJsonl(chosen, jsonl);
          int n = chosen.size();
          prep.put("convertedArticles", n);
          prep.put("convertSeconds", BenchReports.round((System.nanoTime() - t0) / 1e9));
          out.printf(Locale.ROOT, "Converted %,d Tehran Times articles in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
          inputs = List.of(jsonl);
        } else if (input != null && !input.isEmpty()) {
          corpus = "custom";
          inputs = input;
        } else if (limit != null) {
          corpus = "demo";
          Path jsonl = work.resolve("demo.jsonl.gz");
          CorpusCommand.writeJsonl(spread(ReplicaLoader.demoCorpus(), limit), jsonl);
          inputs = List.of(jsonl);
        } else {
          corpus = "demo";
          inputs = List.of(DemoCommand.unpackCorpus(work.resolve("demo-input")));
        }
        long inputBytes = 0;
        for (Path p : inputs) {
          inputBytes += FileTrees.size(p);
        }
        Path dataDir = work.resolve("data");
        Components components = new Components();
        long loadStarted = System.nanoTime();
        components.annotator();
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
        BenchReports.HeapSampler peakHeap = new BenchReports.HeapSampler();
        IngestReport r;
        SteadyState steady = new SteadyState(new ProgressPrinter(out, err, false, false, System.console() != null), warmUp);
        StageTimer timer = new StageTimer();
        List<TextStage> stages = new ArrayList<>();
        for (TextStage stage : components.stages()) {
          stages.add(timer.stage(stageName(stage), stage));
        }
        ArticleAnalysis analysis = new ArticleAnalysis(timer.extractor(components.extractor()),
            timer.annotator(components.annotator()), stages, null, Clock.systemUTC());
        long storeBytes;
        long dbBytes;
        long indexBytes;
        try (Store store = Store.open(dataDir)) {
          IngestPipeline pipeline = IngestCommand.pipeline(store, VigilConfig.defaults(), analysis, workers);
          r = pipeline.run(inputs, steady);
          IngestPipeline.WriteTimes w = pipeline.writeTimes();
          timer.add("database", w.database().toNanos(), w.databaseCpu().toNanos(), r.articles());
          timer.add("index", w.index().toNanos(), w.indexCpu().toNanos(), r.articles());
          timer.add("stories", w.stories().toNanos(), w.storiesCpu().toNanos(), r.articles());
        }
        steady.end();
        peakHeap.close();
        dbBytes = FileTrees.size(dataDir.resolve(Store.DB_FILE)) + FileTrees.size(dataDir.resolve(Store.DB_FILE + "-wal"));
        indexBytes = FileTrees.size(dataDir.resolve(Store.INDEX_DIR));
        storeBytes = dbBytes + indexBytes;
        double seconds = r.elapsed().toMillis() / 1000.0;
        Map<String, Object> result = BenchReports.start("ingest");
        result.put("corpus", corpus);
        result.put("workers", workers != null ? workers : VigilConfig.defaults().ingestWorkers());
        result.putAll(prep);
        result.put("modelLoadSeconds", BenchReports.round(loadSeconds));
        result.put("articles", r.articles());
        result.put("skipped", r.skipped());
        result.put("seconds", BenchReports.round(seconds));
        result.put("articlesPerSecond", BenchReports.round(r.articles() / seconds));
        result.put("afterWarmUp", steady.report());
        result.put("inputMB", BenchReports.round(inputBytes / 1048576.0));
        result.put("inputMBPerSecond", BenchReports.round(inputBytes / 1048576.0 / seconds));
        result.put("peakHeapMB", BenchReports.round(peakHeap.peakBytes() / 1048576.0));
        result.put("peakRssMB", BenchReports.round(BenchReports.peakRssBytes() / 1048576.0));
        result.put("storeMB", BenchReports.round(storeBytes / 1048576.0));
        result.put("databaseMB", BenchReports.round(dbBytes / 1048576.0));
        result.put("indexMB", BenchReports.round(indexBytes / 1048576.0));
        result.put("stages", timer.report());
        result.put("storeMBPer100kArticles", r.articles() == 0 ? 0 : BenchReports.round(storeBytes / 1048576.0 * 100_000 / r.articles()));
        Path reportFile = BenchReports.write(result, report, "ingest-" + corpus);
        out.printf(Locale.ROOT, "%nbench ingest (%s): %,d articles in %.1f s = %.1f articles/s (%.2f MB/s),"
                + " %d workers%n  peak heap %.0f MB, peak RSS %.0f MB, store %.1f MB (%.0f MB per 100k articles)%n"
                + "  report: %s%n",
            corpus, r.articles(), seconds, r.articles() / seconds, inputBytes / 1048576.0 / seconds,
            result.get("workers"), peakHeap.peakBytes() / 1048576.0, BenchReports.peakRssBytes() / 1048576.0,
            storeBytes / 1048576.0, result.get("storeMBPer100kArticles"), reportFile);
        out.printf(Locale.ROOT, "  after warm-up: %s%n", steady.report());
        timer.report().forEach((stage, m) -> out.printf(Locale.ROOT, "  %-9s %s%n", stage, m));
        return ExitCodes.OK;
      } finally {
        FileTrees.deleteQuietly(work);
      }
    }

    /** {@code limit} articles spread evenly over {@code all} (all of them when null). */
    private static List<CorpusArticle> spread(List<CorpusArticle> all, Integer limit) {
      if (limit == null || limit >= all.size()) {
        return all;
      }
      List<CorpusArticle> out = new ArrayList<>(limit);
      for (int i = 0; i < limit; i++) {
        out.add(all.get((int) ((long) i * all.size() / limit)));
      }
      return out;
    }

    private static String stageName(TextStage stage) {
      return switch (stage.getClass().getSimpleName()) {
        case "EntityLinker" -> "link";
        case "Geocoder" -> "geo";
        case "EventExtractor" -> "events";
        default -> stage.getClass().getSimpleName();
      };
    }
  }
}
