package dev.vigil.stories;

import dev.vigil.geo.Subregions;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Article;
import dev.vigil.model.EntityMention;
import dev.vigil.model.IsoDates;
import dev.vigil.model.PlaceMention;
import dev.vigil.store.Marking;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import dev.vigil.store.StoryRow;
import dev.vigil.store.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds {@link StoryReport}s: summaries per story, then the events merged per story, then the
 * sources' track records over all of them, then each event's grade from those records.
 */
public final class StoryReports {
  private static final int TOP = 5;

  /** A story's id, thread and articles in the order they joined. */
  public record StoryInput(long id, Long thread, List<AnalyzedArticle> articles) {}

  private StoryReports() {}

  /** The stored stories (with one article too when {@code all}), latest first. */
  public static List<StoryReport> load(Store store, boolean all, SourcePriors priors) {
    return load(store, all, priors, Visibility.ALL);
  }

  /**
   * The stories as {@code v} may see them, latest first: made of the articles it may see only
   * (so every count, the timeline, the ledger and the track records know of no other), without
   * the stories marked as a whole against it, and, unless {@code all}, only those with two or
   * more such articles (the rule for everyone, so a story's hidden articles leave no trace).
   */
  public static List<StoryReport> load(Store store, boolean all, SourcePriors priors, Visibility v) {
    int min = all ? 1 : 2;
    Map<Long, Marking> marked = v.everything() ? Map.of() : store.stories().markings();
    List<StoryInput> inputs = new ArrayList<>();
    for (StoryRow row : store.stories().stories(min)) {
      Marking mark = marked.get(row.id());
      if (mark != null && !v.allows(mark)) {
        continue;
      }
      List<AnalyzedArticle> articles = new ArrayList<>();
      for (String id : store.stories().articlesOf(row.id())) {
        store.articles().get(id).filter(s -> v.allows(s.marking())).ifPresent(
            (StoredArticle s) -> articles.add(new AnalyzedArticle(s.article(), s.annotations())));
      }
      if (articles.size() >= min) {
        inputs.add(new StoryInput(row.id(), row.threadId(), articles));
      }
    }
    return build(inputs, priors);
  }

  public static List<StoryReport> build(List<StoryInput> stories, SourcePriors priors) {
    SourceReliability reliability = new SourceReliability(priors);
    List<List<MergedEvent>> events = new ArrayList<>();
    List<Independence> independences = new ArrayList<>();
    for (StoryInput s : stories) {
      Independence independence =
          new Independence(s.articles().stream().map(AnalyzedArticle::article).toList(), priors);
      List<MergedEvent> merged = Corroboration.merge(s.articles(), independence);
      reliability.record(merged);
      events.add(merged);
      independences.add(independence);
    }
    List<StoryReport> out = new ArrayList<>();
    for (int i = 0; i < stories.size(); i++) {
      StoryInput s = stories.get(i);
      List<MergedEvent> graded = events.get(i).stream()
          .map(e -> e.withGrade(AdmiraltyGrade.grade(e, reliability))).toList();
      out.add(report(s, graded, reliability, independences.get(i)));
    }
    return Trends.assess(out, Instant.now(), Trends.Window.DAY);
  }

  private static StoryReport report(StoryInput s, List<MergedEvent> events, SourceReliability reliability,
      Independence independence) {
    List<AnalyzedArticle> byTime = new ArrayList<>(s.articles());
    byTime.sort(Comparator.comparingLong(a -> StoryUpdater.timeOf(a.article())));
    List<StoryReport.TimelineEntry> timeline = new ArrayList<>();
    for (AnalyzedArticle a : byTime) {
      Article art = a.article();
      timeline.add(new StoryReport.TimelineEntry(dateOf(art), "article", art.id(), art.source(),
          art.title()));
    }
    for (MergedEvent e : events) {
      if (e.date() != null) {
        timeline.add(new StoryReport.TimelineEntry(e.date(), "event", null, null,
            e.type() + (e.place() != null && e.place().name() != null ? " in " + e.place().name() : "")
                + (e.grade() != null ? " [" + e.grade().code() + "]" : "")));
      }
    }
    timeline.sort(Comparator.comparing(StoryReport.TimelineEntry::date));
    Set<String> sources = new LinkedHashSet<>();
    s.articles().forEach(a -> {
      if (a.article().source() != null) {
        sources.add(a.article().source());
      }
    });
    List<String> summary = StorySummarizer.summary(s.articles());
    List<SourceReliability.Rating> ratings = sources.stream().map(reliability::rating).toList();
    Map<String, Integer> mix = new TreeMap<>();
    ratings.forEach(r -> mix.merge(r.label(), 1, Integer::sum));
    List<StoryReport.Arrival> arrivals = arrivals(byTime, independence);
    int independent = (int) arrivals.stream().filter(StoryReport.Arrival::newSource).count();
    List<String> countries = countries(s.articles());
    return new StoryReport(s.id(), s.thread(), StorySummarizer.title(s.articles()),
        String.join(" ", summary), summary,
        s.articles().stream().map(a -> a.article().id()).toList(),
        dateOf(byTime.get(0).article()), dateOf(byTime.get(byTime.size() - 1).article()), timeline,
        actors(s.articles()), places(s.articles()), events, ratings,
        independent, arrivals.size() - independent, mix, categories(s.articles()), countries,
        countries.stream().map(c -> Subregions.bundled().of(c).orElse(null))
            .filter(Objects::nonNull).distinct().sorted().toList(),
        arrivals, null, null);
  }

