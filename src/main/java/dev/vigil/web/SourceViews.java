package dev.vigil.web;

import dev.vigil.sources.Source;
import dev.vigil.sources.SourceRegistry;
import dev.vigil.store.Mentions;
import dev.vigil.store.Store;
import dev.vigil.store.Visibility;
import dev.vigil.stories.Trends;
import dev.vigil.stories.SourceReliability;
import dev.vigil.stories.StoryReport;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The source pages and their API: each source the articles name, with its registry profile
 * (type, country, ownership, prior label), its reliability label and the reason (the prior
 * updated by its track record of corroborated, contradicted and retracted reports, as the
 * stories stage computes it), its articles over time and its stories.
 */
final class SourceViews {
  private final Store store;
  private final StoryViews stories;
  private final EntityViews entities;
  private final Templates templates;
  private final SourceRegistry registry;

  SourceViews(Store store, StoryViews stories, EntityViews entities, Templates templates) {
    this.store = store;
    this.stories = stories;
    this.entities = entities;
    this.templates = templates;
    this.registry = SourceRegistry.load(store.dataDir());
  }

  /** A source in the list: its name, registry entry, article count and reliability. */
  record SourceRow(String name, String registryId, long articles, String firstPublished,
      String lastPublished, String lastIngested, SourceReliability.Rating reliability) {}

  /** A source with its profile and coverage. */
  record SourceView(SourceRow row, Map<String, Object> registry, Coverage coverage, long eventCount,
      List<Mentions.EventRow> events) {}

  List<SourceRow> all(Visibility v) {
    Map<String, SourceReliability.Rating> ratings = ratings(v);
    SourceReliability unrated = new SourceReliability(stories.priors());
    List<SourceRow> out = new ArrayList<>();
    for (Mentions.SourceCount s : store.mentions(v).sources()) {
      SourceReliability.Rating r = ratings.get(s.name().strip().toLowerCase(Locale.ROOT));
      out.add(new SourceRow(s.name(), registry.byName(s.name()).map(Source::id).orElse(null),
          s.articles(), s.firstPublished(), s.lastPublished(), s.lastIngested(),
          r != null ? r : unrated.rating(s.name())));
    }
    return out;
  }

  /** Each source's rating as the stories computed it (sources of no story have none here). */
  private Map<String, SourceReliability.Rating> ratings(Visibility v) {
    Map<String, SourceReliability.Rating> out = new LinkedHashMap<>();
    for (StoryReport s : stories.all(v, Trends.Window.DAY)) {
      for (SourceReliability.Rating r : s.sources()) {
        if (r.source() != null) {
          out.putIfAbsent(r.source().strip().toLowerCase(Locale.ROOT), r);
        }
      }
    }
    return out;
  }

  SourceView source(String name, Visibility v) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    Optional<Source> byId = registry.byId(key);
    SourceRow row = all(v).stream()
        .filter(r -> r.name().strip().toLowerCase(Locale.ROOT).equals(key)
            || (byId.isPresent() && byId.get().id().equals(r.registryId())))
        .findFirst().orElse(null);
    Source entry = row != null ? registry.byName(row.name()).orElse(null) : byId.orElse(null);
    if (row == null && entry == null) {
      throw HttpError.notFound("no source named '" + Api.clip(name) + "'");
    }
    if (row == null) {
      row = new SourceRow(entry.name(), entry.id(), 0, null, null, null,
          new SourceReliability(stories.priors()).rating(entry.name()));
    }
    Coverage coverage = Coverage.of(store, v, stories.all(v, Trends.Window.DAY), Coverage.clause("source_key", row.name()),
        Mentions.ArticleSet.source(row.name()), Set.of(), store.mentions(v)::entityKeysByName,
        names -> entities.placeIds(names, v));
    Mentions.EventFilter events = new Mentions.EventFilter(null, null, null, null, null, null, row.name(),
        null, null);
    return new SourceView(row, entry == null ? null : registryJson(entry), coverage,
        store.mentions(v).eventCount(events), store.mentions(v).events(events, 0, 20));
  }

  private static Map<String, Object> registryJson(Source s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("name", s.name());
    m.put("type", s.type().label());
    m.put("country", s.country());
    m.put("languages", s.languages());
    m.put("ownership", s.ownership());
    m.put("prior", s.prior());
    m.put("label", s.label().label());
    m.put("homepages", s.homepages());
    m.put("domains", s.domains());
    return m;
  }

  /** {@code GET /sources}. */
  void listPage(Context ctx, Map<String, Object> model) {
    model.put("sources", all(Access.visibility(ctx)));
    ctx.html(templates.render("sources", model));
  }

  /** {@code GET /sources/{name}}. */
  void page(Context ctx, Map<String, Object> model) {
    SourceView s = source(ctx.pathParam("name"), Access.visibility(ctx));
    model.put("pageTitle", s.row().name());
    model.put("s", s);
    model.put("c", s.coverage());
    model.put("bars", s.coverage().bars());
    model.put("chartWidth", FacetView.CHART_WIDTH);
    model.put("chartHeight", FacetView.CHART_HEIGHT);
    model.put("eventsSrc", "/api/v1/events?limit=500&source=" + Coverage.encode(s.row().name()));
    model.put("events", s.events());
    model.put("eventCount", s.eventCount());
    ctx.html(templates.render("source", model));
  }

  /** {@code GET /api/v1/sources?cursor=|offset=&limit=}. */
  void list(Context ctx) {
    Window w = Window.read(ctx, 50, 500, 1_000_000);
    List<SourceRow> all = all(Access.visibility(ctx));
    ctx.json(w.body(all.size(), w.slice(all).stream().map(SourceViews::rowJson).toList()));
  }

  /** {@code GET /api/v1/sources/{name}}. */
  void json(Context ctx) {
    SourceView s = source(ctx.pathParam("name"), Access.visibility(ctx));
    Map<String, Object> body = rowJson(s.row());
    body.put("registry", s.registry());
    body.putAll(EntityViews.coverageJson(s.coverage()));
    body.put("events", Map.of("total", s.eventCount(), "items", s.events()));
    ctx.json(body);
  }

  private static Map<String, Object> rowJson(SourceRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("registryId", r.registryId());
    m.put("articles", r.articles());
    m.put("firstPublished", r.firstPublished());
    m.put("lastPublished", r.lastPublished());
    m.put("lastIngested", r.lastIngested());
    SourceReliability.Rating rating = r.reliability();
    Map<String, Object> rel = new LinkedHashMap<>();
    rel.put("label", rating.label());
    rel.put("reason", rating.reason());
    rel.put("track", rating.track());
    m.put("reliability", rel);
    return m;
  }
}
