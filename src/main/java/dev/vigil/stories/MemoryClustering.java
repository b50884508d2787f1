package dev.vigil.stories;

import dev.vigil.model.Annotations;
import dev.vigil.store.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
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
  private CandidateSearch search; // over the current reader
  private final List<ArticleFeatures> pending = new ArrayList<>();

  public MemoryClustering(StoryClusterer clusterer, Embedder embedder) {
    this.clusterer = clusterer;
    this.features = new FeatureBuilder(embedder);
    try {
      this.writer = new IndexWriter(directory, new IndexWriterConfig(new EnglishAnalyzer()));
      this.reader = DirectoryReader.open(writer);
      this.search = new WithPending(new LuceneCandidates(new IndexSearcher(reader)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One arriving article (annotations may be null). */
  public record Arrival(String id, long timeMs, String title, String text, Annotations annotations) {}

  /** Indexes and assigns one article (annotations may be null). */
  public StoryClusterer.Assignment add(String id, long timeMs, String title, String text,
      Annotations annotations) {
    return addAll(List.of(new Arrival(id, timeMs, title, text, annotations))).get(0);
  }

  /**
   * Indexes and assigns a batch of arrivals one by one, in order, as {@link #add} would; only
   * their embeddings are computed together first (they depend on each article's own text
   * alone), which is how a stream buffered for a moment is embedded cheaply.
   */
  public List<StoryClusterer.Assignment> addAll(List<Arrival> arrivals) {
    return addAll(arrivals, embed(arrivals));
  }

  /**
   * The embeddings of {@code arrivals} (null entries without an embedder). Safe to call from
   * another thread while this clustering assigns an earlier batch: a stream can embed ahead.
   */
  public List<float[]> embed(List<Arrival> arrivals) {
    List<String> titles = new ArrayList<>(arrivals.size());
    List<String> texts = new ArrayList<>(arrivals.size());
    for (Arrival a : arrivals) {
      titles.add(a.title());
      texts.add(a.text());
    }
    return features.embedAll(titles, texts);
  }

  /** {@link #addAll(List)} with the arrivals' embeddings computed by {@link #embed}. */
  public List<StoryClusterer.Assignment> addAll(List<Arrival> arrivals, List<float[]> embeddings) {
    if (embeddings.size() != arrivals.size()) {
      throw new IllegalArgumentException(arrivals.size() + " arrivals but " + embeddings.size() + " embeddings");
    }
    List<StoryClusterer.Assignment> out = new ArrayList<>(arrivals.size());
    for (int i = 0; i < arrivals.size(); i++) {
      out.add(assign(arrivals.get(i), embeddings.get(i)));
    }
    return out;
  }

  /**
   * Adds {@code batches} in order, embedding the next batch on a second thread while this one
   * is assigned (as a stream's buffer fills); {@code done} is told after each batch how many
   * batches are in.
   */
  public void addAllAhead(List<List<Arrival>> batches, IntConsumer done)
      throws InterruptedException, ExecutionException {
    if (batches.isEmpty()) {
      return;
    }
    ExecutorService ahead = Executors.newSingleThreadExecutor();
    try {
      Future<List<float[]>> next = ahead.submit(() -> embed(batches.get(0)));
      for (int i = 0; i < batches.size(); i++) {
        List<float[]> embeddings = next.get();
        if (i + 1 < batches.size()) {
          List<Arrival> following = batches.get(i + 1);
          next = ahead.submit(() -> embed(following));
        }
        addAll(batches.get(i), embeddings);
        done.accept(i + 1);
      }
    } finally {
      ahead.shutdownNow();
    }
  }

  private StoryClusterer.Assignment assign(Arrival a, float[] embedding) {
    Document doc = new Document();
    doc.add(new StringField(SearchIndex.ID_FIELD, a.id(), Field.Store.YES));
    doc.add(new TextField(SearchIndex.TEXT_FIELD, (a.title() == null ? "" : a.title() + "\n") + a.text(), Field.Store.NO));
    doc.add(new NumericDocValuesField(SearchIndex.SORT_MS_FIELD, a.timeMs()));
    try {
      writer.addDocument(doc);
      if (pending.size() >= REOPEN_EVERY) {
        DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
        if (newer != null) {
          reader.close();
          reader = newer;
          search = new WithPending(new LuceneCandidates(new IndexSearcher(reader)));
        }
        pending.clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ArticleFeatures f = features.build(a.id(), a.timeMs(), a.title(), a.text(), a.annotations(), search, embedding);
    StoryClusterer.Assignment assignment = clusterer.assign(f, stories, search);
    pending.add(f);
    return assignment;
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
      List<Map.Entry<String, Double>> near = new ArrayList<>();
      for (ArticleFeatures p : pending) {
        if (p.timeMs() >= fromMs && p.timeMs() <= toMs && !p.id().equals(excludeId)) {
          double cosine = Vectors.cosine(terms, p.terms());
          if (cosine > 0) {
            near.add(Map.entry(p.id(), cosine));
          }
        }
      }
      near.sort(Map.Entry.<String, Double>comparingByValue().reversed());
      near.stream().limit(limit / 4).forEach(e -> out.add(e.getKey()));
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
