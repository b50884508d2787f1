package dev.vigil.dedup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the article a new text copies, among the most recent {@code capacity} articles added.
 * Locality-sensitive hashing: the 128 MinHashes are cut into 64 bands of 2; two texts become
 * candidates when any band is equal (for a Jaccard similarity of 0.3 that happens with
 * probability 0.998, for 0.05 with 0.15), then a candidate is a copy when the estimated
 * containment of the smaller text in the larger reaches the threshold. Thread-safe.
 */
public final class NearDuplicateIndex {
  static final int BANDS = 64;
  static final int ROWS = Fingerprint.SIZE / BANDS;
  /** Texts shorter than this many shingles are left to the exact hash: too little to judge. */
  public static final int MIN_SHINGLES = 12;

  /** A stored article {@code id} that the queried text copies, and how similar they are. */
  public record Match(String id, double containment, double jaccard) {}

  private final int capacity;
  private final double threshold;
  private final Map<Long, List<String>> buckets = new HashMap<>();
  private final Map<String, Fingerprint> fingerprints = new HashMap<>();
  private final ArrayDeque<String> order = new ArrayDeque<>();

  /**
   * @param capacity how many recent articles to remember (older ones are forgotten: syndicated
   *     copies appear within days)
   * @param threshold the least containment taken as a copy
   */
  public NearDuplicateIndex(int capacity, double threshold) {
    if (capacity < 1 || threshold <= 0 || threshold > 1) {
      throw new IllegalArgumentException("capacity >= 1 and 0 < threshold <= 1; got " + capacity + ", " + threshold);
    }
    this.capacity = capacity;
    this.threshold = threshold;
  }

  /** The default threshold; {@code vigil eval dedup} measures it on the Tehran Times corpus. */
  public static final double DEFAULT_THRESHOLD = 0.55;

  /** Whether {@code a} and {@code b} would be linked: they share a band and pass the threshold. */
  public static boolean isCopy(Fingerprint a, Fingerprint b, double threshold) {
    if (a.shingles() < MIN_SHINGLES || b.shingles() < MIN_SHINGLES) {
      return false;
    }
    boolean candidate = false;
    for (int band = 0; band < BANDS && !candidate; band++) {
      candidate = bandKey(a, band) == bandKey(b, band);
    }
    return candidate && a.containment(b) >= threshold;
  }

  /** The best match for {@code fp} among the remembered articles, if any passes the threshold. */
  public synchronized Optional<Match> find(Fingerprint fp) {
    if (fp.shingles() < MIN_SHINGLES) {
      return Optional.empty();
    }
    Set<String> candidates = new HashSet<>();
    for (int band = 0; band < BANDS; band++) {
      List<String> ids = buckets.get(bandKey(fp, band));
      if (ids != null) {
        candidates.addAll(ids);
      }
    }
    Match best = null;
    for (String id : candidates) {
      Fingerprint other = fingerprints.get(id);
      double c = fp.containment(other);
      if (c >= threshold && (best == null || c > best.containment())) {
        best = new Match(id, c, fp.jaccard(other));
      }
    }
    return Optional.ofNullable(best);
  }

  /** Remembers {@code id}; the oldest article is forgotten when the index is full. */
  public synchronized void add(String id, Fingerprint fp) {
    if (fp.shingles() < MIN_SHINGLES || fingerprints.containsKey(id)) {
      return;
    }
    fingerprints.put(id, fp);
    order.addLast(id);
    for (int band = 0; band < BANDS; band++) {
      buckets.computeIfAbsent(bandKey(fp, band), k -> new ArrayList<>(1)).add(id);
    }
    while (order.size() > capacity) {
      String old = order.removeFirst();
      Fingerprint f = fingerprints.remove(old);
      for (int band = 0; band < BANDS; band++) {
        long key = bandKey(f, band);
        List<String> ids = buckets.get(key);
        ids.remove(old);
        if (ids.isEmpty()) {
          buckets.remove(key);
        }
      }
    }
  }

  public synchronized int size() {
    return fingerprints.size();
  }

  /** The band number is hashed in, so equal rows in different bands fall in different buckets. */
  private static long bandKey(Fingerprint fp, int band) {
    long h = band;
    for (int r = 0; r < ROWS; r++) {
      h = Fingerprint.mix(h * 31 + fp.minHashes()[band * ROWS + r]);
    }
    return h;
  }
}
