package dev.vigil.cli;

import dev.vigil.config.VigilConfig;
import dev.vigil.extract.Extractor;
import dev.vigil.feeds.FeedDiscovery;
import dev.vigil.feeds.FeedParser;
import dev.vigil.feeds.FeedPoller;
import dev.vigil.feeds.FeedSchedule;
import dev.vigil.fetch.FetchPolicy;
import dev.vigil.fetch.Fetcher;
import dev.vigil.internal.FileTrees;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.model.Annotations;
import dev.vigil.model.TaggedText;
import dev.vigil.nlp.Annotator;
import dev.vigil.pipeline.ArticleAnalysis;
import dev.vigil.pipeline.FeedIngest;
import dev.vigil.sources.SourceRegistry;
import dev.vigil.store.Store;
import dev.vigil.store.WriteOutcome;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil bench feeds}: polling many feeds from loopback sites. */
@Command(mixinStandardHelpOptions = true, name = "feeds", sortOptions = false,
    description = {
        "Measure feed polling: serves N feeds (RSS, Atom, JSON Feed) from loopback sites",
        "that keep publishing, polls them with the real fetcher (robots.txt, per-host",
        "limits, conditional GET), fetches, extracts, deduplicates and stores every new",
        "article. Reports the first full pass (feeds/s, items/s), then a soak: the delay",
        "from publication to storage against the poll interval, the most concurrent",
        "requests any host saw, and heap after GC over time.",
    })
final class BenchFeedsCommand implements Callable<Integer> {
  @Option(names = "--feeds", defaultValue = "500", description = "Feeds (default: ${DEFAULT-VALUE}).")
  int feeds;

  @Option(names = "--hosts", defaultValue = "50", description = "Sites the feeds are spread over (default: ${DEFAULT-VALUE}).")
  int hosts;

  @Option(names = "--minutes", defaultValue = "2", description = "Soak duration after the first pass (default: ${DEFAULT-VALUE}).")
  double minutes;

  @Option(names = "--interval", defaultValue = "30",
      description = "Least poll interval in seconds; feeds start there (default: ${DEFAULT-VALUE}).")
  int intervalSeconds;

  @Option(names = "--host-delay-ms", defaultValue = "20",
      description = "Delay between requests to one site (default: ${DEFAULT-VALUE}; the product default is 2000).")
  int hostDelayMs;

  @Option(names = "--dedup-window", description = "Articles the near-duplicate index remembers (default: dedup.window in config).")
  Integer dedupWindow;

  @Option(names = "--annotate", description = "Run CoreNLP on every article too (default: extract, language, dedup, store only).")
  boolean annotate;

