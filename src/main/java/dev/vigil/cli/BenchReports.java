package dev.vigil.cli;

import dev.vigil.internal.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every {@code vigil bench} command shares: the report's header (benchmark, time,
 * machine), where the JSON report goes, latency percentiles and memory figures.
 */
final class BenchReports {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private BenchReports() {}

  /** A report that starts with {@code benchmark}, {@code time} and {@code machine}. */
  static Map<String, Object> start(String benchmark) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", benchmark);
    result.put("time", Instant.now().toString());
    result.put("machine", machine());
    return result;
  }

  /**
   * Writes {@code result} as pretty JSON to {@code file}, or when that is null to
   * {@code bench-results/<name>-<UTC time>.json}; returns the file written.
   */
  static Path write(Map<String, Object> result, Path file, String name) throws IOException {
    Path target = file != null ? file : Path.of("bench-results", name + "-" + STAMP.format(Instant.now()) + ".json");
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    Files.writeString(target, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
    return target;
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("maxHeapMB", Runtime.getRuntime().maxMemory() / 1048576);
    m.put("java", System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          m.put("cpu", line.substring(line.indexOf(':') + 1).strip());
          break;
        }
      }
      String load = Files.readString(Path.of("/proc/loadavg")).strip();
      m.put("loadAverage1m", Double.parseDouble(load.split(" ")[0])); // other work on the machine
    } catch (IOException | RuntimeException ignored) {
      // not Linux
    }
    return m;
  }

  /** Peak resident set size of this process (Linux), or -1. */
  static long peakRssBytes() {
    return procStatus("VmHWM:");
  }

  /** Resident set size of this process now (Linux), or -1. */
  static long rssBytes() {
    return procStatus("VmRSS:");
  }

  private static long procStatus(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException ignored) {
      // not Linux
    }
    return -1;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static double mb(long bytes) {
    return round(bytes / 1048576.0);
  }

  /**
   * {@code count, p50Ms, p95Ms, p99Ms, maxMs} of latencies in nanoseconds (nearest-rank
   * percentiles; zeros when there are none).
   */
  static Map<String, Object> percentiles(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", s.length);
    m.put("p50Ms", round(percentile(s, 50) / 1e6));
    m.put("p95Ms", round(percentile(s, 95) / 1e6));
    m.put("p99Ms", round(percentile(s, 99) / 1e6));
    m.put("maxMs", round(percentile(s, 100) / 1e6));
    return m;
  }

  /** Nearest-rank percentile of sorted values (0 when empty). */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** Samples the heap in use every 50 ms until closed; {@link #peakBytes()} is the most seen. */
  static final class HeapSampler implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;

    HeapSampler() {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      thread = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "vigil-bench-memory");
      thread.setDaemon(true);
      thread.start();
    }

    long peakBytes() {
      return peak.get();
    }

    /** Forgets the peak so far (e.g. between the levels of a scale run). */
    void reset() {
      peak.set(0);
    }

    @Override
    public void close() {
      thread.interrupt();
    }
  }
}
