package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Articles;
import dev.vigil.TestFiles;
import dev.vigil.events.EventExtractor;
import dev.vigil.events.EventRules;
import dev.vigil.extract.Extractor;
import dev.vigil.geo.Geocoder;
import dev.vigil.ingest.FileSource;
import dev.vigil.internal.Json;
import dev.vigil.kb.ActorBase;
import dev.vigil.kb.EntityLinker;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.model.TextStage;
import dev.vigil.nlp.CoreNlpAnnotator;
import dev.vigil.nlp.CoreNlpSentenceParser;
import dev.vigil.pipeline.ArticleAnalysis;
import dev.vigil.pipeline.IngestListener;
import dev.vigil.pipeline.IngestPipeline;
import dev.vigil.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard clicked through in real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, driven by Selenium) against a real server on a random port, over a
 * store of real analysed articles: the two seed reports and six demo-corpus articles go through
 * the whole pipeline (extract, CoreNLP, places, events, stories); 200 more demo articles are
 * stored as they are, for volume. Every request the browser makes is logged and must go to the
 * loopback host. Screenshots land in {@code target/screenshots/} ({@code -Dvigil.screenshots=DIR}
 * copies them elsewhere, e.g. {@code docs/screenshots}).
 */
class BrowserIT {
  static final String HOST = "127.0.0.1";

  @TempDir static Path dir;
  static Store store;
  static WebServer server;
  static HeadlessBrowser browser;
  static String seedId;
  static long seedStory;

  ChromeDriver page;

