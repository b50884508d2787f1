package dev.vigil.web;

import dev.vigil.sources.SourceRegistry;
import dev.vigil.stories.RelatedStories;
import dev.vigil.stories.SourcePriors;
import dev.vigil.stories.StoryReport;
import dev.vigil.stories.StoryReports;
import dev.vigil.stories.Trends;
import dev.vigil.store.Store;
import dev.vigil.store.Visibility;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stories pages and API: story reports (summary, timeline, sources with their reliability,
 * merged events with their grade and claim/denial ledger, trend) built from the store, kept
 * until the store changes; the trends of both windows are re-assessed every few minutes (the
 * clock moves even when the store does not), and related stories are found on demand through
 * inverted maps built once per change. Each audience (everything, or one organisation's
 * accounts) has its own reports, built from the articles it may see.
 */
final class StoryViews {
  private static final int PAGE_SIZE = 20;
  /** Related stories on a story's report and page. */
  static final int RELATED = 6;
  /** Related stories the related route serves at most. */
  private static final int RELATED_MAX = 50;
  private static final Duration REASSESS = Duration.ofMinutes(5);

  private final Store store;
  private final SourcePriors priors;
  /** The reports as each audience sees them (everything, or one organisation). */
  private final Map<Visibility, Reports> audiences = new HashMap<>();

  /** One audience's story reports, kept until the store or a story marking changes. */
  private static final class Reports {
    String cachedAt;
    List<StoryReport> cached = List.of();
    Instant assessedAt = Instant.EPOCH;
    final Map<Trends.Window, List<StoryReport>> byWindow = new EnumMap<>(Trends.Window.class);
    final Map<Trends.Window, Instant> ends = new EnumMap<>(Trends.Window.class);
    RelatedStories related;
    final Map<Long, List<RelatedStories.Related>> relatedOf = new HashMap<>();
  }

  StoryViews(Store store) {
    this.store = store;
    this.priors = SourcePriors.of(SourceRegistry.load(store.dataDir()));
  }

  /** What the source registry says of each source before its track record. */
  SourcePriors priors() {
    return priors;
  }

  /** Stories of two or more articles, the largest and newest first, with their 24 h trend. */
  List<StoryReport> all() {
    return all(Visibility.ALL, Trends.Window.DAY);
  }

  /** The stories the caller of {@code ctx} may see, with their 24 h trend. */
  List<StoryReport> all(Context ctx) {
    return all(Access.visibility(ctx), Trends.Window.DAY);
  }

  /**
   * Stories of two or more articles {@code v} may see, the largest and newest first, with their
   * trend over {@code w}; built from those articles only (see {@link StoryReports#load}).
   */
  synchronized List<StoryReport> all(Visibility v, Trends.Window w) {
    Reports r = reports(v);
    return r.byWindow.get(w);
  }

  private Reports reports(Visibility v) {
    Reports r = audiences.computeIfAbsent(v, x -> new Reports());
    String key = store.articles().lastChange() + ":" + store.stories().assignedUpTo() + ":"
        + store.stories().decisionCount() // an analyst's merge or split changes the stories
        + (v.everything() ? "" : ":" + store.stories().markings().hashCode()); // a re-marked story
    Instant now = Instant.now();
    if (!key.equals(r.cachedAt)) {
      r.cached = StoryReports.load(store, false, priors, v).stream()
          .sorted(Comparator.comparingInt((StoryReport s) -> s.articles().size()).reversed()
              .thenComparing(s -> s.last() == null ? "" : s.last(), Comparator.reverseOrder()))
          .toList();
      r.cachedAt = key;
      r.related = null;
      r.relatedOf.clear();
      r.assessedAt = Instant.EPOCH;
    }
    if (now.isAfter(r.assessedAt.plus(REASSESS))) {
      for (Trends.Window window : Trends.Window.values()) {
        r.byWindow.put(window, Trends.assess(r.cached, now, window));
        r.ends.put(window, Trends.reference(r.cached, now, window));
      }
      r.assessedAt = now;
    }
    return r;
  }

  /** The end of {@code w}'s window: now, or the newest publication time of an old corpus (null: none dated). */
  synchronized Instant end(Visibility v, Trends.Window w) {
    return reports(v).ends.get(w);
  }

  /** The stories most related to {@code id} that {@code v} may see, best first. */
  synchronized List<RelatedStories.Related> related(Visibility v, long id) {
    Reports r = reports(v);
    if (r.related == null) {
      r.related = RelatedStories.load(store, r.byWindow.get(Trends.Window.DAY), !v.everything());
    }
    return r.relatedOf.computeIfAbsent(id, x -> r.related.of(x, RELATED_MAX));
  }

  StoryReport one(Context ctx, Trends.Window w) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpError.notFound("no story with id '" + Api.clip(ctx.pathParam("id")) + "'");
    }
    return all(Access.visibility(ctx), w).stream().filter(s -> s.id() == id).findFirst()
        .orElseThrow(() -> HttpError.notFound("no story with id " + id
            + " (stories of one article are not listed)"));
  }

  /** The story of the path's id with its related stories. */
  StoryReport oneWithRelated(Context ctx, Trends.Window w) {
    StoryReport s = one(ctx, w);
    List<RelatedStories.Related> r = related(Access.visibility(ctx), s.id());
    return s.withRelated(r.subList(0, Math.min(RELATED, r.size())));
  }

  /**
   * {@code GET /api/v1/stories?cursor=|offset=&limit=&category=&country=&region=&source=
   * &reliability=&from=&to=&trend=&window=}.
   */
  void list(Context ctx) {
    Window w = Window.read(ctx, 20, 100, 1_000_000);
    StoryFilter f = StoryFilter.read(ctx);
    List<StoryReport> stories = all(Access.visibility(ctx), f.window()).stream().filter(f).toList();
    ctx.json(w.body(stories.size(), w.slice(stories)));
  }

  /** {@code GET /api/v1/stories/{id}?window=}. */
  void get(Context ctx) {
    ctx.json(oneWithRelated(ctx, StoryFilter.window(ctx)));
  }

  /** {@code GET /api/v1/stories/{id}/related?cursor=|offset=&limit=}. */
  void relatedList(Context ctx) {
    Window w = Window.read(ctx, RELATED, RELATED_MAX, RELATED_MAX);
    StoryReport s = one(ctx, Trends.Window.DAY);
    List<RelatedStories.Related> r = related(Access.visibility(ctx), s.id());
    ctx.json(w.body(r.size(), w.slice(r)));
  }

  /** {@code GET /stories?page=}. */
  void page(Context ctx, Map<String, Object> model, Templates templates) {
    int page = Params.integer(ctx, "page", 1, 1, 100_000);
    List<StoryReport> stories = all(ctx);
    model.put("stories", stories.subList(Math.min((page - 1) * PAGE_SIZE, stories.size()),
        Math.min(page * PAGE_SIZE, stories.size())));
    model.put("storyCount", stories.size());
    model.put("page", page);
    model.put("hasNext", (long) page * PAGE_SIZE < stories.size());
    ctx.html(templates.render("stories", model));
  }

  /** {@code GET /stories/{id}}. */
  void storyPage(Context ctx, Map<String, Object> model, Templates templates) {
    StoryReport s = oneWithRelated(ctx, Trends.Window.DAY);
    model.put("pageTitle", s.title());
    model.put("s", s);
    ctx.html(templates.render("story", model));
  }
}
