package dev.vigil.cli;

import dev.vigil.stories.ClusteringScores;
import dev.vigil.stories.Embedder;
import dev.vigil.stories.HeadlineCsv;
import dev.vigil.stories.MemoryClustering;
import dev.vigil.stories.MiniLmEmbedder;
import dev.vigil.stories.StoryClusterer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil eval clustering FILE}: streaming story clustering against gold stories. */
@Command(mixinStandardHelpOptions = true, name = "clustering", sortOptions = false,
    description = {
        "Stream labelled headlines (UCI News Aggregator CSV: ID,TITLE,...,PUBLISHER,...,",
        "STORY,...,TIMESTAMP) in timestamp order through the story clusterer and print",
        "B-cubed and pairwise precision/recall/F1, the number of stories and headlines/s.",
        "E.g. vigil eval clustering ../shared/data/dev/clustering/uci-news-stories-dev.csv",
        "Threshold options take comma-separated lists to try a grid (embeddings are",
        "computed once); the first run's speed includes embedding, later runs reuse it.",
        "Arrivals are embedded in batches of --batch (the stream's buffer; the next batch",
        "on a second thread while this one is assigned), then indexed and assigned one",
        "at a time in timestamp order.",
    })
final class EvalClusteringCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "The labelled CSV.")
  Path file;

  @Option(names = "--no-embeddings", description = "TF-IDF only (no MiniLM).")
  boolean noEmbeddings;

  @Option(names = "--join", paramLabel = "X", split = ",", description = "Join threshold(s).")
  List<Double> join;

  @Option(names = "--merge", paramLabel = "X", split = ",", description = "Merge threshold(s).")
  List<Double> merge;

  @Option(names = "--embedding-weight", paramLabel = "X", split = ",",
      description = "Weight(s) of the embedding cosine beside TF-IDF's.")
  List<Double> embeddingWeight;

  @Option(names = "--link-weight", paramLabel = "X", split = ",",
      description = "Weight(s) of the closest members beside the story centroid.")
  List<Double> link;

  @Option(names = "--time-scale-hours", paramLabel = "H", split = ",",
      description = "Time scale(s) of the similarity's decay with time distance, in hours.")
  List<Double> timeScale;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "256",
      description = "Arrivals embedded together (default ${DEFAULT-VALUE}, the page size StoryUpdater embeds stored articles in); each is still assigned alone, in order.")
  int batch;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "ONNX Runtime threads per MiniLM call (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--assignments", paramLabel = "FILE",
      description = "Also write id,gold story,story lines here (last run of a grid).")
  Path assignments;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int[] skipped = {0};
    List<HeadlineCsv.Headline> headlines = HeadlineCsv.read(file, p -> {
      err.println(p);
      skipped[0]++;
    });
    if (batch < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--batch must be at least 1: " + batch);
    }
    MiniLmEmbedder miniLm = noEmbeddings ? null : new MiniLmEmbedder(threads);
    Embedder embedder = null;
    if (miniLm != null) {
      miniLm.embed("warm up"); // load time is reported apart from the stream's speed
      embedder = new CachedEmbedder(miniLm);
    }
    Map<String, String> gold = new HashMap<>();
    headlines.forEach(h -> gold.put(h.id(), h.story()));
    StoryClusterer.Settings d = StoryClusterer.Settings.DEFAULT;
    out.printf(Locale.ROOT, "%s: %,d headlines, %d gold stories%s%n", file, headlines.size(),
        new java.util.HashSet<>(gold.values()).size(),
        miniLm == null ? ", TF-IDF only" : ", MiniLM loaded in " + miniLm.loadMillis() + " ms");
    for (double j : orDefault(join, d.join())) {
      for (double m : orDefault(merge, d.merge())) {
        for (double e : orDefault(embeddingWeight, d.embeddingWeight())) {
          for (double l : orDefault(link, d.linkWeight())) {
            for (double h : orDefault(timeScale, d.timeScaleMs() / 3_600_000.0)) {
              StoryClusterer.Settings s = d.with(j, m, e, l, (long) (h * 3_600_000));
              run(s, headlines, gold, embedder, out);
            }
          }
        }
      }
    }
    return skipped[0] > 0 ? ExitCodes.SKIPPED : ExitCodes.OK;
  }

  private void run(StoryClusterer.Settings s, List<HeadlineCsv.Headline> headlines,
      Map<String, String> gold, Embedder embedder, PrintWriter out) throws Exception {
    long started = System.nanoTime();
    long cpuStarted = processCpuNanos();
    Map<String, Long> predicted;
    int merges;
    try (MemoryClustering clustering = new MemoryClustering(new StoryClusterer(s), embedder)) {
      List<List<MemoryClustering.Arrival>> batches = new ArrayList<>();
      for (int i = 0; i < headlines.size(); i += batch) {
        List<MemoryClustering.Arrival> arrivals = new ArrayList<>();
        for (HeadlineCsv.Headline h : headlines.subList(i, Math.min(headlines.size(), i + batch))) {
          arrivals.add(new MemoryClustering.Arrival(h.id(), h.timestampMs(), h.title(), "", null));
        }
        batches.add(arrivals);
      }
      // the next batch is embedded while this one is assigned, as a stream's buffer fills
      clustering.addAllAhead(batches, done -> { });
      predicted = clustering.stories().assignments();
      merges = clustering.stories().merges().size();
    }
    double cpuMs = (processCpuNanos() - cpuStarted) / 1e6;
    double seconds = (System.nanoTime() - started) / 1e9;
    ClusteringScores scores = ClusteringScores.of(gold, predicted);
    out.printf(Locale.ROOT, "join %.2f merge %.2f embedding %.2f link %.2f time scale %.1f h%n",
        s.join(), s.merge(), s.embeddingWeight(), s.linkWeight(), s.timeScaleMs() / 3_600_000.0);
    out.printf(Locale.ROOT, "  B-cubed   P %.3f  R %.3f  F1 %.3f%n", scores.bcubedPrecision(),
        scores.bcubedRecall(), scores.bcubedF1());
    out.printf(Locale.ROOT, "  pairwise  P %.3f  R %.3f  F1 %.3f%n", scores.pairPrecision(),
        scores.pairRecall(), scores.pairF1());
    out.printf(Locale.ROOT, "  stories %d (%d merges), %.0f headlines/s (%.1f s), CPU %.2f ms/headline%n",
        scores.predictedClusters(), merges, scores.items() / seconds, seconds, cpuMs / scores.items());
    out.flush();
    if (assignments != null) {
      List<String> lines = new ArrayList<>();
      for (HeadlineCsv.Headline h : headlines) {
        lines.add(h.id() + "," + h.story() + "," + predicted.get(h.id()));
      }
      Files.write(assignments, lines);
    }
  }

  /** CPU time of the whole process (all threads, ONNX Runtime's included). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Embeds each text once per process, so that the runs of a grid after the first reuse it. */
  private static final class CachedEmbedder implements Embedder {
    private final Embedder model;
    private final Map<String, float[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

    CachedEmbedder(Embedder model) {
      this.model = model;
    }

    @Override
    public float[] embed(String text) {
      return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      List<String> missing = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
      if (!missing.isEmpty()) {
        List<float[]> vectors = model.embedAll(missing);
        for (int i = 0; i < missing.size(); i++) {
          cache.put(missing.get(i), vectors.get(i));
        }
      }
      return texts.stream().map(cache::get).toList();
    }
  }

  private static List<Double> orDefault(List<Double> given, double fallback) {
    return given == null || given.isEmpty() ? List.of(fallback) : given;
  }
}
