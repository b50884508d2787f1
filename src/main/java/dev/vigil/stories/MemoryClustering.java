package dev.vigil.stories;

import dev.vigil.model.Annotations;
import dev.vigil.store.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The clusterer over an in-memory Lucene index with the store's fields and analysis: for
 * evaluation on headline streams and for tests. Each article is indexed, then assigned, as in
 * the store; the scoring is the same code.
 */
public final class MemoryClustering implements AutoCloseable {
  /**
   * Articles indexed since the reader was last reopened: reopening per article would make a
   * segment per article, so the newest few are matched by term cosine instead.
   */
  private static final int REOPEN_EVERY = 64;

  private final StoryClusterer clusterer;
  private final FeatureBuilder features;
  private final MemoryStories stories = new MemoryStories();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final IndexWriter writer;
  private DirectoryReader reader;
  private final List<ArticleFeatures> pending = new ArrayList<>();

  public MemoryClustering(StoryClusterer clusterer, Embedder embedder) {
    this.clusterer = clusterer;
    this.features = new FeatureBuilder(embedder);
    try {
      this.writer = new IndexWriter(directory, new IndexWriterConfig(new EnglishAnalyzer()));
      this.reader = DirectoryReader.open(writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indexes and assigns one article (annotations may be null). */
  public StoryClusterer.Assignment add(String id, long timeMs, String title, String text,
      Annotations annotations) {
    Document doc = new Document();
    doc.add(new StringField(SearchIndex.ID_FIELD, id, Field.Store.YES));
    doc.add(new TextField(SearchIndex.TEXT_FIELD, (title == null ? "" : title + "\n") + text, Field.Store.NO));
    doc.add(new NumericDocValuesField(SearchIndex.SORT_MS_FIELD, timeMs));
    try {
      writer.addDocument(doc);
      if (pending.size() >= REOPEN_EVERY) {
        DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
        if (newer != null) {
          reader.close();
          reader = newer;
        }
        pending.clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CandidateSearch search = new WithPending(new LuceneCandidates(new IndexSearcher(reader)));
    ArticleFeatures f = features.build(id, timeMs, title, text, annotations, search);
    StoryClusterer.Assignment a = clusterer.assign(f, stories, search);
    pending.add(f);
    return a;
  }

  /** The index's candidates plus the pending articles that share terms, by cosine. */
  private final class WithPending implements CandidateSearch {
    private final CandidateSearch index;

    WithPending(CandidateSearch index) {
      this.index = index;
    }

    @Override
    public List<String> similarArticles(Map<String, Double> terms,
        String excludeId, long fromMs, long toMs, int limit) {
      List<String> out = new ArrayList<>();
      pending.stream()
          .filter(p -> p.timeMs() >= fromMs && p.timeMs() <= toMs && !p.id().equals(excludeId))
          .filter(p -> Vectors.cosine(terms, p.terms()) > 0)
          .sorted(Comparator.comparingDouble(
              (ArticleFeatures p) -> -Vectors.cosine(terms, p.terms())))
          .limit(limit / 4)
          .forEach(p -> out.add(p.id()));
      for (String id : index.similarArticles(terms, excludeId, fromMs, toMs, limit - out.size())) {
        out.add(id);
      }
      return out;
    }

    @Override
    public double idf(String term) {
      return index.idf(term);
    }
  }

  public MemoryStories stories() {
    return stories;
  }

  @Override
  public void close() {
    try {
      reader.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
