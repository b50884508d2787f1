package dev.vigil.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.internal.Json;
import dev.vigil.store.ApiToken;
import dev.vigil.store.AuditEntry;
import dev.vigil.store.CorrectedEvent;
import dev.vigil.store.EventCorrection;
import dev.vigil.store.Note;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import dev.vigil.team.Secrets;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team API: notes ({@code /api/v1/notes}), event corrections
 * ({@code /api/v1/articles/{id}/corrections}, {@code .../events/{n}/correction}), the audit log
 * ({@code /api/v1/audit}), and for admins accounts ({@code /api/v1/users}) and API tokens
 * ({@code /api/v1/tokens}). Marked items a caller may not see are left out, or 404 when asked
 * for by id, so that their existence does not leak.
 */
final class TeamApi {
  private final Store store;
  private final TeamItems items;

  TeamApi(Store store, TeamItems items) {
    this.store = store;
    this.items = items;
  }

  /** {@code GET /api/v1/notes?item=&cursor=|offset=&limit=}: the notes on one item the caller may see. */
  void notes(Context ctx) {
    TeamItems.Item item = items.item(ctx.queryParam("item"), Access.visibility(ctx));
    Window w = Window.read(ctx, 50, 200, 1_000_000);
    List<Note> all = store.analysts().notes(item.kind(), item.id(), Access.principal(ctx).organisation());
    ctx.json(w.body(all.size(), w.slice(all)));
  }

  /** {@code POST /api/v1/notes} with {@code {item, tlp, body}}: 201 and the note. */
  void addNote(Context ctx) {
    JsonNode in = body(ctx);
    TeamItems.Item item = items.item(text(in, "item"), Access.visibility(ctx));
    Note n = store.analysts().addNote(item.kind(), item.id(), TeamItems.tlp(text(in, "tlp")),
        TeamItems.noteBody(text(in, "body")), Access.principal(ctx).editor());
    ctx.status(201).json(n);
  }

  /** {@code DELETE /api/v1/notes/{id}}: only by its own organisation; 204. */
  void removeNote(Context ctx) {
    removeNote(ctx, store, ctx.pathParam("id"));
    ctx.status(204);
  }

  /** Removes a note the caller's organisation owns; 404 if the caller may not see it. */
  static Note removeNote(Context ctx, Store store, String id) {
    Principal p = Access.principal(ctx);
    Note n = store.analysts().note(id, p.organisation())
        .orElseThrow(() -> HttpError.notFound("no note '" + Api.clip(id) + "'"));
    if (!n.organisation().equals(p.organisation())) {
      throw new HttpError(403, "only " + n.organisation() + " may remove its notes");
    }
    store.analysts().removeNote(id, p.editor());
    return n;
  }

  /** {@code GET /api/v1/articles/{id}/corrections}: every event as shown, with its original and correction. */
  void corrections(Context ctx) {
    StoredArticle a = items.article(ctx.pathParam("id"), Access.visibility(ctx));
    List<CorrectedEvent> events = items.events(a);
    Window w = Window.read(ctx, 100, 1000, 1_000_000);
    ctx.json(w.body(events.size(), w.slice(events)));
  }

  /**
   * {@code PUT /api/v1/articles/{id}/events/{n}/correction} with {@code {verdict, type, place:
   * {name, lat, lon}, date, actors: [{role, name|kb}], reason}}: replaces the event's
   * correction; the stored correction.
   */
  void correct(Context ctx) {
    StoredArticle a = items.article(ctx.pathParam("id"), Access.visibility(ctx));
    CorrectedEvent target = items.event(a, ctx.pathParam("n"));
    JsonNode in = body(ctx);
    JsonNode place = in.path("place");
    List<dev.vigil.model.Event.Actor> actors = null;
    if (in.path("actors").isArray()) {
      actors = new java.util.ArrayList<>();
      for (JsonNode x : in.path("actors")) {
        actors.add(items.actor(text(x, "role"), text(x, "name"), text(x, "kb")));
      }
    } else if (!in.path("actors").isMissingNode() && !in.path("actors").isNull()) {
      throw new dev.vigil.store.InvalidFieldException("actors", "must be an array of {role, name} or {role, kb}");
    }
    EventCorrection c = TeamItems.correction(a.article().id(), target, text(in, "verdict"),
        text(in, "type"), text(place, "name"), text(place, "lat"), text(place, "lon"),
        text(in, "date"), text(in, "reason"), actors, Access.principal(ctx).username());
    EventCorrection stored = store.analysts().correct(c, Access.principal(ctx).editor());
    store.refreshIndex(); // search and facets see the corrected event at once
    ctx.json(stored);
  }

