package dev.vigil.store;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;

/**
 * The facets of the last few queries, valid for one version of the index: paging through a
 * search, or the search page and the API asking for the same query, counts once. A new reader
 * (articles added) empties it, so it never serves counts of an older index.
 */
final class FacetCache {
  /** Counts facets on a cache miss. */
  interface Counter {
    Facets count() throws IOException;
  }

  private final int capacity;
  private IndexReader reader; // guarded by this
  private final Map<String, Facets> entries; // guarded by this

  FacetCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Facets> eldest) {
        return size() > FacetCache.this.capacity;
      }
    };
  }

  /** The cached facets of {@code key} on {@code current}, or what {@code counter} counts. */
  Facets get(IndexReader current, String key, Counter counter) throws IOException {
    synchronized (this) {
      if (reader != current) {
        entries.clear();
        reader = current;
      }
      Facets hit = entries.get(key);
      if (hit != null) {
        return hit;
      }
    }
    Facets counted = counter.count(); // outside the lock: concurrent misses count in parallel
    synchronized (this) {
      if (reader == current) {
        entries.put(key, counted);
      }
    }
    return counted;
  }
}
