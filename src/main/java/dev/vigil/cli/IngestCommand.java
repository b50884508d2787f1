package dev.vigil.cli;

import dev.vigil.config.VigilConfig;
import dev.vigil.ingest.FileSource;
import dev.vigil.pipeline.FeedIngest;
import dev.vigil.pipeline.IngestPipeline;
import dev.vigil.pipeline.IngestReport;
import dev.vigil.store.Marking;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil ingest}: files and folders into the store. */
@Command(mixinStandardHelpOptions = true, name = "ingest", sortOptions = false,
    description = {
        "Ingest news files: analyse, store and index them.",
        "Reads .txt (UTF-8; a short first line is taken as the headline), .html,",
        ".htm and .jsonl, each optionally .gz; folders are read recursively.",
        ".jsonl: one {\"id\",\"url\",\"title\",\"text\",\"source\",\"published\"} per",
        "line, text or title required. The same input ingested twice is stored once.",
        "A bad file or line is reported with its path, line and reason and skipped;",
        "the rest is stored, and the exit status is 3.",
        "A URL is fetched politely: a feed (RSS, Atom, RDF, JSON Feed, news sitemap)",
        "is added to the data directory's feeds and polled once, its new articles",
        "fetched; a site or section page has its feeds discovered; an article page is",
        "ingested. A .opml file lists feeds to add and poll once.",
    })
final class IngestCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(names = "--source", paramLabel = "NAME",
      description = "Source (outlet) to record for inputs that do not name one.")
  String source;

  @Option(names = "--tlp", paramLabel = "MARKING",
      description = "TLP marking of what this run stores: CLEAR (default), GREEN, AMBER,"
          + " AMBER+STRICT or RED; AMBER and stricter need --org.")
  String tlp;

  @Option(names = "--org", paramLabel = "ORG",
      description = "Owning organisation of what this run stores (its own reports); in team mode"
          + " only that organisation's accounts see it unless marked CLEAR or GREEN.")
  String org;

  @Option(names = "--workers", paramLabel = "N",
      description = "Analysis threads (default: ingest.workers in config, 0 = one per core).")
  Integer workers;

  @Option(names = {"-v", "--verbose"},
      description = "Print 'inserted|updated|unchanged ID ORIGIN' for each article once committed.")
  boolean verbose;

  @Option(names = "--quiet", description = "No progress line.")
  boolean quiet;

  @Parameters(paramLabel = "PATH|URL", arity = "1..*",
      description = "Files, folders, feed or page URLs, .opml feed lists.")
  List<String> inputs;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VigilConfig config = data.config();
    Marking marking = null;
    if (tlp != null || org != null) {
      try {
        marking = Marking.of(tlp, org);
      } catch (IllegalArgumentException e) {
        err.println("vigil: " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    Logging.toDataDir(data.dir);
    List<Path> paths = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    int skippedUrls = 0;
    for (String input : inputs) {
      if (input.startsWith("http://") || input.startsWith("https://")) {
        urls.add(input);
      } else if (input.toLowerCase(java.util.Locale.ROOT).endsWith(".opml")) {
        try {
          urls.addAll(FeedWiring.readFeedList(Path.of(input)));
        } catch (java.io.IOException e) {
          err.println("vigil: skipped " + e.getMessage());
          skippedUrls++;
        }
      } else {
        paths.add(Path.of(input));
      }
    }
    try (Store store = Store.open(data.dir)) {
      Components components = new Components(data.dir, store.kb().entries());
      IngestReport report = null;
      if (!paths.isEmpty()) {
        report = pipeline(store, config, components.analysis(source), workers, marking).run(paths,
            new ProgressPrinter(out, err, verbose, quiet, System.console() != null));
        out.println(summary(report, store));
      }
      if (!urls.isEmpty()) {
        if (marking != null) {
          err.println("vigil: --tlp/--org mark files only; URLs are public news. Ingest the URLs"
              + " without them, or save the pages and ingest the files.");
          return ExitCodes.USAGE;
        }
        FeedIngest.Round round = FeedWiring.feedIngest(store, config, data.dir, components.analysis(source),
            FeedWiring.printer(out, err, verbose)).ingestUrls(urls);
        store.catchUpIndex(n -> {});
        out.println(FeedWiring.summary(round) + " " + store.articles().count() + " articles in " + store.dataDir() + ".");
        skippedUrls += round.skipped() + round.failedFeeds();
      }
      if (!store.index().writable()) {
        out.println("The index is held by another Vigil process (a running server);"
            + " it will index the new articles itself.");
      }
      return (report != null && report.anySkipped()) || skippedUrls > 0 ? ExitCodes.SKIPPED : ExitCodes.OK;
    }
  }

  /** Runs the pipeline with the configured limits; shared with {@code demo} and {@code bench}. */
  static IngestReport ingest(Store store, VigilConfig config, Components components, List<Path> paths,
      String source, Integer workers, ProgressPrinter printer) throws InterruptedException {
    return pipeline(store, config, components.analysis(source), workers).run(paths, printer);
  }

  /** The pipeline with the configured limits, after absorbing anything a killed run left unindexed. */
  static IngestPipeline pipeline(Store store, VigilConfig config, dev.vigil.pipeline.ArticleAnalysis analysis,
      Integer workers) {
    return pipeline(store, config, analysis, workers, null);
  }

  /** As {@link #pipeline(Store, VigilConfig, dev.vigil.pipeline.ArticleAnalysis, Integer)}, marking what it stores. */
  static IngestPipeline pipeline(Store store, VigilConfig config, dev.vigil.pipeline.ArticleAnalysis analysis,
      Integer workers, Marking marking) {
    store.catchUpIndex(n -> {});
    IngestPipeline.Options options = new IngestPipeline.Options(
        workers != null && workers > 0 ? workers : config.ingestWorkers(),
        config.ingestBatchSize(), java.time.Duration.ofMillis(500));
    return new IngestPipeline(new FileSource(config.maxDocumentBytes()), analysis, store, options, marking);
  }

  static String summary(IngestReport r, Store store) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Stored %,d new article%s", r.inserted(), r.inserted() == 1 ? "" : "s"));
    if (r.updated() > 0) {
      b.append(String.format(Locale.ROOT, ", updated %,d", r.updated()));
    }
    if (r.unchanged() > 0) {
      b.append(String.format(Locale.ROOT, ", %,d already stored", r.unchanged()));
    }
    b.append(String.format(Locale.ROOT, " from %,d file%s", r.files(), r.files() == 1 ? "" : "s"));
    if (r.skipped() > 0) {
      b.append(String.format(Locale.ROOT, "; skipped %,d input%s (reasons above)", r.skipped(),
          r.skipped() == 1 ? "" : "s"));
    }
    if (r.ignored() > 0) {
      b.append(String.format(Locale.ROOT, "; ignored %,d file%s of other kinds", r.ignored(),
          r.ignored() == 1 ? "" : "s"));
    }
    double seconds = r.elapsed().toMillis() / 1000.0;
    b.append(String.format(Locale.ROOT, ". %.1f s, %.1f articles/s. %,d articles in %s.",
        seconds, seconds > 0 ? r.articles() / seconds : 0, store.articles().count(), store.dataDir()));
    return b.toString();
  }
}