  /**
   * {@code GET /api/v1/audit?item=&cursor=|offset=&limit=}: changes the caller may see, newest
   * first (changes to accounts and tokens: admins only).
   */
  void audit(Context ctx) {
    Window w = Window.read(ctx, 50, 500, 1_000_000);
    Principal p = Access.principal(ctx);
    boolean admin = p.allows(Permission.ADMIN);
    String raw = ctx.queryParam("item");
    if (raw == null || raw.isBlank()) {
      List<AuditEntry> page = store.analysts().audit(null, null, p.organisation(), admin,
          w.offset(), w.limit());
      ctx.json(w.body(store.analysts().auditCount(p.organisation(), admin), page));
      return;
    }
    // knowledge-base entries have a history but no notes
    TeamItems.Item item = raw.startsWith("entity:") && raw.length() <= 300
        ? new TeamItems.Item("entity", raw.substring(7)) : items.item(raw, Access.visibility(ctx));
    List<AuditEntry> all = store.analysts().audit(item.kind(), item.id(), p.organisation(), admin,
        0, 100_000);
    ctx.json(w.body(all.size(), w.slice(all)));
  }

  /** {@code GET /api/v1/users}: every account (admins only). */
  void users(Context ctx) {
    Window w = Window.read(ctx, 100, 1000, 1_000_000);
    var all = store.accounts().all();
    ctx.json(w.body(all.size(), w.slice(all)));
  }

  /** {@code GET /api/v1/tokens}: every token's record, never the token (admins only). */
  void tokens(Context ctx) {
    Window w = Window.read(ctx, 100, 1000, 1_000_000);
    List<ApiToken> all = store.accounts().tokens(null);
    ctx.json(w.body(all.size(), w.slice(all)));
  }

  /**
   * {@code POST /api/v1/tokens} with {@code {username, label, scope}} (username: the caller by
   * default): 201 with the token, shown this once, and its record.
   */
  void createToken(Context ctx) {
    JsonNode in = body(ctx);
    Principal p = Access.principal(ctx);
    String user = TeamItems.blank(text(in, "username"));
    Map<String, Object> out = createToken(store, p, user == null ? p.username() : user,
        text(in, "label"), text(in, "scope"));
    ctx.status(201).json(out);
  }

  static Map<String, Object> createToken(Store store, Principal p, String username, String label,
      String scope) {
    String l = TeamItems.blank(label);
    if (l == null || l.length() > 200) {
      throw new dev.vigil.store.InvalidFieldException("label", "a label of 1 to 200 characters is required");
    }
    String s = TeamItems.blank(scope) == null ? "read" : scope.strip();
    if (!s.equals("read") && !s.equals("write")) {
      throw new dev.vigil.store.InvalidFieldException("scope", "must be read or write");
    }
    String token = "vgl_" + Secrets.random(32);
    ApiToken t = store.accounts().createToken(username, l, s, token, p.editor());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", token);
    out.put("record", t);
    return out;
  }

  /** {@code DELETE /api/v1/tokens/{id}}: 204, or 404 for no such active token. */
  void revokeToken(Context ctx) {
    String id = ctx.pathParam("id");
    if (!store.accounts().revokeToken(id, Access.principal(ctx).editor())) {
      throw HttpError.notFound("no active token '" + Api.clip(id) + "'");
    }
    ctx.status(204);
  }

  static JsonNode body(Context ctx) {
    try {
      JsonNode n = Json.mapper().readTree(ctx.body());
      if (n == null || !n.isObject()) {
        throw HttpError.badRequest("the request body must be a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw HttpError.badRequest("the request body is not JSON: " + Api.clip(e.getOriginalMessage()));
    }
  }

  static String text(JsonNode in, String field) {
    JsonNode v = in.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new dev.vigil.store.InvalidFieldException(field, "must be a string");
    }
    return v.asText();
  }
}
