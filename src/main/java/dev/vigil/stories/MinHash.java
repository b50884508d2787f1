package dev.vigil.stories;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MinHash signatures of word 5-shingles, to tell copies (the same wire text republished,
 * lightly edited) from independent reports: the share of equal signature slots estimates the
 * Jaccard similarity of the two texts' shingle sets. Kept here until the feeds stage records
 * near-duplicates in the store ({@code articles.copy_of}).
 */
public final class MinHash {
  private static final int SLOTS = 64;
  private static final int SHINGLE = 5;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final long[] SEEDS = seeds();

  private MinHash() {}

  private static long[] seeds() {
    long[] s = new long[SLOTS];
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < SLOTS; i++) {
      x += 0x9E3779B97F4A7C15L;
      s[i] = mix(x);
    }
    return s;
  }

  /** The signature of {@code text}; empty text gives a signature that matches nothing. */
  public static long[] signature(String text) {
    long[] sig = new long[SLOTS];
    Arrays.fill(sig, Long.MAX_VALUE);
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    long[] window = new long[SHINGLE];
    int n = 0;
    while (m.find()) {
      window[n % SHINGLE] = m.group().hashCode();
      n++;
      if (n >= SHINGLE) {
        long h = 0;
        for (int i = 0; i < SHINGLE; i++) {
          h = h * 31 + window[(n + i) % SHINGLE];
        }
        for (int i = 0; i < SLOTS; i++) {
          long v = mix(h ^ SEEDS[i]);
          if (v < sig[i]) {
            sig[i] = v;
          }
        }
      }
    }
    return sig;
  }

  /** Estimated Jaccard similarity of the shingle sets behind two signatures. */
  public static double similarity(long[] a, long[] b) {
    int same = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (a[i] == b[i] && a[i] != Long.MAX_VALUE) {
        same++;
      }
    }
    return (double) same / SLOTS;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
