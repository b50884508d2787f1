package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Articles;
import dev.vigil.TestFiles;
import dev.vigil.extract.Extractor;
import dev.vigil.ingest.FileSource;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.nlp.CoreNlpAnnotator;
import dev.vigil.pipeline.ArticleAnalysis;
import dev.vigil.pipeline.IngestListener;
import dev.vigil.pipeline.IngestPipeline;
import dev.vigil.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in real headless Chromium (Debian's {@code chromium}): the rendered DOM of the
 * home, search and article pages, and screenshots of each in {@code target/screenshots/}
 * ({@code -Dvigil.screenshots=DIR} writes them elsewhere, e.g. {@code docs/screenshots}).
 */
class BrowserIT {
  static final String CHROMIUM = System.getProperty("vigil.chromium", "/usr/bin/chromium");

  @TempDir static Path dir;
  static Store store;
  static WebServer server;
  static String seedId;

  @BeforeAll
  static void start() throws Exception {
    assertThat(Path.of(CHROMIUM)).as("headless Chromium is needed: apt-get install chromium").exists();
    store = Store.open(dir.resolve("data"));
    store.write(Articles.demo(200));
    store.write(List.of(Articles.placed("map-1")));
    Path seeds = Files.createDirectories(dir.resolve("seeds"));
    TestFiles.copy(TestFiles.SEED_CIS, seeds);
    TestFiles.copy(TestFiles.SEED_BORDER, seeds);
    OpenNlpLanguageDetector languages = OpenNlpLanguageDetector.load();
    List<String> ids = new ArrayList<>();
    new IngestPipeline(new FileSource(1 << 20), new ArticleAnalysis(Extractor.standard(languages),
        new CoreNlpAnnotator(languages), null, Clock.systemUTC()), store,
        new IngestPipeline.Options(1, 8, Duration.ofMillis(50)))
        .run(List.of(seeds), new IngestListener() {
          @Override
          public void stored(List<dev.vigil.store.WriteOutcome> outcomes) {
            outcomes.forEach(o -> ids.add(o.id()));
          }
        });
    seedId = ids.get(1);
    server = WebServer.start(store, "127.0.0.1", 0, "test");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  static List<String> chromium(String... args) {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--user-data-dir=" + dir.resolve("chromium-profile")));
    cmd.addAll(List.of(args));
    return cmd;
  }

  static String dom(String path) throws Exception {
    // the virtual-time budget lets the page's scripts and their fetches finish first
    Process p = new ProcessBuilder(chromium("--virtual-time-budget=10000", "--dump-dom", url(path)))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String html = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return html;
  }

  static Path screenshot(String path, String name, int height) throws Exception {
    Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png").toAbsolutePath();
    Files.deleteIfExists(out);
    Process p = new ProcessBuilder(chromium("--window-size=1280," + height,
        "--virtual-time-budget=10000", "--screenshot=" + out, url(path)))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).exists();
    assertThat(Files.size(out)).as("a rendered page, not a blank one").isGreaterThan(20_000);
    String keep = System.getProperty("vigil.screenshots");
    if (keep != null) {
      Path target = Files.createDirectories(Path.of(keep)).resolve(name + ".png");
      Files.copy(out, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return out;
  }

  @Test
  void theHomePageListsTheLatestArticles() throws Exception {
    String html = dom("/");
    assertThat(html).contains("<h1>Latest articles</h1>");
    assertThat(html.split("class=\"title\" href=\"/articles/")).hasSize(21);
    screenshot("/", "home", 1000);
  }

  @Test
  void aSearchShowsHighlightedHits() throws Exception {
    String html = dom("/search?q=Tajik+border");
    assertThat(html).contains("id=\"hit-count\"").contains("<mark>Tajik</mark>")
        .contains("Russian Security Council Secretary Calls")
        .contains("<section class=\"facet\" data-field=\"source_key\">")
        .contains("<svg class=\"histogram\"");
    String narrowed = dom("/search?q=" + java.net.URLEncoder.encode("(border) AND event_type:\"armed_clash\"",
        StandardCharsets.UTF_8));
    assertThat(narrowed).contains("Clash on the border").contains("<li class=\"active\">");
    screenshot("/search?q=Tajik+border", "search", 1100);
  }

  @Test
  void anArticlePageShowsTheTextAndItsFacts() throws Exception {
    String html = dom("/articles/" + seedId);
    assertThat(html).contains("<dt>Language</dt><dd>en</dd>")
        .contains("<mark class=\"m-person\" title=\"person\">Sergei Shoigu</mark>")
        .contains("<mark class=\"m-time\" title=\"2024-11\">November 2024</mark>");
    screenshot("/articles/" + seedId, "article", 1100);
  }

  @Test
  void theMapDrawsCountriesPlacesAndEventsOffline() throws Exception {
    String html = dom("/map");
    assertThat(html).contains("data-loaded=\"3\"") // two places and one event from the API
        .contains("1 events and 2 places shown")
        .contains("leaflet-interactive"); // drawn vector shapes: outlines, markers, circles
    assertThat(html.split("<path").length - 1).as("country outlines drawn").isGreaterThan(150);
    screenshot("/map", "map", 900);
  }

  @Test
  void theSeedReportsAreOneStoryWithItsSourcesEventsAndTimeline() throws Exception {
    String list = dom("/stories");
    assertThat(list).contains("<h1>Stories</h1>");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "href=\"/stories/(\\d+)\">[^<]*</a>").matcher(list);
    String seedStory = null;
    while (m.find() && seedStory == null) {
      String page = dom("/stories/" + m.group(1));
      if (page.contains(seedId)) {
        seedStory = page;
        screenshot("/stories/" + m.group(1), "story", 1300);
      }
    }
    assertThat(seedStory).as("a story holds the seed report").isNotNull();
    assertThat(seedStory).contains("<h2>Summary</h2>").contains("<h2>Sources</h2>")
        .contains("<h2>Timeline</h2>");
  }

  @Test
  void aBadQueryShowsItsReasonInThePage() throws Exception {
    assertThat(dom("/search?q=foo+AND+(")).contains("cannot parse the query").contains("role=\"alert\"");
  }

}
