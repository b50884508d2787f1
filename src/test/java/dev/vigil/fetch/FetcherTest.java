package dev.vigil.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import dev.vigil.internal.Charsets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real loopback server that misbehaves on purpose. */
class FetcherTest {
  private static final byte[] FEED = LoopbackServer.fixture("/fixtures/feeds/polygraph-rss2.xml");

  private final LoopbackServer server = LoopbackServer.start();

  /** Short timeouts and delays so that the misbehaving cases end quickly. */
  private static FetchPolicy policy(Duration hostDelay) {
    return new FetchPolicy(FetchPolicy.userAgent("https://example.org/vigil-tests"), Duration.ofSeconds(2),
        Duration.ofMillis(1500), 64 * 1024, 3, 3, hostDelay, 1, Duration.ofMillis(100), Duration.ofSeconds(5),
        Duration.ofSeconds(5));
  }

  private final Fetcher fetcher = new Fetcher(policy(Duration.ZERO));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void fetchesAndSendsADescriptiveUserAgent() throws Exception {
    server.route("/feed", LoopbackServer.ok("application/rss+xml", FEED));
    FetchResult r = fetcher.fetch(FetchRequest.of(server.url("/feed")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(FEED);
    assertThat(r.text()).contains("<title>Polygraph.info</title>");
    assertThat(server.hits("/feed").get(0).userAgent()).startsWith("Vigil/").contains("+https://example.org/vigil-tests");
    assertThat(server.hits("/robots.txt")).hasSize(1); // asked once, before the first page
  }

  @Test
  void decodesGzip() throws Exception {
    server.route("/feed", LoopbackServer.gzip("application/rss+xml", FEED));
    FetchResult r = fetcher.fetch(FetchRequest.of(server.url("/feed")));
    assertThat(r.body()).isEqualTo(FEED);
    assertThat(r.truncated()).isFalse();
  }

  /** Brotli with stored (uncompressed) meta-blocks: the JDK has no Brotli encoder to make a fixture. */
  @Test
  void decodesBrotli() throws Exception {
    byte[] br = storedBrotli(FEED);
    server.route("/feed", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "br");
      LoopbackServer.send(ex, 200, "application/rss+xml", br);
    });
    assertThat(fetcher.fetch(FetchRequest.of(server.url("/feed"))).body()).isEqualTo(FEED);
  }

