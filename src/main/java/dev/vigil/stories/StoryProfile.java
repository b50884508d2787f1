package dev.vigil.stories;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A story's clustering state: the sum of its articles' term vectors (the heaviest
 * {@link #MAX_TERMS} terms kept), the sum of their embeddings, and how many of its articles
 * name each entity and place. Sums, not means, so that adding an article or merging two
 * stories is one addition.
 */
public record StoryProfile(
    Map<String, Double> terms, float[] embedding, Map<String, Integer> entities,
    Map<String, Integer> places) {
  static final int MAX_TERMS = 150;
  private static final int MAX_KEYS = 60;

  public StoryProfile {
    terms = Map.copyOf(terms);
    entities = Map.copyOf(entities);
    places = Map.copyOf(places);
  }

  static StoryProfile of(ArticleFeatures f) {
    return new StoryProfile(f.terms(), f.embedding(), counts(f.entities()), counts(f.places()));
  }

  private static Map<String, Integer> counts(java.util.Set<String> keys) {
    Map<String, Integer> m = new HashMap<>();
    keys.forEach(k -> m.put(k, 1));
    return m;
  }

  /** This profile plus {@code other}. */
  StoryProfile plus(StoryProfile other) {
    Map<String, Double> t = new HashMap<>(terms);
    other.terms.forEach((k, v) -> t.merge(k, v, Double::sum));
    float[] e = embedding;
    if (e == null) {
      e = other.embedding;
    } else if (other.embedding != null) {
      e = embedding.clone();
      for (int i = 0; i < e.length; i++) {
        e[i] += other.embedding[i];
      }
    }
    Map<String, Integer> en = new HashMap<>(entities);
    other.entities.forEach((k, v) -> en.merge(k, v, Integer::sum));
    Map<String, Integer> pl = new HashMap<>(places);
    other.places.forEach((k, v) -> pl.merge(k, v, Integer::sum));
    return new StoryProfile(top(t, MAX_TERMS), e, top(en, MAX_KEYS), top(pl, MAX_KEYS));
  }

  private static <V extends Comparable<V>> Map<String, V> top(Map<String, V> m, int n) {
    if (m.size() <= n) {
      return m;
    }
    Map<String, V> out = new LinkedHashMap<>();
    m.entrySet().stream()
        .sorted(Map.Entry.<String, V>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
