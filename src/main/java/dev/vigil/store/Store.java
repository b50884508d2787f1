package dev.vigil.store;

import dev.vigil.config.VigilConfig;
import dev.vigil.model.AnalyzedArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A data directory: the database (the source of truth; the SQLite file {@code vigil.db}, or a
 * PostgreSQL database named by {@code store.url} in its configuration) and the Lucene index
 * {@code index/} derived from it, which is always local to the directory. If another process holds the index's write lock, this
 * store writes the database only and searches the other process's commits; that process
 * absorbs the new articles into the index when it next catches up.
 */
public final class Store implements AutoCloseable {
  public static final String DB_FILE = "vigil.db";
  public static final String INDEX_DIR = "index";

  private final WatchlistStore watchlists;
  private final AccountStore accounts;
  private final AnalystStore analysts;
  private final KbStore kb;
  private final Path dataDir;
  private final Database db;
  private final ArticleStore articles;
  private final StoryStore stories;
  private final FeedStore feeds;
  private final SearchIndex index;
  private final MapData map;
  private final Mentions mentions;

  private Store(Path dataDir, Database db, SearchIndex index) {
    this.dataDir = dataDir;
    this.watchlists = new WatchlistStore(db);
    this.accounts = new AccountStore(db);
    this.analysts = new AnalystStore(db);
    this.kb = new KbStore(db);
    this.db = db;
    this.articles = new ArticleStore(db);
    this.map = new MapData(db, Visibility.ALL);
    this.mentions = new Mentions(db, Visibility.ALL);
    this.stories = new StoryStore(db);
    this.feeds = new FeedStore(db);
    this.index = index;
  }

  /**
   * Opens the store in {@code dataDir}, creating the directory, database and index as needed.
   * The database is the one its {@code config.yaml} (or {@code VIGIL_DB_URL}) names, else the
   * SQLite file {@code vigil.db} there.
   */
  public static Store open(Path dataDir) {
    createDirectories(dataDir);
    VigilConfig config = VigilConfig.load(dataDir);
    return open(dataDir, DatabaseSettings.resolve(dataDir.resolve(DB_FILE), config.storeUrl(),
        config.storeUser(), config.storePassword(), System.getenv()));
  }

  /** Opens the store whose database is {@code database} and whose index is in {@code dataDir}. */
  public static Store open(Path dataDir, DatabaseSettings database) {
    createDirectories(dataDir);
    Database db = Database.open(database);
    SearchIndex index;
    try {
      index = SearchIndex.openWritable(dataDir.resolve(INDEX_DIR));
    } catch (IndexLockedException e) {
      index = SearchIndex.openReadOnly(dataDir.resolve(INDEX_DIR));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new Store(dataDir, db, index);
  }

  private static void createDirectories(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Watchlists, their alerts and deliveries. */
  public WatchlistStore watchlists() {
    return watchlists;
  }

  /** Team mode's accounts, sessions and API tokens. */
  public AccountStore accounts() {
    return accounts;
  }

  /** Analysts' notes, event corrections and the audit log. */
  public AnalystStore analysts() {
    return analysts;
  }

  /** Knowledge-base entries added or changed by analysts. */
  public KbStore kb() {
    return kb;
  }

  public ArticleStore articles() {
    return articles;
  }

  /** Places and events for the map. */
  public MapData map() {
    return map;
  }

  /** Places and events for the map, of the articles {@code v} may see. */
  public MapData map(Visibility v) {
    return v.everything() ? map : new MapData(db, v);
  }

  /** Entities, places, sources and events, one row per article, for their pages and API. */
  public Mentions mentions() {
    return mentions;
  }

  /** As {@link #mentions()}, counting only the articles {@code v} may see. */
  public Mentions mentions(Visibility v) {
    return v.everything() ? mentions : new Mentions(db, v);
  }

  public StoryStore stories() {
    return stories;
  }

  /** Feeds, fetched URLs and near-duplicate links. */
  public FeedStore feeds() {
    return feeds;
  }

  /** Every stored article with its annotations, in the order written, a batch at a time. */
  public void forEachArticle(Consumer<AnalyzedArticle> action) {
    articles.forEach(500, a -> action.accept(new AnalyzedArticle(a.article(), a.annotations())));
  }

  public SearchIndex index() {
    return index;
  }

  /**
   * Writes a batch to the database (one transaction), then brings the index level with the
   * database if this process owns it.
   */
  public List<WriteOutcome> write(List<AnalyzedArticle> batch) {
    return write(batch, null);
  }

  /** As {@link #write(List)}, marking the new or changed articles (null: public news, or as stored). */
  public List<WriteOutcome> write(List<AnalyzedArticle> batch, Marking marking) {
    List<WriteOutcome> outcomes = articles.write(batch, marking);
    if (index.writable()) {
      index.catchUp(articles, n -> {});
    }
    return outcomes;
  }

  /**
   * Indexes whatever the database holds that the index has not absorbed yet (after a crash,
   * or writes by another process). Does nothing when another process owns the index.
   *
   * @return the number of articles indexed
   */
  public long catchUpIndex(LongConsumer progress) {
    return index.writable() ? index.catchUp(articles, progress) : 0;
  }

  /**
   * Indexes what the database holds beyond the index and makes it searchable in this process at
   * once, committing the index at most every second (see {@link SearchIndex#refreshNearRealTime}).
   * Does nothing when another process owns the index.
   *
   * @return the number of articles indexed
   */
  public long refreshIndex() {
    return index.writable() ? index.refreshNearRealTime(articles) : 0;
  }

  /** How many database changes the index has not absorbed yet. */
  public long indexLag() {
    return Math.max(0, articles.lastChange() - index.indexedUpTo());
  }

  @Override
  public void close() {
    try {
      index.close();
    } finally {
      db.close();
    }
  }
}
