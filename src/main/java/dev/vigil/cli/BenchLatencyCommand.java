package dev.vigil.cli;

import dev.vigil.internal.FileTrees;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.pipeline.ArticleAnalysis;
import dev.vigil.store.SearchQuery;
import dev.vigil.store.Store;
import dev.vigil.stories.StoryUpdater;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench latency}: how long after an article arrives a search finds it, and (with
 * story assignment) how long until it is in a story. The writer does what the ingest pipeline
 * does for one small batch (analyse, write the batch in one transaction, index it, assign
 * stories); a second thread polls the index the way the search API does, until each article
 * is found.
 */
@Command(mixinStandardHelpOptions = true, name = "latency", sortOptions = false,
    description = {
        "Measure ingest-to-searchable latency (and ingest-to-in-story with --stories):",
        "fills a store with --articles replicated articles, then writes --samples new ones",
        "a batch of --batch at a time (extract [+ CoreNLP with --annotate], store, index",
        "[, assign stories]) while another thread polls search until each is found.",
        "Reports p50/p95/p99/max.",
    })
final class BenchLatencyCommand implements Callable<Integer> {
  @Option(names = "--articles", defaultValue = "10000",
      description = "Articles stored before measuring (default: ${DEFAULT-VALUE}).")
  long articles;

  @Option(names = "--samples", defaultValue = "200", description = "New articles to time (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--batch", defaultValue = "1", description = "Articles per write (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--stories", description = "Assign each batch to stories too, and time until each article is in one.")
  boolean stories;

  @Option(names = "--annotate", description = "Run the whole analysis (CoreNLP, linking, geo, events) on each new article.")
  boolean annotate;

  @Option(names = "--commit-each-batch",
      description = "Commit the index after every batch (durable and visible to other processes at once),"
          + " as before the near-real-time path; for comparison.")
  boolean commitEachBatch;

  @Option(names = "--tehran-times", paramLabel = "ARCHIVE",
      description = "Replicate the Tehran Times corpus (default: the demo corpus).")
  Path tehranTimes;

