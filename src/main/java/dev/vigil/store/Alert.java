package dev.vigil.store;

import java.util.List;

/**
 * The one alert of a watchlist for a story: the articles folded into it ({@code articleCount},
 * the latest one), why the latest one matched, and the state of its deliveries.
 */
public record Alert(
    long id, long watchlistId, String storyId, String firstArticle, String latestArticle,
    String latestTitle, int articleCount, List<Reason> reasons, String created, String updated,
    List<Delivery> deliveries) {

  public Alert {
    reasons = List.copyOf(reasons);
    deliveries = List.copyOf(deliveries);
  }

  /** One filter that matched, and what in the article it matched. */
  public record Reason(String filter, String detail) {}

  /**
   * One round of delivery of an alert on a channel: {@code pending} (due at {@code dueMs}),
   * {@code delivered}, or {@code failed} after the last allowed attempt.
   */
  public record Delivery(
      long id, long alertId, String channel, String status, int attempts, long dueMs,
      String lastError, String lastAttempt, String delivered) {}
}
