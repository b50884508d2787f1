package dev.vigil.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerts.AtomFeed;
import dev.vigil.alerts.WatchlistInput;
import dev.vigil.internal.Json;
import dev.vigil.store.InvalidFieldException;
import dev.vigil.store.Store;
import dev.vigil.store.Visibility;
import dev.vigil.store.Watchlist;
import dev.vigil.store.WatchlistStore;
import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The watchlist pages: {@code /watchlists} (the list and a form to create one),
 * {@code /watchlists/{id}} (its alerts, why they fired, their deliveries) and
 * {@code /watchlists/{id}/atom.xml}. Forms are accepted only from this site's own pages.
 */
final class WatchlistPages {
  private static final int ALERTS = 100;
  private static final List<String> FORM_FIELDS = List.of("name", "query", "entities",
      "eventTypes", "categories", "countries", "nearLat", "nearLon", "nearKm", "box",
      "minReliability", "minGrade", "minSources", "digest", "webhookUrl", "email");

  private final Store store;
  private final Templates templates;
  private final Function<String, Map<String, Object>> model;

  WatchlistPages(Store store, Templates templates, Function<String, Map<String, Object>> model) {
    this.store = store;
    this.templates = templates;
    this.model = model;
  }

  /** {@code GET /watchlists?q=}: the list, and the form pre-filled with {@code q}. */
  void list(Context ctx) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", Params.query(ctx));
    form.put("digest", "immediate");
    ctx.html(render(form, null, Access.visibility(ctx)));
  }

  private String render(Map<String, String> form, String error, Visibility v) {
    Map<String, Object> m = model.apply("Watchlists");
    Map<Long, WatchlistStore.Owner> owners = store.watchlists().owners();
    List<Map<String, Object>> rows = store.watchlists().all().stream()
        .filter(w -> owners.containsKey(w.id()) && v.allows(owners.get(w.id()).marking())).map(w -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("w", w);
      row.put("failing", store.watchlists().failedDeliveries(w.id()));
      row.put("tlp", owners.get(w.id()).marking().label());
      return row;
    }).toList();
    m.put("watchlists", rows);
    m.put("form", form);
    m.put("formError", error);
    return templates.render("watchlists", m);
  }

  /** {@code POST /watchlists}: creates one from the form, then shows it. */
  void create(Context ctx) {
    requireSameOrigin(ctx);
    Map<String, String> form = new LinkedHashMap<>();
    for (String f : FORM_FIELDS) {
      String v = ctx.formParam(f);
      form.put(f, v == null ? "" : v);
    }
    Watchlist saved;
    try {
      saved = store.watchlists().create(WatchlistInput.read(json(form), store.index()),
          WatchlistApi.owner(ctx, ctx.formParam("tlp")));
    } catch (InvalidFieldException e) {
      ctx.status(400);
      ctx.html(render(form, e.getMessage(), Access.visibility(ctx)));
      return;
    }
    ctx.redirect("/watchlists/" + saved.id(), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private static ObjectNode json(Map<String, String> form) {
    ObjectNode json = Json.mapper().createObjectNode();
    for (String f : List.of("name", "query", "entities", "eventTypes", "categories", "countries",
        "minReliability", "minGrade", "minSources", "digest", "webhookUrl", "email")) {
      if (!form.get(f).isBlank()) {
        json.put(f, form.get(f));
      }
    }
    if (!(form.get("nearLat") + form.get("nearLon") + form.get("nearKm")).isBlank()) {
      json.putObject("near").put("lat", form.get("nearLat")).put("lon", form.get("nearLon"))
          .put("radiusKm", form.get("nearKm"));
    }
    if (!form.get("box").isBlank()) {
      String[] p = form.get("box").split(",");
      if (p.length != 4) {
        throw new InvalidFieldException("box", "needs four numbers: south,west,north,east");
      }
      json.putObject("box").put("south", p[0]).put("west", p[1]).put("north", p[2]).put("east", p[3]);
    }
    return json;
  }

  /** {@code GET /watchlists/{id}}: the definition, the alerts and their deliveries. */
  void show(Context ctx) {
    Watchlist w = WatchlistApi.find(store, ctx);
    long id = w.id();
    Map<String, Object> m = model.apply(w.name() + " · Watchlist");
    m.put("w", w);
    m.put("alerts", store.watchlists().alerts(id, ALERTS, Access.visibility(ctx)));
    m.put("failing", store.watchlists().failedDeliveries(id));
    ctx.html(templates.render("watchlist", m));
  }

  /** {@code POST /watchlists/{id}/delete}. */
  void remove(Context ctx) {
    requireSameOrigin(ctx);
    long id = WatchlistApi.find(store, ctx).id();
    if (!store.watchlists().remove(id)) {
      throw WatchlistApi.notFound(id);
    }
    ctx.redirect("/watchlists", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** {@code GET /watchlists/{id}/atom.xml}: the alerts as an Atom feed. */
  void atom(Context ctx) {
    Watchlist w = WatchlistApi.find(store, ctx);
    String base = ctx.scheme() + "://" + ctx.host() + "/";
    ctx.contentType("application/atom+xml; charset=utf-8");
    ctx.result(AtomFeed.write(w, store.watchlists().alerts(w.id(), ALERTS, Access.visibility(ctx)), base));
  }

  /** A browser sends Origin with a form POST; one from another site is refused (no CSRF). */
  private static void requireSameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origin.equals("null") && ctx.header("Sec-Fetch-Site") == null) {
      return; // not a browser, or an old one: nothing to check against
    }
    String host = null;
    try {
      host = URI.create(origin).getAuthority();
    } catch (IllegalArgumentException e) {
      // treated as foreign below
    }
    if (host == null || !host.equalsIgnoreCase(ctx.host())) {
      throw new HttpError(403, "form posted from another site (" + Api.clip(origin) + ")");
    }
  }
}
