package dev.vigil.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.fetch.LoopbackServer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every feed format Vigil reads, on captured-format fixtures. */
class FeedParserTest {
  private final FeedParser parser = new FeedParser();

  private ParsedFeed parse(String fixture, String url) throws FeedFormatException {
    return parser.parse(url, new String(LoopbackServer.fixture("/fixtures/feeds/" + fixture), StandardCharsets.UTF_8));
  }

  @Test
  void readsRss2() throws Exception {
    ParsedFeed f = parse("polygraph-rss2.xml", "https://www.polygraph.info/api/zm_yqem_mqq");
    assertThat(f.format()).isEqualTo("rss_2.0");
    assertThat(f.title()).isEqualTo("Polygraph.info");
    assertThat(f.items()).hasSize(3);
    FeedItem first = f.items().get(0);
    assertThat(first.url()).isEqualTo("https://www.polygraph.info/a/fact-check-russia-us-al-tanf-rukban/30279001.html");
    assertThat(first.title()).isEqualTo("Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return");
    assertThat(first.published()).isEqualTo("2019-11-04T21:00:00Z");
  }

  @Test
  void readsAtom() throws Exception {
    ParsedFeed f = parse("digest-atom.xml", "https://news-digest.example.com/feed/atom/");
    assertThat(f.format()).isEqualTo("atom_1.0");
    assertThat(f.items()).extracting(FeedItem::url).containsExactly(
        "https://news-digest.example.com/world/2019/11/pentagon-rejects-russian-syrian-claims-al-tanf",
        "https://news-digest.example.com/business/2019/11/new-york-attorney-general-wework");
    assertThat(f.items().get(1).published()).isEqualTo("2019-11-18T22:05:00Z");
  }

  @Test
  void readsRdf() throws Exception {
    ParsedFeed f = parse("slashdot-rdf.xml", "https://rss.slashdot.org/Slashdot/slashdot");
    assertThat(f.format()).isEqualTo("rss_1.0");
    assertThat(f.items()).hasSize(2);
    assertThat(f.items().get(0).title()).isEqualTo("Satellite Images Show Expanding Border Fortifications");
    assertThat(f.items().get(0).published()).isEqualTo("2019-11-19T04:15:00Z");
  }

  @Test
  void readsRss091WithItsDoctype() throws Exception {
    ParsedFeed f = parse("rss091.xml", "https://eurasianet.org/rss.xml");
    assertThat(f.format()).isEqualTo("rss_0.91U");
    assertThat(f.items()).singleElement().extracting(FeedItem::title)
        .isEqualTo("Tajikistan: Border guards report clash with smugglers");
  }

  @Test
  void readsJsonFeedSkippingItemsWithoutUrl() throws Exception {
    ParsedFeed f = parse("jsonfeed.json", "https://daringfireball.net/feeds/json");
    assertThat(f.format()).isEqualTo("json");
    assertThat(f.title()).isEqualTo("Daring Fireball");
    assertThat(f.items()).hasSize(2);
    assertThat(f.items().get(0).url()).isEqualTo("https://daringfireball.net/linked/2019/11/18/encryption-backdoors");
    assertThat(f.items().get(0).published()).isEqualTo("2019-11-18T19:44:10-05:00");
  }

  @Test
  void readsNewsSitemapsAndSitemapIndexes() throws Exception {
    ParsedFeed f = parse("dawn-sitemap-news.xml", "https://www.dawn.com/sitemaps/sitemap-news.xml");
    assertThat(f.format()).isEqualTo("sitemap");
    assertThat(f.items()).hasSize(2);
    assertThat(f.items().get(0).title()).isEqualTo("Pakistan, Afghanistan agree to reopen Torkham border");
    assertThat(f.items().get(0).published()).isEqualTo("2019-11-19T09:12:33+05:00");
    ParsedFeed index = parse("sitemap-index.xml", "https://www.dawn.com/sitemap.xml");
    assertThat(index.feeds()).containsExactly("https://www.dawn.com/sitemaps/sitemap-news.xml",
        "https://www.dawn.com/sitemaps/sitemap-2019-11.xml");
  }

  @Test
  void readsOpmlOutlinesAtAnyDepth() throws Exception {
    ParsedFeed f = parse("feeds.opml", "file:/home/analyst/feeds.opml");
    assertThat(f.format()).isEqualTo("opml");
    assertThat(f.title()).isEqualTo("Central Asia watch list");
    assertThat(f.feeds()).containsExactly("https://www.polygraph.info/api/zm_yqem_mqq",
        "https://news-digest.example.com/feed/atom/", "https://www.dawn.com/sitemaps/sitemap-news.xml");
  }

  @Test
  void readsAFeedDecodedFromItsDeclaredCharset() throws Exception {
    String text = new String(LoopbackServer.fixture("/fixtures/feeds/interfax-cp1251.xml"), Charset.forName("windows-1251"));
    ParsedFeed f = parser.parse("https://www.interfax.ru/rss.asp", text);
    assertThat(f.title()).isEqualTo("Интерфакс");
    assertThat(f.items().get(0).url()).isEqualTo("https://www.interfax.ru/world/680001");
  }

  @Test
  void namesTheUrlOfABrokenFeed() {
    assertThatThrownBy(() -> parse("broken.xml", "https://broken.example.com/rss"))
        .isInstanceOf(FeedFormatException.class)
        .hasMessageStartingWith("https://broken.example.com/rss: malformed feed");
  }

  @Test
  void refusesAnHtmlPageAndPlainText() {
    assertThatThrownBy(() -> parser.parse("https://x.example/", "<!DOCTYPE html><html><body>hi</body></html>"))
        .isInstanceOf(FeedFormatException.class).hasMessage("https://x.example/: an HTML page, not a feed");
    assertThatThrownBy(() -> parser.parse("https://x.example/f", "hello"))
        .isInstanceOf(FeedFormatException.class).hasMessageContaining("not a feed");
    assertThatThrownBy(() -> parser.parse("https://x.example/f", "{\"items\": []}"))
        .isInstanceOf(FeedFormatException.class).hasMessageContaining("JSON Feed version");
  }

  @Test
  void pollsBusyFeedsMoreOftenAndQuietOnesLessWithinBounds() {
    FeedSchedule s = new FeedSchedule(Duration.ofMinutes(5), Duration.ofHours(12), Duration.ofMinutes(30));
    assertThat(s.afterSuccess(Duration.ofMinutes(30), 8)).isEqualTo(Duration.ofMinutes(15));
    assertThat(s.afterSuccess(Duration.ofMinutes(30), 2)).isEqualTo(Duration.ofMinutes(22).plusSeconds(30));
    assertThat(s.afterSuccess(Duration.ofMinutes(30), 0)).isEqualTo(Duration.ofMinutes(45));
    assertThat(s.afterSuccess(Duration.ofMinutes(6), 20)).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.afterSuccess(Duration.ofHours(10), 0)).isEqualTo(Duration.ofHours(12));
    assertThat(s.afterError(Duration.ofMinutes(30), 1)).isEqualTo(Duration.ofHours(1));
    assertThat(s.afterError(Duration.ofMinutes(30), 10)).isEqualTo(Duration.ofHours(12));
  }
}
