package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.extract.Extractor;
import dev.vigil.feeds.FeedDiscovery;
import dev.vigil.feeds.FeedParser;
import dev.vigil.feeds.FeedPoller;
import dev.vigil.feeds.FeedSchedule;
import dev.vigil.fetch.FetchPolicy;
import dev.vigil.fetch.Fetcher;
import dev.vigil.fetch.LoopbackServer;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.model.FeedState;
import dev.vigil.nlp.CoreNlpAnnotator;
import dev.vigil.sources.SourceRegistry;
import dev.vigil.store.Store;
import dev.vigil.store.StoredFailure;
import dev.vigil.store.WriteOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds to stored articles over real loopback HTTP: two sites (a fact-checking site's RSS and
 * an aggregator's Atom feed that republishes its article), a page that is gone, a broken feed.
 */
class FeedIngestTest {
  private static final String POLYGRAPH = "https://www.polygraph.info";
  private static final String DIGEST = "https://news-digest.example.com";
  private static final String ARTICLE = "/a/fact-check-russia-us-al-tanf-rukban/30279001.html";
  static ArticleAnalysis analysis;

  @TempDir Path dir;
  private final LoopbackServer site = LoopbackServer.start();
  private final LoopbackServer aggregator = LoopbackServer.start();
  private final Map<String, String> stored = new ConcurrentHashMap<>(); // url -> id
  private final Map<String, String> copies = new ConcurrentHashMap<>(); // id -> original id
  private Store store;
  private FeedIngest ingest;

  @BeforeAll
  static void load() {
    OpenNlpLanguageDetector languages = OpenNlpLanguageDetector.load();
    analysis = new ArticleAnalysis(Extractor.standard(languages), new CoreNlpAnnotator(languages), null,
        Clock.systemUTC());
  }

  @BeforeEach
  void setUp() {
    site.route("/robots.txt", LoopbackServer.ok("text/plain", "User-agent: *\nDisallow: /admin/\n"));
    site.route("/api/zm_yqem_mqq", LoopbackServer.conditional("\"feed-v1\"", "application/rss+xml",
        site.fixture("/fixtures/feeds/polygraph-rss2.xml", POLYGRAPH)));
    site.route(ARTICLE, LoopbackServer.ok("text/html; charset=utf-8",
        LoopbackServer.fixture("/fixtures/html/syria-refugees.html.gz")));
    aggregator.route("/feed/atom/", LoopbackServer.ok("application/atom+xml",
        aggregator.fixture("/fixtures/feeds/digest-atom.xml", DIGEST)));
    aggregator.route("/world/2019/11/pentagon-rejects-russian-syrian-claims-al-tanf",
        LoopbackServer.gzip("text/html", LoopbackServer.fixture("/fixtures/feeds/syndicated-copy.html")));
    aggregator.route("/business/2019/11/new-york-attorney-general-wework",
        LoopbackServer.ok("text/html", LoopbackServer.fixture("/fixtures/html/reuters-wework.html.gz")));
    aggregator.route("/broken.xml", LoopbackServer.ok("application/rss+xml",
        LoopbackServer.fixture("/fixtures/feeds/broken.xml")));
    store = Store.open(dir);
    FetchPolicy policy = new FetchPolicy(FetchPolicy.userAgent("https://example.org/vigil-tests"),
        Duration.ofSeconds(2), Duration.ofSeconds(5), 4 << 20, 5, 2, Duration.ofMillis(100), 1,
        Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(2));
    Fetcher fetcher = new Fetcher(policy);
    FeedParser parser = new FeedParser();
    FeedIngest.Listener listener = new FeedIngest.Listener() {
      @Override
      public void stored(WriteOutcome outcome, String url, String copyOf) {
        stored.put(url, outcome.id());
        if (copyOf != null) {
          copies.put(outcome.id(), copyOf);
        }
      }
    };
    ingest = new FeedIngest(fetcher, new FeedPoller(fetcher, parser,
        new FeedSchedule(Duration.ofMinutes(5), Duration.ofHours(12), Duration.ofMinutes(30))),
        new FeedDiscovery(fetcher, parser), analysis, store, SourceRegistry.bundled(),
        new FeedIngest.Options(4, 1000, 0.55), listener, Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    store.close();
    site.close();
    aggregator.close();
  }

  @Test
  void polledArticlesJoinStoriesAsTheyAreStored() throws Exception {
    // issue 7: feed polling (vigil watch, vigil serve) assigns stories, not only file ingest
    ingest.ingestUrls(List.of(site.url("/api/zm_yqem_mqq"), aggregator.url("/feed/atom/")));
    assertThat(stored).hasSize(3);
    for (String id : stored.values()) {
      assertThat(store.stories().storyOf(id)).as(id).isPresent();
    }
    assertThat(store.stories().assignedUpTo()).isEqualTo(store.articles().lastChange());
    // a Syrian refugee story and a WeWork lawsuit are not one story
    assertThat(stored.values().stream().map(id -> store.stories().storyOf(id).orElseThrow()).distinct())
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void storesNewArticlesOnceLinksTheCopyAndReportsWhatFailed() throws Exception {
    String rss = site.url("/api/zm_yqem_mqq");
    String atom = aggregator.url("/feed/atom/");
    String broken = aggregator.url("/broken.xml");
    FeedIngest.Round r = ingest.ingestUrls(List.of(rss, atom, broken));

    assertThat(r.feeds()).isEqualTo(3);
    assertThat(r.failedFeeds()).isEqualTo(1);
    assertThat(r.inserted()).isEqualTo(3);
    assertThat(r.copies()).isEqualTo(1);
    assertThat(r.skipped()).isEqualTo(1); // the page that is gone
    assertThat(store.articles().count()).isEqualTo(3);

    // the article behind tracking parameters was fetched once
    assertThat(site.hits(ARTICLE)).hasSize(1);
    // the syndicated copy is linked to the original, by the URL each page declares canonical
    String original = stored.get(POLYGRAPH + ARTICLE);
    String copy = stored.get(DIGEST + "/world/2019/11/pentagon-rejects-russian-syrian-claims-al-tanf");
    assertThat(original).isNotNull();
    assertThat(copies).containsEntry(copy, original);
    assertThat(store.feeds().copyOf(copy)).get().satisfies(l -> assertThat(l.similarity()).isGreaterThan(0.55));
    assertThat(store.feeds().copyOf(original)).isEmpty();
    assertThat(store.articles().get(original).orElseThrow().article().title())
        .isEqualTo("Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return");
    assertThat(store.feeds().feedOf(POLYGRAPH + ARTICLE)).hasValue(rss);

    List<StoredFailure> failures = store.articles().recentFailures(10);
    assertThat(failures).anySatisfy(f -> {
      assertThat(f.failure().origin()).isEqualTo(broken);
      assertThat(f.failure().reason()).contains("malformed feed");
    });
    assertThat(failures).anySatisfy(f -> {
      assertThat(f.failure().origin()).isEqualTo(site.url("/a/transnistria-tv-russian-expert/30250123.html"));
      assertThat(f.failure().reason()).contains("HTTP 404");
    });

    FeedState feed = store.feeds().get(rss).orElseThrow();
    assertThat(feed.title()).isEqualTo("Polygraph.info");
    assertThat(feed.lastSuccess()).isNotNull();
    assertThat(feed.itemsSeen()).isEqualTo(3);
    assertThat(feed.articles()).isEqualTo(1);
    assertThat(feed.etag()).isEqualTo("\"feed-v1\"");
    assertThat(feed.interval()).isLessThan(Duration.ofMinutes(30)); // it had news: polled sooner
    FeedState bad = store.feeds().get(broken).orElseThrow();
    assertThat(bad.errors()).isEqualTo(1);
    assertThat(bad.lastError()).startsWith(broken).contains("malformed feed");
    assertThat(bad.nextPoll()).isAfter(bad.lastPolled());

    assertThat(site.maxConcurrent()).isEqualTo(1);
    assertThat(aggregator.maxConcurrent()).isEqualTo(1);
  }

  @Test
  void aSecondPollAsksConditionallyAndStoresNothingNew() throws Exception {
    String rss = site.url("/api/zm_yqem_mqq");
    String atom = aggregator.url("/feed/atom/");
    ingest.ingestUrls(List.of(rss, atom));
    long before = store.articles().count();

    FeedIngest.Round again = ingest.poll(store.feeds().all());
    assertThat(again.inserted()).isZero();
    assertThat(again.newItems()).isZero();
    assertThat(store.articles().count()).isEqualTo(before);
    List<LoopbackServer.Hit> polls = site.hits("/api/zm_yqem_mqq");
    assertThat(polls).hasSize(2);
    assertThat(polls.get(1).ifNoneMatch()).isEqualTo("\"feed-v1\"");
    assertThat(aggregator.hits("/world/2019/11/pentagon-rejects-russian-syrian-claims-al-tanf")).hasSize(1);
  }

  @Test
  void discoversTheFeedsOfASiteFromItsHomePage() throws Exception {
    site.route("/", LoopbackServer.ok("text/html", "<!DOCTYPE html><html><head><title>Polygraph</title>"
        + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"/api/zm_yqem_mqq\">"
        + "</head><body><h1>Fact checks</h1></body></html>"));
    FeedIngest.Round r = ingest.ingestUrls(List.of(site.url("/")));
    assertThat(r.feeds()).isEqualTo(1);
    assertThat(store.feeds().get(site.url("/api/zm_yqem_mqq"))).isPresent();
    assertThat(r.inserted()).isEqualTo(1);
  }

  @Test
  void ingestsAnArticlePageGivenDirectly() throws Exception {
    FeedIngest.Round r = ingest.ingestUrls(List.of(site.url(ARTICLE)));
    assertThat(r.feeds()).isZero();
    assertThat(r.inserted()).isEqualTo(1);
    assertThat(stored).containsKey(POLYGRAPH + ARTICLE);
  }
}
