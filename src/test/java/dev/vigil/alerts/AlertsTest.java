package dev.vigil.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.Articles;
import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.Event;
import dev.vigil.model.PlaceMention;
import dev.vigil.store.Alert;
import dev.vigil.store.Store;
import dev.vigil.store.Watchlist;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watchlists evaluated on a real store and index, and alerts delivered to real receivers. */
class AlertsTest {
  static final Instant T0 = Instant.parse("2026-03-02T10:10:00Z");
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  // a point on the Panj, the river that is the Tajik-Afghan border
  static final double BORDER_LAT = 37.20;
  static final double BORDER_LON = 69.10;

  @TempDir Path dir;
  Store store;
  HttpServer receiver;
  final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeEach
  void open() throws Exception {
    store = Store.open(dir);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String ts = exchange.getRequestHeaders().getFirst("X-Vigil-Timestamp");
      String sig = exchange.getRequestHeaders().getFirst("X-Vigil-Signature");
      int status;
      if (failuresLeft.getAndDecrement() > 0) {
        status = 503;
      } else {
        status = ("sha256=" + hmac(SECRET, ts + "." + body)).equals(sig) ? 204 : 401;
        received.add(Map.of("body", body, "ts", ts, "status", Integer.toString(status)));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void close() {
    receiver.stop(0);
    store.close();
  }

  /** The receiver's own check: HMAC-SHA256 of "timestamp.body", written without Vigil's code. */
  static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String hookUrl() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  static Watchlist watchlist(String name, String query, String digest, String webhookUrl) {
    return new Watchlist(0, name, query, null, null, null, null, null, null, null, null, 1, digest,
        webhookUrl, webhookUrl == null ? null : SECRET, null, null, null);
  }

  static AnalyzedArticle article(String id, String title, String text, List<PlaceMention> places,
      List<Event> events) {
    Annotations ann = Annotations.empty("en").withPlaces(places).withEvents(events, List.of());
    return new AnalyzedArticle(new Article(id, null, "Test Wire", title, null, "2026-03-02", "en",
        text, "test:" + id, Instant.parse("2026-03-02T00:00:00Z")), ann);
  }

  /** Three articles of story s1 and one of s2; the context a story clusterer would give. */
  static StoryContext stories(Map<String, String> storyOf) {
    return new StoryContext() {
      @Override
      public String storyId(String articleId) {
        return storyOf.getOrDefault(articleId, articleId);
      }

      @Override
      public int independentSources(String storyId, dev.vigil.store.Visibility v) {
        return (int) storyOf.values().stream().filter(storyId::equals).count();
      }

      @Override
      public String reliability(String source) {
        return "Unrated";
      }

      @Override
      public String grade(String storyId, dev.vigil.store.Visibility v) {
        return null;
      }
    };
  }

  AlertDelivery delivery() {
    return new AlertDelivery(store, new WebhookSender(), new MailSender(
        new MailSender.Settings(null, 25, null, null, "vigil@localhost", false)),
        "http://vigil.test/", new Random(7));
  }

  @Test
  void threeArticlesOfOneStoryMakeExactlyOneAlert() {
    Watchlist w = store.watchlists().create(watchlist("drones", "drone attack", "immediate", null));
    AlertEvaluator evaluator = new AlertEvaluator(store,
        stories(Map.of("d-1", "s1", "d-2", "s1", "d-3", "s1")));
    store.write(List.of(Articles.of("d-1", "Drone attack near Panj", "A drone attack hit a border post.", "2026-03-01"),
        Articles.of("x-1", "Weather", "Rain in Dushanbe.", "2026-03-01")));
    assertThat(evaluator.evaluate(T0).created()).isEqualTo(1);
    store.write(List.of(
        Articles.of("d-2", "Second drone attack report", "Officials confirmed the drone attack.", "2026-03-01"),
        Articles.of("d-3", "Drone attack: more details", "The drone attack wounded two guards.", "2026-03-01")));
    AlertEvaluator.Outcome second = evaluator.evaluate(T0.plusSeconds(60));
    assertThat(second.created()).isZero();
    assertThat(second.updated()).isEqualTo(2);

    List<Alert> alerts = store.watchlists().alerts(w.id(), 10);
    assertThat(alerts).hasSize(1);
    Alert a = alerts.get(0);
    assertThat(a.storyId()).isEqualTo("s1");
    assertThat(a.articleCount()).isEqualTo(3);
    assertThat(a.firstArticle()).isEqualTo("d-1");
    assertThat(a.latestArticle()).isEqualTo("d-3");
    assertThat(a.reasons()).extracting(Alert.Reason::filter).containsExactly("query");
    assertThat(a.reasons().get(0).detail()).contains("«drone»").contains("«attack»");
    // nothing is evaluated twice
    assertThat(evaluator.evaluate(T0.plusSeconds(120)).articles()).isZero();
  }

  @Test
  void webhookIsRetriedWithBackoffUntilTheReceiverTakesItAndTheSignatureVerifies() throws Exception {
    store.watchlists().create(watchlist("clashes", "clashed", "immediate", hookUrl()));
    store.write(List.of(Articles.placed("p-1")));
    new AlertEvaluator(store, StoryContext.standalone()).evaluate(T0);
    failuresLeft.set(2);
    AlertDelivery delivery = delivery();

    assertThat(delivery.deliverDue(T0).failed()).isEqualTo(1);
    Alert.Delivery d = store.watchlists().alerts(1, 1).get(0).deliveries().get(0);
    assertThat(d.status()).isEqualTo("pending");
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastError()).contains("HTTP 503");
    long firstWait = d.dueMs() - T0.toEpochMilli();
    assertThat(firstWait).isBetween(22_500L, 37_500L); // 30 s ± 25%
    assertThat(delivery.deliverDue(T0.plusSeconds(10)).sent()).isZero(); // not due yet

    Instant second = Instant.ofEpochMilli(d.dueMs());
    assertThat(delivery.deliverDue(second).failed()).isEqualTo(1);
    d = store.watchlists().alerts(1, 1).get(0).deliveries().get(0);
    assertThat(d.attempts()).isEqualTo(2);
    assertThat(d.dueMs() - second.toEpochMilli()).isBetween(45_000L, 75_000L); // doubled

    AlertDelivery.Outcome third = delivery.deliverDue(Instant.ofEpochMilli(d.dueMs()));
    assertThat(third.sent()).isEqualTo(1);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).get("status")).isEqualTo("204"); // the receiver verified the HMAC
    d = store.watchlists().alerts(1, 1).get(0).deliveries().get(0);
    assertThat(d.status()).isEqualTo("delivered");
    assertThat(d.attempts()).isEqualTo(3);

