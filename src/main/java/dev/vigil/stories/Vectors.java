package dev.vigil.stories;

import java.util.Map;

/** Small vector arithmetic for sparse term vectors and dense embeddings. */
final class Vectors {
  private Vectors() {}

  static float[] normalize(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    if (n == 0) {
      return v;
    }
    float inv = (float) (1 / Math.sqrt(n));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * inv;
    }
    return out;
  }

  /** Cosine of two dense vectors; 0 when either is missing or zero. */
  static double cosine(float[] a, float[] b) {
    if (a == null || b == null || a.length != b.length) {
      return 0;
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** Cosine of two sparse vectors. */
  static double cosine(Map<String, Double> a, Map<String, Double> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double dot = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      Double w = large.get(e.getKey());
      if (w != null) {
        dot += e.getValue() * w;
      }
    }
    double n = norm(a) * norm(b);
    return n == 0 ? 0 : dot / n;
  }

  static double norm(Map<String, Double> v) {
    double n = 0;
    for (double x : v.values()) {
      n += x * x;
    }
    return Math.sqrt(n);
  }
}
