package dev.vigil.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streaming story clustering. {@link #assign} puts one article into the most similar existing
 * story, or founds a new one, looking only at the stories of the articles that the index
 * finds most similar to it (a bounded number), never at all stories: the work per article is
 * constant whatever the store holds. Articles are assigned once, in arrival order; nothing is
 * re-clustered. When the article is close to two stories that are close to each other, the
 * smaller story is merged into the larger and the merge recorded. A new story joins the thread
 * of an older story that shares its actors and places (over weeks), or starts a thread.
 *
 * <p>Similarity of an article and a story is a weighted mean of the TF-IDF cosine with the
 * story's term centroid, the embedding cosine with its embedding centroid, and the share of
 * the article's entities and places that the story already names (each only when both sides
 * have some), damped by the time between the article and the story's span.
 */
public final class StoryClusterer {
  /**
   * Thresholds and windows; {@link #DEFAULT} was tuned on the dev headline stream (join,
   * weights, time scale) and on the demo corpus (the body weight and join: full texts without
   * dates must not collapse into one story). {@code join} and {@code lexicalWeight} apply to a
   * bare headline, {@code bodyJoin} and {@code bodyLexicalWeight} to a full text (30 or more
   * distinct terms), linearly in between: TF-IDF is reliable on full texts, the embedding on
   * headlines.
   */
  public record Settings(
      double join, double bodyJoin, double merge, double lexicalWeight, double bodyLexicalWeight,
      double embeddingWeight, double entityWeight, double placeWeight, double linkWeight,
      long timeScaleMs, long joinWindowMs, long threadWindowMs, int threadSharedKeys,
      int candidateArticles) {
    public static final Settings DEFAULT = new Settings(
        0.30, 0.36, 0.60, 0.5, 4.0, 2.0, 0.2, 0.2, 0.5, hours(4), hours(14 * 24), hours(60 * 24), 2, 40);

    private static long hours(int n) {
      return n * 3_600_000L;
    }

    /** These settings with other join thresholds, weights and time scale (for tuning). */
    public Settings with(double newJoin, double newMerge, double newEmbeddingWeight,
        double newLinkWeight, long newTimeScaleMs) {
      return new Settings(newJoin, bodyJoin, newMerge, lexicalWeight, bodyLexicalWeight,
          newEmbeddingWeight, entityWeight, placeWeight, newLinkWeight, newTimeScaleMs,
          joinWindowMs, threadWindowMs, threadSharedKeys, candidateArticles);
    }
  }

  /** Where an article went. */
  public record Assignment(String articleId, long storyId, boolean founded, double score,
      List<Long> merged, Long threadId) {}

  private final Settings settings;

