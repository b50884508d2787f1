package dev.vigil.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerts.WatchlistInput;
import dev.vigil.internal.Json;
import dev.vigil.store.Store;
import dev.vigil.store.Watchlist;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The watchlist API: {@code GET/POST /api/v1/watchlists}, {@code GET/PUT/DELETE
 * /api/v1/watchlists/{id}}. Bodies are JSON; a bad field is a 400 whose error names it.
 */
final class WatchlistApi {
  private static final int ALERTS = 50;

  private final Store store;

  WatchlistApi(Store store) {
    this.store = store;
  }

  /** {@code GET /api/v1/watchlists}: every watchlist (webhook secrets left out). */
  void list(Context ctx) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Watchlist w : store.watchlists().all()) {
      Map<String, Object> item = Json.mapper().convertValue(w.withWebhookSecret(null), mapType());
      item.put("failingDeliveries", store.watchlists().failedDeliveries(w.id()));
      items.add(item);
    }
    ctx.json(Map.of("items", items));
  }

  /** {@code POST /api/v1/watchlists}: creates one; the answer carries its id and webhook secret. */
  void create(Context ctx) {
    Watchlist saved = store.watchlists().create(WatchlistInput.read(body(ctx), store.index()));
    ctx.status(201);
    ctx.header("Location", "/api/v1/watchlists/" + saved.id());
    ctx.json(saved);
  }

  /** {@code GET /api/v1/watchlists/{id}?limit=}: the watchlist and its latest alerts with deliveries. */
  void show(Context ctx) {
    Watchlist w = find(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("watchlist", w);
    body.put("failingDeliveries", store.watchlists().failedDeliveries(w.id()));
    body.put("alerts", store.watchlists().alerts(w.id(), Params.integer(ctx, "limit", ALERTS, 1, 1000)));
    ctx.json(body);
  }

  /** {@code PUT /api/v1/watchlists/{id}}: replaces the definition; alerts so far stay. */
  void replace(Context ctx) {
    Watchlist old = find(ctx);
    JsonNode json = body(ctx);
    Watchlist w = WatchlistInput.read(json, store.index());
    if (!json.has("webhookSecret") && w.webhookUrl() != null && old.webhookSecret() != null) {
      w = w.withWebhookSecret(old.webhookSecret()); // keep the secret receivers already know
    }
    ctx.json(store.watchlists().replace(old.id(), w).orElseThrow(() -> notFound(old.id())));
  }

  /** {@code DELETE /api/v1/watchlists/{id}}: deletes it with its alerts. */
  void remove(Context ctx) {
    long id = id(ctx);
    if (!store.watchlists().remove(id)) {
      throw notFound(id);
    }
    ctx.status(204);
  }

  private Watchlist find(Context ctx) {
    long id = id(ctx);
    return store.watchlists().get(id).orElseThrow(() -> notFound(id));
  }

  static long id(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw HttpError.notFound("no watchlist with id '" + Api.clip(raw) + "'");
    }
  }

  static HttpError notFound(long id) {
    return HttpError.notFound("no watchlist with id " + id);
  }

  private static JsonNode body(Context ctx) {
    try {
      return Json.mapper().readTree(ctx.body());
    } catch (JsonProcessingException e) {
      throw HttpError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> mapType() {
    return new com.fasterxml.jackson.core.type.TypeReference<>() {};
  }
}
