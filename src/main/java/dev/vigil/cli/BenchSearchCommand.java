package dev.vigil.cli;

import dev.vigil.internal.FileTrees;
import dev.vigil.internal.Json;
import dev.vigil.store.Store;
import dev.vigil.web.WebServer;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench search}: search latency under concurrent load. The load comes from a
 * second JVM over loopback, so that client and server do not share a heap, a JIT or a garbage
 * collector, as they would not in use.
 */
@Command(mixinStandardHelpOptions = true, name = "search", sortOptions = false,
    description = {
        "Measure search latency: serves a store (or targets --url) and drives it from a",
        "second process with 1, 8 and 32 concurrent clients for a fixed time each, with a",
        "query mix drawn from the store (terms, pairs, phrases, entity:, place:,",
        "published:, facets on a fifth). Reports p50/p95/p99/max and requests/s per level.",
        "Without --data, the bundled demo corpus is loaded into a temporary store",
        "(extract + index, names from the replicator as entities; no CoreNLP).",
    })
final class BenchSearchCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", description = "The store to search (and draw queries from).")
  Path data;

  @Option(names = "--url", paramLabel = "URL",
      description = "A running server over --data to drive instead of starting one (e.g. http://127.0.0.1:8080).")
  String url;

  @Option(names = "--clients", split = ",", defaultValue = "1,8,32", paramLabel = "N,...",
      description = "Concurrency levels (default: ${DEFAULT-VALUE}).")
  List<Integer> clients;

  @Option(names = "--seconds", defaultValue = "20", description = "Measured time per level (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--warmup", defaultValue = "5", description = "Unmeasured time before each level (default: ${DEFAULT-VALUE}).")
  double warmup;

  @Option(names = "--queries", defaultValue = "5000", description = "Distinct requests in the mix (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--seed", defaultValue = "11", description = "Seed of the query mix (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--report", paramLabel = "FILE", description = "JSON report (default: bench-results/search-<time>.json).")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (url != null && data == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--url needs --data: the store the server serves, to draw queries from");
    }
    Path work = Files.createTempDirectory("vigil-bench-search");
    try {
      Path dir = data;
      if (dir == null) {
        dir = work.resolve("data");
        ReplicaLoader loader = new ReplicaLoader(ReplicaLoader.replicator(null, seed), new Components().extractor());
        try (Store store = Store.open(dir)) {
          loader.load(store, 0, loader.replicator().sourceCount(), n -> {});
        }
      }
      Map<String, Object> result = BenchReports.start("search");
      try (Store store = Store.open(dir)) {
        long articles = store.articles().count();
        catchUp(store, spec.commandLine().getErr());
        List<String> mix = SearchLoad.queryMix(store, queries, seed);
        out.printf(Locale.ROOT, "bench search: %,d articles, %,d distinct requests, %.0f s per level%n",
            articles, mix.size(), seconds);
        out.flush();
        WebServer server = url == null ? SearchLoad.serve(store) : null;
        try {
          String base = url != null ? url : "http://127.0.0.1:" + server.port();
          result.put("store", data != null ? data.toString() : "demo corpus (temporary)");
          result.put("articles", articles);
          result.put("distinctRequests", mix.size());
          result.put("secondsPerLevel", seconds);
          result.put("warmupSeconds", warmup);
          result.put("levels", SearchLoad.run(base, mix, clients, seconds, warmup, work, out));
          result.put("serverPeakRssMB", url == null ? BenchReports.mb(BenchReports.peakRssBytes()) : null);
        } finally {
          if (server != null) {
            server.close();
          }
        }
      }
      out.println("  report: " + BenchReports.write(result, report, "search"));
      return ExitCodes.OK;
    } finally {
      FileTrees.deleteQuietly(work);
    }
  }

  /**
   * Brings the index level with the store before measuring: an index left behind by a killed
   * run, or wiped because it was built by another version, would otherwise be measured while
   * the server rebuilds it.
   */
  private static void catchUp(Store store, PrintWriter err) {
    if (store.indexLag() <= 0) {
      return;
    }
    err.printf(Locale.ROOT, "bench search: the index is behind the store; indexing first%n");
    long started = System.nanoTime();
    store.catchUpIndex(n -> {
      double s = (System.nanoTime() - started) / 1e9;
      err.printf(Locale.ROOT, "\r  indexed %,d articles, %.0f/s", n, s > 0 ? n / s : 0);
      err.flush();
    });
    err.println();
  }

  /** The client side, run in a child JVM by {@code bench search} and {@code bench scale}. */
  @Command(name = "search-client", hidden = true,
      description = "Send the requests of --queries to --url from N threads; write latencies as JSON.")
  static final class Client implements Callable<Integer> {
    @Option(names = "--url", required = true) String url;

    @Option(names = "--queries", required = true) Path queries;

    @Option(names = "--clients", required = true) int clients;

    @Option(names = "--seconds", required = true) double seconds;

    @Option(names = "--warmup", defaultValue = "0") double warmup;

    @Option(names = "--out", required = true) Path out;

    @Override
    public Integer call() throws Exception {
      List<String> requests = Files.readAllLines(queries);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      long start = System.nanoTime();
      long measureFrom = start + (long) (warmup * 1e9);
      long stop = measureFrom + (long) (seconds * 1e9);
      AtomicLong errors = new AtomicLong();
      long[][] latenciesOf = new long[clients][];
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < clients; t++) {
        int client = t;
        int first = t * (requests.size() / clients); // clients start at different requests
        Thread thread = new Thread(() -> {
          long[] latencies = new long[1024];
          int n = 0;
          for (int i = first; ; i++) {
            long t0 = System.nanoTime();
            if (t0 >= stop) {
              break;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + requests.get(i % requests.size())))
                .timeout(Duration.ofSeconds(30)).GET().build();
            boolean ok;
            try {
              HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
              try (InputStream body = r.body()) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
              }
              ok = r.statusCode() == 200;
            } catch (java.io.IOException e) {
              ok = false;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              break;
            }
            long t1 = System.nanoTime();
            if (t0 >= measureFrom) {
              if (!ok) {
                errors.incrementAndGet();
              }
              if (n == latencies.length) {
                latencies = java.util.Arrays.copyOf(latencies, n * 2);
              }
              latencies[n++] = t1 - t0;
            }
          }
          latenciesOf[client] = java.util.Arrays.copyOf(latencies, n);
        }, "vigil-search-client-" + t);
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
      long[] all = java.util.Arrays.stream(latenciesOf).flatMapToLong(java.util.Arrays::stream).toArray();
      Map<String, Object> result = new java.util.LinkedHashMap<>();
      result.put("clients", clients);
      result.put("seconds", seconds);
      result.put("requests", all.length);
      result.put("errors", errors.get());
      result.put("requestsPerSecond", BenchReports.round(all.length / seconds));
      Map<String, Object> pct = BenchReports.percentiles(all);
      pct.remove("count");
      result.putAll(pct);
      Files.writeString(out, Json.write(result));
      return ExitCodes.OK;
    }
  }
}
