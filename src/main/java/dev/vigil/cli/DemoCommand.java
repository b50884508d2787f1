package dev.vigil.cli;

import dev.vigil.config.VigilConfig;
import dev.vigil.internal.FileTrees;
import dev.vigil.pipeline.IngestReport;
import dev.vigil.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil demo}: the bundled sample corpus, ingested into a fresh data directory and served. */
@Command(mixinStandardHelpOptions = true, name = "demo", sortOptions = false,
    description = {
        "Ingest the bundled sample news and serve the dashboard.",
        "The sample: the two seed reports on the Tajik-Afghan border and 600 Tehran",
        "Times articles on security, Afghanistan, Central Asia, drugs, refugees and",
        "diplomacy. They go into a fresh data directory; the URL is printed.",
    })
final class DemoCommand implements Callable<Integer> {
  /** Where the bundled corpus lives on the classpath, and the list of its files. */
  static final String RESOURCE_DIR = "/demo/";
  static final String FILE_LIST = "/demo/files.txt";

  @Option(names = "--port", paramLabel = "N",
      description = "Port (default 8080; if it is taken, any free port).")
  Integer port;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Keep the demo's data in DIR (default: a temporary directory, deleted on exit).")
  Path dataDir;

  @Option(names = "--no-serve", description = "Ingest, print the summary, and exit.")
  boolean noServe;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean temporary = dataDir == null;
    Path dir = temporary ? Files.createTempDirectory("vigil-demo-") : dataDir;
    Logging.toDataDir(dir);
    VigilConfig config = VigilConfig.load(dir);
    Path input = unpackCorpus(dir.resolve("demo-input"));
    out.println("Vigil demo: ingesting the sample corpus into " + dir);
    out.flush();
    IngestReport report;
    try (Store store = Store.open(dir)) {
      report = IngestCommand.ingest(store, config, new Components(dir), List.of(input), null, null,
          new ProgressPrinter(out, err, false, false, System.console() != null));
      out.println(IngestCommand.summary(report, store));
    }
    if (noServe) {
      if (temporary) {
        FileTrees.deleteQuietly(dir);
      }
      return report.anySkipped() ? ExitCodes.SKIPPED : ExitCodes.OK;
    }
    int chosen = port != null ? port : freeOr(config.serverPort());
    out.println("Try a search for: Tajik border");
    ServeCommand.serve(dir, config, null, chosen, out, temporary ? () -> FileTrees.deleteQuietly(dir) : () -> {});
    return ExitCodes.OK;
  }

  /** Copies the bundled corpus out of the jar into {@code target}. */
  static Path unpackCorpus(Path target) throws IOException {
    Files.createDirectories(target);
    for (String name : bundledFiles()) {
      try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE_DIR + name)) {
        if (in == null) {
          throw new IOException("the demo corpus file " + name + " is missing from the build");
        }
        Path file = target.resolve(name);
        Files.createDirectories(file.getParent());
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }

  static List<String> bundledFiles() throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream(FILE_LIST)) {
      if (in == null) {
        throw new IOException("the demo corpus (" + FILE_LIST + ") is missing from the build");
      }
      List<String> names = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          names.add(line.strip());
        }
      }
      return names;
    }
  }

  /** {@code preferred} if it is free, else any free port. */
  private static int freeOr(int preferred) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("127.0.0.1", preferred));
      return preferred;
    } catch (IOException e) {
      return 0;
    }
  }
}
