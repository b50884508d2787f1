package dev.vigil.cli;

import dev.vigil.model.Failure;
import dev.vigil.pipeline.IngestListener;
import dev.vigil.pipeline.IngestProgress;
import dev.vigil.store.WriteOutcome;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingest figures after warm-up, for {@code vigil bench ingest}: from the first committed
 * batch that brings the count to {@code warmUp} articles (models that load on first use are
 * loaded, the JIT compiler has compiled most of the hot code) to the end, the wall-clock rate
 * and the process's CPU seconds per article, also by thread group. CPU time per
 * article does not depend on what else runs on the machine, so it is the figure to compare
 * between runs; {@code cores / cpuSecondsPerArticle} estimates the rate on that many free cores.
 * Passes every event on to the listener it wraps.
 */
final class SteadyState implements IngestListener {
  private final IngestListener inner;
  private final int warmUp;
  private long startNanos;
  private long startCpuNanos;
  private long startArticles;
  private long endNanos;
  private long endCpuNanos;
  private long articles;
  private double startLoad = -1;
  private Map<String, Long> startThreads = Map.of();
  private Map<String, Long> endThreads = Map.of();
  private final Map<String, Long> lastThreads = new java.util.HashMap<>();

  /** @param warmUp articles stored before the measurement starts (at least one batch) */
  SteadyState(IngestListener inner, int warmUp) {
    this.inner = inner;
    this.warmUp = warmUp;
  }

  @Override
  public void failed(Failure failure) {
    inner.failed(failure);
  }

  @Override
  public synchronized void stored(List<WriteOutcome> outcomes) {
    articles += outcomes.size();
    if (startNanos == 0 && articles >= Math.max(1, warmUp)) {
      startNanos = System.nanoTime();
      startCpuNanos = processCpuNanos();
      startArticles = articles;
      startLoad = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      startThreads = threadCpuNanos();
    } else if (startNanos != 0) {
      // the workers are alive here, not at the end: keep each thread's latest figure
      threadCpuNanos().forEach((key, nanos) -> lastThreads.merge(key, nanos, Math::max));
    }
    inner.stored(outcomes);
  }

  @Override
  public void progress(IngestProgress progress) {
    inner.progress(progress);
  }

  /** Marks the end of the run (after the last commit). */
  synchronized void end() {
    endNanos = System.nanoTime();
    endCpuNanos = processCpuNanos();
    endThreads = new LinkedHashMap<>(lastThreads);
    threadCpuNanos().forEach((key, nanos) -> endThreads.merge(key, nanos, Math::max));
  }

  /** Articles, seconds, articles/s, CPU s per article, the estimate for 2 cores, load average. */
  synchronized Map<String, Object> report() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (startNanos == 0) {
      m.put("note", "fewer than " + warmUp + " articles stored: no figures after warm-up (see --warm-up)");
      return m;
    }
    long n = articles - startArticles;
    double seconds = (endNanos - startNanos) / 1e9;
    double cpu = (endCpuNanos - startCpuNanos) / 1e9;
    m.put("warmUpArticles", startArticles);
    m.put("articles", n);
    m.put("seconds", BenchReports.round(seconds));
    m.put("articlesPerSecond", n <= 0 || seconds <= 0 ? 0 : BenchReports.round(n / seconds));
    m.put("cpuSeconds", BenchReports.round(cpu));
    m.put("cpuMsPerArticle", n <= 0 ? 0 : BenchReports.round(cpu * 1000 / n));
    m.put("estimatedArticlesPerSecondOn2FreeCores", cpu <= 0 ? 0 : BenchReports.round(2 * n / cpu));
    Map<String, Object> byGroup = new LinkedHashMap<>();
    Map<String, Long> groups = new java.util.TreeMap<>();
    endThreads.forEach((key, nanos) -> groups.merge(group(key.substring(key.indexOf(' ') + 1)),
        nanos - startThreads.getOrDefault(key, 0L), Long::sum));
    groups.forEach((g, nanos) -> byGroup.put(g, n <= 0 ? 0 : BenchReports.round(nanos / 1e6 / n)));
    m.put("cpuMsPerArticleByThread", byGroup);
    m.put("loadAverageAtStart", BenchReports.round(startLoad));
    m.put("loadAverageAtEnd",
        BenchReports.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return m;
  }

  /**
   * CPU time of each thread of the process (Linux: /proc/self/task, which also lists the JVM's
   * own threads, the garbage collector's and the JIT compiler's), keyed "tid name"; empty
   * elsewhere.
   */
  private static Map<String, Long> threadCpuNanos() {
    Map<String, Long> out = new LinkedHashMap<>();
    java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
    try (java.util.stream.Stream<java.nio.file.Path> dirs = java.nio.file.Files.list(tasks)) {
      for (java.nio.file.Path dir : (Iterable<java.nio.file.Path>) dirs::iterator) {
        try {
          String stat = java.nio.file.Files.readString(dir.resolve("stat"));
          int close = stat.lastIndexOf(')');
          String name = stat.substring(stat.indexOf('(') + 1, close);
          String[] f = stat.substring(close + 2).split(" ");
          long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
          out.put(dir.getFileName() + " " + name, ticks * 10_000_000L); // 100 ticks per second
        } catch (java.io.IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (java.io.IOException | RuntimeException notLinuxOrThreadGone) {
      return out; // what was read before the listing failed
    }
    return out;
  }

  /** Threads grouped by what they do, from their names. */
  private static String group(String name) {
    if (name.startsWith("vigil-analyse")) {
      return "workers";
    }
    if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
      return "gc and vm";
    }
    if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
      return "jit compiler";
    }
    if (name.equals("java") || name.equals("main")) {
      return "main (writer)";
    }
    if (name.startsWith("vigil-read")) {
      return "reader";
    }
    return "other";
  }

  /** CPU time of the whole process (every thread, with GC and the JIT compiler), or 0. */
  private static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }
}
