package dev.vigil.web;

import dev.vigil.geo.Gazetteer;
import dev.vigil.geo.Place;
import dev.vigil.kb.Actor;
import dev.vigil.kb.ActorBase;
import dev.vigil.store.Mentions;
import dev.vigil.store.Store;
import dev.vigil.store.Visibility;
import dev.vigil.stories.Trends;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The entity and place pages and their API. An entity's id is its knowledge-base id when the
 * linker resolved it, else {@code name:} and the name as written; a place's id is its gazetteer
 * id, else {@code name:} and its name. Each page shows the profile (from the knowledge base or
 * the gazetteer), the coverage ({@link Coverage}) and the events that involve it.
 */
final class EntityViews {
  static final String NAME_PREFIX = "name:";
  /** Entity types the list can filter on (locations are places). */
  static final Set<String> ENTITY_TYPES = Set.of("PERSON", "ORGANIZATION", "NATIONALITY", "MISC");

  private final Store store;
  private final StoryViews stories;
  private final Templates templates;
  private ActorBase bundledKb;
  private ActorBase kb;
  private long kbVersion = -1;

  EntityViews(Store store, StoryViews stories, Templates templates) {
    this.store = store;
    this.stories = stories;
    this.templates = templates;
    // the knowledge base and gazetteer take seconds to load: load them before the first page asks
    Thread preload = new Thread(() -> {
      try {
        kb();
        gazetteer();
      } catch (RuntimeException e) {
        // a broken kb.yaml: the first page that needs the knowledge base reports it
      }
    }, "vigil-preload-kb-gazetteer");
    preload.setDaemon(true);
    preload.start();
  }

  /**
   * The knowledge base (bundled plus the user's kb.yaml, loaded on first use) with the analysts'
   * entries from the store over it, rebuilt when those change.
   */
  synchronized ActorBase kb() {
    if (bundledKb == null) {
      bundledKb = ActorBase.load(store.dataDir());
    }
    long v = store.kb().version();
    if (kb == null || v != kbVersion) {
      kb = bundledKb.with(store.kb().entries());
      kbVersion = v;
    }
    return kb;
  }

  static Gazetteer gazetteer() {
    return Gazetteer.bundled();
  }

  // --- entities ---

  /** An entity's profile and coverage, as the page and the API show it. */
  record EntityView(String id, String name, String type, long articles, long mentions,
      Actor kb, List<Actor> kbCandidates, List<String> aliases, Coverage coverage,
      long eventCount, List<Mentions.EventRow> events) {}

  /** The entity with {@code id}, or a 404. */
  EntityView entity(String id, Visibility v) {
    if (id.isBlank() || id.length() > 500) {
      throw HttpError.notFound("no entity with id '" + Api.clip(id) + "'");
    }
    Mentions.EntityCount row = store.mentions(v).entity(id).orElse(null);
    if (row == null && id.startsWith(NAME_PREFIX)) {
      // a name the linker resolved is stored under its KB id: the name's page is that entity's
      String name = id.substring(NAME_PREFIX.length());
      String key = store.mentions(v).entityKeysByName(List.of(name)).get(name.toLowerCase(Locale.ROOT));
      if (key != null) {
        id = key;
        row = store.mentions(v).entity(key).orElse(null);
      }
    }
    boolean byName = id.startsWith(NAME_PREFIX);
    Actor actor = byName ? null : kb().get(id);
    if (row == null && actor == null) {
      throw HttpError.notFound("no entity with id '" + Api.clip(id) + "'");
    }
    String name = actor != null ? actor.name() : row.name();
    String type = actor != null ? actor.entityType() : row.type();
    Set<String> names = new LinkedHashSet<>();
    names.add(name);
    if (actor != null) {
      names.addAll(actor.aliases());
    }
    List<Actor> candidates = byName ? kb().lookup(name) : List.of();
    String query = Coverage.clause("entity", byName ? name : actor != null ? actor.id() : id);
    String key = row != null ? row.key() : actor.id();
    Coverage coverage = Coverage.of(store, v, stories.all(v, Trends.Window.DAY), query, Mentions.ArticleSet.entity(key),
        Coverage.lower(names), store.mentions(v)::entityKeysByName, names1 -> placeIds(names1, v));
    Mentions.EventFilter events = actorFilter(names, key);
    return new EntityView(actor != null ? actor.id() : row.key(), name, type,
        row == null ? 0 : row.articles(), row == null ? 0 : row.mentions(), actor, candidates,
        List.copyOf(names), coverage, store.mentions(v).eventCount(events),
        store.mentions(v).events(events, 0, 20));
  }

