package dev.vigil.web;

import dev.vigil.sources.SourceRegistry;
import dev.vigil.stories.RelatedStories;
import dev.vigil.stories.SourcePriors;
import dev.vigil.stories.StoryReport;
import dev.vigil.stories.StoryReports;
import dev.vigil.stories.Trends;
import dev.vigil.store.Store;
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
 * inverted maps built once per change.
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
  private String cachedAt;
  private List<StoryReport> cached = List.of();
  private Instant assessedAt = Instant.EPOCH;
  private final Map<Trends.Window, List<StoryReport>> byWindow = new EnumMap<>(Trends.Window.class);
  private final Map<Trends.Window, Instant> ends = new EnumMap<>(Trends.Window.class);
  private RelatedStories related;
  private final Map<Long, List<RelatedStories.Related>> relatedOf = new HashMap<>();

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
    return all(Trends.Window.DAY);
  }

  /** Stories of two or more articles, the largest and newest first, with their trend over {@code w}. */
  synchronized List<StoryReport> all(Trends.Window w) {
    String key = store.articles().lastChange() + ":" + store.stories().assignedUpTo() + ":"
        + store.stories().decisionCount(); // an analyst's merge or split changes the stories
    Instant now = Instant.now();
    if (!key.equals(cachedAt)) {
      cached = StoryReports.load(store, false, priors).stream()
          .sorted(Comparator.comparingInt((StoryReport s) -> s.articles().size()).reversed()
              .thenComparing(s -> s.last() == null ? "" : s.last(), Comparator.reverseOrder()))
          .toList();
      cachedAt = key;
      related = null;
      relatedOf.clear();
      assessedAt = Instant.EPOCH;
    }
    if (now.isAfter(assessedAt.plus(REASSESS))) {
      for (Trends.Window window : Trends.Window.values()) {
        byWindow.put(window, Trends.assess(cached, now, window));
        ends.put(window, Trends.reference(cached, now, window));
      }
      assessedAt = now;
    }
    return byWindow.get(w);
  }

  /** The end of {@code w}'s window: now, or the newest publication time of an old corpus (null: none dated). */
  synchronized Instant end(Trends.Window w) {
    all(w);
    return ends.get(w);
  }

  /** The stories most related to {@code id}, best first. */
  synchronized List<RelatedStories.Related> related(long id) {
    List<StoryReport> stories = all();
    if (related == null) {
      related = RelatedStories.load(store, stories);
    }
    return relatedOf.computeIfAbsent(id, x -> related.of(x, RELATED_MAX));
  }

  StoryReport one(Context ctx, Trends.Window w) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpError.notFound("no story with id '" + Api.clip(ctx.pathParam("id")) + "'");
    }
    return all(w).stream().filter(s -> s.id() == id).findFirst()
        .orElseThrow(() -> HttpError.notFound("no story with id " + id
            + " (stories of one article are not listed)"));
  }

  /** The story of the path's id with its related stories. */
  StoryReport oneWithRelated(Context ctx, Trends.Window w) {
    StoryReport s = one(ctx, w);
    List<RelatedStories.Related> r = related(s.id());
    return s.withRelated(r.subList(0, Math.min(RELATED, r.size())));
  }

  /**
   * {@code GET /api/v1/stories?cursor=|offset=&limit=&category=&country=&region=&source=
   * &reliability=&from=&to=&trend=&window=}.
   */
  void list(Context ctx) {
    Window w = Window.read(ctx, 20, 100, 1_000_000);
    StoryFilter f = StoryFilter.read(ctx);
    List<StoryReport> stories = all(f.window()).stream().filter(f).toList();
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
    List<RelatedStories.Related> r = related(s.id());
    ctx.json(w.body(r.size(), w.slice(r)));
  }

  /** {@code GET /stories?page=}. */
  void page(Context ctx, Map<String, Object> model, Templates templates) {
    int page = Params.integer(ctx, "page", 1, 1, 100_000);
    List<StoryReport> stories = all();
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
