package dev.vigil.pipeline;

import dev.vigil.dedup.Fingerprint;
import dev.vigil.dedup.NearDuplicateIndex;
import dev.vigil.dedup.UrlCanonicalizer;
import dev.vigil.extract.ExtractionException;
import dev.vigil.feeds.FeedDiscovery;
import dev.vigil.feeds.FeedFormatException;
import dev.vigil.feeds.FeedItem;
import dev.vigil.feeds.FeedPoller;
import dev.vigil.fetch.FetchException;
import dev.vigil.fetch.FetchRequest;
import dev.vigil.fetch.FetchResult;
import dev.vigil.fetch.Fetcher;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Failure;
import dev.vigil.model.FeedState;
import dev.vigil.model.RawDocument;
import dev.vigil.sources.Source;
import dev.vigil.sources.SourceLookup;
import dev.vigil.store.ArticleStore;
import dev.vigil.store.FeedStore;
import dev.vigil.store.Store;
import dev.vigil.store.WriteOutcome;
import dev.vigil.stories.StoryUpdater;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds into the store: polls the feeds that are due, fetches each new item's page once (by
 * canonical URL), extracts and analyses it, links copies to the article they copy (same
 * content hash, or near-duplicate by MinHash) and writes it, recording where it came from.
 * Feeds of one host are polled one after another, hosts in parallel, so no host sees more than
 * the fetcher allows. A bad feed or page is recorded as a failure naming its URL; the rest goes
 * on.
 */
public final class FeedIngest {
  private static final Logger LOG = LoggerFactory.getLogger(FeedIngest.class);

  /**
   * @param workers hosts polled at once
   * @param dedupCapacity recent articles a new one is compared with
   * @param dedupThreshold least containment for a near-duplicate
   */
  public record Options(int workers, int dedupCapacity, double dedupThreshold) {
    public Options {
      if (workers < 1 || dedupCapacity < 1) {
        throw new IllegalArgumentException("workers and dedupCapacity must be >= 1: " + workers + ", " + dedupCapacity);
      }
    }
  }

  /** What a caller hears as it happens; every method may be called from several threads. */
  public interface Listener {
    default void polled(FeedPoller.Poll poll) {}

    default void stored(WriteOutcome outcome, String url, String copyOf) {}

    default void failed(Failure failure) {}
  }

  /** Totals of one round. */
  public record Round(int feeds, int failedFeeds, int newItems, int inserted, int updated,
      int unchanged, int copies, int skipped, Duration elapsed) {}

  private final Fetcher fetcher;
  private final FeedPoller poller;
  private final FeedDiscovery discovery;
  private final ArticleAnalysis analysis;
  private final Store store;
  private final SourceLookup sources;
  private final NearDuplicateIndex dedup;
  private final Options options;
  private final Listener listener;
  private final Clock clock;
  private final Object writeLock = new Object();
  private final StoryUpdater stories = StoryUpdater.standard();
  /** Canonical URLs being fetched now, so that two feeds listing one article fetch it once. */
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  public FeedIngest(Fetcher fetcher, FeedPoller poller, FeedDiscovery discovery, ArticleAnalysis analysis,
      Store store, SourceLookup sources, Options options, Listener listener, Clock clock) {
    this.fetcher = fetcher;
    this.poller = poller;
    this.discovery = discovery;
    this.analysis = analysis;
    this.store = store;
    this.sources = sources;
    this.options = options;
    this.listener = listener;
    this.clock = clock;
    this.dedup = new NearDuplicateIndex(options.dedupCapacity(), options.dedupThreshold());
    store.feeds().recentFingerprints(options.dedupCapacity(), (id, bytes) -> dedup.add(id, Fingerprint.fromBytes(bytes)));
  }

  /** Adds feeds to the schedule (known ones are left as they are); returns how many were new. */
  public int addFeeds(Collection<String> urls) {
    int added = 0;
    Instant now = clock.instant();
    for (String url : urls) {
      String source = sources.byUrl(url).map(Source::id).orElse(null);
      if (store.feeds().add(FeedState.added(url, null, source, poller.schedule().initial(), now))) {
        added++;
      }
    }
    return added;
  }

