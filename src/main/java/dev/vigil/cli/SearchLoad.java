package dev.vigil.cli;

import dev.vigil.internal.Json;
import dev.vigil.model.EntityMention;
import dev.vigil.model.PlaceMention;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import dev.vigil.web.WebServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Search load from a second process: the realistic query mix drawn from a store, and the child
 * JVM ({@code vigil bench search-client}) that sends it over loopback.
 */
final class SearchLoad {
  private static final int SAMPLE_PAGES = 40;
  private static final int SAMPLE_PAGE_SIZE = 25;
  private static final java.util.Set<String> STOP = java.util.Set.of("that", "this", "with", "from",
      "have", "will", "said", "were", "been", "which", "their", "they", "also", "would", "there",
      "about", "after", "other", "these", "into", "than", "more", "when", "what", "some", "over");

  private SearchLoad() {}

  /**
   * {@code count} API requests (path and query string) drawn from articles sampled across the
   * store: single terms and term pairs picked from article texts (so common words come up as
   * often as they occur), quoted phrases, {@code entity:} and {@code place:} queries for names
   * the articles carry, a term within a {@code published:} month; a fifth ask for facets, some
   * for newest first.
   */
  static List<String> queryMix(Store store, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<StoredArticle> sample = new ArrayList<>();
    long last = store.articles().lastChange();
    for (int p = 0; p < SAMPLE_PAGES && last > 0; p++) {
      sample.addAll(store.articles().changesAfter(random.nextLong(Math.max(1, last - SAMPLE_PAGE_SIZE)), SAMPLE_PAGE_SIZE));
    }
    if (sample.isEmpty()) {
      throw new IllegalArgumentException("the store " + store.dataDir() + " holds no articles to draw queries from");
    }
    List<String> out = new ArrayList<>(count);
    while (out.size() < count) {
      StoredArticle a = sample.get(random.nextInt(sample.size()));
      List<String> words = words(a.article().text());
      if (words.size() < 5) {
        continue;
      }
      String q;
      int kind = random.nextInt(100);
      if (kind < 35) {
        q = term(words, random);
      } else if (kind < 55) {
        q = term(words, random) + " " + term(words, random);
      } else if (kind < 70) {
        int at = random.nextInt(words.size() - 2);
        q = "\"" + words.get(at) + " " + words.get(at + 1) + "\"";
      } else if (kind < 85 && !a.annotations().entities().isEmpty()) {
        List<EntityMention> es = a.annotations().entities();
        EntityMention e = es.get(random.nextInt(es.size()));
        q = "entity:\"" + (e.name() != null ? e.name() : e.text()) + "\"";
      } else if (kind < 90 && !a.annotations().places().isEmpty()) {
        List<PlaceMention> ps = a.annotations().places();
        PlaceMention p = ps.get(random.nextInt(ps.size()));
        q = "place:\"" + (p.name() != null ? p.name() : p.text()) + "\"";
      } else if (a.article().published() != null && a.article().published().length() >= 7) {
        q = term(words, random) + " published:" + a.article().published().substring(0, 7);
      } else {
        q = term(words, random);
      }
      StringBuilder url = new StringBuilder("/api/v1/search?q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
      if (random.nextInt(5) == 0) {
        url.append("&facets=true");
      }
      if (random.nextInt(7) == 0) {
        url.append("&sort=newest");
      }
      out.add(url.toString());
    }
    return out;
  }

  private static String term(List<String> words, SplittableRandom random) {
    for (int i = 0; i < 20; i++) {
      String w = words.get(random.nextInt(words.size()));
      if (w.length() >= 4 && !STOP.contains(w)) {
        return w;
      }
    }
    return words.get(0);
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (w.length() >= 3) {
        out.add(w);
      }
    }
    return out;
  }

  /** What a store's server answered at each concurrency level. */
  static List<Map<String, Object>> run(String baseUrl, List<String> queries, List<Integer> clients,
      double seconds, double warmupSeconds, Path work, java.io.PrintWriter out)
      throws IOException, InterruptedException {
    Path queryFile = work.resolve("queries.txt");
    Files.write(queryFile, queries);
    List<Map<String, Object>> levels = new ArrayList<>();
    for (int c : clients) {
      Path result = work.resolve("clients-" + c + ".json");
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse(
          Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      command.add("-Xmx512m");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Main.class.getName());
      command.addAll(List.of("bench", "search-client", "--url", baseUrl, "--queries", queryFile.toString(),
          "--clients", Integer.toString(c), "--seconds", Double.toString(seconds),
          "--warmup", Double.toString(warmupSeconds), "--out", result.toString()));
      long cpu0 = processCpuNanos();
      Process child = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(work.resolve("clients-" + c + ".log").toFile()).start();
      long limit = (long) (seconds + warmupSeconds + 120);
      if (!child.waitFor(limit, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        throw new IOException("the search client for " + c + " clients did not finish within " + limit + " s");
      }
      if (child.exitValue() != 0 || !Files.exists(result)) {
        throw new IOException("the search client for " + c + " clients failed (exit " + child.exitValue()
            + "): " + Files.readString(work.resolve("clients-" + c + ".log")));
      }
      long cpu = processCpuNanos() - cpu0;
      @SuppressWarnings("unchecked")
      Map<String, Object> level = Json.read(Files.readString(result), Map.class);
      long requests = ((Number) level.get("requests")).longValue();
      // this process's CPU per request (the server's, when it runs here): the cost on an idle machine
      level.put("thisProcessCpuMsPerRequest", cpu0 < 0 || requests == 0 ? null
          : BenchReports.round(cpu / 1e6 / requests));
      levels.add(level);
      out.printf(Locale.ROOT, "  %2d clients: %,d requests, %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
              + " max %.1f ms, %d errors; server CPU %s ms/request%n", c, ((Number) level.get("requests")).longValue(),
          ((Number) level.get("requestsPerSecond")).doubleValue(), ((Number) level.get("p50Ms")).doubleValue(),
          ((Number) level.get("p95Ms")).doubleValue(), ((Number) level.get("p99Ms")).doubleValue(),
          ((Number) level.get("maxMs")).doubleValue(), ((Number) level.get("errors")).longValue(), level.get("thisProcessCpuMsPerRequest"));
      out.flush();
    }
    return levels;
  }

  /** CPU time this JVM has used (all threads), or -1 where the JVM does not say. */
  static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  /** Starts a server over {@code store} on a free loopback port. */
  static WebServer serve(Store store) {
    return WebServer.start(store, "127.0.0.1", 0, Main.version());
  }
}
