package dev.vigil.stories;

import dev.vigil.model.Article;
import dev.vigil.model.IsoDates;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;

/**
 * Assigns stored articles to stories as they arrive. {@link #catchUp} takes the articles
 * written since the last assignment that the index has already absorbed (candidates are found
 * through the index), builds their features outside the write lock, then assigns them in
 * write order inside one transaction per page, moving the store's cursor with them: a crash
 * loses nothing, and a second call assigns nothing twice. Thread-safe.
 */
public final class StoryUpdater {
  private static final int PAGE = 256;

  private final StoryClusterer clusterer;
  private final FeatureBuilder features;

  public StoryUpdater(StoryClusterer clusterer, Embedder embedder) {
    this.clusterer = clusterer;
    this.features = new FeatureBuilder(embedder);
  }

  private static final class Standard { // created on first use: the model loads only if needed
    static final StoryUpdater INSTANCE =
        new StoryUpdater(new StoryClusterer(StoryClusterer.Settings.DEFAULT), new MiniLmEmbedder());
  }

  /**
   * The tuned clusterer with the MiniLM embedding, one per process: every path that stores
   * articles (file ingest, feed polling, the server catching up with another process's writes)
   * shares it, so the model is loaded once and catch-ups of one store never run side by side.
   */
  public static StoryUpdater standard() {
    return Standard.INSTANCE;
  }

  /**
   * Assigns every article that the index holds and no story does yet.
   *
   * @return the number of articles assigned
   */
  public synchronized long catchUp(Store store) {
    long done = 0;
    while (true) {
      long indexed = store.index().indexedUpTo();
      long cursor = store.stories().assignedUpTo();
      if (cursor >= indexed) {
        return done;
      }
      List<StoredArticle> page = new ArrayList<>();
      for (StoredArticle a : store.articles().changesAfter(cursor, PAGE)) {
        if (a.changeSeq() <= indexed) {
          page.add(a);
        }
      }
      if (page.isEmpty()) {
        return done;
      }
      long upTo = page.get(page.size() - 1).changeSeq();
      done += store.index().withSearcher(searcher -> assign(store, page, searcher, upTo));
    }
  }

  private int assign(Store store, List<StoredArticle> page, IndexSearcher searcher, long upTo) {
    CandidateSearch search = new LuceneCandidates(searcher);
    List<String> titles = new ArrayList<>(page.size());
    List<String> texts = new ArrayList<>(page.size());
    for (StoredArticle s : page) {
      titles.add(s.article().title());
      texts.add(s.article().text());
    }
    List<float[]> embeddings = features.embedAll(titles, texts); // one batch per page
    List<ArticleFeatures> built = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      Article a = page.get(i).article();
      built.add(features.build(a.id(), timeOf(a), a.title(), a.text(), page.get(i).annotations(),
          search, embeddings.get(i)));
    }
    return store.stories().update(tx -> {
      StoredStories stories = new StoredStories(tx);
      int assigned = 0;
      for (ArticleFeatures f : built) {
        if (stories.storiesOf(List.of(f.id())).isEmpty()) { // an updated article keeps its story
          clusterer.assign(f, stories, search);
          assigned++;
        }
      }
      tx.setAssignedUpTo(Math.max(upTo, tx.assignedUpTo()));
      return assigned;
    });
  }

  /** Publication time, else ingestion time, in epoch ms. */
  static long timeOf(Article a) {
    Long published = IsoDates.toEpochMillis(a.published());
    return published != null ? published : a.ingested().toEpochMilli();
  }
}