  /** Polls every feed that is due now. */
  public Round pollDue() throws InterruptedException {
    return poll(store.feeds().due(clock.instant()));
  }

  /**
   * One pass over URLs given by a user: a feed (or OPML list, sitemap) is added and polled; a
   * site or section page has its feeds discovered, added and polled; an article page is
   * ingested.
   */
  public Round ingestUrls(List<String> urls) throws InterruptedException {
    long started = System.nanoTime();
    Totals t = new Totals();
    List<String> feeds = new ArrayList<>();
    Map<String, FetchResult> fetched = new HashMap<>(); // feeds discovery already fetched
    for (String url : urls) {
      try {
        FeedDiscovery.Found found = discovery.discover(url);
        if (found instanceof FeedDiscovery.Feed f) {
          if (f.feed() == null || f.feed().feeds().isEmpty()) {
            feeds.add(url);
            fetched.put(url, f.response());
          } else {
            feeds.addAll(f.feed().feeds()); // OPML list or sitemap index
          }
        } else if (found instanceof FeedDiscovery.Feeds f) {
          feeds.addAll(f.feeds());
        } else if (found instanceof FeedDiscovery.Page p) {
          List<Pending> pending = new ArrayList<>();
          analysePage(url, null, null, null, p.page(), pending, t);
          write(pending, null, t);
        }
      } catch (FetchException | FeedFormatException e) {
        t.skipped.incrementAndGet();
        fail(new Failure("fetch", url, null, reason(e, url)));
      }
    }
    addFeeds(feeds);
    List<FeedState> states = new ArrayList<>();
    for (String f : new LinkedHashSet<>(feeds)) {
      store.feeds().get(f).ifPresent(states::add);
    }
    Round r = poll(states, fetched);
    return new Round(r.feeds(), r.failedFeeds(), r.newItems(), r.inserted() + t.inserted.get(),
        r.updated() + t.updated.get(), r.unchanged() + t.unchanged.get(), r.copies() + t.copies.get(),
        r.skipped() + t.skipped.get(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Polls until {@code stop} says so, sleeping until the next feed is due. */
  public void watch(BooleanSupplier stop, Consumer<Round> afterRound) throws InterruptedException {
    while (!stop.getAsBoolean()) {
      Round r = pollDue();
      if (r.feeds() > 0) {
        afterRound.accept(r);
      }
      Instant next = store.feeds().nextDue().orElse(clock.instant().plusSeconds(60));
      long wait = Math.max(50, Math.min(1000, Duration.between(clock.instant(), next).toMillis()));
      Thread.sleep(wait);
    }
  }

  /** Polls these feeds now, hosts in parallel, each host's feeds in turn. */
  public Round poll(List<FeedState> feeds) throws InterruptedException {
    return poll(feeds, Map.of());
  }

  private Round poll(List<FeedState> feeds, Map<String, FetchResult> fetched) throws InterruptedException {
    long started = System.nanoTime();
    Totals t = new Totals();
    Map<String, List<FeedState>> byHost = new LinkedHashMap<>();
    for (FeedState f : feeds) {
      byHost.computeIfAbsent(host(f.url()), k -> new ArrayList<>()).add(f);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.workers(), byHost.size())), r -> {
      Thread th = new Thread(r, "vigil-poll");
      th.setDaemon(true);
      return th;
    });
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (List<FeedState> hostFeeds : byHost.values()) {
        tasks.add(pool.submit(() -> {
          for (FeedState f : hostFeeds) {
            pollOne(f, fetched.get(f.url()), t);
          }
          return null;
        }));
      }
      for (Future<?> task : tasks) {
        try {
          task.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re; // the store failed: stop, what was committed stays
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Round(feeds.size(), t.failedFeeds.get(), t.newItems.get(), t.inserted.get(), t.updated.get(),
        t.unchanged.get(), t.copies.get(), t.skipped.get(), Duration.ofNanos(System.nanoTime() - started));
  }

  private void pollOne(FeedState feed, FetchResult prefetched, Totals t) throws InterruptedException {
    Predicate<String> known = url -> store.feeds().fetched(UrlCanonicalizer.canonicalize(url));
    FeedPoller.Poll poll = prefetched != null ? poller.read(feed, prefetched, known, clock.instant())
        : poller.poll(feed, known, clock.instant());
    listener.polled(poll);
    if (poll.failed()) {
      t.failedFeeds.incrementAndGet();
      fail(new Failure("feed", feed.url(), null, poll.error().startsWith(feed.url() + ": ")
          ? poll.error().substring(feed.url().length() + 2) : poll.error()));
      store.feeds().update(poll.state());
      return;
    }
    if (poll.feed() != null && !poll.feed().feeds().isEmpty()) {
      addFeeds(poll.feed().feeds()); // a sitemap index or OPML behind a feed URL
    }
    t.newItems.addAndGet(poll.newItems().size());
    List<Pending> pending = new ArrayList<>();
    List<String> claimed = new ArrayList<>();
    try {
      int inserted = fetchItems(feed, poll, pending, claimed, t);
      FeedState s = poll.state();
      store.feeds().update(new FeedState(s.url(), s.title(), s.source(), s.etag(), s.lastModified(), s.added(),
          s.lastPolled(), s.lastSuccess(), s.nextPoll(), s.interval(), s.errors(), s.errorsTotal(), s.lastError(),
          s.itemsSeen(), s.articles() + inserted));
    } finally {
      claimed.forEach(inFlight::remove);
    }
  }

  private int fetchItems(FeedState feed, FeedPoller.Poll poll, List<Pending> pending, List<String> claimed,
      Totals t) throws InterruptedException {
    for (FeedItem item : poll.newItems()) {
      String canonical = UrlCanonicalizer.canonicalize(item.url());
      if (!inFlight.add(canonical)) {
        continue; // listed twice in this feed, or by a feed polled at the same time
      }
      claimed.add(canonical);
      if (store.feeds().fetched(canonical)) {
        continue; // another feed listed it meanwhile
      }
      FetchResult page;
      try {
        page = fetcher.fetch(FetchRequest.of(item.url()));
      } catch (FetchException e) {
        t.skipped.incrementAndGet();
        store.feeds().recordFetch(canonical, feed.url(), clock.instant(), e.status(), null, e.getMessage());
        fail(new Failure("fetch", item.url(), null, reason(e, item.url())));
        continue;
      }
      analysePage(item.url(), feed.url(), item, feed.source(), page, pending, t);
    }
    return write(pending, feed.url(), t);
  }

  /** A page fetched and analysed, waiting to be written. */
  private record Pending(AnalyzedArticle article, List<String> urls) {}

  private void analysePage(String url, String feed, FeedItem item, String feedSource, FetchResult page,
      List<Pending> pending, Totals t) {
    String canonical = UrlCanonicalizer.canonicalize(url);
    String text = page.text();
    String declared = relCanonical(text, page.finalUrl());
    String articleUrl = UrlCanonicalizer.canonicalize(declared != null ? declared : page.finalUrl());
    List<String> urls = new ArrayList<>(List.of(canonical));
    if (!articleUrl.equals(canonical)) {
      if (store.feeds().fetched(articleUrl)) {
        store.feeds().recordFetch(canonical, feed, clock.instant(), page.status(), null, "same article as " + articleUrl);
        return;
      }
      urls.add(articleUrl);
    }
    Optional<Source> source = sources.byUrl(articleUrl).or(() -> sources.byUrl(url));
    String sourceName = source.map(Source::name)
        .orElse(feedSource == null ? null : sources.byName(feedSource).map(Source::name).orElse(null));
    // re-encoded with a BOM, so that the extractor reads the charset detected here
    byte[] bytes = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
    RawDocument doc = new RawDocument(url, null, RawDocument.Format.HTML, bytes, new RawDocument.Given(null,
        articleUrl, item == null ? null : item.title(), sourceName, item == null ? null : item.published()));
    try {
      pending.add(new Pending(analysis.analyze(doc, null), urls));
    } catch (ExtractionException | IllegalArgumentException e) {
      t.skipped.incrementAndGet();
      for (String u : urls) {
        store.feeds().recordFetch(u, feed, clock.instant(), page.status(), null, e.getMessage());
      }
      fail(new Failure("extract", url, null, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("analysis of {} failed", url, e);
      t.skipped.incrementAndGet();
      fail(new Failure("analyze", url, null, "internal error: " + e + " (details in the log)"));
    }
  }

  /** Writes one feed's articles as one transaction, then links copies; returns how many were new. */
  private int write(List<Pending> pending, String feed, Totals t) {
    if (pending.isEmpty()) {
      return 0;
    }
    synchronized (writeLock) { // copies are found among what was written before, in order
      List<WriteOutcome> outcomes = store.write(pending.stream().map(Pending::article).toList());
      int inserted = 0;
      List<FeedStore.StoredPage> records = new ArrayList<>();
      for (int i = 0; i < outcomes.size(); i++) {
        WriteOutcome o = outcomes.get(i);
        Pending p = pending.get(i);
        String id = p.article().article().id();
        String copyOf = null;
        Double similarity = null;
        byte[] fingerprint = null;
        if (o.status() != WriteOutcome.Status.UNCHANGED) {
          Fingerprint fp = Fingerprint.of(p.article().article().text());
          Optional<String> same = store.feeds().sameContent(
              ArticleStore.contentHash(p.article().article().title(), p.article().article().text()), id);
          if (same.isPresent()) {
            copyOf = same.get();
            similarity = 1.0;
          } else {
            Optional<NearDuplicateIndex.Match> m = dedup.find(fp).filter(x -> !x.id().equals(id));
            if (m.isPresent()) {
              copyOf = m.get().id();
              similarity = Math.round(m.get().containment() * 1000) / 1000.0;
            }
          }
          fingerprint = fp.toBytes();
          dedup.add(id, fp);
          if (copyOf != null) {
            t.copies.incrementAndGet();
          }
        }
        switch (o.status()) {
          case INSERTED -> {
            inserted++;
            t.inserted.incrementAndGet();
          }
          case UPDATED -> t.updated.incrementAndGet();
          case UNCHANGED -> t.unchanged.incrementAndGet();
        }
        records.add(new FeedStore.StoredPage(id, fingerprint, copyOf, similarity, p.urls(), feed));
      }
      store.feeds().recordStored(records, clock.instant());
      stories.catchUp(store); // the new articles join their stories, in write order
      for (int i = 0; i < outcomes.size(); i++) {
        List<String> urls = pending.get(i).urls();
        listener.stored(outcomes.get(i), urls.get(urls.size() - 1), records.get(i).copyOf());
      }
      return inserted;
    }
  }

  private void fail(Failure f) {
    store.articles().recordFailures(List.of(f));
    listener.failed(f);
  }

  private static String reason(Exception e, String url) {
    String m = e.getMessage();
    return m != null && m.startsWith(url) ? m.substring(url.length()).replaceFirst("^: ", "") : String.valueOf(m);
  }

  private static String relCanonical(String html, String base) {
    int head = html.toLowerCase(Locale.ROOT).indexOf("</head>");
    String part = head > 0 ? html.substring(0, head) : html.substring(0, Math.min(html.length(), 65536));
    Element link = Jsoup.parse(part, base).selectFirst("link[rel=canonical][href]");
    if (link == null) {
      return null;
    }
    String abs = link.absUrl("href");
    return abs.startsWith("http") ? abs : null;
  }

  private static String host(String url) {
    try {
      URI u = URI.create(url.strip());
      return (u.getHost() == null ? url : u.getHost().toLowerCase(Locale.ROOT)) + ":" + u.getPort();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static final class Totals {
    final AtomicInteger failedFeeds = new AtomicInteger();
    final AtomicInteger newItems = new AtomicInteger();
    final AtomicInteger inserted = new AtomicInteger();
    final AtomicInteger updated = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicInteger copies = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
  }
}