  static Mentions.EventFilter actorFilter(Set<String> names, String key) {
    return new Mentions.EventFilter(null, null, names, key, null, null, null, null, null);
  }

  /**
   * What an {@code actor} parameter (an entity id or a name) selects: the names the entity goes
   * by (a KB actor's name and aliases, or the name itself) and the key of the stored entity, if
   * any, whose articles hold its events.
   */
  Mentions.EventFilter actorFilter(String idOrName, Visibility v) {
    Set<String> names = new LinkedHashSet<>();
    String key = null;
    if (idOrName.startsWith(NAME_PREFIX)) {
      names.add(idOrName.substring(NAME_PREFIX.length()));
    } else {
      Actor a = kb().get(idOrName);
      if (a != null) {
        names.add(a.name());
        names.addAll(a.aliases());
        key = a.id();
      } else {
        names.add(idOrName);
      }
    }
    if (key == null) {
      String name = names.iterator().next();
      key = store.mentions(v).entityKeysByName(List.of(name)).get(name.toLowerCase(Locale.ROOT));
    }
    return actorFilter(names, key);
  }

  /** {@code GET /entities/{id}}. */
  void entityPage(Context ctx, Map<String, Object> model) {
    EntityView e = entity(ctx.pathParam("id"), Access.visibility(ctx));
    model.put("pageTitle", e.name());
    model.put("e", e);
    model.put("c", e.coverage());
    model.put("bars", e.coverage().bars());
    model.put("chartWidth", FacetView.CHART_WIDTH);
    model.put("chartHeight", FacetView.CHART_HEIGHT);
    model.put("eventsSrc", "/api/v1/events?limit=500&actor=" + Coverage.encode(e.id()));
    model.put("events", e.events());
    model.put("eventCount", e.eventCount());
    ctx.html(templates.render("entity", model));
  }

  /** {@code GET /api/v1/entities/{id}}. */
  void entityJson(Context ctx) {
    EntityView e = entity(ctx.pathParam("id"), Access.visibility(ctx));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", e.id());
    body.put("name", e.name());
    body.put("type", e.type());
    body.put("articles", e.articles());
    body.put("mentions", e.mentions());
    body.put("kb", e.kb() == null ? null : actorJson(e.kb()));
    body.put("kbCandidates", e.kbCandidates().stream().map(EntityViews::actorJson).toList());
    body.put("aliases", e.aliases());
    body.putAll(coverageJson(e.coverage()));
    body.put("events", Map.of("total", e.eventCount(), "items", e.events()));
    ctx.json(body);
  }

  static Map<String, Object> actorJson(Actor a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("name", a.name());
    m.put("type", a.type());
    m.put("country", a.country());
    m.put("roles", a.roles());
    m.put("aliases", a.aliases());
    m.put("source", a.source());
    return m;
  }

  static Map<String, Object> coverageJson(Coverage c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", c.query());
    m.put("dates", Map.of("unit", c.dateUnit(), "buckets", c.dates(), "undated", c.undated()));
    Map<String, Object> co = new LinkedHashMap<>();
    co.put("actors", c.actors());
    co.put("places", c.places());
    co.put("eventTypes", c.eventTypes());
    co.put("sources", c.sources());
    m.put("cooccurring", co);
    m.put("latestArticles", c.latest());
    m.put("stories", c.stories());
    return m;
  }

  /** {@code GET /api/v1/entities?q=&type=&cursor=|offset=&limit=}. */
  void entityList(Context ctx) {
    Listing l = entityListing(ctx, Window.read(ctx, 20, 100, 1_000_000));
    ctx.json(l.window().body(l.total(), l.items()));
  }

