package dev.vigil.alerts;

import dev.vigil.internal.Json;
import dev.vigil.model.IsoDates;
import dev.vigil.store.Alert;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import dev.vigil.store.Watchlist;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the alerts whose delivery is due. The due rounds of one watchlist and channel go out
 * as one message (one webhook POST, one e-mail), so a digest is one message however many
 * alerts it holds. A failed attempt is recorded with its error and retried after an
 * exponentially growing, jittered delay; after {@value #MAX_ATTEMPTS} attempts it stays failed
 * (visible on the watchlist's page and in the API).
 */
public final class AlertDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);
  static final int MAX_ATTEMPTS = 12; // about 10 hours of retries
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  private static final Duration LONGEST_RETRY = Duration.ofHours(2);
  private static final int BATCH = 200;

  private final Store store;
  private final WebhookSender webhook;
  private final MailSender mail;
  private final String baseUrl;
  private final Random random;

  /**
   * @param baseUrl the dashboard's address for links in messages (e.g. https://vigil.example/),
   *     or null to leave links out
   */
  public AlertDelivery(Store store, WebhookSender webhook, MailSender mail, String baseUrl, Random random) {
    this.store = store;
    this.webhook = webhook;
    this.mail = mail;
    this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null
        : (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.random = random;
  }

  /** What one {@link #deliverDue} did: messages sent and failed, and deliveries they carried. */
  public record Outcome(int sent, int failed, int deliveries) {}

  /** Sends every delivery due at {@code now}. */
  public Outcome deliverDue(Instant now) {
    Map<String, List<Alert.Delivery>> groups = new LinkedHashMap<>();
    Map<Long, Alert> alerts = new LinkedHashMap<>();
    for (Alert.Delivery d : store.watchlists().dueDeliveries(now.toEpochMilli(), BATCH)) {
      Optional<Alert> alert = store.watchlists().alert(d.alertId());
      if (alert.isEmpty()) {
        continue; // deleted with its watchlist meanwhile
      }
      alerts.put(d.alertId(), alert.get());
      groups.computeIfAbsent(alert.get().watchlistId() + "/" + d.channel(), k -> new ArrayList<>()).add(d);
    }
    int sent = 0;
    int failed = 0;
    int deliveries = 0;
    for (List<Alert.Delivery> group : groups.values()) {
      Alert.Delivery first = group.get(0);
      List<Long> ids = group.stream().map(Alert.Delivery::id).toList();
      List<Alert> carried = group.stream().map(d -> alerts.get(d.alertId())).toList();
      Optional<Watchlist> w = store.watchlists().get(carried.get(0).watchlistId());
      if (w.isEmpty()) {
        continue;
      }
      try {
        send(w.get(), first.channel(), carried, now);
        store.watchlists().markDelivered(ids, now);
        sent++;
        deliveries += ids.size();
      } catch (DeliveryException e) {
        int attempts = group.stream().mapToInt(Alert.Delivery::attempts).max().orElse(0) + 1;
        Long retryAt = attempts >= MAX_ATTEMPTS ? null : now.plus(backoff(attempts)).toEpochMilli();
        store.watchlists().markFailed(ids, e.getMessage(), now, retryAt);
        LOG.warn("alert delivery by {} for watchlist {} failed (attempt {}{}): {}", first.channel(),
            w.get().id(), attempts, retryAt == null ? ", giving up" : "", e.getMessage());
        failed++;
      }
    }
    return new Outcome(sent, failed, deliveries);
  }

  /** The delay before attempt {@code attempts + 1}: doubling from 30 s up to 2 h, ±25% jitter. */
  Duration backoff(int attempts) {
    long base = FIRST_RETRY.toMillis() << Math.min(attempts - 1, 20);
    long capped = Math.min(base, LONGEST_RETRY.toMillis());
    double jitter = 0.75 + random.nextDouble() * 0.5; // so that failed receivers are not hit in step
    return Duration.ofMillis((long) (capped * jitter));
  }

  private void send(Watchlist w, String channel, List<Alert> alerts, Instant now) throws DeliveryException {
    switch (channel) {
      case "webhook":
        if (w.webhookUrl() == null || w.webhookSecret() == null) {
          throw new DeliveryException("the watchlist has no webhook any more");
        }
        webhook.send(w.webhookUrl(), w.webhookSecret(), Json.write(payload(w, alerts, now)), now);
        break;
      case "email":
        if (w.email() == null) {
          throw new DeliveryException("the watchlist has no e-mail address any more");
        }
        mail.send(w.email(), subject(w, alerts), text(w, alerts));
        break;
      default:
        throw new DeliveryException("unknown channel " + channel);
    }
  }

  /** The webhook's JSON body. */
  Map<String, Object> payload(Watchlist w, List<Alert> alerts, Instant now) {
    Map<String, Object> body = new LinkedHashMap<>();
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("id", w.id());
    list.put("name", w.name());
    list.put("digest", w.digest());
    if (baseUrl != null) {
      list.put("link", baseUrl + "watchlists/" + w.id());
    }
    body.put("watchlist", list);
    body.put("sent", IsoDates.format(now));
    List<Map<String, Object>> items = new ArrayList<>();
    for (Alert a : alerts) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", a.id());
      item.put("storyId", a.storyId());
      item.put("articleCount", a.articleCount());
      item.put("created", a.created());
      item.put("updated", a.updated());
      Map<String, Object> article = new LinkedHashMap<>();
      article.put("id", a.latestArticle());
      article.put("title", a.latestTitle());
      Optional<StoredArticle> stored = store.articles().get(a.latestArticle());
      stored.ifPresent(s -> {
        article.put("source", s.article().source());
        article.put("published", s.article().published());
        article.put("url", s.article().url());
      });
      if (baseUrl != null) {
        article.put("link", baseUrl + "articles/" + a.latestArticle());
      }
      item.put("latestArticle", article);
      item.put("reasons", a.reasons());
      items.add(item);
    }
    body.put("alerts", items);
    return body;
  }

  private static String subject(Watchlist w, List<Alert> alerts) {
    return "[Vigil] " + w.name() + ": " + (alerts.size() == 1
        ? (alerts.get(0).latestTitle() != null ? alerts.get(0).latestTitle() : "1 alert")
        : alerts.size() + " alerts");
  }

  private String text(Watchlist w, List<Alert> alerts) {
    StringBuilder b = new StringBuilder();
    b.append("Watchlist: ").append(w.name()).append('\n');
    if (!w.query().isEmpty()) {
      b.append("Query: ").append(w.query()).append('\n');
    }
    for (Alert a : alerts) {
      b.append("\n* ").append(a.latestTitle() != null ? a.latestTitle() : a.latestArticle()).append('\n');
      b.append("  ").append(a.articleCount()).append(a.articleCount() == 1 ? " article" : " articles")
          .append(" in story ").append(a.storyId()).append(", updated ").append(a.updated()).append('\n');
      if (baseUrl != null) {
        b.append("  ").append(baseUrl).append("articles/").append(a.latestArticle()).append('\n');
      }
      for (Alert.Reason r : a.reasons()) {
        b.append("  - ").append(r.filter()).append(": ").append(r.detail()).append('\n');
      }
    }
    if (baseUrl != null) {
      b.append("\nAll alerts: ").append(baseUrl).append("watchlists/").append(w.id()).append('\n');
    }
    return b.toString();
  }
}
