package dev.vigil.stories;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the clusterer compares of one article: its weighted terms (unit-length TF-IDF), its
 * sentence embedding (unit length; null when no embedder is used), the keys of its linked
 * entities and places, and its time (publication, else ingestion) in epoch milliseconds.
 */
public record ArticleFeatures(
    String id, long timeMs, Map<String, Double> terms, float[] embedding,
    Set<String> entities, Set<String> places) {

  public ArticleFeatures {
    Objects.requireNonNull(id, "id");
    terms = Map.copyOf(terms);
    entities = Set.copyOf(entities);
    places = Set.copyOf(places);
  }
}
