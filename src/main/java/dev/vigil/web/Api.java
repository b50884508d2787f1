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
    List<ArticleSummary> items = store.articles().latest(w.offset(), w.limit());
    ctx.json(w.body(store.articles().count(), items));
  }

  /** {@code GET /api/v1/articles/{id}}: one article with its annotations. */
  void article(Context ctx) {
    String id = ctx.pathParam("id");
    StoredArticle a = store.articles().get(id)
        .orElseThrow(() -> HttpError.notFound("no article with id '" + clip(id) + "'"));
    // events as analysts corrected them; /api/v1/articles/{id}/corrections has the originals
    List<dev.vigil.model.Event> events = dev.vigil.store.CorrectedEvent.apply(a.annotations().events(),
        store.analysts().corrections(id)).stream().map(dev.vigil.store.CorrectedEvent::event).toList();
    ctx.json(ArticleJson.of(null, a.article(), a.annotations().withEvents(events,
        a.annotations().categories(), a.annotations().categoryEvidence())));
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
    SearchResults results = store.index().search(query);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query.query());
    body.put("sort", query.order().name().toLowerCase(Locale.ROOT));
    body.putAll(w.body(Math.min(results.total(), SearchQuery.MAX_WINDOW), results.hits()));
    body.put("total", results.total());
    body.put("totalExact", results.totalExact()); // false: total is a lower bound
    if ("true".equals(ctx.queryParam("facets"))) {
      Facets facets = store.index().facets(query.query(), Params.integer(ctx, "facetLimit", 10, 1, 100),
          Facets.SAMPLE_ABOVE);
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
    body.put("articles", store.articles().count());
    body.put("indexed", store.index().documentCount());
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
    for (MapData.PlacePoint p : store.map().places(limit)) {
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
    for (MapData.EventPoint e : store.map().events(limit)) {
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
    ExportOptions options = new ExportOptions(ctx.queryParam("tlp"), Instant.now(), actorTypes());
    String q = Params.query(ctx);
    Predicate<String> keep = id -> true;
    if (!q.isBlank()) {
      Set<String> ids = store.index().matchingIds(q);
      keep = ids::contains;
    }
    ctx.contentType(format.mediaType);
    ctx.header("Content-Disposition",
        "attachment; filename=\"vigil-export." + format.extension + "\"");
    Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
    ExportJob.run(format, options, store::forEachArticle, keep, out);
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
