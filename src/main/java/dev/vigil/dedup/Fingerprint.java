package dev.vigil.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MinHash signature of a text's word 3-shingles, with the number of distinct shingles.
 * Two signatures estimate the Jaccard similarity of the shingle sets (the share of equal
 * positions) and from it, with the set sizes, the containment of the smaller text in the
 * larger: a copy that lost a paragraph or gained a wire credit keeps a high containment.
 * Words are lower-cased letters and digits; punctuation and spacing do not matter.
 */
public record Fingerprint(int[] minHashes, int shingles) {
  /** Signature length: the estimate's standard error is about sqrt(J(1-J)/128), under 0.045. */
  public static final int SIZE = 128;
  static final int SHINGLE_WORDS = 3;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final long[] SEEDS = seeds();

  public Fingerprint {
    Objects.requireNonNull(minHashes, "minHashes");
    if (minHashes.length != SIZE) {
      throw new IllegalArgumentException("a fingerprint has " + SIZE + " hashes, got " + minHashes.length);
    }
    if (shingles < 0) {
      throw new IllegalArgumentException("shingles must be >= 0: " + shingles);
    }
  }

  /** The fingerprint of {@code text}. */
  public static Fingerprint of(String text) {
    long[] words = new long[Math.max(16, text.length() / 5)];
    int n = 0;
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      if (n == words.length) {
        words = Arrays.copyOf(words, n * 2);
      }
      words[n++] = hash(m.group());
    }
    int count = Math.max(0, n - SHINGLE_WORDS + 1);
    if (n > 0 && count == 0) {
      count = 1; // a text shorter than a shingle is one shingle
    }
    long[] shingles = new long[count];
    for (int i = 0; i < count; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = i; j < Math.min(n, i + SHINGLE_WORDS); j++) {
        h = mix(h ^ words[j]);
      }
      shingles[i] = h;
    }
    Arrays.sort(shingles);
    int distinct = 0;
    for (int i = 0; i < shingles.length; i++) {
      if (i == 0 || shingles[i] != shingles[i - 1]) {
        shingles[distinct++] = shingles[i];
      }
    }
    int[] mins = new int[SIZE];
    Arrays.fill(mins, Integer.MAX_VALUE);
    for (int s = 0; s < distinct; s++) {
      long sh = shingles[s];
      for (int k = 0; k < SIZE; k++) {
        int v = (int) (mix(sh ^ SEEDS[k]) >>> 33); // non-negative, so MAX_VALUE means "empty"
        if (v < mins[k]) {
          mins[k] = v;
        }
      }
    }
    return new Fingerprint(mins, distinct);
  }

  /** Estimated Jaccard similarity of the two shingle sets. */
  public double jaccard(Fingerprint other) {
    if (shingles == 0 || other.shingles == 0) {
      return 0;
    }
    int same = 0;
    for (int k = 0; k < SIZE; k++) {
      if (minHashes[k] == other.minHashes[k]) {
        same++;
      }
    }
    return same / (double) SIZE;
  }

  /** Estimated share of the smaller text's shingles that the larger one holds. */
  public double containment(Fingerprint other) {
    double j = jaccard(other);
    if (j == 0) {
      return 0;
    }
    double intersection = j * (shingles + other.shingles) / (1 + j);
    return Math.min(1, intersection / Math.min(shingles, other.shingles));
  }

  /** The signature as bytes, for storage. */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(4 + SIZE * 4);
    b.putInt(shingles);
    for (int v : minHashes) {
      b.putInt(v);
    }
    return b.array();
  }

  public static Fingerprint fromBytes(byte[] bytes) {
    if (bytes.length != 4 + SIZE * 4) {
      throw new IllegalArgumentException("a stored fingerprint has " + (4 + SIZE * 4) + " bytes, got " + bytes.length);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int shingles = b.getInt();
    int[] mins = new int[SIZE];
    for (int k = 0; k < SIZE; k++) {
      mins[k] = b.getInt();
    }
    return new Fingerprint(mins, shingles);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f && f.shingles == shingles && Arrays.equals(f.minHashes, minHashes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(minHashes) + shingles;
  }

  @Override
  public String toString() {
    return "Fingerprint[shingles=" + shingles + "]";
  }

  private static long hash(String word) {
    long h = 0xcbf29ce484222325L; // FNV-1a, then mixed
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * 0x100000001b3L;
    }
    return mix(h);
  }

  /** SplitMix64's finaliser: every input bit affects every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    long[] s = new long[SIZE];
    long x = 0x5DEECE66DL;
    for (int i = 0; i < SIZE; i++) {
      x += 0x9E3779B97F4A7C15L;
      s[i] = mix(x);
    }
    return s;
  }
}
