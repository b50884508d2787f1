package dev.vigil.stories;

import dev.vigil.store.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.StoredFields;

/**
 * Candidates from a Lucene index with the store's fields ({@link SearchIndex#TEXT_FIELD}
 * analysed for English, {@link SearchIndex#ID_FIELD} stored, {@link SearchIndex#SORT_MS_FIELD}
 * doc values): a More-Like-This query built from the article's own top TF-IDF terms, each
 * boosted by its weight, filtered to the time window. Use one per searcher: it remembers the
 * inverse document frequencies it has looked up. Thread-safe.
 */
public final class LuceneCandidates implements CandidateSearch {
  private final IndexSearcher searcher; // null: an empty index
  private final int docs;
  /** Document frequencies do not change under one searcher; a term's lookup visits every segment. */
  private final Map<String, Double> idfs = new java.util.concurrent.ConcurrentHashMap<>();

  public LuceneCandidates(IndexSearcher searcher) {
    this.searcher = searcher;
    this.docs = searcher == null ? 0 : searcher.getIndexReader().numDocs();
  }

  @Override
  public List<String> similarArticles(Map<String, Double> terms, String excludeId, long fromMs,
      long toMs, int limit) {
    if (searcher == null || terms.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder like = new BooleanQuery.Builder();
    terms.forEach((term, weight) -> like.add(new BoostQuery(
        new TermQuery(new Term(SearchIndex.TEXT_FIELD, term)), weight.floatValue()),
        BooleanClause.Occur.SHOULD));
    BooleanQuery query = new BooleanQuery.Builder()
        .add(like.build(), BooleanClause.Occur.MUST)
        .add(NumericDocValuesField.newSlowRangeQuery(SearchIndex.SORT_MS_FIELD, fromMs, toMs),
            BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(SearchIndex.ID_FIELD, excludeId)), BooleanClause.Occur.MUST_NOT)
        .build();
    try {
      ScoreDoc[] hits = searcher.search(query, limit).scoreDocs;
      StoredFields stored = searcher.storedFields();
      List<String> ids = new ArrayList<>(hits.length);
      for (ScoreDoc h : hits) {
        ids.add(stored.document(h.doc).get(SearchIndex.ID_FIELD));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search for story candidates", e);
    }
  }

  @Override
  public double idf(String term) {
    if (searcher == null) {
      return 1;
    }
    return idfs.computeIfAbsent(term, this::lookUpIdf);
  }

  private double lookUpIdf(String term) {
    try {
      int df = searcher.getIndexReader().docFreq(new Term(SearchIndex.TEXT_FIELD, term));
      return Math.log((docs + 1.0) / (df + 1.0)) + 1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read document frequencies", e);
    }
  }
}
