package dev.vigil.cli;

import dev.vigil.extract.ExtractionException;
import dev.vigil.extract.Extractor;
import dev.vigil.model.RawDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil bench extract DIR}: how many HTML pages per second the extract stage handles
 * (decoding, parsing, main content, metadata, language), on several threads. The pages are read
 * into memory first, so that the figure is the extractor's, not the disk's.
 */
@Command(mixinStandardHelpOptions = true, name = "extract", sortOptions = false,
    description = {
        "Measure HTML extraction: pages/s on N threads over the .html/.html.gz files",
        "under DIR (e.g. ../shared/data/dev/extraction), after a warm-up round.",
    })
final class BenchExtractCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "Folder with .html or .html.gz pages (searched recursively).")
  Path dir;

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: one per core).")
  Integer threads;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "10",
      description = "Timed passes over all pages (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Where to write the JSON report (default: bench-results/extract-<time>.json).")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<RawDocument> pages = read(dir);
    if (pages.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no .html or .html.gz files under " + dir);
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    long bytes = pages.stream().mapToLong(p -> p.content().length).sum();
    Extractor extractor = new Components().extractor();
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      run(pool, n, extractor, pages, 1); // warm-up: JIT and the language model's pools
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      AtomicLong cpuNanos = new AtomicLong();
      AtomicInteger failed = new AtomicInteger();
      long t0 = System.nanoTime();
      List<Future<?>> work = new ArrayList<>();
      AtomicInteger next = new AtomicInteger();
      int total = pages.size() * rounds;
      for (int t = 0; t < n; t++) {
        work.add(pool.submit(() -> {
          long c0 = cpu.getCurrentThreadCpuTime();
          for (int i; (i = next.getAndIncrement()) < total; ) {
            try {
              extractor.extract(pages.get(i % pages.size()));
            } catch (ExtractionException e) {
              failed.incrementAndGet();
            }
          }
          cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - c0);
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double perSecond = total / seconds;
      double cpuMsPerPage = cpuNanos.get() / 1e6 / total;
      Map<String, Object> result = BenchReports.start("extract");
      result.put("threads", n);
      result.put("pages", pages.size());
      result.put("rounds", rounds);
      result.put("meanPageKB", BenchReports.round(bytes / 1024.0 / pages.size()));
      result.put("failedPerRound", failed.get() / rounds);
      result.put("seconds", BenchReports.round(seconds));
      result.put("pagesPerSecond", BenchReports.round(perSecond));
      result.put("cpuMsPerPage", BenchReports.round(cpuMsPerPage));
      result.put("pagesPerCpuSecond", BenchReports.round(1000 / cpuMsPerPage));
      Path reportFile = BenchReports.write(result, report, "extract");
      out.printf(Locale.ROOT, "bench extract: %,d pages (%d x %d, mean %.0f KB) on %d threads in %.1f s = %.1f pages/s%n"
              + "  CPU %.2f ms/page = %.0f pages per CPU-second (what one idle core would do)%n  report: %s%n",
          total, pages.size(), rounds, bytes / 1024.0 / pages.size(), n, seconds, perSecond,
          cpuMsPerPage, 1000 / cpuMsPerPage, reportFile);
      return ExitCodes.OK;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void run(ExecutorService pool, int n, Extractor extractor, List<RawDocument> pages,
      int rounds) throws Exception {
    AtomicInteger next = new AtomicInteger();
    int total = pages.size() * rounds;
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      work.add(pool.submit(() -> {
        for (int i; (i = next.getAndIncrement()) < total; ) {
          try {
            extractor.extract(pages.get(i % pages.size()));
          } catch (ExtractionException ignored) {
            // counted in the timed rounds
          }
        }
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
  }

  private static List<RawDocument> read(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> {
        String name = p.getFileName().toString();
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".html.gz");
      }).sorted().toList();
    }
    List<RawDocument> pages = new ArrayList<>();
    for (Path f : files) {
      byte[] bytes;
      try (InputStream in = f.toString().endsWith(".gz")
          ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
        bytes = in.readAllBytes();
      }
      pages.add(new RawDocument(f.toString(), null, RawDocument.Format.HTML, bytes, RawDocument.Given.NONE));
    }
    return pages;
  }
}