  /** RFC 7932: WBITS=16, then one uncompressed meta-block per 64 KiB, then an empty last one. */
  private static byte[] storedBrotli(byte[] data) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    boolean first = true;
    for (int at = 0; at < data.length; at += 65536) {
      int len = Math.min(65536, data.length - at);
      long bits = 0;
      int n = 0;
      if (first) {
        n++; // WBITS: a single 0 bit
        first = false;
      }
      n++; // ISLAST = 0
      n += 2; // MNIBBLES = 0: four nibbles
      bits |= (long) (len - 1) << n;
      n += 16;
      bits |= 1L << n; // ISUNCOMPRESSED
      n++;
      for (int b = 0; b < (n + 7) / 8; b++) {
        out.write((int) (bits >>> (8 * b)) & 0xff);
      }
      out.write(data, at, len);
    }
    out.write(0x03); // ISLAST = 1, ISLASTEMPTY = 1
    return out.toByteArray();
  }

  @Test
  void retriesA429AfterTheRetryAfterItWasGiven() throws Exception {
    server.route("/feed", LoopbackServer.failing(1, 429, Map.of("Retry-After", "1"),
        LoopbackServer.ok("application/rss+xml", FEED)));
    FetchResult r = fetcher.fetch(FetchRequest.of(server.url("/feed")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.attempts()).isEqualTo(2);
    List<LoopbackServer.Hit> hits = server.hits("/feed");
    assertThat(hits).hasSize(2);
    assertThat(hits.get(1).startNanos() - hits.get(0).endNanos()).isGreaterThanOrEqualTo(900_000_000L);
  }

  @Test
  void retriesA500ThenSucceeds() throws Exception {
    server.route("/feed", LoopbackServer.failing(1, 500, Map.of(), LoopbackServer.ok("application/rss+xml", FEED)));
    FetchResult r = fetcher.fetch(FetchRequest.of(server.url("/feed")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.attempts()).isEqualTo(2);
  }

  @Test
  void givesUpOnPersistent503AfterTheAttemptsAllowed() {
    server.route("/feed", LoopbackServer.status(503));
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/feed"))))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining(server.url("/feed")).hasMessageContaining("HTTP 503 after 3 attempts");
    assertThat(server.hits("/feed")).hasSize(3);
  }

  @Test
  void doesNotRetryA404() {
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/gone"))))
        .isInstanceOf(FetchException.class).hasMessage(server.url("/gone") + ": HTTP 404")
        .extracting(e -> ((FetchException) e).status()).isEqualTo(404);
    assertThat(server.hits("/gone")).hasSize(1);
  }

  @Test
  void timesOutOnASlowServer() {
    server.route("/slow", LoopbackServer.slow(4000, LoopbackServer.ok("text/html", "late")));
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/slow"))))
        .isInstanceOf(FetchException.class).hasMessageContaining(server.url("/slow"))
        .hasMessageContaining("timed out");
  }

  @Test
  void cutsOffAnEndlessBody() throws Exception {
    server.route("/endless", LoopbackServer.endless());
    FetchResult r = fetcher.fetch(FetchRequest.of(server.url("/endless")));
    assertThat(r.truncated()).isTrue();
    assertThat(r.body()).hasSize(64 * 1024);
  }

  @Test
  void refusesARedirectLoop() {
    server.route("/a", LoopbackServer.redirect(302, "/b"));
    server.route("/b", LoopbackServer.redirect(301, server.url("/a")));
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/a"))))
        .isInstanceOf(FetchException.class).hasMessageContaining("redirect loop");
  }

  @Test
  void followsRedirectsUpToTheLimit() throws Exception {
    server.route("/r1", LoopbackServer.redirect(301, "/r2"));
    server.route("/r2", LoopbackServer.redirect(302, "/feed"));
    server.route("/feed", LoopbackServer.ok("application/rss+xml", FEED));
    FetchResult r = fetcher.fetch(FetchRequest.of(server.url("/r1")));
    assertThat(r.finalUrl()).isEqualTo(server.url("/feed"));
    assertThat(r.redirects()).containsExactly(server.url("/r1"), server.url("/r2"));
    for (int i = 1; i <= 4; i++) {
      server.route("/c" + i, LoopbackServer.redirect(302, "/c" + (i + 1)));
    }
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/c1"))))
        .isInstanceOf(FetchException.class).hasMessageContaining("more than 3 redirects");
  }

  @Test
  void readsTheCharsetTheDocumentDeclaresWhenTheHeaderIsWrong() throws Exception {
    byte[] cp1251 = LoopbackServer.fixture("/fixtures/feeds/interfax-cp1251.xml");
    server.route("/rss", LoopbackServer.ok("application/rss+xml; charset=utf-8", cp1251));
    FetchResult r = fetcher.fetch(FetchRequest.of(server.url("/rss")));
    assertThat(r.charset()).isEqualTo(Charset.forName("windows-1251"));
    assertThat(r.text()).contains("Шойгу: ситуация на таджикско-афганской границе");
  }

  @Test
  void obeysARobotsTxtThatDisallows() {
    server.route("/robots.txt", LoopbackServer.ok("text/plain", "User-agent: *\nDisallow: /private/\n"));
    server.route("/private/feed", LoopbackServer.ok("application/rss+xml", FEED));
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/private/feed"))))
        .isInstanceOf(FetchException.class).hasMessageContaining("disallowed by").hasMessageContaining("robots.txt");
    assertThat(server.hits("/private/feed")).isEmpty();
  }

  @Test
  void asksConditionallyAndGets304() throws Exception {
    server.route("/feed", LoopbackServer.conditional("\"v1\"", "application/rss+xml", FEED));
    FetchResult first = fetcher.fetch(FetchRequest.of(server.url("/feed")));
    assertThat(first.etag()).isEqualTo("\"v1\"");
    FetchResult second = fetcher.fetch(new FetchRequest(server.url("/feed"), first.etag(), first.lastModified()));
    assertThat(second.notModified()).isTrue();
    assertThat(second.body()).isEmpty();
    assertThat(server.hits("/feed").get(1).ifNoneMatch()).isEqualTo("\"v1\"");
    assertThat(server.hits("/feed").get(1).ifModifiedSince()).isEqualTo("Tue, 19 Nov 2019 10:00:00 GMT");
  }

  /** Six requests from three threads: the server never sees two at once, nor two closer than the delay. */
  @Test
  void keepsOneRequestAtATimePerHostWithTheDelayBetween() throws Exception {
    Fetcher polite = new Fetcher(policy(Duration.ofMillis(300)));
    for (int i = 0; i < 6; i++) {
      server.route("/p" + i, LoopbackServer.slow(50, LoopbackServer.ok("text/html", "<p>page " + i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<FetchResult>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String url = server.url("/p" + i);
        results.add(pool.submit(() -> polite.fetch(FetchRequest.of(url))));
      }
      for (Future<FetchResult> f : results) {
        assertThat(f.get().status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    List<LoopbackServer.Hit> hits = server.hits();
    assertThat(hits).hasSize(7); // robots.txt and six pages
    assertThat(server.maxConcurrent()).isEqualTo(1);
    List<LoopbackServer.Hit> byStart = hits.stream().sorted((a, b) -> Long.compare(a.startNanos(), b.startNanos())).toList();
    for (int i = 1; i < byStart.size(); i++) {
      long gap = byStart.get(i).startNanos() - byStart.get(i - 1).endNanos();
      assertThat(gap).as("gap before request %d (%s)", i, byStart.get(i).path()).isGreaterThanOrEqualTo(250_000_000L);
    }
  }

  @Test
  void honoursTheCrawlDelayOfRobotsTxt() throws Exception {
    server.route("/robots.txt", LoopbackServer.ok("text/plain", "User-agent: vigil\nCrawl-delay: 1\n"));
    server.route("/a", LoopbackServer.ok("text/html", "<p>a"));
    server.route("/b", LoopbackServer.ok("text/html", "<p>b"));
    fetcher.fetch(FetchRequest.of(server.url("/a")));
    long aDone = System.nanoTime(); // the client's clock: a loaded server may note a's end late
    fetcher.fetch(FetchRequest.of(server.url("/b")));
    LoopbackServer.Hit b = server.hits("/b").get(0);
    assertThat(b.startNanos() - aDone).isGreaterThanOrEqualTo(900_000_000L);
  }

  @Test
  void refusesWhatIsNotHttp() {
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of("ftp://example.org/feed")))
        .isInstanceOf(FetchException.class).hasMessage("ftp://example.org/feed: not an http(s) URL");
  }

  @Test
  void detectsCharsetsFromBomHeaderAndDeclaration() {
    byte[] utf8 = "<p>Душанбе</p>".getBytes(StandardCharsets.UTF_8);
    assertThat(Charsets.detect(utf8, "text/html; charset=iso-8859-1")).isEqualTo(StandardCharsets.UTF_8);
    byte[] latin = "<meta charset=\"iso-8859-1\"><p>Caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Charsets.detect(latin, null)).isEqualTo(Charset.forName("windows-1252"));
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x'};
    assertThat(Charsets.decode(bom, Charsets.detect(bom, "text/plain; charset=windows-1251"))).isEqualTo("x");
  }
}
