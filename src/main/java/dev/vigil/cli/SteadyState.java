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
 * The ingest figures after start-up, for {@code vigil bench ingest}: from the first committed
 * batch (models that load on first use are loaded, the first articles have gone through a cold
 * JVM) to the end, the wall-clock rate and the process's CPU seconds per article. CPU time per
 * article does not depend on what else runs on the machine, so it is the figure to compare
 * between runs; {@code cores / cpuSecondsPerArticle} estimates the rate on that many free cores.
 * Passes every event on to the listener it wraps.
 */
final class SteadyState implements IngestListener {
  private final IngestListener inner;
  private long startNanos;
  private long startCpuNanos;
  private long startArticles;
  private long endNanos;
  private long endCpuNanos;
  private long articles;
  private double startLoad = -1;

  SteadyState(IngestListener inner) {
    this.inner = inner;
  }

  @Override
  public void failed(Failure failure) {
    inner.failed(failure);
  }

  @Override
  public synchronized void stored(List<WriteOutcome> outcomes) {
    if (startNanos == 0) {
      startNanos = System.nanoTime();
      startCpuNanos = processCpuNanos();
      startArticles = outcomes.size();
      startLoad = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
    articles += outcomes.size();
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
  }

  /** Articles, seconds, articles/s, CPU s per article, the estimate for 2 cores, load average. */
  synchronized Map<String, Object> report() {
    Map<String, Object> m = new LinkedHashMap<>();
    long n = articles - startArticles;
    double seconds = (endNanos - startNanos) / 1e9;
    double cpu = (endCpuNanos - startCpuNanos) / 1e9;
    m.put("articles", n);
    m.put("seconds", BenchReports.round(seconds));
    m.put("articlesPerSecond", n <= 0 || seconds <= 0 ? 0 : BenchReports.round(n / seconds));
    m.put("cpuSeconds", BenchReports.round(cpu));
    m.put("cpuMsPerArticle", n <= 0 ? 0 : BenchReports.round(cpu * 1000 / n));
    m.put("estimatedArticlesPerSecondOn2FreeCores", cpu <= 0 ? 0 : BenchReports.round(2 * n / cpu));
    m.put("loadAverageAtStart", BenchReports.round(startLoad));
    m.put("loadAverageAtEnd",
        BenchReports.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return m;
  }

  /** CPU time of the whole process (every thread, with GC and the JIT compiler), or 0. */
  private static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }
}
