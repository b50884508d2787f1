package dev.vigil.cli;

import dev.vigil.extract.Extractor;
import dev.vigil.model.TextStage;
import dev.vigil.nlp.Annotator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Wraps the analysis stages to sum the time each one takes, for {@code vigil bench ingest}.
 * Stages are timed in the worker threads, both by the clock (a stage's own cost per article on
 * one thread, with the other threads and processes competing for the cores) and by the
 * thread's CPU time (what the stage costs whatever the machine's load).
 */
final class StageTimer {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final Map<String, LongAdder[]> stages = new LinkedHashMap<>(); // name -> {nanos, cpu nanos, calls}

  /** Registers {@code name} (in pipeline order) and returns its counters. */
  private synchronized LongAdder[] counters(String name) {
    return stages.computeIfAbsent(name, k -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
  }

  /** CPU time of the calling thread in nanoseconds (0 where the JVM cannot tell). */
  static long threadCpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  private static <T> T timed(LongAdder[] c, Supplier<T> work) {
    long t = System.nanoTime();
    long cpu = threadCpuNanos();
    try {
      return work.get();
    } finally {
      c[0].add(System.nanoTime() - t);
      c[1].add(threadCpuNanos() - cpu);
      c[2].increment();
    }
  }

  Extractor extractor(Extractor inner) {
    LongAdder[] c = counters("extract");
    return doc -> {
      long t = System.nanoTime();
      long cpu = threadCpuNanos();
      try {
        return inner.extract(doc);
      } finally {
        c[0].add(System.nanoTime() - t);
        c[1].add(threadCpuNanos() - cpu);
        c[2].increment();
      }
    };
  }

  Annotator annotator(Annotator inner) {
    LongAdder[] c = counters("annotate");
    return (text, language, published) -> timed(c, () -> inner.tag(text, language, published));
  }

  TextStage stage(String name, TextStage inner) {
    LongAdder[] c = counters(name);
    return tagged -> timed(c, () -> inner.apply(tagged));
  }

  /** Records a stage timed elsewhere (the writer's database, index and story steps). */
  void add(String name, long nanos, long cpuNanos, long articles) {
    LongAdder[] c = counters(name);
    c[0].add(nanos);
    c[1].add(cpuNanos);
    c[2].add(articles);
  }

  /** Per stage: articles, seconds, ms and CPU ms per article, and articles/s on one thread. */
  synchronized Map<String, Object> report() {
    Map<String, Object> out = new LinkedHashMap<>();
    stages.forEach((name, c) -> {
      long nanos = c[0].sum();
      long cpu = c[1].sum();
      long n = c[2].sum();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("articles", n);
      m.put("seconds", BenchReports.round(nanos / 1e9));
      m.put("msPerArticle", n == 0 ? 0 : BenchReports.round(nanos / 1e6 / n));
      m.put("cpuMsPerArticle", n == 0 ? 0 : BenchReports.round(cpu / 1e6 / n));
      m.put("articlesPerSecondOneThread", nanos == 0 ? 0 : BenchReports.round(n / (nanos / 1e9)));
      out.put(name, m);
    });
    return out;
  }
}
