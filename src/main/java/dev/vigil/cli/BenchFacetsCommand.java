package dev.vigil.cli;

import dev.vigil.store.Facets;
import dev.vigil.store.SearchIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench facets}: how far sampled facet counts are from exact ones, and what each
 * sample size costs, on a store's index. For each query and facet field, the top values of the
 * exact counts (held by at least {@code --min-count} matches) are compared with the sampled
 * estimate: the mean relative error of their counts, and the share of the exact top values
 * that are in the sampled top.
 */
@Command(mixinStandardHelpOptions = true, name = "facets", sortOptions = false,
    description = {
        "Measure sampled facet counts against exact ones on a store's index (read only):",
        "mean relative error of the top values' counts, top-N overlap and CPU per facet request,",
        "for each sample size.",
    })
final class BenchFacetsCommand implements Callable<Integer> {
  static final List<String> BROAD_QUERIES = List.of("iran", "said", "nuclear", "oil", "president",
      "security council", "\"foreign minister\"", "iran nuclear", "water", "election");

  @CommandLine.Mixin DataDirOption data;

  @Option(names = "--samples", split = ",", defaultValue = "5000,2500", paramLabel = "N,...",
      description = "Sample sizes to compare (default: ${DEFAULT-VALUE}).")
  List<Integer> samples;

  @Option(names = "--query", paramLabel = "Q",
      description = "Queries (repeatable; default: ten broad news queries).")
  List<String> queries;

  @Option(names = "--top", defaultValue = "5", description = "Top values compared per field (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--min-count", defaultValue = "50",
      description = "Compare only values with at least this many exact matches (default: ${DEFAULT-VALUE}).")
  long minCount;

  @Option(names = "--report", paramLabel = "FILE", description = "JSON report (default: bench-results/facets-<time>.json).")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<String> qs = queries == null || queries.isEmpty() ? BROAD_QUERIES : queries;
    Map<String, Object> result = BenchReports.start("facets");
    result.put("store", data.dir.toString());
    result.put("queries", qs);
    List<Map<String, Object>> levels = new ArrayList<>();
    try (SearchIndex index = SearchIndex.openReadOnly(data.dir.resolve(dev.vigil.store.Store.INDEX_DIR))) {
      Map<String, Facets> exact = new HashMap<>();
      for (String q : qs) {
        exact.put(q, index.facets(q, 20, Integer.MAX_VALUE));
      }
      var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int sample : samples) {
        double errors = 0;
        int compared = 0;
        double overlap = 0;
        int lists = 0;
        long cpuNanos = 0;
        for (String q : qs) {
          long c0 = cpu.getCurrentThreadCpuTime();
          Facets est = index.facets(q, 20, sample);
          cpuNanos += cpu.getCurrentThreadCpuTime() - c0;
          for (String field : Facets.FIELDS) {
            List<Facets.Value> truth = exact.get(q).byField().get(field);
            List<Facets.Value> guess = est.byField().get(field);
            Map<String, Long> guessed = new HashMap<>();
            guess.forEach(v -> guessed.put(v.value(), v.count()));
            List<String> guessTop = guess.stream().limit(top).map(Facets.Value::value).toList();
            int n = Math.min(top, truth.size());
            int in = 0;
            for (Facets.Value v : truth.subList(0, n)) {
              if (v.count() >= minCount && guessed.containsKey(v.value())) {
                errors += Math.abs(guessed.get(v.value()) - v.count()) / (double) v.count();
                compared++;
              }
              in += guessTop.contains(v.value()) ? 1 : 0;
            }
            if (n > 0) {
              overlap += in / (double) n;
              lists++;
            }
          }
        }
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("sample", sample);
        level.put("valuesCompared", compared);
        level.put("meanRelativeError", BenchReports.round(compared == 0 ? 0 : errors / compared));
        level.put("topOverlap", BenchReports.round(lists == 0 ? 0 : overlap / lists));
        level.put("cpuMsPerFacetRequestFirstCall", BenchReports.round(cpuNanos / 1e6 / qs.size()));
        levels.add(level);
        out.printf(Locale.ROOT, "sample %,d: mean relative error of the top-%d counts %.3f over %d values;"
                + " top-%d overlap %.3f%n", sample, top, (double) level.get("meanRelativeError"), compared,
            top, (double) level.get("topOverlap"));
        out.flush();
      }
    }
    result.put("levels", levels);
    out.println("  report: " + BenchReports.write(result, report, "facets"));
    return ExitCodes.OK;
  }
}
