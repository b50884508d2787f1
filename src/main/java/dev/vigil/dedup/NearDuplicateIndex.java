package dev.vigil.dedup;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the article a new text copies, among the most recent {@code capacity} articles added.
 * Locality-sensitive hashing: the 128 MinHashes are cut into 64 bands of 2; two texts become
 * candidates when any band is equal (for a Jaccard similarity of 0.3 that happens with
 * probability 0.998, for 0.05 with 0.15), then a candidate is a copy when the estimated
 * containment of the smaller text in the larger reaches the threshold. Thread-safe.
 *
 * <p>Memory is what bounds the window, so the layout is flat: signatures in one {@code int[]}
 * ring of slots (the oldest slot is reused when full), and the bands in one open-addressing
 * table of (band key, slot) pairs. Entries of a reused slot are not removed: a lookup checks
 * each hit against the slot's current signature, and the table is rebuilt from the live slots
 * when it fills. Under 2 KB per remembered article.
 */
public final class NearDuplicateIndex {
  static final int BANDS = 64;
  static final int ROWS = Fingerprint.SIZE / BANDS;
  /** Texts shorter than this many shingles are left to the exact hash: too little to judge. */
  public static final int MIN_SHINGLES = 12;
  /** The default threshold; {@code vigil eval dedup} measures it on the Tehran Times corpus. */
  public static final double DEFAULT_THRESHOLD = 0.55;

  /** A stored article {@code id} that the queried text copies, and how similar they are. */
  public record Match(String id, double containment, double jaccard) {}

  private final int capacity;
  private final double threshold;
  private final String[] ids;
  private final int[] signatures;
  private final int[] shingles;
  private final Map<String, Integer> slotOf = new HashMap<>();
  private int nextSlot;
  private int size;
  private int[] keys = new int[1 << 12]; // 0 = empty
  private int[] slots = new int[1 << 12];
  private int used;

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
    this.ids = new String[capacity];
    this.signatures = new int[capacity * Fingerprint.SIZE];
    this.shingles = new int[capacity];
  }

  /** Whether {@code a} and {@code b} would be linked: they share a band and pass the threshold. */
  public static boolean isCopy(Fingerprint a, Fingerprint b, double threshold) {
    if (a.shingles() < MIN_SHINGLES || b.shingles() < MIN_SHINGLES) {
      return false;
    }
    boolean candidate = false;
    for (int band = 0; band < BANDS && !candidate; band++) {
      candidate = bandKey(a.minHashes(), 0, band) == bandKey(b.minHashes(), 0, band);
    }
    return candidate && a.containment(b) >= threshold;
  }

  /** The best match for {@code fp} among the remembered articles, if any passes the threshold. */
  public synchronized Optional<Match> find(Fingerprint fp) {
    if (fp.shingles() < MIN_SHINGLES) {
      return Optional.empty();
    }
    Match best = null;
    int mask = keys.length - 1;
    BitSet seen = new BitSet(capacity);
    for (int band = 0; band < BANDS; band++) {
      int key = bandKey(fp.minHashes(), 0, band);
      for (int i = key & mask; keys[i] != 0; i = (i + 1) & mask) {
        int slot = slots[i];
        if (keys[i] != key || ids[slot] == null || seen.get(slot)
            || bandKey(signatures, slot * Fingerprint.SIZE, band) != key) {
          continue; // another key, or a reused slot that no longer has this band
        }
        seen.set(slot);
        Fingerprint other = new Fingerprint(Arrays.copyOfRange(signatures,
            slot * Fingerprint.SIZE, (slot + 1) * Fingerprint.SIZE), shingles[slot]);
        double c = fp.containment(other);
        if (c >= threshold && (best == null || c > best.containment())) {
          best = new Match(ids[slot], c, fp.jaccard(other));
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** Remembers {@code id}; the oldest article is forgotten when the index is full. */
  public synchronized void add(String id, Fingerprint fp) {
    if (fp.shingles() < MIN_SHINGLES || slotOf.containsKey(id)) {
      return;
    }
    int slot = nextSlot;
    nextSlot = (nextSlot + 1) % capacity;
    if (ids[slot] != null) {
      slotOf.remove(ids[slot]);
    } else {
      size++;
    }
    ids[slot] = id;
    slotOf.put(id, slot);
    System.arraycopy(fp.minHashes(), 0, signatures, slot * Fingerprint.SIZE, Fingerprint.SIZE);
    shingles[slot] = fp.shingles();
    if ((used + BANDS) * 4L > keys.length * 3L) {
      rebuild(); // takes in this slot too
    } else {
      insertBands(slot);
    }
  }

  public synchronized int size() {
    return size;
  }

  private void insertBands(int slot) {
    int mask = keys.length - 1;
    for (int band = 0; band < BANDS; band++) {
      int key = bandKey(signatures, slot * Fingerprint.SIZE, band);
      int i = key & mask;
      while (keys[i] != 0) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      slots[i] = slot;
      used++;
    }
  }

  /**
   * A table for the live slots alone, a quarter to half full, so that at least a quarter of it
   * fills with new entries before the next rebuild (rebuilt at three quarters).
   */
  private void rebuild() {
    long needed = (long) size * BANDS * 2;
    int length = (int) Math.max(1 << 12, Long.highestOneBit(Math.max(1, needed - 1)) << 1);
    keys = new int[length];
    slots = new int[length];
    used = 0;
    for (int slot = 0; slot < capacity; slot++) {
      if (ids[slot] != null) {
        insertBands(slot);
      }
    }
  }

  /** A band's two MinHashes (and the band number) hashed to a non-zero key. */
  private static int bandKey(int[] signature, int offset, int band) {
    long h = band;
    for (int r = 0; r < ROWS; r++) {
      h = Fingerprint.mix(h * 31 + signature[offset + band * ROWS + r]);
    }
    int key = (int) (h ^ (h >>> 32));
    return key == 0 ? 1 : key;
  }
}
