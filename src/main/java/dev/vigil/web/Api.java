package dev.vigil.web;

import dev.vigil.export.ExportJob;
import dev.vigil.export.ExportOptions;
import dev.vigil.export.Exporter;
import dev.vigil.internal.ArticleJson;
import dev.vigil.internal.Json;
import dev.vigil.kb.ActorBase;
import dev.vigil.store.ArticleSummary;
import dev.vigil.store.Facets;
import dev.vigil.store.MapData;
import dev.vigil.store.SearchQuery;
import dev.vigil.store.SearchResults;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import dev.vigil.store.Visibility;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.team.Tlp;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** The JSON API under {@code /api/v1}. */
final class Api {
  private final Store store;
  private final String version;

  Api(Store store, String version) {
    this.store = store;
    this.version = version;
  }

  /** {@code GET /api/v1/articles?cursor=|offset=&limit=}: stored articles, newest first. */
  void articles(Context ctx) {
    Window w = Window.read(ctx, 20, 100, 1_000_000_000);
    Visibility v = Access.visibility(ctx);
    List<ArticleSummary> items = store.articles().latest(w.offset(), w.limit(), v);
    ctx.json(w.body(store.articles().count(v), items));
  }

  /** {@code GET /api/v1/articles/{id}}: one article with its annotations. */
  void article(Context ctx) {
    String id = ctx.pathParam("id");
    StoredArticle a = visibleArticle(ctx, id);
    // the stored events are as analysts corrected them (store.Corrections); the originals are
    // at /api/v1/articles/{id}/corrections
    Map<String, Object> body = new LinkedHashMap<>(ArticleJson.of(null, a.article(), a.annotations()));
    body.put("tlp", a.marking().label());
    body.put("org", a.marking().organisation());
    ctx.json(body);
  }

  /** The stored article {@code id} if the caller may see it; else 404, as if there were none. */
  StoredArticle visibleArticle(Context ctx, String id) {
    Visibility v = Access.visibility(ctx);
    return store.articles().get(id).filter(a -> v.allows(a.marking()))
        .orElseThrow(() -> HttpError.notFound("no article with id '" + clip(id) + "'"));
  }

