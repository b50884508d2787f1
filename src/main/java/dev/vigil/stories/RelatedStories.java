package dev.vigil.stories;

import dev.vigil.store.Store;
import dev.vigil.store.StoryRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The stories most related to a story ("More in International"): those that share its linked
 * actors and places and its characteristic terms, or belong to the same thread.
 *
 * <p>Built once over all stories' {@link StoryProfile}s into inverted maps (actor, place and
 * term to stories), so that finding the related stories of one story touches only the stories
 * that share a key with it, never all pairs. Keys shared by more than {@link #COMMON} of the
 * stories (and at least {@link #MIN_COMMON}: "Iran" in an Iranian daily) are too common to
 * propose candidates; they still count, with their low weight, in the score.
 *
 * <p>The score, between 0 and 1: 0.45 × cosine of the term vectors + 0.3 × the IDF-weighted
 * Jaccard overlap of actors + 0.25 × that of places, plus 0.15 for the same thread (capped at
 * 1). The reason names what is shared.
 */
public final class RelatedStories {
  /** Share of stories above which a key does not propose candidates. */
  static final double COMMON = 0.05;
  static final int MIN_COMMON = 50;
  /** The heaviest terms of each profile that propose candidates. */
  static final int CANDIDATE_TERMS = 25;
  /** Candidates scored in full per story (those sharing the most keys). */
  static final int MAX_CANDIDATES = 300;
  /** Below this score a story is not shown as related. */
  static final double MIN_SCORE = 0.08;

  /** A related story: its id, title, score and why it is related. */
  public record Related(long id, String title, double score, String reason) {}

  /** What relatedness is computed from: a story's id, thread, title and clustering profile. */
  public record Entry(long id, Long thread, String title, StoryProfile profile) {}

  private final Map<Long, Entry> entries = new HashMap<>();
  private final Map<Long, Map<String, Double>> unitTerms = new HashMap<>();
  private final Map<String, List<Long>> byActor = new HashMap<>();
  private final Map<String, List<Long>> byPlace = new HashMap<>();
  private final Map<String, List<Long>> byTerm = new HashMap<>();
  private final Map<Long, List<Long>> byThread = new HashMap<>();
  private final int common;

  private RelatedStories(List<Entry> stories) {
    for (Entry e : stories) {
      entries.put(e.id(), e);
      Map<String, Double> terms = new HashMap<>(e.profile().terms());
      double n = Vectors.norm(terms);
      if (n > 0) {
        terms.replaceAll((t, w) -> w / n);
      }
      unitTerms.put(e.id(), terms);
      e.profile().entities().keySet().forEach(k -> byActor.computeIfAbsent(k, x -> new ArrayList<>()).add(e.id()));
      e.profile().places().keySet().forEach(k -> byPlace.computeIfAbsent(k, x -> new ArrayList<>()).add(e.id()));
      heaviest(terms, CANDIDATE_TERMS).forEach(t -> byTerm.computeIfAbsent(t, x -> new ArrayList<>()).add(e.id()));
      if (e.thread() != null) {
        byThread.computeIfAbsent(e.thread(), x -> new ArrayList<>()).add(e.id());
      }
    }
    common = Math.max(MIN_COMMON, (int) (COMMON * stories.size()));
  }

  /** The inverted maps over {@code stories}. */
  public static RelatedStories of(List<Entry> stories) {
    return new RelatedStories(stories);
  }

  /**
   * The inverted maps over the stored stories (of two or more articles) that {@code reports}
   * show. When the reports are built from only the articles an audience may see
   * ({@code partial}), a stored story's profile (actors, places, terms) is made from all its
   * articles, so a story the reports show with fewer articles than it has takes no part in
   * relations; otherwise what is listed as related could betray the hidden articles.
   */
  public static RelatedStories load(Store store, List<StoryReport> reports, boolean partial) {
    Map<Long, StoryReport> shown = new HashMap<>();
    reports.forEach(r -> shown.put(r.id(), r));
    List<Entry> entries = new ArrayList<>();
    for (StoryRow row : store.stories().stories(2)) {
      StoryReport report = shown.get(row.id());
      if (report != null && partial
          && report.articles().size() < store.stories().articlesOf(row.id()).size()) {
        continue;
      }
      String title = report == null ? null : report.title();
      if (title != null) {
        Story s = StoredStories.fromRow(row);
        entries.add(new Entry(s.id(), s.threadId(), title, s.profile()));
      }
    }
    return new RelatedStories(entries);
  }

  /** Up to {@code k} stories most related to story {@code id}, best first (none if unknown). */
  public List<Related> of(long id, int k) {
    Entry self = entries.get(id);
    if (self == null) {
      return List.of();
    }
    Map<Long, Integer> shared = new HashMap<>();
    propose(self.profile().entities().keySet(), byActor, shared);
    propose(self.profile().places().keySet(), byPlace, shared);
    propose(heaviest(unitTerms.get(id), CANDIDATE_TERMS), byTerm, shared);
    if (self.thread() != null) {
      byThread.getOrDefault(self.thread(), List.of()).forEach(o -> shared.merge(o, 3, Integer::sum));
    }
    shared.remove(id);
    List<long[]> ranked = new ArrayList<>(); // candidate id, score in millionths
    shared.entrySet().stream()
        .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_CANDIDATES)
        .forEach(c -> {
          double score = score(self, entries.get(c.getKey()), false).score();
          if (score >= MIN_SCORE) {
            ranked.add(new long[] {c.getKey(), Math.round(score * 1e6)});
          }
        });
    ranked.sort(Comparator.<long[]>comparingLong(x -> -x[1]).thenComparingLong(x -> x[0]));
    List<Related> out = new ArrayList<>();
    for (long[] r : ranked.subList(0, Math.min(k, ranked.size()))) {
      out.add(score(self, entries.get(r[0]), true)); // the reason only for those shown
    }
    return out;
  }

  private void propose(java.util.Collection<String> keys, Map<String, List<Long>> index, Map<Long, Integer> shared) {
    for (String key : keys) {
      List<Long> posting = index.getOrDefault(key, List.of());
      if (posting.size() <= common) {
        posting.forEach(o -> shared.merge(o, 1, Integer::sum));
      }
    }
  }

  private Related score(Entry a, Entry b, boolean withReason) {
    Map<String, Double> ta = unitTerms.get(a.id());
    Map<String, Double> tb = unitTerms.get(b.id());
    double cosine = 0;
    List<String> sharedTerms = new ArrayList<>();
    for (Map.Entry<String, Double> e : ta.entrySet()) {
      Double w = tb.get(e.getKey());
      if (w != null) {
        cosine += e.getValue() * w;
        if (e.getKey().length() > 2) { // "on", "us": counted, not worth naming
          sharedTerms.add(e.getKey());
        }
      }
    }
    Overlap actors = overlap(a.profile().entities().keySet(), b.profile().entities().keySet(), byActor);
    Overlap places = overlap(a.profile().places().keySet(), b.profile().places().keySet(), byPlace);
    boolean thread = a.thread() != null && a.thread().equals(b.thread());
    double score = Math.min(1, 0.45 * cosine + 0.3 * actors.score + 0.25 * places.score + (thread ? 0.15 : 0));
    if (!withReason) {
      return new Related(b.id(), b.title(), score, null);
    }
    sharedTerms.sort(Comparator.comparingDouble((String t) -> -ta.get(t) * tb.get(t)).thenComparing(t -> t));
    List<String> why = new ArrayList<>();
    if (thread) {
      why.add("same thread");
    }
    List<String> keys = new ArrayList<>(actors.keys);
    keys.addAll(places.keys);
    if (!keys.isEmpty()) {
      why.add("shares " + names(keys));
    }
    if (!sharedTerms.isEmpty() && cosine >= 0.05) {
      why.add(String.format(Locale.ROOT, "similar terms (%s; cosine %.2f)",
          String.join(", ", sharedTerms.subList(0, Math.min(4, sharedTerms.size()))), cosine));
    }
    return new Related(b.id(), b.title(), Math.round(score * 1000) / 1000.0, String.join("; ", why));
  }

  private record Overlap(double score, List<String> keys) {}

  /** IDF-weighted Jaccard of two key sets, with the shared keys, the rarest first. */
  private Overlap overlap(Set<String> a, Set<String> b, Map<String, List<Long>> index) {
    if (a.isEmpty() || b.isEmpty()) {
      return new Overlap(0, List.of());
    }
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    double inter = 0;
    double all = 0;
    List<String> keys = new ArrayList<>();
    for (String k : union) {
      double w = idf(k, index);
      all += w;
      if (a.contains(k) && b.contains(k)) {
        inter += w;
        keys.add(k);
      }
    }
    keys.sort(Comparator.comparingInt((String k) -> index.getOrDefault(k, List.of()).size()).thenComparing(k -> k));
    return new Overlap(all == 0 ? 0 : inter / all, keys);
  }

  private double idf(String key, Map<String, List<Long>> index) {
    return Math.log(1 + (double) entries.size() / Math.max(1, index.getOrDefault(key, List.of()).size()));
  }

  /** Up to three keys as names: KB slugs and lower-cased names in title case. */
  private static String names(List<String> keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys.subList(0, Math.min(3, keys.size()))) {
      StringBuilder sb = new StringBuilder();
      for (String w : k.replace('-', ' ').split(" ")) {
        if (!w.isEmpty()) {
          sb.append(sb.length() > 0 ? " " : "").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
      }
      out.add(sb.toString());
    }
    return String.join(", ", out) + (keys.size() > 3 ? " and " + (keys.size() - 3) + " more" : "");
  }

  private static List<String> heaviest(Map<String, Double> terms, int n) {
    return terms.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(n).map(Map.Entry::getKey).toList();
  }
}
