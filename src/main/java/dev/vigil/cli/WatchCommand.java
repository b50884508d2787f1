package dev.vigil.cli;

import dev.vigil.config.VigilConfig;
import dev.vigil.pipeline.FeedIngest;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil watch}: polls feeds until stopped. */
@Command(mixinStandardHelpOptions = true, name = "watch", sortOptions = false,
    description = {
        "Poll feeds until stopped (Ctrl-C): each feed when it is due (adaptive",
        "intervals: busy feeds more often), new articles fetched politely, analysed,",
        "checked for copies of earlier articles and stored. `vigil feeds` shows each",
        "feed's health.",
    })
final class WatchCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(names = "--feeds", paramLabel = "FILE", required = true,
      description = "Feeds to add: an OPML file, or one feed/site URL per line.")
  Path feeds;

  @Option(names = {"-v", "--verbose"}, description = "Print each article stored.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VigilConfig config = data.config();
    Logging.toDataDir(data.dir);
    List<String> urls = FeedWiring.readFeedList(feeds);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> {
      stop.set(true);
      main.interrupt();
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "vigil-watch-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Store store = Store.open(data.dir)) {
      // the knowledge base as kb.yaml and the analysts' entries have it when the watch starts
      Components components = new Components(data.dir, store.kb().entries());
      FeedIngest ingest = FeedWiring.feedIngest(store, config, data.dir, components.analysis(null),
          FeedWiring.printer(out, err, verbose));
      int added = ingest.addFeeds(urls);
      out.println("Watching " + store.feeds().all().size() + " feeds (" + added + " new) into " + data.dir
          + "  (Ctrl-C to stop)");
      out.flush();
      try {
        ingest.watch(stop::get, r -> {
          store.catchUpIndex(n -> {});
          out.println(Instant.now() + " " + FeedWiring.summary(r));
          out.flush();
        });
      } catch (InterruptedException e) {
        // asked to stop: what was committed stays
      }
    } finally {
      done.countDown();
    }
    return ExitCodes.OK;
  }

  /**
   * For {@code vigil serve}: polls the feeds of {@code feeds.file} in a background thread until
   * interrupted; null when no feeds file is configured.
   */
  static Thread startBackground(Store store, VigilConfig config, Path dataDir, PrintWriter out)
      throws java.io.IOException {
    if (config.feedsFile() == null) {
      return null;
    }
    List<String> urls = FeedWiring.readFeedList(dataDir.resolve(config.feedsFile()));
    PrintWriter quiet = new PrintWriter(java.io.OutputStream.nullOutputStream());
    Thread t = new Thread(() -> {
      try {
        FeedIngest ingest = FeedWiring.feedIngest(store, config, dataDir,
            new Components(dataDir, store.kb().entries()).analysis(null),
            FeedWiring.printer(quiet, quiet, false));
        ingest.addFeeds(urls);
        ingest.watch(() -> Thread.currentThread().isInterrupted(), r -> { });
      } catch (InterruptedException e) {
        // the server is stopping
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(WatchCommand.class).error("feed polling stopped", e);
      }
    }, "vigil-feeds");
    t.setDaemon(true);
    t.start();
    out.println("Polling " + urls.size() + " feeds from " + config.feedsFile() + " (failures on the Skipped page)");
    return t;
  }
}
