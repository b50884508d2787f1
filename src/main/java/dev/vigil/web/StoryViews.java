package dev.vigil.web;

import dev.vigil.sources.SourceRegistry;
import dev.vigil.stories.SourcePriors;
import dev.vigil.stories.StoryReport;
import dev.vigil.stories.StoryReports;
import dev.vigil.store.Store;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stories pages and API: story reports (summary, timeline, sources with their reliability,
 * merged events with their grade and claim/denial ledger) built from the store, kept until the
 * store changes.
 */
final class StoryViews {
  private static final int PAGE_SIZE = 20;

  private final Store store;
  private final SourcePriors priors;
  private String cachedAt;
  private List<StoryReport> cached = List.of();

  StoryViews(Store store) {
    this.store = store;
    SourceRegistry registry = SourceRegistry.load(store.dataDir());
    this.priors = name -> registry.byName(name).map(s -> new SourcePriors.Prior(s.label().label(),
        "registry: " + s.type().label() + (s.country() != null ? ", " + s.country() : ""),
        s.ownership()));
  }

  /** What the source registry says of each source before its track record. */
  SourcePriors priors() {
    return priors;
  }

  /** Stories of two or more articles, the largest and newest first. */
  synchronized List<StoryReport> all() {
    String key = store.articles().lastChange() + ":" + store.stories().assignedUpTo();
    if (!key.equals(cachedAt)) {
      cached = StoryReports.load(store, false, priors).stream()
          .sorted(Comparator.comparingInt((StoryReport s) -> s.articles().size()).reversed()
              .thenComparing(s -> s.last() == null ? "" : s.last(), Comparator.reverseOrder()))
          .toList();
      cachedAt = key;
    }
    return cached;
  }

  StoryReport one(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpError.notFound("no story with id '" + Api.clip(ctx.pathParam("id")) + "'");
    }
    return all().stream().filter(s -> s.id() == id).findFirst()
        .orElseThrow(() -> HttpError.notFound("no story with id " + id
            + " (stories of one article are not listed)"));
  }

  /** {@code GET /api/v1/stories?cursor=|offset=&limit=}. */
  void list(Context ctx) {
    Window w = Window.read(ctx, 20, 100, 1_000_000);
    List<StoryReport> stories = all();
    ctx.json(w.body(stories.size(), w.slice(stories)));
  }

  /** {@code GET /api/v1/stories/{id}}. */
  void get(Context ctx) {
    ctx.json(one(ctx));
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
    StoryReport s = one(ctx);
    model.put("pageTitle", s.title());
    model.put("s", s);
    ctx.html(templates.render("story", model));
  }
}