  /**
   * {@code GET /api/v1/search?q=&sort=&cursor=|offset=&limit=&facets=true}: hits with
   * snippets, and facet counts and a date histogram over all matches when asked. Past
   * {@link dev.vigil.store.SearchIndex#COUNT_EXACT_UP_TO} matches {@code total} may be a lower
   * bound ({@code totalExact} false); past {@link Facets#SAMPLE_ABOVE} the facets are counted
   * over a sample and scaled ({@code facetsExact} false).
   */
  void search(Context ctx) {
    Window asked = Window.read(ctx, 10, 100, SearchQuery.MAX_WINDOW - 1);
    Window w = new Window(asked.offset(), Math.min(asked.limit(), SearchQuery.MAX_WINDOW - asked.offset()));
    SearchQuery query = new SearchQuery(Params.query(ctx), Params.order(ctx), w.offset(), w.limit(),
        "html".equals(ctx.queryParam("snippets")));
    Visibility v = Access.visibility(ctx);
    SearchResults results = store.index().search(query, v);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query.query());
    body.put("sort", query.order().name().toLowerCase(Locale.ROOT));
    body.putAll(w.body(Math.min(results.total(), SearchQuery.MAX_WINDOW), results.hits()));
    body.put("total", results.total());
    body.put("totalExact", results.totalExact()); // false: total is a lower bound
    if ("true".equals(ctx.queryParam("facets"))) {
      Facets facets = store.index().facets(query.query(), Params.integer(ctx, "facetLimit", 10, 1, 100),
          Facets.SAMPLE_ABOVE, v);
      body.put("facets", facets.byField());
      body.put("dates", Map.of("unit", facets.dateUnit(), "buckets", facets.dates()));
      // false: facet and date counts are estimates from a random sample of facetsCounted matches
      body.put("facetsExact", facets.exact());
      body.put("facetsCounted", facets.counted());
    }
    ctx.json(body);
  }

  /** {@code GET /api/v1/status}: counts and the index's lag behind the database. */
  void status(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version);
    Visibility v = Access.visibility(ctx);
    body.put("articles", store.articles().count(v));
    // the index counts every article; a caller who may not see them all gets its own count
    body.put("indexed", v.everything() ? store.index().documentCount() : store.articles().count(v));
    body.put("indexLag", store.indexLag());
    body.put("failures", store.articles().failureCount());
    ctx.json(body);
  }

  /** {@code GET /api/v1/failures?limit=}: inputs that were skipped, and why. */
  void failures(Context ctx) {
    int limit = Params.integer(ctx, "limit", 100, 1, 1000);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", store.articles().failureCount());
    body.put("items", store.articles().recentFailures(limit));
    ctx.json(body);
  }

  static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  /**
   * {@code GET /api/v1/map?limit=}: GeoJSON of the places articles mention (with how many
   * articles and the uncertainty radius) and of the events that have a place.
   */
  void map(Context ctx) {
    int limit = Params.integer(ctx, "limit", 2000, 1, 20_000);
    List<Map<String, Object>> features = new ArrayList<>();
    MapData map = store.map(Access.visibility(ctx));
    for (MapData.PlacePoint p : map.places(limit)) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("layer", "place");
      props.put("name", p.name());
      props.put("kind", p.kind());
      props.put("country", p.country());
      props.put("radiusKm", p.radiusKm());
      props.put("articles", p.articles());
      props.put("latest", p.latest());
      features.add(feature(p.lon(), p.lat(), props));
    }
    for (MapData.EventPoint e : map.events(limit)) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("layer", "event");
      props.put("type", e.type());
      props.put("modality", e.modality());
      props.put("date", e.date() != null ? e.date() : e.published());
      props.put("place", e.place());
      props.put("articleId", e.articleId());
      props.put("title", e.title());
      props.put("source", e.source());
      props.put("sentence", e.sentence());
      features.add(feature(e.lon(), e.lat(), props));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "FeatureCollection");
    body.put("features", features);
    ctx.contentType("application/geo+json").result(Json.write(body));
  }

  private static Map<String, Object> feature(double lon, double lat, Map<String, Object> props) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "Feature");
    f.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
    f.put("properties", props);
    return f;
  }

  /**
   * {@code GET /api/v1/export?format=csv|geojson|jsonl|stix&q=&tlp=}: stored events and
   * articles as a download, streamed (any size in constant memory); {@code q} filters with the
   * search syntax.
   */
  void export(Context ctx) throws IOException {
    Exporter.Format format = Exporter.Format.parse(Params.required(ctx, "format"));
    Visibility v = Access.visibility(ctx);
    // the export is marked at least as strictly as the strictest item the caller may export
    String asked = ExportOptions.defaults().tlp();
    if (ctx.queryParam("tlp") != null) {
      asked = new ExportOptions(ctx.queryParam("tlp"), Instant.now()).tlp();
    }
    Tlp strictest = store.articles().strictestMarking(v);
    Tlp marking = Tlp.parse(asked).ordinal() >= strictest.ordinal() ? Tlp.parse(asked) : strictest;
    ExportOptions options = new ExportOptions(marking.label(), Instant.now(), actorTypes());
    String q = Params.query(ctx);
    Predicate<String> keep = id -> true;
    if (!q.isBlank()) {
      Set<String> ids = store.index().matchingIds(q, v);
      keep = ids::contains;
    }
    ctx.contentType(format.mediaType);
    ctx.header("Content-Disposition",
        "attachment; filename=\"vigil-export." + format.extension + "\"");
    Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
    ExportJob.run(format, options, each -> store.articles().forEach(500, a -> {
      if (v.allows(a.marking())) {
        each.accept(new AnalyzedArticle(a.article(), a.annotations()));
      }
    }), keep, out);
    out.flush();
  }

  /** {@code GET /api/v1/openapi.json}: the API described as OpenAPI 3.1. */
  void openapi(Context ctx) throws IOException {
    try (var in = Api.class.getResourceAsStream("/api/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the build");
      }
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }

  private Function<String, String> actorTypes;

  /** The knowledge base's actor types, loaded on the first export that needs them. */
  private synchronized Function<String, String> actorTypes() {
    if (actorTypes == null) {
      actorTypes = ActorBase.load(store.dataDir())::typeOf;
    }
    return actorTypes;
  }
}
