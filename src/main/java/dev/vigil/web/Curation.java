package dev.vigil.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.kb.Actor;
import dev.vigil.kb.Role;
import dev.vigil.store.InvalidFieldException;
import dev.vigil.store.Store;
import dev.vigil.store.StoryDecision;
import dev.vigil.stories.StoryCuration;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Analysts' curation beyond event corrections: merging and splitting stories, and adding or
 * changing knowledge-base entries, from the story and entity pages (forms) and the API. Writing
 * needs WRITE (analysts and admins; {@link Access} checks every non-GET route); the store writes
 * each change with its audit entry in one transaction.
 */
final class Curation {
  private static final Pattern KB_ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]{0,119}");
  private static final Pattern ROLE_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final int MAX_ALIASES = 200;
  private static final int MAX_ROLES = 50;
  private static final int MAX_TEXT = 200;

  private final Store store;
  private final EntityViews entities;

  Curation(Store store, EntityViews entities) {
    this.store = store;
    this.entities = entities;
  }

  // --- stories ---

  /**
   * A before-handler of the story routes: a story merged into another (by an analyst or the
   * clustering) redirects to the story it became, for pages and API alike.
   */
  void redirectMerged(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      return; // the route answers 404
    }
    long live = store.stories().live(id);
    if (live != id && ctx.method().name().equals("GET")) {
      String here = "/stories/" + ctx.pathParam("id");
      String rest = ctx.path().substring(ctx.path().indexOf(here) + here.length());
      String base = ctx.path().startsWith("/api/") ? "/api/v1/stories/" : "/stories/";
      String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
      ctx.redirect(base + live + rest + query, HttpStatus.PERMANENT_REDIRECT);
      ctx.skipRemainingHandlers();
    }
  }

  /**
   * {@code POST /api/v1/stories/{id}/merge} with {@code {from: B}} (B is folded into this story)
   * or {@code {into: A}} (this story is folded into A), and an optional {@code reason}.
   */
  void mergeApi(Context ctx) {
    JsonNode in = TeamApi.body(ctx);
    StoryDecision d = merge(ctx, TeamApi.text(in, "from"), TeamApi.text(in, "into"),
        TeamApi.text(in, "reason"));
    ctx.json(decision(d));
  }

  /** {@code POST /stories/{id}/merge}: the merge form of the story page. */
  void mergeForm(Context ctx) {
    StoryDecision d = merge(ctx, ctx.formParam("from"), ctx.formParam("into"),
        ctx.formParam("reason"));
    ctx.redirect("/stories/" + d.into(), HttpStatus.SEE_OTHER);
  }

  /**
   * {@code POST /api/v1/stories/{id}/split} with {@code {articles: [ids], reason}}: those
   * articles become a new story (201, its id in {@code story}).
   */
  void splitApi(Context ctx) {
    JsonNode in = TeamApi.body(ctx);
    if (!in.path("articles").isArray()) {
      throw new InvalidFieldException("articles", "must be an array of article ids");
    }
    List<String> ids = new ArrayList<>();
    in.path("articles").forEach(n -> ids.add(n.asText()));
    StoryDecision d = split(ctx, ids, TeamApi.text(in, "reason"));
    ctx.status(201).json(decision(d));
  }

  /** {@code POST /stories/{id}/split}: the split form (checked {@code article} boxes). */
  void splitForm(Context ctx) {
    StoryDecision d = split(ctx, ctx.formParams("article"), ctx.formParam("reason"));
    ctx.redirect("/stories/" + d.into(), HttpStatus.SEE_OTHER);
  }

  private StoryDecision merge(Context ctx, String fromRaw, String intoRaw, String reason) {
    long self = storyId(ctx.pathParam("id"), "id");
    String f = TeamItems.blank(fromRaw);
    String i = TeamItems.blank(intoRaw);
    if ((f == null) == (i == null)) {
      throw new InvalidFieldException(f == null ? "from" : "into",
          "give exactly one of 'from' (merge that story into this one) or 'into' (merge this one into that)");
    }
    long from = f != null ? storyId(f, "from") : self;
    long into = f != null ? self : storyId(i, "into");
    try {
      return StoryCuration.merge(store.stories(), from, into, reason(reason),
          Access.principal(ctx).editor());
    } catch (StoryCuration.Refused e) {
      throw e.missing() ? HttpError.notFound(e.getMessage()) : HttpError.badRequest(e.getMessage());
    }
  }

  private StoryDecision split(Context ctx, List<String> articles, String reason) {
    long from = storyId(ctx.pathParam("id"), "id");
    if (articles.size() > 10_000 || articles.stream().anyMatch(a -> a == null || a.length() > 300)) {
      throw new InvalidFieldException("articles", "too many articles, or an id longer than 300 characters");
    }
    try {
      return StoryCuration.split(store.stories(), from, articles, reason(reason),
          Access.principal(ctx).editor());
    } catch (StoryCuration.Refused e) {
      throw e.missing() ? HttpError.notFound(e.getMessage()) : HttpError.badRequest(e.getMessage());
    }
  }

  private static long storyId(String raw, String field) {
    try {
      long id = Long.parseLong(raw.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    if (field.equals("id")) {
      throw HttpError.notFound("no story with id '" + Api.clip(raw) + "'");
    }
    throw new InvalidFieldException(field, "must be a story id, got '" + Api.clip(raw) + "'");
  }

  private static String reason(String raw) {
    String r = TeamItems.blank(raw);
    if (r != null && r.length() > 2000) {
      throw new InvalidFieldException("reason", "longer than 2000 characters");
    }
    return r;
  }

  private static Map<String, Object> decision(StoryDecision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("story", d.into());
    m.put("decision", d);
    return m;
  }

  // --- knowledge base ---

  /**
   * Adds to an entity page's {@code model} what its curation panel shows: the knowledge-base
   * entry to edit ({@code kbEdit}: the id the form writes, the current entry or null), the
   * entity's change history, and whether the reader may edit.
   */
  Map<String, Object> entityPanel(Context ctx, Map<String, Object> model) {
    String id = ctx.pathParam("id");
    String kbId = id.startsWith("name:") ? slug(id.substring(5)) : id;
    Principal p = Access.principal(ctx);
    model.put("kbEditId", kbId);
    model.put("kbEdit", entities.kb().get(kbId));
    model.put("kbTypes", new TreeSet<>(Actor.TYPES));
    model.put("entityHistory", store.analysts().audit("entity", kbId, p.organisation(), false, 0, 50));
    model.put("canWrite", p.allows(Permission.WRITE));
    return model;
  }

  /** A knowledge-base id made from a name, as kb.yaml entries without an id get one. */
  private static String slug(String name) {
    String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
        .replaceAll("^-|-$", "");
    return s.isEmpty() ? "actor" : s.length() > 120 ? s.substring(0, 120) : s;
  }

  /**
   * {@code PUT /api/v1/entities/{id}} with {@code {name, type, country, aliases: [...], roles:
   * [{title, from, to}]}}: adds the knowledge-base entry {@code id} or changes it (fields left
   * out keep their value); the entry as stored.
   */
  void putEntity(Context ctx) {
    JsonNode in = TeamApi.body(ctx);
    List<String> aliases = null;
    if (in.has("aliases")) {
      if (!in.get("aliases").isArray()) {
        throw new InvalidFieldException("aliases", "must be an array of names");
      }
      aliases = new ArrayList<>();
      for (JsonNode a : in.get("aliases")) {
        aliases.add(a.asText());
      }
    }
    List<Role> roles = null;
    if (in.has("roles")) {
      if (!in.get("roles").isArray()) {
        throw new InvalidFieldException("roles", "must be an array of {title, from, to}");
      }
      roles = new ArrayList<>();
      for (JsonNode r : in.get("roles")) {
        roles.add(role(TeamApi.text(r, "title"), TeamApi.text(r, "from"), TeamApi.text(r, "to")));
      }
    }
    Actor stored = save(ctx, ctx.pathParam("id"), TeamApi.text(in, "name"), TeamApi.text(in, "type"),
        in.has("country") ? Optional.ofNullable(TeamApi.text(in, "country")) : null,
        aliases, roles);
    ctx.json(EntityViews.actorJson(stored));
  }

  /**
   * {@code POST /entities/{id}/kb}: the entity page's form (aliases one per line, roles one per
   * line as {@code title | from | to}).
   */
  void entityForm(Context ctx) {
    List<String> aliases = lines(ctx.formParam("aliases"));
    List<Role> roles = new ArrayList<>();
    for (String line : lines(ctx.formParam("roles"))) {
      String[] p = line.split("\\|", -1);
      roles.add(role(p[0], p.length > 1 ? p[1] : null, p.length > 2 ? p[2] : null));
    }
    Actor stored = save(ctx, ctx.pathParam("id"), ctx.formParam("name"), ctx.formParam("type"),
        Optional.ofNullable(TeamItems.blank(ctx.formParam("country"))), aliases, roles);
    ctx.redirect("/entities/" + TeamItems.enc(stored.id()), HttpStatus.SEE_OTHER);
  }

  /** Validates and stores an entry; null arguments keep the current value. */
  private Actor save(Context ctx, String id, String name, String type,
      Optional<String> country, List<String> aliases, List<Role> roles) {
    if (id == null || !KB_ID.matcher(id).matches()) {
      throw new InvalidFieldException("id", "a knowledge-base id is letters, digits, '.', '_' and '-'"
          + " (at most 120), got '" + Api.clip(String.valueOf(id)) + "'");
    }
    Actor before = entities.kb().get(id);
    String n = TeamItems.blank(name) != null ? TeamItems.blank(name) : before == null ? null : before.name();
    if (n == null || n.length() > MAX_TEXT) {
      throw new InvalidFieldException("name", "a name is required (at most " + MAX_TEXT + " characters)");
    }
    String t = TeamItems.blank(type) != null ? TeamItems.blank(type).toLowerCase(Locale.ROOT)
        : before == null ? "organisation" : before.type();
    if (!Actor.TYPES.contains(t)) {
      throw new InvalidFieldException("type", "must be one of " + new TreeSet<>(Actor.TYPES)
          + ", got '" + Api.clip(t) + "'");
    }
    String c = country != null ? country.map(x -> x.strip().toUpperCase(Locale.ROOT)).orElse(null)
        : before == null ? null : before.country();
    if (c != null && !COUNTRY.matcher(c).matches()) {
      throw new InvalidFieldException("country", "must be an ISO 3166-1 alpha-2 code, got '" + Api.clip(c) + "'");
    }
    Set<String> names = new LinkedHashSet<>();
    names.add(n);
    for (String a : aliases != null ? aliases : before == null ? List.<String>of() : before.aliases()) {
      String x = TeamItems.blank(a);
      if (x == null) {
        continue;
      }
      if (x.length() > MAX_TEXT) {
        throw new InvalidFieldException("aliases", "an alias is longer than " + MAX_TEXT + " characters");
      }
      names.add(x);
    }
    if (names.size() > MAX_ALIASES) {
      throw new InvalidFieldException("aliases", "at most " + MAX_ALIASES + " aliases");
    }
    List<Role> r = roles != null ? roles : before == null ? List.of() : before.roles();
    if (r.size() > MAX_ROLES) {
      throw new InvalidFieldException("roles", "at most " + MAX_ROLES + " roles");
    }
    Actor after = new Actor(id, n, t, c, r, List.copyOf(names), "analyst");
    return store.kb().put(after, before, Access.principal(ctx).editor());
  }

  private static Role role(String title, String from, String to) {
    String t = TeamItems.blank(title);
    if (t == null || t.length() > MAX_TEXT) {
      throw new InvalidFieldException("roles", "a role needs a title (at most " + MAX_TEXT + " characters)");
    }
    return new Role(t, roleDate(from), roleDate(to));
  }

  private static String roleDate(String raw) {
    String d = TeamItems.blank(raw);
    if (d != null && !ROLE_DATE.matcher(d).matches()) {
      throw new InvalidFieldException("roles", "a role's dates are YYYY, YYYY-MM or YYYY-MM-DD, got '"
          + Api.clip(d) + "'");
    }
    return d;
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      for (String line : text.split("\\R")) {
        if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
    }
    return out;
  }
}
