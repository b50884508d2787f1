package dev.vigil.web;

import dev.vigil.geo.Subregions;
import dev.vigil.model.Annotations;
import dev.vigil.model.EntityMention;
import dev.vigil.model.IsoDates;
import dev.vigil.store.Facets;
import dev.vigil.stories.StoryReport;
import dev.vigil.stories.Trends;
import dev.vigil.store.SearchQuery;
import dev.vigil.store.SearchResults;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import dev.vigil.store.Visibility;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The dashboard's pages, rendered on the server. */
final class Pages {
  private static final int PAGE_SIZE = 20;
  /** Stories per section of the home page. */
  private static final int HOME_STORIES = 10;

  private final Store store;
  private final Templates templates;
  private final String version;
  private final StoryViews stories;
  private final TeamPanels team;
  private final boolean teamMode;

  Pages(Store store, Templates templates, String version, StoryViews stories, TeamPanels team,
      boolean teamMode) {
    this.store = store;
    this.templates = templates;
    this.version = version;
    this.stories = stories;
    this.team = team;
    this.teamMode = teamMode;
  }

  /** What every page's layout needs, with {@code title}. */
  Map<String, Object> model(String title) {
    Map<String, Object> m = new HashMap<>();
    m.put("pageTitle", title);
    m.put("version", version);
    if (!teamMode) { // in team mode the count depends on the caller: pages that show it put it
      m.put("articleCount", store.articles().count());
    }
    m.put("failureCount", store.articles().failureCount());
    m.put("indexLag", store.indexLag());
    m.put("teamMode", teamMode);
    return m;
  }

  /**
   * {@code GET /}: the breaking, trending and top stories of the last 24 h or 7 days
   * ({@code window}), filtered as {@code /api/v1/stories} is, then the undated stories and the
   * latest articles.
   */
  void home(Context ctx) {
    int page = Params.integer(ctx, "page", 1, 1, 100_000);
    StoryFilter filter = StoryFilter.read(ctx);
    Trends.Window window = filter.window();
    Map<String, Object> m = model("Home");
    Visibility v = Access.visibility(ctx);
    m.put("articleCount", store.articles().count(v));
    m.put("articles", store.articles().latest((page - 1) * PAGE_SIZE, PAGE_SIZE, v));
    if (page == 1) {
      List<StoryReport> all = stories.all(v, window);
      Instant end = stories.end(v, window);
      List<StoryReport> shown = all.stream().filter(filter).toList();
      List<StoryCards> trending = shown.stream().filter(s -> !s.trend().flag().equals("none"))
          .sorted(Comparator.comparing((StoryReport s) -> !s.trend().flag().equals("breaking"))
              .thenComparing(Comparator.comparingDouble((StoryReport s) -> s.trend().score()).reversed()))
          .limit(HOME_STORIES).map(s -> StoryCards.of(s, window, end)).toList();
      m.put("trending", trending);
      Set<Long> flagged = trending.stream().map(c -> c.s().id()).collect(Collectors.toSet());
      List<StoryCards> top = end == null ? List.of() : shown.stream()
          .filter(s -> !flagged.contains(s.id()))
          .map(s -> StoryCards.of(s, window, end)).filter(c -> c.windowArticles() > 0)
          .sorted(Comparator.comparingInt((StoryCards c) -> c.s().trend().recent()).reversed()
              .thenComparing(Comparator.comparingInt(StoryCards::windowArticles).reversed())
              .thenComparing(Comparator.comparingInt((StoryCards c) -> c.s().independentSources()).reversed()))
          .limit(HOME_STORIES).toList();
      m.put("top", top);
      List<StoryCards> undated = shown.stream()
          .filter(StoryCards::undated)
          .sorted(Comparator.comparingInt(StoryReport::independentSources).reversed()
              .thenComparing(Comparator.comparingInt((StoryReport s) -> s.articles().size()).reversed()))
          .limit(HOME_STORIES).map(s -> StoryCards.of(s, window, null)).toList();
      m.put("undated", undated);
      m.put("undatedCount", shown.stream().filter(StoryCards::undated).count());
      m.put("storyTotal", all.size());
      m.put("storyShown", shown.size());
      m.put("end", end == null ? null : IsoDates.format(end));
      m.put("archive", end != null && end.isBefore(Instant.now().minus(window.length)));
      m.put("window", window.label);
      m.put("filter", filter.values());
      m.put("filtered", filter.any());
      m.put("filterQuery", filter.query());
      m.put("categories", StoryFilter.CATEGORIES);
      m.put("regions", Subregions.bundled().names());
      m.put("labels", StoryFilter.LABELS);
      m.put("trends", StoryFilter.TRENDS);
      m.put("sourceNames", all.stream().flatMap(s -> s.sources().stream())
          .map(r -> r.source()).filter(Objects::nonNull).distinct().sorted().limit(500).toList());
      m.put("countryCodes", all.stream().flatMap(s -> s.countries().stream()).distinct().sorted().toList());
      m.put("sparkWidth", StoryCards.WIDTH);
      m.put("sparkHeight", StoryCards.HEIGHT);
      m.put("mixWidth", StoryCards.MIX_WIDTH);
    }
    m.put("page", page);
    m.put("hasNext", (long) page * PAGE_SIZE < (long) m.get("articleCount"));
    ctx.html(templates.render("home", m));
  }

