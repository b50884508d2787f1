package dev.vigil.web;

import dev.vigil.model.IsoDates;
import dev.vigil.stories.StoryReport;
import dev.vigil.stories.Trends;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the home page draws for one story beside its report: a sparkline of its articles per
 * hour (24 h view, the last 48 hours) or per day (7-day view, the last 28 days) up to the
 * reference time, with the new independent sources darker, and the mix of its sources'
 * reliability labels as a stacked bar. Both are drawn by the template as inline SVG from
 * these numbers (no script, no inline style: the page's CSP allows neither).
 */
record StoryCards(StoryReport s, Spark spark, List<Segment> mix, int windowArticles) {
  static final int WIDTH = 96;
  static final int HEIGHT = 20;
  static final int MIX_WIDTH = 60;

  /** A sparkline: its bars, the label a screen reader gets, and the unit of a bar. */
  record Spark(List<Bar> bars, String label) {}

  /** One bar: x and width, then y and height of all articles and of the new sources. */
  record Bar(double x, double w, double y, double h, double yNew, double hNew, String title) {}

  /** One part of the reliability bar: the label, its share of sources, x and width. */
  record Segment(String label, int count, double x, double w) {}

  /** The card of {@code s} for {@code window} ending at {@code end} (null when nothing is dated). */
  static StoryCards of(StoryReport s, Trends.Window window, Instant end) {
    return new StoryCards(s, end == null ? null : spark(s, window, end), mix(s),
        end == null ? 0 : inWindow(s, window, end));
  }

  /** Articles of {@code s} published in the window ending at {@code end}. */
  static int inWindow(StoryReport s, Trends.Window window, Instant end) {
    long hi = end.toEpochMilli();
    long lo = hi - window.length.toMillis();
    int n = 0;
    for (StoryReport.Arrival a : s.arrivals()) {
      Long t = day(a.published());
      if (t != null && t > lo && t <= hi) {
        n++;
      }
    }
    return n;
  }

  private static Spark spark(StoryReport s, Trends.Window window, Instant end) {
    boolean hourly = window == Trends.Window.DAY;
    Duration unit = hourly ? Duration.ofHours(1) : Duration.ofDays(1);
    int bins = hourly ? 48 : 28;
    int[] all = new int[bins];
    int[] fresh = new int[bins];
    long hi = end.toEpochMilli();
    long lo = hi - unit.toMillis() * bins;
    int undated = 0;
    for (StoryReport.Arrival a : s.arrivals()) {
      Long t = day(a.published());
      if (t == null) {
        undated++;
        continue;
      }
      if (t > lo && t <= hi) {
        int i = (int) Math.min(bins - 1, (t - lo - 1) / unit.toMillis());
        all[i]++;
        if (a.newSource()) {
          fresh[i]++;
        }
      }
    }
    int max = 1;
    int total = 0;
    for (int v : all) {
      max = Math.max(max, v);
      total += v;
    }
    double w = (double) WIDTH / bins;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      if (all[i] == 0) {
        continue;
      }
      double h = Math.max(1, (double) HEIGHT * all[i] / max);
      double hn = (double) HEIGHT * fresh[i] / max;
      Instant binEnd = Instant.ofEpochMilli(lo + unit.toMillis() * (i + 1));
      bars.add(new Bar(round(i * w), round(Math.max(0.5, w - 0.5)), round(HEIGHT - h), round(h),
          round(HEIGHT - hn), round(hn), String.format(Locale.ROOT, "%d articles, %d new sources, %s to %s",
              all[i], fresh[i], hourly ? "hour" : "day", IsoDates.format(binEnd))));
    }
    String label = String.format(Locale.ROOT, "%d articles in the last %d %s (peak %d per %s)%s", total, bins,
        hourly ? "hours" : "days", max, hourly ? "hour" : "day",
        undated > 0 ? "; " + undated + " undated not shown" : "");
    return new Spark(bars, label);
  }

  private static List<Segment> mix(StoryReport s) {
    int total = s.reliabilityMix().values().stream().mapToInt(Integer::intValue).sum();
    List<Segment> out = new ArrayList<>();
    double x = 0;
    for (String label : StoryFilter.LABELS) {
      int n = s.reliabilityMix().getOrDefault(label, 0);
      if (n > 0 && total > 0) {
        double w = (double) MIX_WIDTH * n / total;
        out.add(new Segment(label, n, round(x), round(w)));
        x += w;
      }
    }
    return out;
  }

  /** The reliability mix in words, for screen readers and the tooltip. */
  String mixLabel() {
    StringBuilder sb = new StringBuilder("sources: ");
    for (Segment g : mix) {
      sb.append(g == mix.get(0) ? "" : ", ").append(g.count()).append(' ').append(g.label());
    }
    return mix.isEmpty() ? "no sources" : sb.toString();
  }

  /** Whether no article of {@code s} has a publication date to the day or finer. */
  static boolean undated(StoryReport s) {
    return s.arrivals().stream().allMatch(a -> day(a.published()) == null);
  }

  /** Epoch ms of a publication date to the day or finer, else null. */
  private static Long day(String published) {
    return published == null || published.length() < 10 ? null : IsoDates.toEpochMillis(published);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
