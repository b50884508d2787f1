package dev.vigil.stories;

import java.util.HashMap;
import java.util.Map;
import java.util.Locale;

/**
 * B-cubed and pairwise precision, recall and F1 of a clustering against gold clusters, over the
 * items both cover. B-cubed averages, per item, the share of its predicted cluster that shares
 * its gold cluster (precision) and the share of its gold cluster that shares its predicted
 * cluster (recall). Pairwise counts pairs of items put together. Both are computed from the
 * contingency table, so the cost is linear in the items.
 */
public record ClusteringScores(
    int items, int predictedClusters, int goldClusters,
    double bcubedPrecision, double bcubedRecall, double pairPrecision, double pairRecall) {

  public double bcubedF1() {
    return f1(bcubedPrecision, bcubedRecall);
  }

  public double pairF1() {
    return f1(pairPrecision, pairRecall);
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Scores {@code predicted} (item to cluster) against {@code gold} (item to cluster). */
  public static <G, P> ClusteringScores of(Map<String, G> gold, Map<String, P> predicted) {
    Map<G, Integer> goldSize = new HashMap<>();
    Map<P, Integer> predSize = new HashMap<>();
    Map<Map.Entry<G, P>, Integer> both = new HashMap<>();
    int n = 0;
    for (Map.Entry<String, G> e : gold.entrySet()) {
      P p = predicted.get(e.getKey());
      if (p == null) {
        continue;
      }
      n++;
      goldSize.merge(e.getValue(), 1, Integer::sum);
      predSize.merge(p, 1, Integer::sum);
      both.merge(Map.entry(e.getValue(), p), 1, Integer::sum);
    }
    if (n == 0) {
      return new ClusteringScores(0, 0, 0, 0, 0, 0, 0);
    }
    double bp = 0;
    double br = 0;
    long pairsBoth = 0;
    for (Map.Entry<Map.Entry<G, P>, Integer> e : both.entrySet()) {
      int c = e.getValue();
      bp += (double) c * c / predSize.get(e.getKey().getValue());
      br += (double) c * c / goldSize.get(e.getKey().getKey());
      pairsBoth += pairs(c);
    }
    long pairsPred = predSize.values().stream().mapToLong(ClusteringScores::pairs).sum();
    long pairsGold = goldSize.values().stream().mapToLong(ClusteringScores::pairs).sum();
    return new ClusteringScores(n, predSize.size(), goldSize.size(), bp / n, br / n,
        pairsPred == 0 ? 1 : (double) pairsBoth / pairsPred,
        pairsGold == 0 ? 1 : (double) pairsBoth / pairsGold);
  }

  private static long pairs(int c) {
    return (long) c * (c - 1) / 2;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "B-cubed P %.3f R %.3f F1 %.3f; pairwise P %.3f R %.3f F1 %.3f; %d items, %d clusters (gold %d)",
        bcubedPrecision, bcubedRecall, bcubedF1(), pairPrecision, pairRecall, pairF1(), items,
        predictedClusters, goldClusters);
  }
}
