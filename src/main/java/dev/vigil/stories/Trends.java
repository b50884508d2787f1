package dev.vigil.stories;

import dev.vigil.model.IsoDates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trending and breaking detection over the arrival of <em>independent</em> sources: only the
 * first article of each independent source ({@link StoryReport.Arrival#newSource()}) counts, so
 * twenty copies of one wire report are one arrival.
 *
 * <p>For a window W (24 h or 7 days) ending at the reference time T, a story's {@code recent}
 * count is its new independent sources in (T-W, T]. It is compared with an expected count
 * λ = max(floor, the story's own rate over the trailing baseline period before the window,
 * the rate of the corpus's median story among those active in that period), each scaled to one window; when the
 * corpus begins inside the baseline period, the rates are over the part it covers (at least
 * one window). The surprise
 * is the Poisson z-score (recent - λ) / √λ. A story is
 * <ul>
 *   <li><b>breaking</b> when it is new (its first independent source arrived inside the window),
 *       reached {@link #BREAKING_SOURCES} independent sources within {@link #BREAKING_HOURS}
 *       hours of its first, and its surprise is at least {@link #MIN_SCORE} (in a corpus where
 *       every new story gets three outlets within hours, that is no news);</li>
 *   <li><b>trending</b> when it gained at least {@link #MIN_RECENT} new independent sources in
 *       the window and the surprise is at least {@link #MIN_SCORE};</li>
 *   <li><b>none</b> otherwise, and always when it has no dated article (undated articles cannot
 *       be placed in time; ingestion time says when we read an article, not when it was
 *       news).</li>
 * </ul>
 * Only publication dates given to the day or finer count (a year or a month says too little).
 * T is now, or the newest publication time in the corpus when that is older than one window
 * (an archive), so an old corpus still shows what was moving at its end.
 */
public final class Trends {
  /** Independent sources a new story must reach for breaking. */
  public static final int BREAKING_SOURCES = 3;
  /** Within this many hours of its first independent source. */
  public static final int BREAKING_HOURS = 6;
  /** New independent sources in the window needed for trending. */
  public static final int MIN_RECENT = 3;
  /** Poisson z-score needed for trending. */
  public static final double MIN_SCORE = 3.0;
  /** The least expected count per window: a quiet story's first few reports are no surprise. */
  public static final double FLOOR = 0.5;

  /** The two windows the dashboard offers, each with its trailing baseline period. */
  public enum Window {
    DAY("24h", Duration.ofHours(24), Duration.ofDays(7)),
    WEEK("7d", Duration.ofDays(7), Duration.ofDays(28));

    public final String label;
    public final Duration length;
    public final Duration baseline;

    Window(String label, Duration length, Duration baseline) {
      this.label = label;
      this.length = length;
      this.baseline = baseline;
    }

    /** The window named {@code label} ("24h" or "7d"). */
    public static Window of(String label) {
      for (Window w : values()) {
        if (w.label.equalsIgnoreCase(label.strip())) {
          return w;
        }
      }
      throw new IllegalArgumentException("window must be '24h' or '7d', got '" + label + "'");
    }
  }

  /**
   * A story's trend: {@code flag} breaking, trending or none; {@code score} the surprise;
   * {@code recent} new independent sources in the window; {@code baseline} the expected count
   * λ it was compared with; {@code window} "24h" or "7d"; {@code end} the reference time T; and
   * a one-line explanation.
   */
  public record Trend(String flag, double score, int recent, double baseline, String window,
      String end, String explanation) {}

  private Trends() {}

  /**
   * The reference time T: {@code now}, or the newest publication time among the stories when
   * that is more than one window before {@code now}. Null when no story has a dated article.
   */
  public static Instant reference(List<StoryReport> stories, Instant now, Window window) {
    Long newest = null;
    for (StoryReport s : stories) {
      for (StoryReport.Arrival a : s.arrivals()) {
        Long t = timeOf(a.published());
        if (t != null && t <= now.toEpochMilli() && (newest == null || t > newest)) {
          newest = t;
        }
      }
    }
    if (newest == null) {
      return null;
    }
    Instant n = Instant.ofEpochMilli(newest);
    return n.isBefore(now.minus(window.length)) ? n : now;
  }

  /** Every story with its trend over {@code window}, at the reference time for {@code now}. */
  public static List<StoryReport> assess(List<StoryReport> stories, Instant now, Window window) {
    Instant end = reference(stories, now, window);
    long t = end == null ? 0 : end.toEpochMilli();
    long w = window.length.toMillis();
    long b = history(stories, t, window);
    // the corpus baseline: the median story that had new sources in the baseline period (the
    // mean would be the few big stories')
    List<Integer> active = new ArrayList<>();
    for (StoryReport s : stories) {
      int n = b == 0 ? 0 : count(newSources(s), t - w - b, t - w);
      if (n > 0) {
        active.add(n);
      }
    }
    active.sort(null);
    double median = active.isEmpty() ? 0 : active.size() % 2 == 1 ? active.get(active.size() / 2)
        : (active.get(active.size() / 2 - 1) + active.get(active.size() / 2)) / 2.0;
    double corpus = b == 0 ? 0 : (double) w / b * median;
    List<StoryReport> out = new ArrayList<>(stories.size());
    for (StoryReport s : stories) {
      out.add(s.withTrend(end == null ? undated(window) : trend(newSources(s), t, window, b, corpus)));
    }
    return out;
  }

  /**
   * How much of the baseline period the corpus covers (ms): the whole period, or the time from
   * its first dated article to the window, but at least one window (a rate over a few hours of
   * history would be noise); 0 when nothing is dated before the window.
   */
  static long history(List<StoryReport> stories, long end, Window window) {
    long start = Long.MAX_VALUE;
    for (StoryReport s : stories) {
      for (long x : newSources(s)) {
        start = Math.min(start, x);
      }
    }
    long w = window.length.toMillis();
    if (start >= end - w) {
      return 0;
    }
    return Math.max(w, Math.min(window.baseline.toMillis(), end - w - start));
  }

  /**
   * The trend of one story whose new independent sources arrived at {@code times} (epoch ms,
   * ascending), over a baseline period of {@code history} ms before the window (0: none),
   * against a corpus rate of {@code corpus} new sources per window (its median active story).
   */
  static Trend trend(List<Long> times, long end, Window window, long history, double corpus) {
    if (times.isEmpty()) {
      return undated(window);
    }
    long w = window.length.toMillis();
    long b = history;
    int recent = count(times, end - w, end);
    double own = b == 0 ? 0 : (double) count(times, end - w - b, end - w) * w / b;
    double lambda = Math.max(FLOOR, Math.max(own, corpus));
    double score = (recent - lambda) / Math.sqrt(lambda);
    String endText = IsoDates.format(Instant.ofEpochMilli(end));
    String against = String.format(Locale.ROOT, "expected %.1f (own %.1f, corpus %.1f for the median active story,"
        + " floor %.1f, over the %s before)", lambda, own, corpus, FLOOR, span(b));
    long first = times.get(0);
    if (first > end - w && first <= end && times.size() >= BREAKING_SOURCES
        && times.get(BREAKING_SOURCES - 1) - first <= Duration.ofHours(BREAKING_HOURS).toMillis()
        && times.get(BREAKING_SOURCES - 1) <= end && score >= MIN_SCORE) {
      return new Trend("breaking", round(score), recent, round(lambda), window.label, endText,
          String.format(Locale.ROOT, "breaking: a new story with %d independent sources within %d h of"
              + " its first; %d new in the %s to %s, %s", BREAKING_SOURCES, BREAKING_HOURS, recent,
              window.label, endText, against));
    }
    String flag = recent >= MIN_RECENT && score >= MIN_SCORE ? "trending" : "none";
    return new Trend(flag, round(score), recent, round(lambda), window.label, endText,
        String.format(Locale.ROOT, "%s: %d new independent sources in the %s to %s, %s; z = %.1f%s",
            flag, recent, window.label, endText, against, score,
            flag.equals("none") ? " (trending needs " + MIN_RECENT + " and z ≥ " + MIN_SCORE + ")" : ""));
  }

  private static String span(long ms) {
    if (ms == 0) {
      return "no history";
    }
    long hours = Math.round(ms / 3_600_000.0);
    return hours % 24 == 0 && hours > 24 ? hours / 24 + " days" : hours + " hours";
  }

  private static Trend undated(Window window) {
    return new Trend("none", 0, 0, 0, window.label, null,
        "none: no dated article, so the story cannot be placed in time");
  }

  /** Publication times (epoch ms, ascending) of the story's new independent sources. */
  static List<Long> newSources(StoryReport s) {
    List<Long> out = new ArrayList<>();
    for (StoryReport.Arrival a : s.arrivals()) {
      Long t = a.newSource() ? timeOf(a.published()) : null;
      if (t != null) {
        out.add(t);
      }
    }
    out.sort(null);
    return out;
  }

  /** Epoch ms of a publication date given to the day or finer; null for none, a year or a month. */
  static Long timeOf(String published) {
    return published == null || published.length() < 10 ? null : IsoDates.toEpochMillis(published);
  }

  /** How many of {@code times} fall in (from, to]. */
  private static int count(List<Long> times, long from, long to) {
    int n = 0;
    for (long t : times) {
      if (t > from && t <= to) {
        n++;
      }
    }
    return n;
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
