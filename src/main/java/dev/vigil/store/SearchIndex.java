package dev.vigil.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index derived from the article store. A writable index holds Lucene's write lock
 * and serves near-real-time searches; a read-only one (when another process writes) sees that
 * process's commits. Its commit data records the last store change it has absorbed
 * ({@link #indexedUpTo()}), so {@link #catchUp} can always bring it level with the store.
 */
public final class SearchIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
  private static final String CHANGE_KEY = "vigil.change_seq";
  private static final String SCHEMA_KEY = "vigil.schema";
  private static final int CATCH_UP_PAGE = 500;
  /**
   * Searches count their matches exactly up to this many (the deepest page reachable); past it
   * the total is exact only when cheap to know, else a lower bound ({@link SearchResults#totalExact()}).
   */
  public static final int COUNT_EXACT_UP_TO = SearchQuery.MAX_WINDOW;
  private static final Set<String> HIT_FIELDS = Set.of(IndexFields.ID, IndexFields.TITLE,
      IndexFields.SOURCE, IndexFields.PUBLISHED_ISO, IndexFields.LANGUAGE);

  /** Fields other stages may query: the article id, its analysed text, its sort time (ms). */
  public static final String ID_FIELD = IndexFields.ID;
  public static final String TEXT_FIELD = IndexFields.TEXT;
  public static final String SORT_MS_FIELD = IndexFields.SORT_MS;

  private final Path dir;
  private final Directory directory;
  private final Analyzer analyzer = IndexFields.analyzer();
  private final IndexWriter writer; // null when read-only
  private SearcherManager searchers; // null while a read-only index has no commit yet
  private volatile long indexedUpTo;
  private long committedUpTo; // guarded by this
  private long lastCommitNanos = System.nanoTime(); // guarded by this

  /**
   * How often {@link #refreshNearRealTime} commits. A commit (flush and fsync) cost a single
   * article's write 0.2 s on a loaded two-core machine, four fifths of its time to searchable.
   */
  static final long COMMIT_EVERY_NANOS = 1_000_000_000L;

  private SearchIndex(Path dir, Directory directory, IndexWriter writer) throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    if (writer != null) {
      this.searchers = new SearcherManager(writer, null);
      this.indexedUpTo = parseChange(commitData(writer));
      this.committedUpTo = indexedUpTo;
    } else {
      refreshReadOnly();
    }
  }

  /**
   * Opens the index in {@code dir} for writing, creating it if needed. An index that is corrupt,
   * of another Lucene format or of another schema version is wiped (it is derived data) and
   * will be rebuilt by {@link #catchUp}.
   *
   * @throws IndexLockedException if another process holds the write lock
   */
  public static SearchIndex openWritable(Path dir) {
    try {
      Files.createDirectories(dir);
      Directory directory = FSDirectory.open(dir);
      IndexWriter writer;
      try {
        writer = newWriter(directory, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        if (!IndexFields.SCHEMA_VERSION.equals(commitData(writer).get(SCHEMA_KEY))
            && writer.getDocStats().numDocs > 0) {
          LOG.warn("index {} was built by another version; rebuilding it", dir);
          writer.deleteAll();
          writer.setLiveCommitData(freshCommitData().entrySet());
          writer.commit();
        }
      } catch (LockObtainFailedException e) {
        directory.close();
        throw new IndexLockedException("the index " + dir + " is being written by another process", e);
      } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
        LOG.warn("index {} is unreadable ({}); rebuilding it from the store", dir, e.getMessage());
        writer = newWriter(directory, IndexWriterConfig.OpenMode.CREATE);
      }
      if (writer.getLiveCommitData() == null || !writer.getLiveCommitData().iterator().hasNext()) {
        writer.setLiveCommitData(freshCommitData().entrySet());
        writer.commit();
      }
      return new SearchIndex(dir, directory, writer);
    } catch (IOException e) {
      throw new StoreException("cannot open the index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Opens the index in {@code dir} for searching only (another process writes it). */
  public static SearchIndex openReadOnly(Path dir) {
    try {
      Files.createDirectories(dir);
      return new SearchIndex(dir, FSDirectory.open(dir), null);
    } catch (IOException e) {
      throw new StoreException("cannot open the index " + dir + ": " + e.getMessage(), e);
    }
  }

  private static IndexWriter newWriter(Directory directory, IndexWriterConfig.OpenMode mode)
      throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer());
    config.setOpenMode(mode);
    config.setRAMBufferSizeMB(64);
    config.setCommitOnClose(true);
    return new IndexWriter(directory, config);
  }

  private static Map<String, String> freshCommitData() {
    return Map.of(CHANGE_KEY, "0", SCHEMA_KEY, IndexFields.SCHEMA_VERSION);
  }

  private static Map<String, String> commitData(IndexWriter writer) {
    Map<String, String> data = new HashMap<>();
    if (writer.getLiveCommitData() != null) {
      writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return data;
  }

  private static long parseChange(Map<String, String> data) {
    String v = data.get(CHANGE_KEY);
    return v == null ? 0 : Long.parseLong(v);
  }

  private void refreshReadOnly() throws IOException {
    if (searchers == null) {
      try {
        DirectoryReader reader = DirectoryReader.open(directory);
        indexedUpTo = parseChange(reader.getIndexCommit().getUserData());
        searchers = new SearcherManager(reader, null);
      } catch (IndexNotFoundException e) {
        return; // nothing committed yet: searches find nothing
      }
    } else if (searchers.maybeRefresh()) {
      IndexSearcher s = searchers.acquire();
      try {
        indexedUpTo = parseChange(((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData());
      } finally {
        searchers.release(s);
      }
    }
  }

  public boolean writable() {
    return writer != null;
  }

  /**
   * Makes a read-only index see the latest commit of the process that writes it (and so move
   * {@link #indexedUpTo()}); a writable index is always current.
   */
  public void refresh() {
    if (writer != null) {
      return;
    }
    try {
      refreshReadOnly();
    } catch (IOException e) {
      throw new StoreException("cannot refresh the index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The last store change this index has absorbed. */
  public long indexedUpTo() {
    return indexedUpTo;
  }

  /**
   * Indexes every article the store has written since {@link #indexedUpTo()}, commits, and makes
   * them searchable: other processes see them, and a restart keeps them. Safe to call at any
   * time and from any thread.
   *
   * @param progress told the number of articles indexed so far (may be called often)
   * @return the number of articles indexed
   */
  public synchronized long catchUp(ArticleStore store, LongConsumer progress) {
    return absorb(store, progress, true);
  }

  /**
   * Indexes every article the store has written since {@link #indexedUpTo()} and makes them
   * searchable in this process at once (a near-real-time reader); commits only when the last
   * commit is {@link #COMMIT_EVERY_NANOS} old. Until then other processes do not see them, and
   * after a crash {@link #catchUp} indexes them again from the store. For writers of many small
   * batches (the ingest pipeline); {@link #catchUp} or {@link #close} commits what is left.
   *
   * @return the number of articles indexed
   */
  public synchronized long refreshNearRealTime(ArticleStore store) {
    return absorb(store, n -> {}, System.nanoTime() - lastCommitNanos >= COMMIT_EVERY_NANOS);
  }

  private long absorb(ArticleStore store, LongConsumer progress, boolean commit) {
    requireWritable();
    long done = 0;
    try {
      while (true) {
        List<StoredArticle> page = store.changesAfter(indexedUpTo, CATCH_UP_PAGE);
        if (page.isEmpty()) {
          break;
        }
        for (StoredArticle a : page) {
          writer.updateDocument(new Term(IndexFields.ID, a.article().id()), IndexFields.toDocument(a));
        }
        long upTo = page.get(page.size() - 1).changeSeq();
        Map<String, String> data = new HashMap<>(commitData(writer));
        data.put(CHANGE_KEY, Long.toString(upTo));
        data.put(SCHEMA_KEY, IndexFields.SCHEMA_VERSION);
        writer.setLiveCommitData(data.entrySet()); // what the next commit records, whoever makes it
        indexedUpTo = upTo;
        done += page.size();
        if (commit && done % (CATCH_UP_PAGE * 20) == 0) {
          commit(); // a long rebuild keeps its progress
        }
        progress.accept(done);
      }
      if (commit && committedUpTo < indexedUpTo) {
        commit();
      }
      if (done > 0) {
        searchers.maybeRefreshBlocking();
      }
      return done;
    } catch (IOException e) {
      throw new StoreException("cannot write the index " + dir + ": " + e.getMessage(), e);
    }
  }

  private void commit() throws IOException {
    writer.commit();
    committedUpTo = indexedUpTo;
    lastCommitNanos = System.nanoTime();
  }

  /** Empties the index so that the next {@link #catchUp} rebuilds it from the whole store. */
  public synchronized void clear() {
    requireWritable();
    try {
      writer.deleteAll();
      writer.setLiveCommitData(freshCommitData().entrySet());
      writer.commit();
      indexedUpTo = 0;
      committedUpTo = 0;
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new StoreException("cannot clear the index " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Merges the index down to at most {@code maxSegments} segments and commits. Worth doing once
   * after a bulk load: every search visits every segment (a term lookup, a scorer and the
   * facet ordinals per segment), and a bulk load leaves a few dozen. Slow (it rewrites the
   * index) and needs up to twice the index's size on disk while it runs.
   *
   * @return the number of segments before
   */
  public synchronized int forceMerge(int maxSegments) {
    requireWritable();
    try {
      int before = segmentCount();
      writer.forceMerge(maxSegments);
      commit();
      searchers.maybeRefreshBlocking();
      return before;
    } catch (IOException e) {
      throw new StoreException("cannot merge the index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The number of segments searched now. */
  public int segmentCount() {
    return withSearcher(s -> s == null ? 0 : s.getIndexReader().leaves().size());
  }

  private void requireWritable() {
    if (writer == null) {
      throw new IllegalStateException("the index " + dir + " is open read-only");
    }
  }

  /** The number of documents searchable now. */
  public long documentCount() {
    try {
      if (writer == null) {
        refreshReadOnly();
      }
      if (searchers == null) {
        return 0;
      }
      IndexSearcher s = searchers.acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code work} on the current searcher (null when nothing is searchable yet). The
   * stories stage finds candidate articles this way.
   */
  public <T> T withSearcher(java.util.function.Function<IndexSearcher, T> work) {
    try {
      if (writer == null) {
        refreshReadOnly();
      }
      if (searchers == null) {
        return work.apply(null);
      }
      IndexSearcher s = searchers.acquire();
      try {
        return work.apply(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new StoreException("cannot search the index " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a search.
   *
   * @throws QuerySyntaxException if the query cannot be parsed
   */
  public SearchResults search(SearchQuery q) {
    return search(q, Visibility.ALL);
  }

  /**
   * Runs a search over the articles {@code v} may see: hits, total and snippets know of no
   * other.
   *
   * @throws QuerySyntaxException if the query cannot be parsed
   */
  public SearchResults search(SearchQuery q, Visibility v) {
    Query parsed = parse(q.query());
    Query query = visible(parsed, v);
    try {
      if (writer == null) {
        refreshReadOnly();
      }
      if (searchers == null) {
        return new SearchResults(q, 0, List.of(), true);
      }
      IndexSearcher searcher = searchers.acquire();
      try {
        int window = q.offset() + q.limit();
        Sort sort = q.order() == SearchQuery.Order.NEWEST || q.query().isEmpty()
            ? new Sort(new SortField(IndexFields.SORT_MS, SortField.Type.LONG, true))
            : new Sort(SortField.FIELD_SCORE,
                new SortField(IndexFields.SORT_MS, SortField.Type.LONG, true));
        Query rewritten = searcher.rewrite(query); // once, not by every step below
        // counts matches exactly up to COUNT_EXACT_UP_TO; past it the collector may skip
        // blocks that cannot reach the top, and the total is a lower bound unless cheap to know
        TopFieldDocs top = searcher.search(rewritten,
            new TopFieldCollectorManager(sort, window, null, COUNT_EXACT_UP_TO, false));
        long total = top.totalHits.value;
        boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        if (!exact) {
          long counted = cheapCount(searcher, rewritten);
          exact = counted >= 0;
          total = exact ? counted : total;
        }
        ScoreDoc[] docs = top.scoreDocs;
        int from = Math.min(q.offset(), docs.length);
        ScoreDoc[] page = java.util.Arrays.copyOfRange(docs, from, docs.length);
        if (sort.getSort()[0] == SortField.FIELD_SCORE) {
          for (ScoreDoc d : page) {
            d.score = (Float) ((FieldDoc) d).fields[0]; // the sort's own score: no need to score again
          }
        } else {
          TopFieldCollector.populateScores(page, searcher, rewritten);
        }
        Snippets.Page shown = Snippets.of(searcher, analyzer, rewritten, docIds(page), HIT_FIELDS, q.html());
        String[] snippets = shown.snippets();
        List<SearchResults.Hit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
          Document d = shown.fields()[i];
          hits.add(new SearchResults.Hit(d.get(IndexFields.ID), d.get(IndexFields.TITLE),
              d.get(IndexFields.SOURCE), d.get(IndexFields.PUBLISHED_ISO),
              d.get(IndexFields.LANGUAGE), Float.isNaN(page[i].score) ? 0f : page[i].score,
              snippets[i]));
        }
        return new SearchResults(q, total, hits, exact);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new StoreException("cannot search the index " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The number of matches when every segment knows it without looking at the matches (a single
   * term, everything; no deletions), else -1.
   */
  private static long cheapCount(IndexSearcher searcher, Query query) throws IOException {
    var weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    long total = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      int n = weight.count(leaf);
      if (n < 0) {
        return -1;
      }
      total += n;
    }
    return total;
  }

  /**
   * Which of the articles {@code ids} the query matches (Lucene syntax; empty: all of them),
   * each with a plain-text snippet of the match (terms between {@code «} and {@code »}; empty
   * for a blank query). One search for the whole set, so a watchlist costs one search per
   * batch of new articles, not one per article.
   *
   * @throws QuerySyntaxException if the query cannot be parsed
   */
  public Map<String, String> matchAmong(String queryText, java.util.Collection<String> ids) {
    return matchAmong(queryText, ids, Visibility.ALL);
  }

  /**
   * As {@link #matchAmong(String, java.util.Collection)}, among the articles {@code v} may see
   * (a watchlist matches as its owner).
   */
  public Map<String, String> matchAmong(String queryText, java.util.Collection<String> ids,
      Visibility v) {
    Query parsed = parse(queryText == null ? "" : queryText.strip());
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<org.apache.lucene.util.BytesRef> terms = new ArrayList<>(ids.size());
    ids.forEach(id -> terms.add(new org.apache.lucene.util.BytesRef(id)));
    Query query = visible(new org.apache.lucene.search.BooleanQuery.Builder()
        .add(parsed, org.apache.lucene.search.BooleanClause.Occur.MUST)
        .add(new org.apache.lucene.search.TermInSetQuery(IndexFields.ID, terms),
            org.apache.lucene.search.BooleanClause.Occur.FILTER)
        .build(), v);
    try {
      if (writer == null) {
        refreshReadOnly();
      }
      if (searchers == null) {
        return Map.of();
      }
      IndexSearcher searcher = searchers.acquire();
      try {
        ScoreDoc[] docs = searcher.search(query, ids.size()).scoreDocs;
        Map<String, String> out = new HashMap<>();
        if (parsed instanceof MatchAllDocsQuery) { // a blank query: no snippets
          StoredFields stored = searcher.storedFields();
          for (ScoreDoc d : docs) {
            out.put(stored.document(d.doc, Set.of(IndexFields.ID)).get(IndexFields.ID), "");
          }
          return out;
        }
        Snippets.Page shown = Snippets.of(searcher, analyzer, parsed, docIds(docs), Set.of(IndexFields.ID), false);
        for (int i = 0; i < docs.length; i++) {
          out.put(shown.fields()[i].get(IndexFields.ID), shown.snippets()[i]);
        }
        return out;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new StoreException("cannot search the index " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The ids of every article the query matches (Lucene syntax, as for {@link #search}; empty:
   * all), for exports and other consumers that need the whole result set, not a page of it.
   *
   * @throws QuerySyntaxException if the query cannot be parsed
   */
  public Set<String> matchingIds(String queryText) {
    return matchingIds(queryText, Visibility.ALL);
  }

  /** As {@link #matchingIds(String)}, among the articles {@code v} may see. */
  public Set<String> matchingIds(String queryText, Visibility v) {
    Query query = visible(parse(queryText == null ? "" : queryText.strip()), v);
    try {
      if (writer == null) {
        refreshReadOnly();
      }
      if (searchers == null) {
        return Set.of();
      }
      IndexSearcher searcher = searchers.acquire();
      try {
        Set<String> ids = new HashSet<>();
        StoredFields stored = searcher.storedFields();
        Set<String> idField = Set.of(IndexFields.ID);
        var weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (var leaf : searcher.getIndexReader().leaves()) {
          var scorer = weight.scorer(leaf);
          if (scorer == null) {
            continue;
          }
          var live = leaf.reader().getLiveDocs();
          var it = scorer.iterator();
          for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
              doc = it.nextDoc()) {
            if (live == null || live.get(doc)) {
              ids.add(stored.document(leaf.docBase + doc, idField).get(IndexFields.ID));
            }
          }
        }
        return ids;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new StoreException("cannot search the index " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Facet counts and a date histogram over every article the query matches, exactly.
   *
   * @param top how many values to keep per field
   * @throws QuerySyntaxException if the query cannot be parsed
   */
  public Facets facets(String queryText, int top) {
    return facets(queryText, top, Integer.MAX_VALUE, Visibility.ALL);
  }

  /** As {@link #facets(String, int)}, counting only the articles {@code v} may see, exactly. */
  public Facets facets(String queryText, int top, Visibility v) {
    return facets(queryText, top, Integer.MAX_VALUE, v);
  }

  /** As {@link #facets(String, int, int, Visibility)} over every article. */
  public Facets facets(String queryText, int top, int sampleAbove) {
    return facets(queryText, top, sampleAbove, Visibility.ALL);
  }

  /**
   * Facet counts and a date histogram over the articles the query matches that {@code v} may
   * see: over all of them when at most {@code sampleAbove} match, else over a random sample of
   * about {@code sampleAbove} of them, scaled to the number of matches ({@link Facets#exact()}
   * is then false). Counting costs time in proportion to the articles counted, so sampling keeps
   * broad queries over a large store as cheap as narrow ones. The sample is drawn with a fixed
   * seed: the same query on the same index gives the same counts. Results are kept for the
   * current index version in a small cache (keyed by the caller's visibility too), so paging
   * through a search does not count again.
   *
   * @param top how many values to keep per field
   * @throws QuerySyntaxException if the query cannot be parsed
   */
  public Facets facets(String queryText, int top, int sampleAbove, Visibility v) {
    String text = queryText == null ? "" : queryText.strip();
    Query query = visible(parse(text), v);
    try {
      if (writer == null) {
        refreshReadOnly();
      }
      if (searchers == null) {
        return new Facets(0, Map.of(), List.of(), "year");
      }
      IndexSearcher searcher = searchers.acquire();
      try {
        return facetCache.get(searcher.getIndexReader(),
            text + "\u0000" + top + "\u0000" + sampleAbove + "\u0000" + v.organisation() + "\u0000" + v.everything(),
            () -> facetCounter.count(searcher, query, top, sampleAbove));
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new StoreException("cannot search the index " + dir + ": " + e.getMessage(), e);
    }
  }

  private final FacetCache facetCache = new FacetCache(256);
  private final FacetCounter facetCounter = new FacetCounter();

  /** {@code query} restricted to what {@code v} may see, by a MUST_NOT clause (no effect on scores). */
  private static Query visible(Query query, Visibility v) {
    Query hidden = v.luceneHidden();
    if (hidden == null) {
      return query;
    }
    return new org.apache.lucene.search.BooleanQuery.Builder()
        .add(query, org.apache.lucene.search.BooleanClause.Occur.MUST)
        .add(hidden, org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
        .build();
  }

  private Query parse(String text) {
    if (text.isEmpty() || text.equals("*") || text.equals("*:*")) {
      return new MatchAllDocsQuery();
    }
    try {
      return new VigilQueryParser(analyzer).parse(text);
    } catch (ParseException e) {
      throw new QuerySyntaxException("cannot parse the query: " + firstLine(e.getMessage()), e);
    } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException("the query expands to too many terms; make it narrower", e);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static int[] docIds(ScoreDoc[] docs) {
    int[] ids = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      ids[i] = docs[i].doc;
    }
    return ids;
  }

  @Override
  public synchronized void close() {
    try {
      if (searchers != null) {
        searchers.close();
      }
      if (writer != null) {
        writer.close();
      }
      directory.close();
    } catch (IOException e) {
      throw new StoreException("cannot close the index " + dir + ": " + e.getMessage(), e);
    }
  }
}
