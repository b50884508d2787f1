package dev.vigil.cli;

import dev.vigil.config.VigilConfig;
import dev.vigil.feeds.FeedDiscovery;
import dev.vigil.feeds.FeedFormatException;
import dev.vigil.feeds.FeedParser;
import dev.vigil.feeds.FeedPoller;
import dev.vigil.feeds.FeedSchedule;
import dev.vigil.fetch.FetchPolicy;
import dev.vigil.fetch.Fetcher;
import dev.vigil.model.Failure;
import dev.vigil.pipeline.ArticleAnalysis;
import dev.vigil.pipeline.FeedIngest;
import dev.vigil.sources.SourceRegistry;
import dev.vigil.store.Store;
import dev.vigil.store.WriteOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The wiring of fetching, feeds, dedup and sources, from the configuration, in plain code. */
final class FeedWiring {
  private FeedWiring() {}

  static FetchPolicy policy(VigilConfig c) {
    return new FetchPolicy(FetchPolicy.userAgent(c.fetchContactUrl()),
        Duration.ofSeconds(c.fetchConnectTimeoutSeconds()), Duration.ofSeconds(c.fetchReadTimeoutSeconds()),
        c.fetchMaxBodyBytes(), c.fetchMaxRedirects(), c.fetchMaxAttempts(),
        Duration.ofMillis(c.fetchHostDelayMs()), c.fetchPerHostConcurrency(), Duration.ofSeconds(1),
        Duration.ofSeconds(c.fetchMaxBackoffSeconds()), Duration.ofSeconds(60));
  }

  static FeedSchedule schedule(VigilConfig c) {
    int[] s = c.feedIntervalsSeconds();
    return new FeedSchedule(Duration.ofSeconds(s[0]), Duration.ofSeconds(s[2]), Duration.ofSeconds(s[1]));
  }

  static FeedIngest feedIngest(Store store, VigilConfig config, Path dataDir, ArticleAnalysis analysis,
      FeedIngest.Listener listener) {
    return feedIngest(store, config, dataDir, analysis, listener, policy(config));
  }

  static FeedIngest feedIngest(Store store, VigilConfig config, Path dataDir, ArticleAnalysis analysis,
      FeedIngest.Listener listener, FetchPolicy policy) {
    Fetcher fetcher = new Fetcher(policy);
    FeedParser parser = new FeedParser();
    return new FeedIngest(fetcher, new FeedPoller(fetcher, parser, schedule(config)),
        new FeedDiscovery(fetcher, parser), analysis, store, SourceRegistry.load(dataDir),
        new FeedIngest.Options(config.feedWorkers(), config.dedupWindow(), config.dedupThreshold()),
        listener, Clock.systemUTC());
  }

  /**
   * The feeds in a file: an OPML list, or one URL per line ({@code #} starts a comment).
   *
   * @throws IOException naming the file when it cannot be read or holds no URL
   */
  static List<String> readFeedList(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String head = text.stripLeading().toLowerCase(Locale.ROOT);
    if (head.startsWith("<")) {
      try {
        List<String> feeds = new FeedParser().parse(file.toUri().toString(), text).feeds();
        if (feeds.isEmpty()) {
          throw new IOException(file + ": no <outline xmlUrl=...> in this OPML file");
        }
        return feeds;
      } catch (FeedFormatException e) {
        throw new IOException(file + ": " + e.getMessage().replaceFirst("^[^ ]+: ", ""), e);
      }
    }
    List<String> urls = new ArrayList<>();
    int n = 0;
    for (String line : text.split("\n")) {
      n++;
      String l = line.replaceFirst("#.*", "").strip();
      if (l.isEmpty()) {
        continue;
      }
      if (!l.startsWith("http://") && !l.startsWith("https://")) {
        throw new IOException(file + ":" + n + ": not an http(s) URL: " + l);
      }
      urls.add(l);
    }
    if (urls.isEmpty()) {
      throw new IOException(file + ": no feed URLs in it");
    }
    return urls;
  }

  /** Prints failures to standard error and, with {@code verbose}, each article stored. */
  static FeedIngest.Listener printer(PrintWriter out, PrintWriter err, boolean verbose) {
    return new FeedIngest.Listener() {
      @Override
      public void stored(WriteOutcome o, String url, String copyOf) {
        if (verbose) {
          synchronized (out) {
            out.println(o.status().name().toLowerCase(Locale.ROOT) + " " + o.id() + " " + url
                + (copyOf == null ? "" : " (copy of " + copyOf + ")"));
          }
        }
      }

      @Override
      public void failed(Failure f) {
        synchronized (err) {
          err.println("vigil: skipped " + (f.reason().startsWith(f.origin()) ? f.reason() : f.origin() + ": " + f.reason()));
          err.flush();
        }
      }
    };
  }

  static String summary(FeedIngest.Round r) {
    return String.format(Locale.ROOT, "Polled %,d feed%s (%,d failed), %,d new item%s: stored %,d new article%s"
            + " (%,d copies of earlier ones), %,d updated, %,d already stored, %,d skipped. %.1f s.",
        r.feeds(), r.feeds() == 1 ? "" : "s", r.failedFeeds(), r.newItems(), r.newItems() == 1 ? "" : "s",
        r.inserted(), r.inserted() == 1 ? "" : "s", r.copies(), r.updated(), r.unchanged(), r.skipped(),
        r.elapsed().toMillis() / 1000.0);
  }
}
