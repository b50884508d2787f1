package dev.vigil.stories;

import java.util.List;
import java.util.Map;

/**
 * Where the clusterer finds candidates: the articles most similar to a weighted term vector
 * within a time window (so a new article meets only the stories those articles belong to,
 * never all stories), and the inverse document frequency of a term.
 */
public interface CandidateSearch {
  /**
   * Ids of up to {@code limit} articles, most similar first, whose time lies in
   * [{@code fromMs}, {@code toMs}], other than {@code excludeId}.
   */
  List<String> similarArticles(Map<String, Double> terms, String excludeId, long fromMs, long toMs,
      int limit);

  /** The inverse document frequency of an analysed term (higher for rarer terms). */
  double idf(String term);
}