  @Option(names = "--report", paramLabel = "FILE", description = "JSON report (default: bench-results/feeds-<time>.json).")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("vigil-bench-feeds-");
    VigilConfig config = VigilConfig.defaults();
    try (FeedFarm farm = new FeedFarm(hosts, feeds); Store store = Store.open(work.resolve("data"))) {
      OpenNlpLanguageDetector languages = OpenNlpLanguageDetector.load();
      Annotator annotator = annotate ? new Components().annotator()
          : (text, language, published) -> new TaggedText(text, published, Annotations.empty(language), List.of());
      ArticleAnalysis analysis = new ArticleAnalysis(Extractor.standard(languages), annotator, null, Clock.systemUTC());
      FetchPolicy policy = FeedWiring.policy(config).withHostDelay(Duration.ofMillis(hostDelayMs));
      Fetcher fetcher = new Fetcher(policy);
      FeedParser parser = new FeedParser();
      Duration interval = Duration.ofSeconds(intervalSeconds);
      List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
      AtomicLong stored = new AtomicLong();
      FeedIngest.Listener listener = new FeedIngest.Listener() {
        @Override
        public void stored(WriteOutcome o, String url, String copyOf) {
          stored.incrementAndGet();
          Long at = farm.takePublishedAt(url);
          if (at != null) {
            latencies.add((System.nanoTime() - at) / 1e9);
          }
        }
      };
      FeedIngest ingest = new FeedIngest(fetcher, new FeedPoller(fetcher, parser,
          new FeedSchedule(interval, interval.multipliedBy(4), interval)), new FeedDiscovery(fetcher, parser),
          analysis, store, SourceRegistry.bundled(),
          new FeedIngest.Options(config.feedWorkers(),
              dedupWindow != null ? dedupWindow : config.dedupWindow(), config.dedupThreshold()), listener,
          Clock.systemUTC());
      ingest.addFeeds(farm.feedUrls());

      out.printf(Locale.ROOT, "First pass: %,d feeds on %d loopback sites, host delay %d ms...%n", feeds, hosts, hostDelayMs);
      out.flush();
      FeedIngest.Round first = ingest.pollDue();
      double firstSeconds = first.elapsed().toMillis() / 1000.0;
      out.printf(Locale.ROOT, "  %s%n  = %.1f feeds/s, %.1f new items/s%n", FeedWiring.summary(first),
          first.feeds() / firstSeconds, first.newItems() / firstSeconds);
      latencies.clear();

      List<Double> heapMb = new ArrayList<>();
      heapMb.add(heapAfterGc());
      long soakEnd = System.nanoTime() + (long) (minutes * 60e9);
      long nextPublish = System.nanoTime();
      long nextSample = System.nanoTime() + 30_000_000_000L;
      int published = 0;
      int polls = 0;
      int newItems = 0;
      long soakStored = stored.get();
      long soakStarted = System.nanoTime();
      out.printf(Locale.ROOT, "Soak: %.1f min, sites publish every 10 s, poll interval %d-%d s...%n", minutes,
          intervalSeconds, intervalSeconds * 4);
      out.flush();
      while (System.nanoTime() < soakEnd) {
        if (System.nanoTime() >= nextPublish) {
          published += farm.publish(0.2);
          nextPublish += 10_000_000_000L;
        }
        FeedIngest.Round r = ingest.pollDue();
        polls += r.feeds();
        newItems += r.newItems();
        if (System.nanoTime() >= nextSample) {
          heapMb.add(heapAfterGc());
          nextSample += 30_000_000_000L;
        }
        Thread.sleep(200);
      }
      heapMb.add(heapAfterGc());
      double soakSeconds = (System.nanoTime() - soakStarted) / 1e9;
      List<Double> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      double median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
      double p95 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.95));
      double max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
      long withinInterval = sorted.stream().filter(s -> s <= intervalSeconds * 4).count();

      Map<String, Object> result = BenchReports.start("feeds");
      result.put("feeds", feeds);
      result.put("hosts", hosts);
      result.put("hostDelayMs", hostDelayMs);
      result.put("perHostConcurrencyLimit", policy.perHostConcurrency());
      result.put("annotate", annotate);
      result.put("dedupWindow", dedupWindow != null ? dedupWindow : config.dedupWindow());
      result.put("firstPassSeconds", BenchReports.round(firstSeconds));
      result.put("firstPassFeedsPerSecond", BenchReports.round(first.feeds() / firstSeconds));
      result.put("firstPassItemsPerSecond", BenchReports.round(first.newItems() / firstSeconds));
      result.put("firstPassStored", first.inserted());
      result.put("firstPassCopies", first.copies());
      result.put("soakSeconds", BenchReports.round(soakSeconds));
      result.put("soakPolls", polls);
      result.put("soakPollsPerSecond", BenchReports.round(polls / soakSeconds));
      result.put("soakFeedsThatPublished", published);
      result.put("soakNewItems", newItems);
      result.put("soakStored", stored.get() - soakStored);
      result.put("intervalSecondsMinMax", List.of(intervalSeconds, intervalSeconds * 4));
      result.put("publishToStoredSecondsMedian", BenchReports.round(median));
      result.put("publishToStoredSecondsP95", BenchReports.round(p95));
      result.put("publishToStoredSecondsMax", BenchReports.round(max));
      result.put("storedWithinMaxInterval", sorted.isEmpty() ? 1.0 : BenchReports.round(withinInterval / (double) sorted.size()));
      result.put("maxConcurrentRequestsPerHost", farm.maxConcurrentPerHost());
      result.put("requestsServed", farm.requests());
      result.put("heapAfterGcMB", heapMb.stream().map(BenchReports::round).toList());
      result.put("peakRssMB", BenchReports.round(BenchReports.peakRssBytes() / 1048576.0));
      Path file = BenchReports.write(result, report, "feeds");
      out.printf(Locale.ROOT, "%nbench feeds: %,d feeds on %d sites%n"
              + "  first pass: %.1f s, %.1f feeds/s, %.1f items/s (%,d stored, %,d copies)%n"
              + "  soak %.0f s: %,d polls (%.1f/s), %,d new items stored; publication to storage median %.1f s,"
              + " p95 %.1f s, max %.1f s (interval %d-%d s)%n"
              + "  most concurrent requests at one site: %d; heap after GC (MB): %s; peak RSS %.0f MB%n  report: %s%n",
          feeds, hosts, firstSeconds, first.feeds() / firstSeconds, first.newItems() / firstSeconds, first.inserted(),
          first.copies(), soakSeconds, polls, polls / soakSeconds, stored.get() - soakStored, median, p95, max,
          intervalSeconds, intervalSeconds * 4, farm.maxConcurrentPerHost(),
          heapMb.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).toList(),
          BenchReports.peakRssBytes() / 1048576.0, file);
      return ExitCodes.OK;
    } finally {
      FileTrees.deleteQuietly(work);
    }
  }

  private static double heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }
}
