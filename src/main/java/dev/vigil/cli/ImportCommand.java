package dev.vigil.cli;

import dev.vigil.export.StixImporter;
import dev.vigil.model.Failure;
import dev.vigil.store.Store;
import dev.vigil.store.WriteOutcome;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vigil import}: a partner's STIX 2.1 bundles in as articles, places and events. */
@Command(mixinStandardHelpOptions = true, name = "import", sortOptions = false,
    description = {
        "Import STIX 2.1 bundles (.json, .json.gz) from a partner: each report becomes an",
        "article with its source, its locations the article's places, its incidents the",
        "article's events. Importing the same bundle again changes nothing.",
    })
final class ImportCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "STIX 2.1 bundle files.")
  List<Path> files;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Logging.toDataDir(data.dir);
    int skipped = 0;
    long stored = 0;
    long events = 0;
    try (Store store = Store.open(data.dir)) {
      for (Path file : files) {
        StixImporter.Result result;
        try (InputStream in = open(file)) {
          result = StixImporter.read(in, Instant.now());
        } catch (IOException e) {
          err.println("vigil: skipped " + file + ": " + e.getMessage());
          store.articles().recordFailures(
              List.of(new Failure("import", file.toString(), null, e.getMessage())));
          skipped++;
          continue;
        }
        List<Failure> failures = new ArrayList<>();
        for (String problem : result.problems()) {
          err.println("vigil: skipped " + file + ": " + problem);
          failures.add(new Failure("import", file.toString(), null, problem));
          skipped++;
        }
        store.articles().recordFailures(failures);
        if (!result.articles().isEmpty()) {
          List<WriteOutcome> outcomes = store.write(result.articles());
          stored += outcomes.size();
          events += result.articles().stream().mapToLong(a -> a.annotations().events().size()).sum();
        }
      }
    }
    out.printf("Imported %,d reports with %,d events from %,d bundles%s.%n", stored, events,
        files.size(), skipped > 0 ? "; " + skipped + " skipped (see above)" : "");
    return skipped > 0 ? ExitCodes.SKIPPED : ExitCodes.OK;
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file));
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
  }
}