  @BeforeAll
  static void start() throws Exception {
    store = Store.open(dir.resolve("data"));
    store.write(Articles.demo(200));
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    TestFiles.copy(TestFiles.SEED_CIS, inputs);
    TestFiles.copy(TestFiles.SEED_BORDER, inputs);
    Files.write(inputs.resolve("demo-slice.jsonl"), demoLines(200, 6));
    OpenNlpLanguageDetector languages = OpenNlpLanguageDetector.load();
    List<TextStage> stages = List.of(new EntityLinker(ActorBase.bundled()), Geocoder.bundled(),
        new EventExtractor(EventRules.load(), new CoreNlpSentenceParser()));
    new IngestPipeline(new FileSource(1 << 20), new ArticleAnalysis(Extractor.standard(languages),
        new CoreNlpAnnotator(languages), stages, "Test Wire", Clock.systemUTC()), store,
        new IngestPipeline.Options(2, 8, Duration.ofMillis(50)))
        .run(List.of(inputs), new IngestListener() {});
    server = WebServer.start(store, HOST, 0, "test");
    seedId = articleIdOf("Shoigu");
    seedStory = storyOf(seedId);
    browser = HeadlessBrowser.start(1280, 1000, true);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @BeforeEach
  void fresh() {
    page = browser.driver();
    browser.emulateScreen(1280, 1000, false);
    browser.clearRequests();
  }

  @AfterEach
  void nothingLeftTheHost() {
    List<String> requests = browser.requests();
    assertThat(requests).as("the pages made requests").isNotEmpty();
    // data: URLs are the browser's own inline images (a date field's calendar icon), not requests
    assertThat(requests).as("every request goes to the loopback server")
        .filteredOn(u -> !u.startsWith("data:"))
        .allSatisfy(u -> assertThat(URI.create(u).getHost()).isEqualTo(HOST));
  }

  /** Lines {@code from .. from+n} of the bundled demo corpus (JSON Lines). */
  static byte[] demoLines(int from, int n) throws Exception {
    StringBuilder b = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        BrowserIT.class.getResourceAsStream("/demo/tehran-times-demo.jsonl.gz")), StandardCharsets.UTF_8))) {
      int i = 0;
      for (String line; (line = r.readLine()) != null && i < from + n; i++) {
        if (i >= from) {
          b.append(line).append('\n');
        }
      }
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String get(String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  @SuppressWarnings("unchecked")
  static String articleIdOf(String word) throws Exception {
    Map<String, Object> hits = Json.read(get("/api/v1/search?q=" + word + "&limit=1"), Map.class);
    return (String) ((List<Map<String, Object>>) hits.get("items")).get(0).get("id");
  }

  /** The story that holds article {@code id}. */
  @SuppressWarnings("unchecked")
  static long storyOf(String id) throws Exception {
    Map<String, Object> body = Json.read(get("/api/v1/stories?limit=100"), Map.class);
    for (Map<String, Object> s : (List<Map<String, Object>>) body.get("items")) {
      if (((List<String>) s.get("articles")).contains(id)) {
        return ((Number) s.get("id")).longValue();
      }
    }
    throw new AssertionError("no story holds " + id + ": " + body);
  }

  static String url(String path) {
    return "http://" + HOST + ":" + server.port() + path;
  }

  WebDriverWait waiting() {
    return new WebDriverWait(page, Duration.ofSeconds(20));
  }

  void open(String path) {
    page.get(url(path));
  }

  Path screenshot(String name) throws Exception {
    Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
    Files.write(out, page.getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(out)).as("a rendered page, not a blank one").isGreaterThan(20_000);
    String keep = System.getProperty("vigil.screenshots");
    if (keep != null) {
      Files.copy(out, Files.createDirectories(Path.of(keep)).resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    return out;
  }

  /** The number in {@code #hit-count}'s text ("12 articles match ..."). */
  int hitCount() {
    Matcher m = Pattern.compile("^\\s*(\\d+)").matcher(page.findElement(By.id("hit-count")).getText());
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void fromTheHomePageAStoryShowsItsSourcesAndLedger() throws Exception {
    open("/");
    assertThat(page.getTitle()).contains("Vigil");
    assertThat(page.findElements(By.cssSelector("main a[href^='/stories/'], main a[href^='/articles/']")))
        .as("stories and articles listed").hasSizeGreaterThan(5);
    screenshot("home");
    String href = "/stories/" + seedStory;
    List<WebElement> links = page.findElements(By.cssSelector("main a[href='" + href + "']"));
    if (links.isEmpty()) { // not among the top stories: through the list of all stories
      List<WebElement> nav = page.findElements(By.cssSelector("header a[href='/stories']"));
      if (nav.isEmpty()) {
        open("/stories");
      } else {
        nav.get(0).click();
      }
      waiting().until(d -> d.getCurrentUrl().endsWith("/stories"));
      links = page.findElements(By.cssSelector("main a[href='" + href + "']"));
    }
    assertThat(links).as("a link to the seed story").isNotEmpty();
    links.get(0).click();
    waiting().until(d -> d.getCurrentUrl().endsWith(href));

    // the sources: a section with id "sources", or the list after a heading that starts with "Sources"
    List<WebElement> byId = page.findElements(By.id("sources"));
    WebElement sources = byId.isEmpty() ? page.findElement(By.xpath(
        "//*[self::h2 or self::h3][starts-with(normalize-space(), 'Sources')]/following-sibling::*[1]")) : byId.get(0);
    assertThat(sources.findElements(By.tagName("li"))).as("one row per source").isNotEmpty();
    assertThat(sources.getText()).contains("Test Wire").containsPattern("Unrated|Reliable|Mixed|Unreliable");
    WebElement ledger = page.findElement(By.id("ledger"));
    assertThat(ledger.findElements(By.tagName("li"))).as("claims and denials").isNotEmpty();
    assertThat(ledger.getText()).as("with the reports' sentences").contains("“");
    assertThat(page.findElements(By.cssSelector("main a[href='/articles/" + seedId + "']"))).isNotEmpty();
    screenshot("story");
  }
  @Test
  void theMapDrawsMarkersAndAClickOpensAnEventsPopup() throws Exception {
    open("/map");
    waiting().until(d -> d.findElement(By.id("map")).getAttribute("data-loaded") != null);
    assertThat(Integer.parseInt(page.findElement(By.id("map")).getAttribute("data-loaded"))).isPositive();
    waiting().until(d -> d.findElements(By.cssSelector("#map .leaflet-overlay-pane path")).size() > 100);
    assertThat(markers()).as("markers or cluster icons drawn").isNotEmpty();
    screenshot("map");

    // places off: only events are left; zoom into clusters until a single event marker shows
    page.findElement(By.id("show-places")).click();
    waiting().until(d -> d.findElements(By.cssSelector("#map path.marker-place")).isEmpty());
    for (int i = 0; i < 8 && visible("#map path.marker-event").isEmpty(); i++) {
      List<WebElement> clusters = visible("#map .marker-cluster");
      assertThat(clusters).as("an event marker or a cluster to open").isNotEmpty();
      clusters.get(0).click();
      Thread.sleep(600); // Leaflet animates the zoom
    }
    List<WebElement> events = visible("#map path.marker-event");
    assertThat(events).as("a single event marker").isNotEmpty();
    events.get(0).click();
    WebElement popup = waiting().until(d -> d.findElement(By.cssSelector("#map .leaflet-popup-content")));
    WebElement link = popup.findElement(By.cssSelector("a[href^='/articles/'], a[href^='/stories/'], a[href^='/events/']"));
    String target = link.getAttribute("href");
    link.click();
    waiting().until(d -> d.getCurrentUrl().equals(target));
    assertThat(page.findElement(By.tagName("h1")).getText()).isNotBlank();
  }

  @Test
  void aFacetNarrowsTheHits() {
    open("/search?q=Afghanistan");
    int all = hitCount();
    assertThat(all).isGreaterThan(2);
    WebElement facet = null;
    int expected = 0;
    for (WebElement li : page.findElements(By.cssSelector("aside.facets section.facet li"))) {
      Matcher m = Pattern.compile("(\\d+)\\s*$").matcher(li.getText());
      if (m.find() && Integer.parseInt(m.group(1)) < all && !li.getAttribute("class").contains("active")) {
        facet = li.findElement(By.tagName("a"));
        expected = Integer.parseInt(m.group(1));
        break;
      }
    }
    assertThat(facet).as("a facet value that narrows the hits").isNotNull();
    String before = page.getCurrentUrl();
    facet.click();
    waiting().until(d -> !d.getCurrentUrl().equals(before));
    assertThat(hitCount()).isEqualTo(expected).isLessThan(all);
    assertThat(page.findElements(By.cssSelector("aside.facets li.active"))).as("the chosen value is marked").isNotEmpty();
  }

  @Test
  void theSearchFormFindsHighlightedHits() throws Exception {
    open("/");
    WebElement box = page.findElement(By.cssSelector("form[role='search'] input[name='q']"));
    box.sendKeys("Tajik border", Keys.ENTER);
    waiting().until(d -> d.getCurrentUrl().contains("/search?"));
    assertThat(hitCount()).isPositive();
    assertThat(page.findElements(By.cssSelector("main mark"))).as("highlighted words").isNotEmpty();
    assertThat(page.findElement(By.cssSelector("main")).getText())
        .contains("Russian Security Council Secretary Calls");
    screenshot("search");

    // the article page of a hit: text with its entities and times marked in place
    page.findElement(By.cssSelector("main a[href='/articles/" + seedId + "']")).click();
    waiting().until(d -> d.getCurrentUrl().endsWith("/articles/" + seedId));
    assertThat(page.findElements(By.cssSelector("mark.m-person"))).extracting(WebElement::getText)
        .contains("Sergei Shoigu");
    screenshot("article");
  }

  @Test
  void aBadQueryShowsItsReasonInThePage() {
    open("/search?q=border");
    WebElement box = page.findElement(By.cssSelector("main form input[name='q']"));
    box.clear();
    box.sendKeys("foo AND (", Keys.ENTER);
    WebElement alert = waiting().until(d -> d.findElement(By.cssSelector("[role='alert']")));
    assertThat(alert.getText()).contains("cannot parse the query");
  }

  @Test
  void onAPhoneNoPageScrollsSideways() throws Exception {
    browser.emulateScreen(375, 812, true);
    for (String path : List.of("/", "/stories", "/stories/" + seedStory, "/map", "/search?q=border",
        "/articles/" + seedId)) {
      open(path);
      Object[] widths = ((List<?>) page.executeScript(
          "return [document.documentElement.scrollWidth, window.innerWidth];")).toArray();
      assertThat(((Number) widths[0]).longValue()).as(path + " is as wide as the screen")
          .isLessThanOrEqualTo(((Number) widths[1]).longValue());
      if (path.equals("/")) {
        screenshot("phone-home");
      }
    }
  }

  List<WebElement> markers() {
    return page.findElements(By.cssSelector("#map .leaflet-marker-icon, #map path.leaflet-interactive"));
  }

  List<WebElement> visible(String css) {
    return page.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
  }
}