    JsonNode body = Json.mapper().readTree(received.get(0).get("body"));
    assertThat(body.at("/watchlist/name").asText()).isEqualTo("clashes");
    assertThat(body.at("/alerts/0/latestArticle/id").asText()).isEqualTo("p-1");
    assertThat(body.at("/alerts/0/latestArticle/link").asText()).isEqualTo("http://vigil.test/articles/p-1");
    assertThat(body.at("/alerts/0/reasons/0/detail").asText()).contains("«clashed»");
    assertThat(delivery.deliverDue(T0.plus(Duration.ofDays(1))).sent()).isZero(); // sent once
  }

  @Test
  void anHourlyDigestFoldsUpdatesIntoOneMessageAtTheNextHour() throws Exception {
    store.watchlists().create(watchlist("hourly clashes", "clashed", "hourly", hookUrl()));
    AlertEvaluator evaluator = new AlertEvaluator(store, stories(Map.of("p-1", "s1", "p-2", "s1", "p-3", "s2")));
    AlertDelivery delivery = delivery();
    store.write(List.of(Articles.placed("p-1")));
    evaluator.evaluate(T0); // 10:10
    store.write(List.of(Articles.placed("p-2"), Articles.placed("p-3")));
    evaluator.evaluate(T0.plus(Duration.ofMinutes(20))); // 10:30

    assertThat(delivery.deliverDue(Instant.parse("2026-03-02T10:59:59Z")).sent()).isZero();
    AlertDelivery.Outcome atEleven = delivery.deliverDue(Instant.parse("2026-03-02T11:00:00Z"));
    assertThat(atEleven.sent()).isEqualTo(1); // one message ...
    assertThat(atEleven.deliveries()).isEqualTo(2); // ... carrying the two stories' alerts
    JsonNode body = Json.mapper().readTree(received.get(0).get("body"));
    assertThat(body.get("alerts")).hasSize(2);
    List<Integer> counts = new ArrayList<>();
    body.get("alerts").forEach(a -> counts.add(a.get("articleCount").asInt()));
    assertThat(counts).containsExactlyInAnyOrder(2, 1); // p-1 and p-2 folded into s1's alert

    store.write(List.of(Articles.placed("p-4")));
    new AlertEvaluator(store, stories(Map.of("p-4", "s1"))).evaluate(Instant.parse("2026-03-02T11:05:00Z"));
    assertThat(delivery.deliverDue(Instant.parse("2026-03-02T11:30:00Z")).sent()).isZero();
    assertThat(delivery.deliverDue(Instant.parse("2026-03-02T12:00:00Z")).deliveries()).isEqualTo(1);
  }

  @Test
  void aPlace50KmFromTheBorderMatchesAndOne500KmAwayDoesNot() {
    Watchlist near = new Watchlist(0, "border", "", null, null, null, null,
        new Watchlist.Circle(BORDER_LAT, BORDER_LON, 60), null, null, null, 1, null, null, null, null, null, null);
    store.watchlists().create(near);
    double degPerKm = 1 / 111.195; // along a meridian
    PlaceMention close = new PlaceMention("the village", "Village A", "city", "TJ",
        BORDER_LAT + 50 * degPerKm, BORDER_LON, 2.0, 0, 11);
    PlaceMention far = new PlaceMention("the village", "Village B", "city", "TJ",
        BORDER_LAT + 500 * degPerKm, BORDER_LON, 2.0, 0, 11);
    // a whole country is too vague for a 60 km watch even though its point is near
    PlaceMention vague = new PlaceMention("the country", "Somewhere", "country", "TJ",
        BORDER_LAT + 10 * degPerKm, BORDER_LON, 300.0, 0, 11);
    store.write(List.of(
        article("g-near", "Near", "the village was shelled", List.of(close), List.of()),
        article("g-far", "Far", "the village was shelled", List.of(far), List.of()),
        article("g-vague", "Vague", "the country was shelled", List.of(vague), List.of())));
    new AlertEvaluator(store, StoryContext.standalone()).evaluate(T0);

    List<Alert> alerts = store.watchlists().alerts(1, 10);
    assertThat(alerts).extracting(Alert::latestArticle).containsExactly("g-near");
    assertThat(alerts.get(0).reasons().get(0).filter()).isEqualTo("near");
    assertThat(alerts.get(0).reasons().get(0).detail()).contains("Village A").contains("is 50 km from the watch point");
  }

  @Test
  void eventTypeAndAreaTogetherNeedTheEventInTheArea() {
    Watchlist w = new Watchlist(0, "clashes in Khatlon", "", null, List.of("armed_clash"), null,
        List.of("tj"), new Watchlist.Circle(37.9, 69.0, 100), null, null, null, 1, null, null, null,
        null, null, null);
    Watchlist elsewhere = new Watchlist(0, "clashes in Herat", "", null, List.of("armed_clash"), null,
        null, new Watchlist.Circle(34.35, 62.2, 100), null, null, null, 1, null, null, null, null, null, null);
    store.watchlists().create(w);
    store.watchlists().create(elsewhere);
    store.write(List.of(Articles.placed("p-1")));
    new AlertEvaluator(store, StoryContext.standalone()).evaluate(T0);

    assertThat(store.watchlists().alerts(2, 10)).isEmpty();
    List<Alert.Reason> why = store.watchlists().alerts(1, 10).get(0).reasons();
    assertThat(why).extracting(Alert.Reason::filter).containsExactly("countries", "eventTypes", "near");
    assertThat(why.get(0).detail()).isEqualTo("TJ: Khatlon Region");
    assertThat(why.get(1).detail()).startsWith("armed_clash (asserted) at Khatlon Region on 2025-11-17");
    assertThat(why.get(2).detail()).isEqualTo("Khatlon Region (37.900, 69.000) is 0 km from the watch"
        + " point (37.900, 69.000; radius 100 km); the place is uncertain by 80 km");
  }

  @Test
  void storyFiltersComeFromTheStoryContext() {
    Watchlist corroborated = new Watchlist(0, "corroborated", "clashed", null, null, null, null, null,
        null, null, null, 2, null, null, null, null, null, null);
    Watchlist reliable = new Watchlist(0, "reliable", "clashed", null, null, null, null, null, null,
        "Mixed", null, 1, null, null, null, null, null, null);
    store.watchlists().create(corroborated);
    store.watchlists().create(reliable);
    store.write(List.of(Articles.placed("p-1"), Articles.placed("p-2"), Articles.placed("p-3")));
    new AlertEvaluator(store, stories(Map.of("p-1", "s1", "p-2", "s1"))).evaluate(T0);

    List<Alert> alerts = store.watchlists().alerts(1, 10);
    assertThat(alerts).extracting(Alert::storyId).containsExactly("s1"); // p-3 stands alone
    assertThat(alerts.get(0).reasons()).extracting(Alert.Reason::detail)
        .contains("2 independent sources report the story");
    assertThat(store.watchlists().alerts(2, 10)).isEmpty(); // every source is Unrated
  }

  @Test
  void theAtomFeedParsesBackAsAtomWithTheAlerts() throws Exception {
    Watchlist w = store.watchlists().create(watchlist("clashes", "clashed", "immediate", null));
    store.write(List.of(Articles.placed("p-1"), Articles.placed("p-2")));
    new AlertEvaluator(store, StoryContext.standalone()).evaluate(T0);
    String xml = AtomFeed.write(w, store.watchlists().alerts(w.id(), 10), "http://vigil.test/");

    SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getTitle()).isEqualTo("Vigil watchlist: clashes");
    assertThat(feed.getUri()).isEqualTo("urn:vigil:watchlist:" + w.id());
    assertThat(feed.getEntries()).hasSize(2);
    SyndEntry e = feed.getEntries().get(0);
    assertThat(e.getTitle()).isEqualTo("Clash on the border");
    assertThat(e.getLink()).startsWith("http://vigil.test/articles/p-");
    assertThat(e.getUpdatedDate().toInstant()).isEqualTo(T0);
    assertThat(e.getDescription().getValue()).contains("query: ").contains("«clashed»");
  }

  @Test
  void aWatchlistSeesOnlyArticlesStoredAfterItWasCreated() {
    store.write(List.of(Articles.placed("old-1"))); // stored, never evaluated
    store.watchlists().create(watchlist("clashes", "clashed", "immediate", null));
    store.write(List.of(Articles.placed("new-1")));
    new AlertEvaluator(store, StoryContext.standalone()).evaluate(T0);
    assertThat(store.watchlists().alerts(1, 10)).extracting(Alert::latestArticle).containsExactly("new-1");
    assertThat(store.watchlists().evaluatedUpTo()).isEqualTo(store.articles().lastChange());
  }

  @Test
  void aReceiverThatNeverAcceptsEndsFailedAfterTheLastAttempt() {
    store.watchlists().create(watchlist("clashes", "clashed", "immediate", hookUrl()));
    store.write(List.of(Articles.placed("p-1")));
    new AlertEvaluator(store, StoryContext.standalone()).evaluate(T0);
    failuresLeft.set(Integer.MAX_VALUE);
    AlertDelivery delivery = delivery();
    Instant now = T0;
    for (int i = 0; i < AlertDelivery.MAX_ATTEMPTS; i++) {
      assertThat(delivery.deliverDue(now).failed()).isEqualTo(1);
      now = Instant.ofEpochMilli(store.watchlists().alerts(1, 1).get(0).deliveries().get(0).dueMs());
    }
    Alert.Delivery d = store.watchlists().alerts(1, 1).get(0).deliveries().get(0);
    assertThat(d.status()).isEqualTo("failed");
    assertThat(d.attempts()).isEqualTo(AlertDelivery.MAX_ATTEMPTS);
    assertThat(Duration.between(T0, Instant.parse(d.lastAttempt()))).isBetween(Duration.ofHours(6), Duration.ofHours(14));
    assertThat(store.watchlists().failedDeliveries(1)).isEqualTo(1);
    assertThat(delivery.deliverDue(now.plus(Duration.ofDays(1))).failed()).isZero(); // given up
  }

  @Test
  void aProcessThatOnlyReadsTheIndexEvaluatesWhatTheWriterIndexed() {
    store.watchlists().create(watchlist("clashes", "clashed", "immediate", null));
    try (Store reader = Store.open(dir)) { // the index's write lock is held by `store`
      assertThat(reader.index().writable()).isFalse();
      store.write(List.of(Articles.placed("p-1")));
      assertThat(new AlertEvaluator(reader, StoryContext.standalone()).evaluate(T0).created()).isEqualTo(1);
      assertThat(reader.watchlists().alerts(1, 10)).extracting(Alert::latestArticle).containsExactly("p-1");
    }
  }
}