  /**
   * The articles in time order (dated ones by publication time, then the undated ones by
   * ingestion), each marked when it is the first of an independent source.
   */
  private static List<StoryReport.Arrival> arrivals(List<AnalyzedArticle> byTime, Independence independence) {
    List<Article> ordered = byTime.stream().map(AnalyzedArticle::article)
        .sorted(Comparator.comparing((Article a) -> a.published() == null)
            .thenComparingLong(StoryUpdater::timeOf))
        .toList();
    Set<String> firsts = new HashSet<>();
    for (List<String> group : independence.groups(ordered.stream().map(Article::id).toList())) {
      firsts.add(group.get(0));
    }
    return ordered.stream()
        .map(a -> new StoryReport.Arrival(a.id(), a.published(), firsts.contains(a.id()))).toList();
  }

  private static List<StoryReport.Count> categories(List<AnalyzedArticle> articles) {
    Map<String, Integer> counts = new HashMap<>();
    for (AnalyzedArticle a : articles) {
      new HashSet<>(a.annotations().categories()).forEach(c -> counts.merge(c, 1, Integer::sum));
    }
    return top(counts);
  }

  /**
   * ISO 3166 alpha-2 codes of the story's resolved places, the most mentioned first: the
   * countries of at least a quarter of its articles, and always the first (a passing mention in
   * one article of ten does not put a story in a country, nor in its region).
   */
  private static List<String> countries(List<AnalyzedArticle> articles) {
    Map<String, Integer> counts = new HashMap<>();
    for (AnalyzedArticle a : articles) {
      Set<String> seen = new HashSet<>();
      for (PlaceMention p : a.annotations().places()) {
        if (p.country() != null && !p.country().isBlank()) {
          seen.add(p.country().toUpperCase(Locale.ROOT));
        }
      }
      seen.forEach(c -> counts.merge(c, 1, Integer::sum));
    }
    List<Map.Entry<String, Integer>> ranked = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .toList();
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : ranked) {
      if (out.isEmpty() || e.getValue() * 4 >= articles.size()) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  private static String dateOf(Article a) {
    return a.published() != null ? a.published() : IsoDates.format(Instant.ofEpochMilli(a.ingested().toEpochMilli()));
  }

  private static List<StoryReport.Count> actors(List<AnalyzedArticle> articles) {
    Map<String, Integer> counts = new HashMap<>();
    for (AnalyzedArticle a : articles) {
      Set<String> seen = new HashSet<>();
      for (EntityMention e : a.annotations().entities()) {
        if (!e.type().equals("LOCATION")) {
          seen.add(e.name() != null ? e.name() : e.text());
        }
      }
      seen.forEach(n -> counts.merge(n, 1, Integer::sum));
    }
    return top(counts);
  }

  private static List<StoryReport.Count> places(List<AnalyzedArticle> articles) {
    Map<String, Integer> counts = new HashMap<>();
    for (AnalyzedArticle a : articles) {
      Set<String> seen = new HashSet<>();
      for (PlaceMention p : a.annotations().places()) {
        seen.add(p.name() != null ? p.name() : p.text());
      }
      for (EntityMention e : a.annotations().entities()) {
        if (e.type().equals("LOCATION") && a.annotations().places().isEmpty()) {
          seen.add(e.name() != null ? e.name() : e.text());
        }
      }
      seen.forEach(n -> counts.merge(n, 1, Integer::sum));
    }
    return top(counts);
  }

  private static List<StoryReport.Count> top(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP)
        .map(e -> new StoryReport.Count(e.getKey(), e.getValue()))
        .toList();
  }
}
