package dev.vigil.cli;

import dev.vigil.config.VigilConfig;
import dev.vigil.internal.FileTrees;
import dev.vigil.internal.Json;
import dev.vigil.store.Store;
import dev.vigil.web.HeadlessBrowser;
import dev.vigil.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench web}: how fast the dashboard answers and paints. Server time is measured
 * per page from the request to the last byte of the response over the loopback interface, so
 * it holds everything the server does for the page (query, story reports, template) plus a
 * little transfer; the home page's first paint comes from the browser's own Paint Timing
 * entries in headless Chromium.
 */
@Command(mixinStandardHelpOptions = true, name = "web", sortOptions = false,
    description = {
        "Measure the dashboard: server time per page (p50/p95/max over N rounds) and the home",
        "page's first paint and first contentful paint in headless Chromium (median of several",
        "loads, HTTP cache off). Serves --data DIR, or (by default) the bundled demo corpus",
        "ingested into a fresh temporary data directory. Bar: every page under 300 ms, home",
        "first paint under 1 s. Pages: home, stories, a story, search with facets, an article,",
        "map, the map/search/stories API, and entity, place and source profiles where served.",
        "Needs Debian's chromium and chromium-driver for the paint.",
    })
final class BenchWebCommand implements Callable<Integer> {
  static final double PAGE_BAR_MS = 300;
  static final double PAINT_BAR_MS = 1000;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Serve this data directory (default: ingest the demo corpus into a temporary one).")
  Path dataDir;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "30",
      description = "Timed requests per page, after one untimed warm-up (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--loads", paramLabel = "N", defaultValue = "7",
      description = "Home page loads in the browser for the paint figures (default: ${DEFAULT-VALUE}).")
  int loads;

  @Option(names = "--query", paramLabel = "Q", defaultValue = "Afghanistan",
      description = "The search measured (default: ${DEFAULT-VALUE}).")
  String query;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Where to write the JSON report (default: bench-results/web-<corpus>-<time>.json).")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** One measured page: what it is and where. */
  record Target(String name, String path) {}

  /** Milliseconds of one page over the timed rounds, and of its first (cold) request. */
  record Timing(String name, String path, double first, double p50, double p95, double max, long bytes) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (rounds < 1 || loads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--rounds and --loads must be at least 1");
    }
    Path work = null;
    Path dir = dataDir;
    String corpus = dir == null ? "demo" : String.valueOf(dir.toAbsolutePath().normalize().getFileName());
    try {
      if (dir == null) {
        work = Files.createTempDirectory("vigil-bench-web-");
        dir = work.resolve("data");
        out.println("Ingesting the demo corpus into " + dir + " (pass --data DIR to reuse a store)");
        out.flush();
        try (Store store = Store.open(dir)) {
          IngestCommand.ingest(store, VigilConfig.defaults(), new Components(dir),
              List.of(DemoCommand.unpackCorpus(work.resolve("demo-input"))), null, null,
              new ProgressPrinter(out, err, false, false, System.console() != null));
        }
      } else if (!Files.isDirectory(dir)) {
        err.println("vigil: no data directory at " + dir);
        return ExitCodes.USAGE;
      }
      return measure(dir, corpus, out);
    } finally {
      if (work != null) {
        FileTrees.deleteQuietly(work);
      }
    }
  }

  private int measure(Path dir, String corpus, PrintWriter out) throws Exception {
    List<Timing> timings = new ArrayList<>();
    Map<String, Double> paint;
    long articles;
    try (Store store = Store.open(dir); WebServer server = WebServer.start(store, "127.0.0.1", 0, Main.version())) {
      articles = store.articles().count();
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      List<Target> targets = targets(http, base);
      for (Target t : targets) {
        timings.add(time(http, base, t));
      }
      paint = paint(base + "/");
    }

    out.printf(Locale.ROOT, "%nbench web (%s, %,d articles): server time in ms, %d rounds after a warm-up%n",
        corpus, articles, rounds);
    out.printf(Locale.ROOT, "%-22s %8s %8s %8s %8s %9s  %s%n", "page", "first", "p50", "p95", "max", "KB", "path");
    boolean pagesOk = true;
    for (Timing t : timings) {
      out.printf(Locale.ROOT, "%-22s %8.1f %8.1f %8.1f %8.1f %9.1f  %s%n", t.name(), t.first(), t.p50(), t.p95(),
          t.max(), t.bytes() / 1024.0, t.path());
      pagesOk &= t.p95() < PAGE_BAR_MS;
    }
    boolean paintOk = paint.get("firstPaintMs") < PAINT_BAR_MS;
    out.printf(Locale.ROOT, "home in headless Chromium, median of %d loads: first paint %.0f ms, first contentful"
            + " paint %.0f ms, DOM content loaded %.0f ms, load %.0f ms%n", loads, paint.get("firstPaintMs"),
        paint.get("firstContentfulPaintMs"), paint.get("domContentLoadedMs"), paint.get("loadMs"));
    out.printf(Locale.ROOT, "bar: every page p95 < %.0f ms: %s; home first paint < %.0f ms: %s%n", PAGE_BAR_MS,
        pagesOk ? "met" : "NOT met", PAINT_BAR_MS, paintOk ? "met" : "NOT met");

    Map<String, Object> result = BenchReports.start("web");
    result.put("corpus", corpus);
    result.put("dataDir", dir.toAbsolutePath().toString());
    result.put("articles", articles);
    result.put("rounds", rounds);
    result.put("pages", timings);
    result.put("homePaint", paint);
    result.put("homePaintLoads", loads);
    result.put("pageBarMs", PAGE_BAR_MS);
    result.put("paintBarMs", PAINT_BAR_MS);
    result.put("pagesMeetBar", pagesOk);
    result.put("paintMeetsBar", paintOk);
    Path reportFile = BenchReports.write(result, report, "web-" + corpus);
    out.println("report: " + reportFile);
    return ExitCodes.OK;
  }

  /**
   * The pages and API calls measured: the story is the largest, the article the query's first
   * hit, and the entity, place and source profiles (where the server has them) the first listed.
   */
  @SuppressWarnings("unchecked")
  private List<Target> targets(HttpClient http, String base) throws IOException, InterruptedException {
    String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
    List<Target> t = new ArrayList<>();
    t.add(new Target("home", "/"));
    t.add(new Target("stories", "/stories"));
    Map<String, Object> stories = Json.read(get(http, base + "/api/v1/stories?limit=1"), Map.class);
    List<Map<String, Object>> storyItems = (List<Map<String, Object>>) stories.get("items");
    if (!storyItems.isEmpty()) {
      t.add(new Target("story (largest)", "/stories/" + storyItems.get(0).get("id")));
    }
    t.add(new Target("search + facets", "/search?q=" + q));
    Map<String, Object> hits = Json.read(get(http, base + "/api/v1/search?limit=1&q=" + q), Map.class);
    List<Map<String, Object>> hitItems = (List<Map<String, Object>>) hits.get("items");
    if (!hitItems.isEmpty()) {
      t.add(new Target("article", "/articles/" + hitItems.get(0).get("id")));
    }
    t.add(new Target("map", "/map"));
    t.add(new Target("api: map", "/api/v1/map"));
    t.add(new Target("api: search + facets", "/api/v1/search?facets=true&q=" + q));
    t.add(new Target("api: stories", "/api/v1/stories"));
    profile(http, base, t, "entity", "/api/v1/entities", "id", "/entities/");
    profile(http, base, t, "place", "/api/v1/places", "id", "/places/");
    profile(http, base, t, "source", "/api/v1/sources", "name", "/sources/");
    return t;
  }

  /**
   * The first profile page of a kind and its API answer ({@code /entities/ID} and
   * {@code /api/v1/entities/ID}), when the server has that list route and it is not empty.
   */
  @SuppressWarnings("unchecked")
  private static void profile(HttpClient http, String base, List<Target> targets, String kind, String listPath,
      String key, String pagePrefix) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + listPath + "?limit=1")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      return; // a server without that kind of page
    }
    List<Map<String, Object>> items = (List<Map<String, Object>>) Json.read(r.body(), Map.class).get("items");
    if (items == null || items.isEmpty() || items.get(0).get(key) == null) {
      return;
    }
    String id = URLEncoder.encode(String.valueOf(items.get(0).get(key)), StandardCharsets.UTF_8).replace("+", "%20");
    targets.add(new Target(kind, pagePrefix + id));
    targets.add(new Target("api: " + kind, "/api/v1" + pagePrefix + id));
  }

  private Timing time(HttpClient http, String base, Target t) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + t.path())).timeout(Duration.ofSeconds(60)).build();
    long[] nanos = new long[rounds];
    long bytes = 0;
    double first = 0;
    for (int i = -1; i < rounds; i++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      long took = System.nanoTime() - start;
      if (r.statusCode() != 200) {
        throw new IOException(t.path() + " answered " + r.statusCode());
      }
      bytes = r.body().length;
      if (i < 0) {
        first = took / 1e6;
      } else {
        nanos[i] = took;
      }
    }
    Arrays.sort(nanos);
    return new Timing(t.name(), t.path(), BenchReports.round(first), BenchReports.round(BenchReports.percentile(nanos, 50) / 1e6),
        BenchReports.round(BenchReports.percentile(nanos, 95) / 1e6), BenchReports.round(nanos[nanos.length - 1] / 1e6), bytes);
  }

  /** Medians of the Paint Timing and Navigation Timing figures of {@code loads} loads of {@code url}. */
  @SuppressWarnings("unchecked")
  private Map<String, Double> paint(String url) {
    String script = "var n = performance.getEntriesByType('navigation')[0], r = {};"
        + " performance.getEntriesByType('paint').forEach(function (e) { r[e.name] = e.startTime; });"
        + " r.dcl = n.domContentLoadedEventEnd; r.load = n.loadEventEnd; return r;";
    String[] keys = {"first-paint", "first-contentful-paint", "dcl", "load"};
    String[] names = {"firstPaintMs", "firstContentfulPaintMs", "domContentLoadedMs", "loadMs"};
    long[][] values = new long[keys.length][loads];
    try (HeadlessBrowser browser = HeadlessBrowser.start(1280, 1000, false)) {
      browser.disableCache();
      for (int i = 0; i < loads; i++) {
        browser.driver().get("about:blank");
        browser.driver().get(url);
        Map<String, Object> m = Map.of();
        for (int tries = 0; tries < 50; tries++) { // paint entries can trail the load event a little
          m = (Map<String, Object>) browser.driver().executeScript(script);
          if (m.containsKey("first-contentful-paint") && ((Number) m.get("load")).doubleValue() > 0) {
            break;
          }
          sleep();
        }
        for (int k = 0; k < keys.length; k++) {
          Object v = m.get(keys[k]);
          if (v == null) {
            throw new IllegalStateException("the browser reported no " + keys[k] + " for " + url);
          }
          values[k][i] = Math.round(((Number) v).doubleValue() * 1000); // microseconds
        }
      }
    }
    Map<String, Double> result = new LinkedHashMap<>();
    for (int k = 0; k < keys.length; k++) {
      Arrays.sort(values[k]);
      result.put(names[k], BenchReports.round(BenchReports.percentile(values[k], 50) / 1000.0));
    }
    return result;
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String get(HttpClient http, String url) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
