package dev.vigil.cli;

import dev.vigil.export.ExportJob;
import dev.vigil.export.ExportOptions;
import dev.vigil.export.Exporter;
import dev.vigil.kb.ActorBase;
import dev.vigil.store.Store;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil export}: stored events and articles as CSV, GeoJSON, JSON Lines or STIX 2.1. */
@Command(mixinStandardHelpOptions = true, name = "export", sortOptions = false,
    description = {
        "Export stored events and articles for other tools:",
        "  csv      events, one row each, ACLED-like columns (spreadsheets, pandas, R)",
        "  geojson  events and places as points (QGIS, web maps)",
        "  jsonl    articles with all their annotations, one per line",
        "  stix     a STIX 2.1 bundle: reports, locations, identities, incidents (OpenCTI, MISP)",
        "The export streams: any size runs in constant memory.",
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "csv, geojson, jsonl or stix.")
  String format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write here (replaced only when the export is complete); default: standard output.")
  Path out;

  @Option(names = {"-q", "--query"}, paramLabel = "QUERY",
      description = "Only articles matching this search (the search syntax, e.g. 'Tajik AND published:2025').")
  String query;

  @Option(names = "--tlp", paramLabel = "LABEL", defaultValue = "CLEAR",
      description = "TLP marking of a STIX export: CLEAR, GREEN, AMBER, AMBER+STRICT or RED (default: ${DEFAULT-VALUE}).")
  String tlp;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Exporter.Format fmt;
    ExportOptions options;
    try {
      fmt = Exporter.Format.parse(format);
      options = new ExportOptions(tlp, Instant.now(), ActorBase.load(data.dir)::typeOf);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    try (Store store = Store.open(data.dir)) {
      store.catchUpIndex(n -> {});
      Predicate<String> keep = id -> true;
      if (query != null && !query.isBlank()) {
        Set<String> ids = store.index().matchingIds(query);
        keep = ids::contains;
      }
      ExportJob.Result result;
      if (out == null) {
        result = export(store, fmt, options, keep, spec.commandLine().getOut());
      } else {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          result = export(store, fmt, options, keep, w);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      spec.commandLine().getErr().printf("vigil: exported %,d articles with %,d events as %s%s%n",
          result.articles(), result.events(), fmt.name().toLowerCase(Locale.ROOT),
          out == null ? "" : " to " + out);
      return ExitCodes.OK;
    }
  }

  private static ExportJob.Result export(Store store, Exporter.Format fmt, ExportOptions options,
      Predicate<String> keep, Writer w) throws IOException {
    return ExportJob.run(fmt, options, store::forEachArticle, keep, w);
  }
}