  /**
   * {@code GET /entities?q=&type=&page=}: the people, organisations and other names the
   * articles mention, most mentioned first, with a name filter.
   */
  void entityListPage(Context ctx, Map<String, Object> model) {
    Listing l = entityListing(ctx, pageWindow(ctx));
    model.put("q", l.q() == null ? "" : l.q());
    model.put("type", l.filter() == null ? "" : l.filter());
    model.put("types", new java.util.TreeSet<>(ENTITY_TYPES));
    listPage(ctx, model, l, "entities");
  }

  /** One page of an entity or place list: the filters asked for, the rows and how many match. */
  record Listing(Window window, String q, String filter, List<Map<String, Object>> items, long total) {}

  private Listing entityListing(Context ctx, Window w) {
    Visibility v = Access.visibility(ctx);
    String q = text(ctx, "q");
    String type = ctx.queryParam("type");
    if (type != null && !type.isBlank()) {
      type = type.strip().toUpperCase(Locale.ROOT);
      if (!ENTITY_TYPES.contains(type)) {
        throw HttpError.badRequest("parameter 'type' must be one of " + new java.util.TreeSet<>(ENTITY_TYPES)
            + ", got '" + Api.clip(ctx.queryParam("type")) + "'");
      }
    } else {
      type = null;
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Mentions.EntityCount e : store.mentions(v).entities(q, type, w.offset(), w.limit())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.key());
      m.put("name", e.name());
      m.put("type", e.type());
      m.put("kbId", e.kbId());
      m.put("articles", e.articles());
      m.put("mentions", e.mentions());
      items.add(m);
    }
    return new Listing(w, q, type, items, store.mentions(v).entityCount(q, type));
  }

  /** The list pages show {@value #LIST_PAGE_SIZE} rows a page, chosen by {@code page} (1-based). */
  static final int LIST_PAGE_SIZE = 50;

  private static Window pageWindow(Context ctx) {
    int page = Params.integer(ctx, "page", 1, 1, 1_000_000 / LIST_PAGE_SIZE);
    return new Window((page - 1) * LIST_PAGE_SIZE, LIST_PAGE_SIZE);
  }

  private void listPage(Context ctx, Map<String, Object> model, Listing l, String template) {
    int page = l.window().offset() / LIST_PAGE_SIZE + 1;
    model.put("rows", l.items());
    model.put("total", l.total());
    model.put("page", page);
    model.put("firstRow", l.window().offset() + 1);
    model.put("hasNext", l.window().next(l.total()) != null);
    ctx.html(templates.render(template, model));
  }

  /** A free-text filter parameter: null when absent, a 400 when too long. */
  static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.length() > 200) {
      throw HttpError.badRequest("parameter '" + name + "' is " + v.length()
          + " characters long; the limit is 200");
    }
    return v.strip();
  }

  // --- places ---

  /** A place's profile (from the gazetteer when it is there) and coverage. */
  record PlaceView(String id, String name, String kind, String country, String countryName,
      String admin1Name, Double lat, Double lon, Double radiusKm, Long population,
      List<String> aliases, List<Hierarchy> hierarchy, long articles, long mentions,
      Coverage coverage, long eventCount, List<Mentions.EventRow> events) {}

  /** One level of the admin hierarchy, outermost first, with its page. */
  record Hierarchy(String kind, String name, String id) {}

  /**
   * The place ids the pages use for places of these names (keyed by the lower-cased name): the
   * gazetteer id of the most mentioned place of that name, else {@code name:} and the name.
   */
  Map<String, String> placeIds(java.util.Collection<String> names, Visibility v) {
    Map<String, String> out = new java.util.HashMap<>();
    if (names.isEmpty()) {
      return out;
    }
    for (Mentions.PlaceCount row : store.mentions(v).place(names, null)) { // most mentioned first
      String key = row.name().toLowerCase(Locale.ROOT);
      if (!out.containsKey(key)) {
        Place p = match(row);
        out.put(key, p != null ? String.valueOf(p.id()) : NAME_PREFIX + row.name());
      }
    }
    return out;
  }

  /** The gazetteer entry a stored place mention was resolved to, or null. */
  static Place match(Mentions.PlaceCount row) {
    Place best = null;
    double bestKm = Double.MAX_VALUE;
    for (Place p : gazetteer().lookup(row.name())) {
      if (row.country() != null && !row.country().equals(p.country())) {
        continue;
      }
      if (row.kind() != null && !row.kind().equals(p.kind())) {
        continue;
      }
      double km = row.lat() == null || row.lon() == null ? 0
          : Place.distanceKm(row.lat(), row.lon(), p.lat(), p.lon());
      if (km < bestKm) {
        best = p;
        bestKm = km;
      }
    }
    return best != null && bestKm <= Math.max(25, best.radiusKm()) ? best : null;
  }

  /** The place with {@code id}, or a 404. */
  PlaceView place(String id, Visibility v) {
    Place p = null;
    List<String> names;
    List<Mentions.PlaceCount> rows;
    if (id.startsWith(NAME_PREFIX) && id.length() <= 500) {
      names = List.of(id.substring(NAME_PREFIX.length()));
      rows = store.mentions(v).place(names, null);
      if (rows.isEmpty()) {
        throw HttpError.notFound("no place with id '" + Api.clip(id) + "'");
      }
      p = match(rows.get(0));
    } else if (id.matches("\\d{1,9}")) {
      p = gazetteer().place(Integer.parseInt(id));
      if (p == null) {
        throw HttpError.notFound("no place with id '" + Api.clip(id) + "'");
      }
      names = namesOf(p);
      rows = store.mentions(v).place(names, p.country());
    } else {
      throw HttpError.notFound("no place with id '" + Api.clip(id) + "'");
    }
    Mentions.PlaceCount top = rows.isEmpty() ? null : rows.get(0);
    String name = p != null ? p.name() : top.name();
    String country = p != null ? p.country() : top.country();
    List<Hierarchy> hierarchy = new ArrayList<>();
    String countryName = null;
    String admin1Name = null;
    if (p != null) {
      Place c = gazetteer().country(p.country());
      if (c != null && c.id() != p.id()) {
        countryName = c.name();
        hierarchy.add(new Hierarchy("country", c.name(), String.valueOf(c.id())));
      }
      Place a1 = gazetteer().admin1(p.country(), p.admin1());
      if (a1 != null && a1.id() != p.id()) {
        admin1Name = a1.name();
        hierarchy.add(new Hierarchy("admin1", a1.name(), String.valueOf(a1.id())));
      }
    }
    // the index holds places by the names articles resolved them to: those stored for this place
    List<String> stored = rows.stream().map(Mentions.PlaceCount::name).distinct().toList();
    String query = (stored.isEmpty() ? List.of(name) : stored).stream()
        .map(n -> Coverage.clause("place", n)).collect(java.util.stream.Collectors.joining(" OR "));
    Coverage coverage = Coverage.of(store, v, stories.all(v, Trends.Window.DAY), query,
        Mentions.ArticleSet.place(stored.isEmpty() ? List.of(name) : stored, country),
        Coverage.lower(names), store.mentions(v)::entityKeysByName, names1 -> placeIds(names1, v));
    Mentions.EventFilter events = placeFilter(names, country);
    long articles = rows.stream().mapToLong(Mentions.PlaceCount::articles).sum();
    long mentions = rows.stream().mapToLong(Mentions.PlaceCount::mentions).sum();
    return new PlaceView(p != null ? String.valueOf(p.id()) : NAME_PREFIX + name, name,
        p != null ? p.kind() : top.kind(), country, countryName, admin1Name,
        p != null ? (Double) p.lat() : top.lat(), p != null ? (Double) p.lon() : top.lon(),
        p != null ? (Double) p.radiusKm() : top.radiusKm(),
        p != null && p.population() > 0 ? p.population() : null,
        p != null ? gazetteer().aliases(p) : List.of(), hierarchy, articles, mentions, coverage,
        store.mentions(v).eventCount(events), store.mentions(v).events(events, 0, 20));
  }

  /**
   * The names a gazetteer place goes by: its name and up to 50 aliases, those of the entries
   * of the same name, kind and country included (the gazetteer holds some places twice: from
   * its source data and from the curated regions).
   */
  static List<String> namesOf(Place p) {
    Set<String> names = new LinkedHashSet<>();
    names.add(p.name());
    for (Place same : gazetteer().lookup(p.name())) {
      if (same.kind().equals(p.kind()) && java.util.Objects.equals(same.country(), p.country())) {
        names.add(same.name());
        names.addAll(gazetteer().aliases(same));
      }
    }
    return names.stream().limit(51).toList();
  }

  static Mentions.EventFilter placeFilter(List<String> names, String country) {
    return new Mentions.EventFilter(null, null, null, null, names, country, null, null, null);
  }

  /** {@code GET /places/{id}}. */
  void placePage(Context ctx, Map<String, Object> model) {
    PlaceView p = place(ctx.pathParam("id"), Access.visibility(ctx));
    model.put("pageTitle", p.name());
    model.put("p", p);
    model.put("inGazetteer", !p.id().startsWith(NAME_PREFIX));
    model.put("c", p.coverage());
    model.put("bars", p.coverage().bars());
    model.put("chartWidth", FacetView.CHART_WIDTH);
    model.put("chartHeight", FacetView.CHART_HEIGHT);
    model.put("eventsSrc", "/api/v1/events?limit=500&place=" + Coverage.encode(p.id()));
    model.put("events", p.events());
    model.put("eventCount", p.eventCount());
    ctx.html(templates.render("place", model));
  }

  /** {@code GET /api/v1/places/{id}}. */
  void placeJson(Context ctx) {
    PlaceView p = place(ctx.pathParam("id"), Access.visibility(ctx));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", p.id());
    body.put("name", p.name());
    body.put("kind", p.kind());
    body.put("country", p.country());
    body.put("countryName", p.countryName());
    body.put("admin1", p.admin1Name());
    body.put("lat", p.lat());
    body.put("lon", p.lon());
    body.put("radiusKm", p.radiusKm());
    body.put("population", p.population());
    body.put("aliases", p.aliases());
    body.put("hierarchy", p.hierarchy());
    body.put("articles", p.articles());
    body.put("mentions", p.mentions());
    body.putAll(coverageJson(p.coverage()));
    body.put("events", Map.of("total", p.eventCount(), "items", p.events()));
    ctx.json(body);
  }

  /** {@code GET /api/v1/places?q=&country=&cursor=|offset=&limit=}. */
  void placeList(Context ctx) {
    Listing l = placeListing(ctx, Window.read(ctx, 20, 100, 1_000_000));
    ctx.json(l.window().body(l.total(), l.items()));
  }

  /**
   * {@code GET /places?q=&country=&page=}: the places the articles mention, most mentioned
   * first, with their kind, country and uncertainty radius, and a name and country filter.
   */
  void placeListPage(Context ctx, Map<String, Object> model) {
    Listing l = placeListing(ctx, pageWindow(ctx));
    model.put("q", l.q() == null ? "" : l.q());
    model.put("country", l.filter() == null ? "" : l.filter());
    listPage(ctx, model, l, "places");
  }

  private Listing placeListing(Context ctx, Window w) {
    Visibility v = Access.visibility(ctx);
    String q = text(ctx, "q");
    String country = country(ctx);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Mentions.PlaceCount p : store.mentions(v).places(q, country, w.offset(), w.limit())) {
      Place g = match(p);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", g != null ? String.valueOf(g.id()) : NAME_PREFIX + p.name());
      m.put("name", p.name());
      m.put("kind", p.kind());
      m.put("country", p.country());
      m.put("lat", p.lat());
      m.put("lon", p.lon());
      m.put("radiusKm", p.radiusKm());
      m.put("articles", p.articles());
      m.put("mentions", p.mentions());
      items.add(m);
    }
    return new Listing(w, q, country, items, store.mentions(v).placeCount(q, country));
  }

  /** The {@code country} parameter: an ISO 3166-1 alpha-2 code, or null. */
  static String country(Context ctx) {
    String c = ctx.queryParam("country");
    if (c == null || c.isBlank()) {
      return null;
    }
    String up = c.strip().toUpperCase(Locale.ROOT);
    if (!up.matches("[A-Z]{2}")) {
      throw HttpError.badRequest("parameter 'country' must be an ISO 3166-1 alpha-2 code like TJ, got '"
          + Api.clip(c) + "'");
    }
    return up;
  }
}