  /** {@code GET /stories}: stories of two or more articles, the largest first. */
  void stories(Context ctx) {
    stories.page(ctx, model("Stories"), templates);
  }

  /** {@code GET /stories/{id}}: one story with its sources, events, grades and ledger. */
  void story(Context ctx) {
    Map<String, Object> m = model("Story");
    team.storyPanel(ctx, m);
    stories.storyPage(ctx, m, templates);
  }

  /** {@code GET /map}: places and events on an offline map; the data comes from /api/v1/map. */
  void map(Context ctx) {
    ctx.html(templates.render("map", model("Map")));
  }

  /** {@code GET /search?q=&sort=&page=}: search hits with highlighted snippets. */
  void search(Context ctx) {
    String q = Params.query(ctx);
    SearchQuery.Order order = Params.order(ctx);
    int maxPage = SearchQuery.MAX_WINDOW / PAGE_SIZE;
    int page = Params.integer(ctx, "page", 1, 1, maxPage);
    Map<String, Object> m = model(q.isBlank() ? "Search" : q + " · Search");
    m.put("q", q);
    m.put("sort", order.name().toLowerCase(Locale.ROOT));
    m.put("page", page);
    try {
      Visibility v = Access.visibility(ctx);
      SearchResults results = store.index().search(
          new SearchQuery(q, order, (page - 1) * PAGE_SIZE, PAGE_SIZE, true), v);
      m.put("results", results);
      Facets facets = store.index().facets(q, 8, Facets.SAMPLE_ABOVE, v);
      m.put("facetsExact", facets.exact());
      m.put("facetsCounted", facets.counted());
      String sortName = order.name().toLowerCase(Locale.ROOT);
      m.put("facetGroups", FacetView.groups(facets, q, sortName));
      m.put("bars", FacetView.bars(facets, q, sortName));
      m.put("dateUnit", facets.dateUnit());
      m.put("chartWidth", FacetView.CHART_WIDTH);
      m.put("chartHeight", FacetView.CHART_HEIGHT);
      m.put("hasNext", (long) page * PAGE_SIZE < results.total() && page < maxPage);
    } catch (dev.vigil.store.QuerySyntaxException e) {
      ctx.status(400);
      m.put("queryError", e.getMessage());
    }
    ctx.html(templates.render("search", m));
  }

  /** {@code GET /articles/{id}}: one article. */
  void article(Context ctx) {
    String id = ctx.pathParam("id");
    StoredArticle a = store.articles().get(id).filter(x -> Access.visibility(ctx).allows(x.marking()))
        .orElseThrow(() -> HttpError.notFound("No article with id '" + Api.clip(id) + "'."));
    Map<String, Object> m = model(a.article().title() == null ? a.article().id() : a.article().title());
    Annotations ann = team.articlePanel(ctx, a, m); // events with analysts' corrections applied
    m.put("a", a.article());
    m.put("marking", a.marking());
    m.put("ann", ann);
    m.put("paragraphs", Highlights.of(a.article().text(), ann));
    List<EntityRow> entities = distinctEntities(ann);
    m.put("entityList", entities.stream().filter(e -> !"LOCATION".equals(e.type())).toList());
    // places not resolved (yet): the location names the recogniser found
    m.put("locationList", entities.stream().filter(e -> "LOCATION".equals(e.type())).toList());
    m.put("placeList", a.annotations().places().stream()
        .collect(Collectors.toMap(p -> p.name() != null ? p.name() : p.text(), p -> p,
            (x, y) -> x, LinkedHashMap::new)).values());
    m.put("sentenceCount", a.annotations().sentences().size());
    m.put("wordCount", a.article().text().isBlank() ? 0 : a.article().text().strip().split("\\s+").length);
    ctx.html(templates.render("article", m));
  }

  /** {@code GET /failures}: inputs that were skipped, and why. */
  void failures(Context ctx) {
    Map<String, Object> m = model("Skipped inputs");
    m.put("failures", store.articles().recentFailures(500));
    ctx.html(templates.render("failures", m));
  }

  /** An error page with the status and message. */
  String error(int status, String message) {
    Map<String, Object> m = model("Error " + status);
    m.put("status", status);
    m.put("message", message);
    return templates.render("error", m);
  }

  /** One row per distinct entity (by KB entry, else by text), with how often it is mentioned. */
  record EntityRow(String label, String type, String id, long mentions) {}

  static List<EntityRow> distinctEntities(Annotations ann) {
    Map<String, EntityRow> rows = new LinkedHashMap<>();
    for (EntityMention e : ann.entities()) {
      String label = e.name() != null ? e.name() : e.text();
      rows.merge(e.type() + "\u0000" + (e.id() != null ? e.id() : label),
          new EntityRow(label, e.type(), e.id(), 1),
          (x, y) -> new EntityRow(x.label(), x.type(), x.id(), x.mentions() + 1));
    }
    return rows.values().stream()
        .sorted(Comparator.comparingLong(EntityRow::mentions).reversed()).toList();
  }
}
