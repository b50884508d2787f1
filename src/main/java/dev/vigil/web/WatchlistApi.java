package dev.vigil.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerts.WatchlistInput;
import dev.vigil.internal.Json;
import dev.vigil.store.Marking;
import dev.vigil.store.Store;
import dev.vigil.store.Visibility;
import dev.vigil.store.WatchlistStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    Visibility v = Access.visibility(ctx);
    Map<Long, WatchlistStore.Owner> owners = store.watchlists().owners();
    for (Watchlist w : store.watchlists().all()) {
      WatchlistStore.Owner o = owners.get(w.id());
      if (o == null || !v.allows(o.marking())) {
        continue;
      }
      Map<String, Object> item = Json.mapper().convertValue(w.withWebhookSecret(null), mapType());
      putOwner(item, o);
      item.put("failingDeliveries", store.watchlists().failedDeliveries(w.id()));
      items.add(item);
    }
    ctx.json(Map.of("items", items));
  }

  /** {@code POST /api/v1/watchlists}: creates one; the answer carries its id and webhook secret. */
  void create(Context ctx) {
    JsonNode json = body(ctx);
    WatchlistStore.Owner owner = owner(ctx, json);
    Watchlist saved = store.watchlists().create(WatchlistInput.read(json, store.index()), owner);
    ctx.status(201);
    ctx.header("Location", "/api/v1/watchlists/" + saved.id());
    Map<String, Object> body = Json.mapper().convertValue(saved, mapType());
    putOwner(body, owner);
    ctx.json(body);
  }

  /** {@code GET /api/v1/watchlists/{id}?limit=}: the watchlist and its latest alerts with deliveries. */
  void show(Context ctx) {
    Watchlist w = find(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    Map<String, Object> watchlist = Json.mapper().convertValue(w, mapType());
    putOwner(watchlist, store.watchlists().owner(w.id()).orElse(WatchlistStore.Owner.NONE));
    body.put("watchlist", watchlist);
    body.put("failingDeliveries", store.watchlists().failedDeliveries(w.id()));
    body.put("alerts", store.watchlists().alerts(w.id(), Params.integer(ctx, "limit", ALERTS, 1, 1000),
        Access.visibility(ctx)));
    ctx.json(body);
  }

  /** {@code PUT /api/v1/watchlists/{id}}: replaces the definition; alerts so far stay. */
  void replace(Context ctx) {
    Watchlist old = find(ctx);
    JsonNode json = body(ctx);
    if (json instanceof ObjectNode o && o.has("tlp")) { // the marking is set when made
      throw new dev.vigil.store.InvalidFieldException("tlp", "cannot be changed; make a new watchlist");
    }
    Watchlist w = WatchlistInput.read(json, store.index());
    if (!json.has("webhookSecret") && w.webhookUrl() != null && old.webhookSecret() != null) {
      w = w.withWebhookSecret(old.webhookSecret()); // keep the secret receivers already know
    }
    ctx.json(store.watchlists().replace(old.id(), w).orElseThrow(() -> notFound(old.id())));
  }

  /** {@code DELETE /api/v1/watchlists/{id}}: deletes it with its alerts. */
  void remove(Context ctx) {
    long id = find(ctx).id();
    if (!store.watchlists().remove(id)) {
      throw notFound(id);
    }
    ctx.status(204);
  }

  private Watchlist find(Context ctx) {
    return find(store, ctx);
  }

  /**
   * The watchlist of the path's id if the caller's organisation may see it (its marking); else
   * 404, as if there were none.
   */
  static Watchlist find(Store store, Context ctx) {
    long id = id(ctx);
    Visibility v = Access.visibility(ctx);
    return store.watchlists().owner(id).filter(o -> v.allows(o.marking()))
        .flatMap(o -> store.watchlists().get(id)).orElseThrow(() -> notFound(id));
  }

  /**
   * The owner of a watchlist the caller makes, marked with the body's {@code tlp} (taken out of
   * it; default AMBER: the caller's organisation only). The local user of single-user mode
   * makes watchlists without an owner.
   */
  static WatchlistStore.Owner owner(Context ctx, JsonNode json) {
    String tlp = null;
    if (json instanceof ObjectNode o && o.has("tlp")) {
      tlp = o.remove("tlp").asText();
    }
    return owner(ctx, tlp);
  }

  static WatchlistStore.Owner owner(Context ctx, String tlp) {
    Principal p = Access.principal(ctx);
    if (p.via() == Principal.Via.LOCAL) {
      return tlp == null || tlp.isBlank() ? WatchlistStore.Owner.NONE
          : new WatchlistStore.Owner(null, Marking.of(tlp, null));
    }
    return new WatchlistStore.Owner(p.username(),
        Marking.of(tlp == null || tlp.isBlank() ? "AMBER" : tlp, p.organisation()));
  }

  private static void putOwner(Map<String, Object> item, WatchlistStore.Owner o) {
    item.put("owner", o.username());
    item.put("org", o.marking().organisation());
    item.put("tlp", o.marking().label());
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
