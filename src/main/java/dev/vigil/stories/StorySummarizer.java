package dev.vigil.stories;

import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Article;
import dev.vigil.model.Sentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An extractive multi-document summary and a title for a story. Sentences are scored by how
 * many of the story's articles share their content words (the story's common ground) with a
 * bonus for leading sentences; the best are taken greedily, skipping any that nearly repeat
 * one already taken (word-set Jaccard of {@link #NEAR_DUPLICATE} or more), and shown newest
 * article first, each article's sentences in text order.
 */
public final class StorySummarizer {
  static final double NEAR_DUPLICATE = 0.5;
  private static final int MAX_SENTENCES = 5;
  private static final int MIN_CHARS = 40;
  private static final int MAX_CHARS = 400;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
  private static final Pattern SPLIT = Pattern.compile("(?<=[.!?][\"”’)]?)\\s+(?=[\"“‘(]?\\p{Lu})|\\n+");
  private static final Set<String> STOP = Set.of("the", "a", "an", "of", "to", "in", "on", "and",
      "or", "for", "with", "by", "at", "from", "as", "is", "was", "were", "are", "be", "been",
      "has", "have", "had", "that", "this", "it", "its", "he", "she", "they", "their", "said",
      "says", "which", "who", "will", "would", "not", "but", "also", "over", "after", "than");

  private StorySummarizer() {}

  /** A candidate sentence: where it comes from and its words. */
  private record Candidate(Article article, long timeMs, int position, String text, Set<String> words) {}

  /** Up to five sentences (three or more when the story has them), newest development first. */
  public static List<String> summary(List<AnalyzedArticle> story) {
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Integer> articlesWithWord = new HashMap<>();
    for (AnalyzedArticle a : story) {
      Set<String> seen = new HashSet<>();
      int position = 0;
      for (String s : sentences(a)) {
        String flat = s.replaceAll("\\s+", " ").strip();
        Set<String> words = words(flat);
        seen.addAll(words);
        if (flat.length() >= MIN_CHARS && flat.length() <= MAX_CHARS && words.size() >= 5
            && !flat.endsWith(":")) {
          candidates.add(new Candidate(a.article(), StoryUpdater.timeOf(a.article()), position, flat, words));
        }
        position++;
      }
      seen.forEach(w -> articlesWithWord.merge(w, 1, Integer::sum));
    }
    Map<Candidate, Double> score = new HashMap<>();
    for (Candidate c : candidates) {
      double shared = 0;
      for (String w : c.words()) {
        shared += articlesWithWord.get(w) - 1; // words only this article uses say nothing of the story
      }
      double common = shared / Math.sqrt(c.words().size()) / Math.max(1, story.size() - 1);
      double lead = 1.0 / (1 + c.position()); // news puts its point first
      score.put(c, common + lead);
    }
    List<Candidate> ranked = new ArrayList<>(candidates);
    ranked.sort(Comparator.comparingDouble((Candidate c) -> -score.get(c))
        .thenComparing(c -> c.article().id()).thenComparingInt(Candidate::position));
    List<Candidate> chosen = new ArrayList<>();
    for (Candidate c : ranked) {
      if (chosen.size() == MAX_SENTENCES) {
        break;
      }
      if (chosen.stream().noneMatch(o -> jaccard(o.words(), c.words()) >= NEAR_DUPLICATE)) {
        chosen.add(c);
      }
    }
    chosen.sort(Comparator.comparingLong((Candidate c) -> -c.timeMs())
        .thenComparing(c -> c.article().id()).thenComparingInt(Candidate::position));
    return chosen.stream().map(Candidate::text).toList();
  }

  /** The headline of the article whose title best shares the story's words; newest on ties. */
  public static String title(List<AnalyzedArticle> story) {
    Map<String, Integer> df = new HashMap<>();
    for (AnalyzedArticle a : story) {
      words(a.article().title() + " " + a.article().text()).forEach(w -> df.merge(w, 1, Integer::sum));
    }
    String best = null;
    double bestScore = -1;
    long bestTime = Long.MIN_VALUE;
    for (AnalyzedArticle a : story) {
      String t = a.article().title();
      if (t == null || t.isBlank()) {
        continue;
      }
      Set<String> w = words(t);
      double s = w.stream().mapToDouble(x -> df.getOrDefault(x, 0)).sum() / Math.max(1, Math.sqrt(w.size()));
      long time = StoryUpdater.timeOf(a.article());
      if (s > bestScore || (s == bestScore && time > bestTime)) {
        best = t.strip();
        bestScore = s;
        bestTime = time;
      }
    }
    return best != null ? best : story.isEmpty() ? "" : firstWords(story.get(0).article().text());
  }

  /** Word-set Jaccard similarity of two sentences. */
  public static double similarity(String a, String b) {
    return jaccard(words(a), words(b));
  }

  private static String firstWords(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 80 ? flat : flat.substring(0, flat.lastIndexOf(' ', 80)) + " …";
  }

  private static List<String> sentences(AnalyzedArticle a) {
    String text = a.article().text();
    List<Sentence> given = a.annotations().sentences();
    List<String> out = new ArrayList<>();
    if (!given.isEmpty()) {
      given.forEach(s -> out.add(text.substring(s.start(), s.end())));
      return out;
    }
    for (String s : SPLIT.split(text)) {
      if (!s.isBlank()) {
        out.add(s);
      }
    }
    return out;
  }

  static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      if (!STOP.contains(m.group())) {
        out.add(m.group());
      }
    }
    return out;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    int both = 0;
    for (String w : a) {
      if (b.contains(w)) {
        both++;
      }
    }
    return (double) both / (a.size() + b.size() - both);
  }
}
