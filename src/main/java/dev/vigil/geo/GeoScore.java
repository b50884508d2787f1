package dev.vigil.geo;

import dev.vigil.model.PlaceMention;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores recognised places against gold toponyms: a recognised place matches a gold toponym
 * whose span it overlaps (each used once); recall is matched gold over all gold, precision
 * matched places over all recognised, accuracy@161 km the share of matched places whose point
 * lies within 161 km (100 miles) of the gold point, the usual geocoding measure. Not
 * thread-safe: one scorer per run.
 */
public final class GeoScore {
  /** A recognised place that matched a gold toponym, and how far off its point is. */
  public record Match(GeoparsingData.Toponym gold, PlaceMention found, double errorKm) {}

  private int gold;
  private int recognised;
  private final List<Match> matches = new ArrayList<>();

  /**
   * Adds one article's gold toponyms and recognised places; returns what was missed and
   * recognised wrongly for reporting: the unmatched gold, then the unmatched places.
   */
  public Errors add(List<GeoparsingData.Toponym> goldToponyms, List<PlaceMention> found) {
    gold += goldToponyms.size();
    recognised += found.size();
    boolean[] used = new boolean[goldToponyms.size()];
    List<PlaceMention> spurious = new ArrayList<>();
    List<Match> articleMatches = new ArrayList<>();
    for (PlaceMention p : found) {
      int hit = -1;
      for (int i = 0; i < goldToponyms.size(); i++) {
        GeoparsingData.Toponym g = goldToponyms.get(i);
        if (!used[i] && g.start() < p.end() && p.start() < g.end()) {
          hit = i;
          break;
        }
      }
      if (hit < 0) {
        spurious.add(p);
        continue;
      }
      used[hit] = true;
      GeoparsingData.Toponym g = goldToponyms.get(hit);
      double err = p.lat() == null ? Double.POSITIVE_INFINITY
          : Place.distanceKm(g.lat(), g.lon(), p.lat(), p.lon());
      articleMatches.add(new Match(g, p, err));
    }
    matches.addAll(articleMatches);
    List<GeoparsingData.Toponym> missed = new ArrayList<>();
    for (int i = 0; i < used.length; i++) {
      if (!used[i]) {
        missed.add(goldToponyms.get(i));
      }
    }
    return new Errors(missed, spurious, articleMatches);
  }

  /** What one article got wrong. */
  public record Errors(List<GeoparsingData.Toponym> missed, List<PlaceMention> spurious,
      List<Match> matches) {}

  public int gold() {
    return gold;
  }

  public int recognised() {
    return recognised;
  }

  public int matched() {
    return matches.size();
  }

  public double recall() {
    return gold == 0 ? 0 : (double) matches.size() / gold;
  }

  public double precision() {
    return recognised == 0 ? 0 : (double) matches.size() / recognised;
  }

  /** Share of matched places within {@code km} of the gold point. */
  public double accuracyWithin(double km) {
    return matches.isEmpty() ? 0
        : (double) matches.stream().filter(m -> m.errorKm() <= km).count() / matches.size();
  }

  public double meanErrorKm() {
    return matches.stream().mapToDouble(m -> Math.min(m.errorKm(), 20_038)).average().orElse(0);
  }

  public double medianErrorKm() {
    double[] e = matches.stream().mapToDouble(Match::errorKm).sorted().toArray();
    if (e.length == 0) {
      return 0;
    }
    return e.length % 2 == 1 ? e[e.length / 2] : (e[e.length / 2 - 1] + e[e.length / 2]) / 2;
  }
}