  public StoryClusterer(Settings settings) {
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  /** Assigns {@code article} to a story in {@code stories}, finding candidates with {@code search}. */
  public Assignment assign(ArticleFeatures article, StoryRepository stories, CandidateSearch search) {
    long t = article.timeMs();
    List<String> similar = search.similarArticles(article.terms(), article.id(),
        t - settings.threadWindowMs(), t + settings.joinWindowMs(), settings.candidateArticles());
    Map<String, Long> storyOf = stories.storiesOf(similar);
    Map<String, ArticleFeatures> neighbours = stories.features(storyOf.keySet());
    Map<Long, double[]> links = new HashMap<>(); // story -> its two closest members' similarities
    for (Map.Entry<String, Long> e : storyOf.entrySet()) {
      ArticleFeatures n = neighbours.get(e.getKey());
      if (n == null) {
        continue;
      }
      double sim = articleSimilarity(article, n);
      double[] top = links.computeIfAbsent(e.getValue(), k -> new double[2]);
      if (sim > top[0]) {
        top[1] = top[0];
        top[0] = sim;
      } else if (sim > top[1]) {
        top[1] = sim;
      }
    }
    Set<Long> ids = new LinkedHashSet<>();
    for (String a : similar) {
      Long s = storyOf.get(a);
      if (s != null) {
        ids.add(s);
      }
    }
    List<Story> near = new ArrayList<>(); // within the join window, best first
    List<Story> older = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (long id : ids) {
      Story s = stories.story(id);
      if (s == null) {
        continue;
      }
      if (gap(t, s) > settings.joinWindowMs()) {
        older.add(s);
        continue;
      }
      double[] link = links.get(id);
      double linked = link == null ? 0 : s.size() == 1 ? link[0] : (link[0] + link[1]) / 2;
      double score = (1 - settings.linkWeight()) * similarity(article, s) + settings.linkWeight() * linked;
      int at = 0;
      while (at < scores.size() && scores.get(at) >= score) {
        at++;
      }
      near.add(at, s);
      scores.add(at, score);
    }

    double join = between(settings.join(), settings.bodyJoin(), article);
    if (near.isEmpty() || scores.get(0) < join) {
      Long thread = threadFor(article, near, older, stories);
      long id = stories.create(Story.founded(article, thread));
      stories.addArticle(id, article, 0);
      return new Assignment(article.id(), id, true, near.isEmpty() ? 0 : scores.get(0), List.of(), thread);
    }

    Story best = near.get(0).plus(article);
    stories.addArticle(best.id(), article, scores.get(0));
    List<Long> merged = new ArrayList<>();
    for (int i = 1; i < near.size() && scores.get(i) >= join; i++) {
      Story other = near.get(i);
      double together = storySimilarity(best, other, lexicalWeight(article));
      if (together >= settings.merge() && !stories.keptApart(best.id(), other.id())) {
        Story into = best.size() >= other.size() ? best : other;
        Story from = into == best ? other : best;
        stories.merge(from.id(), into.id(), together);
        merged.add(from.id());
        best = into.absorb(from);
      }
    }
    stories.update(best);
    return new Assignment(article.id(), best.id(), false, scores.get(0), merged, best.threadId());
  }

  /** The thread of the candidate story sharing most actors and places, else a new thread. */
  private Long threadFor(ArticleFeatures a, List<Story> near, List<Story> older, StoryRepository stories) {
    Story bestStory = null;
    int bestShared = settings.threadSharedKeys() - 1;
    for (List<Story> group : List.of(near, older)) {
      for (Story s : group) {
        int shared = shared(a.entities(), s.profile().entities()) + shared(a.places(), s.profile().places());
        if (s.threadId() != null && shared > bestShared) {
          bestShared = shared;
          bestStory = s;
        }
      }
    }
    return bestStory != null ? bestStory.threadId() : stories.newThread(a.timeMs());
  }

  private static int shared(Set<String> keys, Map<String, Integer> counts) {
    int n = 0;
    for (String k : keys) {
      if (counts.containsKey(k)) {
        n++;
      }
    }
    return n;
  }

  /** How long before or after the story's span {@code t} lies (0 inside it). */
  private static long gap(long t, Story s) {
    return t < s.firstMs() ? s.firstMs() - t : Math.max(0, t - s.lastMs());
  }

  /** {@code headline} for a bare headline, {@code body} for a full text, linear in between. */
  private static double between(double headline, double body, ArticleFeatures a) {
    double fullness = Math.min(1, Math.max(0, (a.terms().size() - 10) / 20.0));
    return headline + (body - headline) * fullness;
  }

  private double lexicalWeight(ArticleFeatures a) {
    return between(settings.lexicalWeight(), settings.bodyLexicalWeight(), a);
  }

  /** Similarity in [0, 1] of an article and a story. */
  double similarity(ArticleFeatures a, Story s) {
    StoryProfile p = s.profile();
    double lexical = lexicalWeight(a);
    double sum = lexical * Vectors.cosine(a.terms(), p.terms());
    double weights = lexical;
    if (a.embedding() != null && p.embedding() != null) {
      sum += settings.embeddingWeight() * Math.max(0, Vectors.cosine(a.embedding(), p.embedding()));
      weights += settings.embeddingWeight();
    }
    if (!a.entities().isEmpty() && !p.entities().isEmpty()) {
      sum += settings.entityWeight() * shared(a.entities(), p.entities()) / a.entities().size();
      weights += settings.entityWeight();
    }
    if (!a.places().isEmpty() && !p.places().isEmpty()) {
      sum += settings.placeWeight() * shared(a.places(), p.places()) / a.places().size();
      weights += settings.placeWeight();
    }
    return sum / weights * Math.exp(-(double) gap(a.timeMs(), s) / settings.timeScaleMs());
  }

  /** Similarity in [0, 1] of two articles, by text and embedding. */
  double articleSimilarity(ArticleFeatures a, ArticleFeatures b) {
    double lexical = lexicalWeight(a);
    double sum = lexical * Vectors.cosine(a.terms(), b.terms());
    double weights = lexical;
    if (a.embedding() != null && b.embedding() != null) {
      sum += settings.embeddingWeight() * Math.max(0, Vectors.cosine(a.embedding(), b.embedding()));
      weights += settings.embeddingWeight();
    }
    return sum / weights * Math.exp(-(double) Math.abs(a.timeMs() - b.timeMs()) / settings.timeScaleMs());
  }

  /** Similarity in [0, 1] of two stories' centroids. */
  double storySimilarity(Story a, Story b, double lexical) {
    double sum = lexical * Vectors.cosine(a.profile().terms(), b.profile().terms());
    double weights = lexical;
    if (a.profile().embedding() != null && b.profile().embedding() != null) {
      sum += settings.embeddingWeight()
          * Math.max(0, Vectors.cosine(a.profile().embedding(), b.profile().embedding()));
      weights += settings.embeddingWeight();
    }
    long gap = Math.max(0, Math.max(a.firstMs(), b.firstMs()) - Math.min(a.lastMs(), b.lastMs()));
    return sum / weights * Math.exp(-(double) gap / settings.timeScaleMs());
  }
}
