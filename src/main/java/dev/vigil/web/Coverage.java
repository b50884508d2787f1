package dev.vigil.web;

import dev.vigil.store.Facets;
import dev.vigil.store.Mentions;
import dev.vigil.store.Store;
import dev.vigil.store.Visibility;
import dev.vigil.stories.StoryReport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the articles say around one entity, place or source, found with one query on the search
 * index: how many articles, their publication dates (month or year buckets, as the search
 * page's histogram), the actors and places named in the same articles, the event types, the
 * latest articles and the stories they belong to. Counts come from the index's doc values, so
 * they cost one pass over the matching documents, not a read of their annotations; the latest
 * articles and story membership come from the same articles as the store's derived tables list
 * them ({@link Mentions.ArticleSet}), which is cheaper than loading ids from the index.
 *
 * @param query the search query that finds the articles (a link to the search page shows them)
 * @param undated matching articles without a publication date (not in {@code dates})
 */
record Coverage(String query, long articles, String dateUnit, List<Facets.Bucket> dates,
    long undated, List<Named> actors, List<Named> places, List<Facets.Value> eventTypes,
    List<Facets.Value> sources, List<Mentions.ArticleRef> latest, List<StoryRef> stories) {

  /** How many co-occurring actors and places to keep. */
  static final int TOP = 12;

  /** A co-occurring actor or place: its name, page and number of shared articles. */
  record Named(String name, String id, String href, long articles) {}

  /** A story with articles that mention it. */
  record StoryRef(long id, String title, int articles, int mentioning) {}

  /** A keyword clause: {@code field:"value"} with the value escaped for the query parser. */
  static String clause(String field, String value) {
    return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * The coverage of what {@code query} finds among the articles {@code seen} may see.
   *
   * @param articles the same articles as {@code query} finds, from the store
   * @param self names of the thing itself, left out of the co-occurring lists (lower case)
   * @param actorIds maps facet names of actors to entity ids
   * @param placeIds maps facet names of places to place ids
   */
  static Coverage of(Store store, Visibility seen, List<StoryReport> allStories, String query,
      Mentions.ArticleSet articles, Set<String> self,
      Function<Collection<String>, Map<String, String>> actorIds,
      Function<Collection<String>, Map<String, String>> placeIds) {
    Facets f = store.index().facets(query, TOP + self.size() + 1, seen);
    long dated = f.dates().stream().mapToLong(Facets.Bucket::count).sum();
    List<Facets.Value> actorValues = f.byField().getOrDefault("entity", List.of()).stream()
        .filter(v -> !self.contains(v.value().toLowerCase(Locale.ROOT))).limit(TOP).toList();
    Map<String, String> ids = actorIds.apply(actorValues.stream().map(Facets.Value::value).toList());
    List<Named> actors = actorValues.stream().map(v -> {
      String id = ids.getOrDefault(v.value().toLowerCase(Locale.ROOT), "name:" + v.value());
      return new Named(v.value(), id, "/entities/" + encode(id), v.count());
    }).toList();
    List<Facets.Value> placeValues = f.byField().getOrDefault("place", List.of()).stream()
        .filter(v -> !self.contains(v.value().toLowerCase(Locale.ROOT))).limit(TOP).toList();
    Map<String, String> pids = placeIds.apply(placeValues.stream().map(Facets.Value::value).toList());
    List<Named> places = placeValues.stream().map(v -> {
      String id = pids.getOrDefault(v.value().toLowerCase(Locale.ROOT), "name:" + v.value());
      return new Named(v.value(), id, "/places/" + encode(id), v.count());
    }).toList();
    List<StoryRef> stories = new ArrayList<>();
    if (f.total() > 0 && !allStories.isEmpty()) {
      Set<String> matching = store.mentions(seen).ids(articles);
      for (StoryReport s : allStories) {
        int n = (int) s.articles().stream().filter(matching::contains).count();
        if (n > 0) {
          stories.add(new StoryRef(s.id(), s.title(), s.articles().size(), n));
        }
      }
      stories.sort((a, b) -> Integer.compare(b.mentioning(), a.mentioning()));
    }
    return new Coverage(query, f.total(), f.dateUnit(), f.dates(), f.total() - dated, actors,
        places, f.byField().getOrDefault("event_type", List.of()),
        f.byField().getOrDefault("source_key", List.of()), store.mentions(seen).latest(articles, 10),
        stories.subList(0, Math.min(10, stories.size())));
  }

  /** The chart's bars (the search page's histogram), each linking to the articles of its period. */
  List<FacetView.Bar> bars() {
    return FacetView.bars(new Facets(articles, Map.of(), dates, dateUnit), query, "newest");
  }

  /** The search page listing every article this coverage counts. */
  String searchHref() {
    return "/search?q=" + encode(query) + "&sort=newest";
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Lower-cased names, for {@code self}. */
  static Set<String> lower(Collection<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }
}