  @Option(names = "--seed", defaultValue = "11", description = "Replication seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--report", paramLabel = "FILE", description = "JSON report (default: bench-results/latency-<time>.json).")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (batch < 1 || samples < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--batch and --samples must be at least 1");
    }
    Path dir = Files.createTempDirectory("vigil-bench-latency");
    try {
      Components components = new Components();
      ReplicaLoader loader = new ReplicaLoader(ReplicaLoader.replicator(tehranTimes, seed), components.extractor());
      ArticleAnalysis analysis = annotate ? components.analysis(null) : null;
      StoryUpdater updater = stories ? StoryUpdater.standard() : null;
      Map<String, Object> result = BenchReports.start("latency");
      try (Store store = Store.open(dir)) {
        out.printf(Locale.ROOT, "bench latency: storing %,d articles first...%n", articles);
        out.flush();
        loader.load(store, 0, articles, n -> {});
        if (updater != null) { // the bulk is not in stories; only the samples are assigned
          store.stories().update(tx -> {
            tx.setAssignedUpTo(store.index().indexedUpTo());
            return null;
          });
        }
        long[] searchable = new long[samples];
        long[] inStory = new long[samples];
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        Map<String, Integer> slot = new ConcurrentHashMap<>();
        Poller poller = new Poller(store, arrived, slot, searchable, inStory, stories);
        poller.start();
        long n = articles;
        int done = 0;
        List<long[]> steps = new ArrayList<>(); // per batch: analyse, database, index, stories

        while (done < samples) {
          List<AnalyzedArticle> writes = new ArrayList<>();
          long t0 = System.nanoTime();
          List<String> ids = new ArrayList<>();
          while (writes.size() < batch && done + writes.size() < samples) {
            var replica = loader.replicator().replica(n++);
            AnalyzedArticle a = analysis != null
                ? analysis.analyze(ReplicaLoader.rawDocument(replica), null)
                : ReplicaLoader.analyze(replica, components.extractor());
            if (a != null) {
              slot.put(a.article().id(), done + writes.size());
              arrived.put(a.article().id(), t0);
              ids.add(a.article().id());
              writes.add(a);
            }
          }
          long t1 = System.nanoTime();
          store.articles().write(writes);
          long t2 = System.nanoTime();
          if (commitEachBatch) {
            store.catchUpIndex(x -> {});
          } else {
            store.refreshIndex(); // as the ingest pipeline does
          }
          long t3 = System.nanoTime();
          if (updater != null) {
            updater.catchUp(store);
          }
          steps.add(new long[] {t1 - t0, t2 - t1, t3 - t2, System.nanoTime() - t3});
          done += writes.size();
          poller.awaitFound(ids);
          Thread.sleep(20); // articles arrive apart, not back to back
        }
        poller.interrupt();
        poller.join();
        result.put("storedBefore", articles);
        result.put("samples", samples);
        result.put("batch", batch);
        result.put("annotate", annotate);
        result.put("commitEachBatch", commitEachBatch);
        result.put("path", "extract" + (annotate ? " + CoreNLP + link + geo + events" : "")
            + " -> database (one transaction) -> index ("
            + (commitEachBatch ? "commit + refresh" : "near-real-time refresh; commit at most every second") + ")"
            + (stories ? " -> story assignment" : "") + "; a second thread polls search for id:<article>");
        result.put("ingestToSearchable", BenchReports.percentiles(searchable));
        Map<String, Object> perBatch = new java.util.LinkedHashMap<>();
        String[] names = {"analyse", "database", "index", "stories"};
        for (int k = 0; k < names.length; k++) {
          int step = k;
          perBatch.put(names[k], BenchReports.percentiles(steps.stream().mapToLong(x -> x[step]).toArray()));
        }
        result.put("writerStepsPerBatch", perBatch);
        out.printf(Locale.ROOT, "writer steps per batch (p50 ms): analyse %s, database %s, index %s, stories %s%n",
            p50(perBatch, "analyse"), p50(perBatch, "database"), p50(perBatch, "index"), p50(perBatch, "stories"));
        out.printf(Locale.ROOT, "ingest to searchable: %s%n", result.get("ingestToSearchable"));
        if (stories) {
          result.put("ingestToInStory", BenchReports.percentiles(inStory));
          out.printf(Locale.ROOT, "ingest to in a story: %s%n", result.get("ingestToInStory"));
        }
      }
      out.println("  report: " + BenchReports.write(result, report, "latency"));
      return ExitCodes.OK;
    } finally {
      FileTrees.deleteQuietly(dir);
    }
  }

  private static Object p50(Map<String, Object> perBatch, String step) {
    return ((Map<?, ?>) perBatch.get(step)).get("p50Ms");
  }

  /** Polls search (and stories) for the articles written, noting when each is first seen. */
  private static final class Poller extends Thread {
    private final Store store;
    private final Map<String, Long> arrived;
    private final Map<String, Integer> slot;
    private final long[] searchable;
    private final long[] inStory;
    private final boolean stories;

    Poller(Store store, Map<String, Long> arrived, Map<String, Integer> slot, long[] searchable,
        long[] inStory, boolean stories) {
      super("vigil-latency-poller");
      setDaemon(true);
      this.store = store;
      this.arrived = arrived;
      this.slot = slot;
      this.searchable = searchable;
      this.inStory = inStory;
      this.stories = stories;
    }

    @Override
    public void run() {
      Map<String, Boolean> found = new ConcurrentHashMap<>();
      while (!isInterrupted()) {
        for (Map.Entry<String, Long> e : arrived.entrySet()) {
          String id = e.getKey();
          int i = slot.get(id);
          if (!found.containsKey(id)
              && store.index().search(SearchQuery.of("id:\"" + id + "\"")).total() > 0) {
            searchable[i] = System.nanoTime() - e.getValue();
            found.put(id, true);
          }
          if (found.containsKey(id) && (!stories || store.stories().storyOf(id).isPresent())) {
            if (stories) {
              inStory[i] = System.nanoTime() - e.getValue();
            }
            arrived.remove(id);
            synchronized (this) {
              notifyAll();
            }
          }
        }
        try {
          Thread.sleep(1);
        } catch (InterruptedException ex) {
          return;
        }
      }
    }

    /** Waits until the poller has seen all of {@code ids}. */
    synchronized void awaitFound(List<String> ids) throws InterruptedException {
      while (ids.stream().anyMatch(arrived::containsKey)) {
        wait(100);
      }
    }
  }
}
