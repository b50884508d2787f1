package dev.vigil.stories;

import dev.vigil.model.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups the articles of a story into independent sources: two articles are one source when
 * they come from the same outlet, from outlets of the same owner, credit the same news agency,
 * or are near-copies of each other's text (MinHash of word shingles).
 */
public final class Independence {
  /** Estimated shingle Jaccard above which two texts are copies of one report. */
  static final double COPY = 0.5;

  private final SourcePriors priors;
  private final Map<String, Article> articles = new LinkedHashMap<>();
  private final Map<String, long[]> signatures = new HashMap<>();
  private final Map<String, Set<String>> credits = new HashMap<>();

  public Independence(List<Article> storyArticles, SourcePriors priors) {
    this.priors = priors;
    for (Article a : storyArticles) {
      articles.put(a.id(), a);
      signatures.put(a.id(), MinHash.signature(a.text()));
      credits.put(a.id(), WireCredits.of(a.text()));
    }
  }

  /** Why two articles are not independent, or null when they are. */
  public String dependence(String a, String b) {
    Article x = articles.get(a);
    Article y = articles.get(b);
    String sx = key(x.source());
    String sy = key(y.source());
    if (sx != null && sx.equals(sy)) {
      return "same outlet (" + x.source() + ")";
    }
    String ox = owner(x.source());
    if (ox != null && ox.equals(owner(y.source()))) {
      return "same owner (" + ox + ")";
    }
    for (String c : credits.get(a)) {
      if (credits.get(b).contains(c)) {
        return "same wire credit (" + c + ")";
      }
    }
    if (MinHash.similarity(signatures.get(a), signatures.get(b)) >= COPY) {
      return "near-copy text";
    }
    return null;
  }

  /** The articles grouped into independent sources, each group in the given order. */
  public List<List<String>> groups(List<String> articleIds) {
    List<List<String>> groups = new ArrayList<>();
    for (String id : articleIds) {
      List<String> home = null;
      for (List<String> g : groups) {
        if (g.stream().anyMatch(m -> dependence(m, id) != null)) {
          home = g;
          break;
        }
      }
      if (home == null) {
        home = new ArrayList<>();
        groups.add(home);
      }
      if (!home.contains(id)) {
        home.add(id);
      }
    }
    return groups;
  }

  public Article article(String id) {
    return articles.get(id);
  }

  private String owner(String source) {
    if (source == null) {
      return null;
    }
    return priors.prior(source).map(SourcePriors.Prior::owner).map(Independence::key).orElse(null);
  }

  private static String key(String s) {
    return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
  }
}
