package dev.vigil.cli;

import dev.vigil.export.ExportJob;
import dev.vigil.export.ExportOptions;
import dev.vigil.export.Exporter;
import dev.vigil.internal.FileTrees;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.Event;
import dev.vigil.model.PlaceMention;
import dev.vigil.model.Sentence;
import dev.vigil.store.Store;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench export}: stores synthetic articles carrying N events, then exports a tenth
 * of them and all of them, sampling the heap: a streaming export holds the same memory for
 * ten times the events.
 */
@Command(mixinStandardHelpOptions = true, name = "export", sortOptions = false,
    description = {
        "Measure exports: store synthetic articles with --events events (4 per article, at",
        "places across Central Asia), export a tenth and then all of them in each format to a",
        "discarding writer, and report events/s and the peak heap of each run.",
    })
final class BenchExportCommand implements Callable<Integer> {
  private static final int EVENTS_PER_ARTICLE = 4;
  private static final String[][] PLACES = {
      {"Khatlon", "admin1", "TJ", "37.9", "69.0"}, {"Gorno-Badakhshan", "admin1", "TJ", "38.3", "72.8"},
      {"Kunduz", "city", "AF", "36.73", "68.86"}, {"Dushanbe", "city", "TJ", "38.54", "68.78"},
      {"Osh", "city", "KG", "40.53", "72.8"}, {"Termez", "city", "UZ", "37.22", "67.28"}};
  private static final String[] TYPES = {"armed_clash", "drug_trafficking", "border_crossing", "arrest"};

  @Option(names = "--events", defaultValue = "100000", paramLabel = "N",
      description = "Events to export (default: ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Where to write the JSON report (default: bench-results/export-<time>.json).")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    Path dataDir = Files.createTempDirectory("vigil-bench-export");
    int articles = Math.max(10, events / EVENTS_PER_ARTICLE);
    Map<String, Object> result = BenchReports.start("export");
    result.put("articles", articles);
    result.put("events", (long) articles * EVENTS_PER_ARTICLE);
    try (Store store = Store.open(dataDir)) {
      long started = System.nanoTime();
      List<AnalyzedArticle> batch = new ArrayList<>();
      for (int i = 0; i < articles; i++) {
        batch.add(article(i));
        if (batch.size() == 1000 || i == articles - 1) {
          store.write(batch);
          batch.clear();
          if ((i + 1) % 5000 == 0 || i == articles - 1) {
            out.printf(Locale.ROOT, "stored %,d of %,d articles%n", i + 1, articles);
            out.flush();
          }
        }
      }
      result.put("storeSeconds", BenchReports.round((System.nanoTime() - started) / 1e9));
      List<Map<String, Object>> runs = new ArrayList<>();
      for (Exporter.Format format : Exporter.Format.values()) {
        for (int share : new int[] {10, 100}) {
          runs.add(run(store, format, articles * share / 100));
          Map<String, Object> r = runs.get(runs.size() - 1);
          out.printf(Locale.ROOT, "%-8s %,9d events: %6.1f s, %,8.0f events/s, %,6.1f MB written, peak heap %,5.0f MB%n",
              format.name().toLowerCase(Locale.ROOT), r.get("events"), r.get("seconds"),
              r.get("eventsPerSecond"), r.get("writtenMB"), r.get("peakHeapMB"));
        }
      }
      result.put("runs", runs);
    } finally {
      FileTrees.deleteQuietly(dataDir);
    }
    Path file = BenchReports.write(result, report, "export");
    out.println("report: " + file);
    return ExitCodes.OK;
  }

  private static Map<String, Object> run(Store store, Exporter.Format format, int articles)
      throws IOException, InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "vigil-bench-memory");
    sampler.setDaemon(true);
    sampler.start();
    CountingWriter sink = new CountingWriter();
    long started = System.nanoTime();
    int[] seen = new int[1];
    ExportJob.Result r = ExportJob.run(format, new ExportOptions("GREEN", Instant.now()),
        store::forEachArticle, id -> seen[0]++ < articles, sink);
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.interrupt();
    sampler.join();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", format.name().toLowerCase(Locale.ROOT));
    m.put("articles", r.articles());
    m.put("events", r.events());
    m.put("seconds", BenchReports.round(seconds));
    m.put("eventsPerSecond", BenchReports.round(r.events() / seconds));
    m.put("writtenMB", BenchReports.round(sink.chars / 1048576.0));
    m.put("peakHeapMB", BenchReports.round(peak.get() / 1048576.0));
    return m;
  }

  private static AnalyzedArticle article(int i) {
    StringBuilder text = new StringBuilder();
    List<Event> evs = new ArrayList<>();
    List<PlaceMention> places = new ArrayList<>();
    List<Sentence> sentences = new ArrayList<>();
    for (int e = 0; e < EVENTS_PER_ARTICLE; e++) {
      String[] p = PLACES[(i + e) % PLACES.length];
      String type = TYPES[(i * 7 + e) % TYPES.length];
      int start = text.length();
      text.append("Report ").append(i).append('.').append(e).append(": border guards in ")
          .append(p[0]).append(" said ").append(type.replace('_', ' '))
          .append(" left ").append(i % 9).append(" people dead and ").append(e).append(" detained. ");
      int end = text.length() - 1;
      int at = text.indexOf(p[0], start);
      places.add(new PlaceMention(p[0], p[0], p[1], p[2], Double.parseDouble(p[3]),
          Double.parseDouble(p[4]), p[1].equals("city") ? 10.0 : 80.0, at, at + p[0].length()));
      sentences.add(new Sentence(start, end));
      evs.add(new Event(type, null, "asserted", String.format(Locale.ROOT, "2025-%02d-%02d", 1 + i % 12, 1 + i % 28),
          new Event.Place(p[0], Double.parseDouble(p[3]), Double.parseDouble(p[4])),
          List.of(new Event.Actor("actor", "border guards")), i % 9, null, e,
          text.substring(start, end), start, end));
    }
    String body = text.toString().strip();
    Annotations ann = new Annotations("en", sentences, List.of(), places, List.of(), List.of(), evs,
        List.of("border_security"));
    return new AnalyzedArticle(new Article(String.format(Locale.ROOT, "bench-%07d", i), null,
        "Bench Wire", "Border report " + i, null, "2025-06-01", "en", body, "bench", Instant.now()), ann);
  }

  /** Counts what an export writes and keeps nothing. */
  private static final class CountingWriter extends Writer {
    long chars;

    @Override
    public void write(char[] buf, int off, int len) {
      chars += len;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
