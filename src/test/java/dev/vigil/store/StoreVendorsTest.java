package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Articles;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.EntityMention;
import dev.vigil.model.Failure;
import dev.vigil.model.FeedState;
import dev.vigil.model.Sentence;
import dev.vigil.team.Role;
import dev.vigil.team.Tlp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store's behaviour on both vendors, through the same code: SQLite (always) and PostgreSQL
 * (when {@link TestPostgres} has a server). Covers what differs underneath: the derived mention
 * tables (SQLite triggers with json_each, PostgreSQL PL/pgSQL with jsonb), case-insensitive
 * columns (COLLATE NOCASE vs citext), upserts, generated keys, the append-only audit log, and
 * the change sequence under concurrent writers.
 */
class StoreVendorsTest {
  @TempDir Path dir;
  private TestPostgres pg;

  @AfterEach
  void dropDatabase() {
    if (pg != null) {
      pg.close();
    }
  }

  private DatabaseSettings database(String vendor) {
    if (vendor.equals("sqlite")) {
      return DatabaseSettings.sqlite(dir.resolve(Store.DB_FILE));
    }
    pg = TestPostgres.create();
    return pg.settings();
  }

  private Connection raw(DatabaseSettings db) throws SQLException {
    return DriverManager.getConnection(db.url());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void articlesRoundTripAndEveryWriteGetsTheNextChangeNumber(String vendor) {
    DatabaseSettings db = database(vendor);
    List<AnalyzedArticle> batch = Articles.demo(20);
    try (Store store = Store.open(dir.resolve("a"), db)) {
      assertThat(store.write(batch)).extracting(WriteOutcome::status).containsOnly(WriteOutcome.Status.INSERTED);
      assertThat(store.write(batch)).extracting(WriteOutcome::status).containsOnly(WriteOutcome.Status.UNCHANGED);
      assertThat(store.articles().lastChange()).isEqualTo(20);
      AnalyzedArticle first = batch.get(0);
      assertThat(store.articles().get(first.article().id()).orElseThrow().article()).isEqualTo(first.article());
      store.write(List.of(Articles.of(first.article().id(), "Rewritten", "The smugglers were detained.", "2025-11-19")));
      assertThat(store.articles().lastChange()).isEqualTo(21);
      assertThat(store.articles().changesAfter(19, 10)).extracting(StoredArticle::changeSeq).containsExactly(20L, 21L);
      assertThat(store.articles().count()).isEqualTo(20);
      assertThat(store.articles().latest(0, 30)).extracting(ArticleSummary::title).hasSize(20).endsWith("Rewritten");
      assertThat(store.index().search(SearchQuery.of("detained")).total()).isEqualTo(1);
      assertThat(store.indexLag()).isZero();

      store.articles().recordFailures(List.of(new Failure("extract", "x.html", 3, "no text"),
          new Failure("fetch", "https://example.org/a", null, "HTTP 404")));
      assertThat(store.articles().failureCount()).isEqualTo(2);
      assertThat(store.articles().recentFailures(5)).extracting(f -> f.failure().line()).containsExactly(null, 3);
      assertThat(store.articles().integrityCheck()).isEqualTo("ok");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void entitiesPlacesAndEventsAreDerivedFromTheAnnotationsIgnoringCase(String vendor) {
    DatabaseSettings db = database(vendor);
    try (Store store = Store.open(dir.resolve("a"), db)) {
      store.write(List.of(Articles.placed("p1"), Articles.placed("p2"), withEntities("e1")));
      Mentions m = store.mentions();

      assertThat(m.places(null, null, 0, 10)).extracting(Mentions.PlaceCount::name, Mentions.PlaceCount::articles)
          .contains(org.assertj.core.groups.Tuple.tuple("Khatlon Region", 2L));
      assertThat(m.place(List.of("KHATLON REGION"), "TJ")).extracting(Mentions.PlaceCount::articles).containsExactly(2L);
      assertThat(m.placeCount("khat", null)).isEqualTo(1);
      assertThat(m.ids(Mentions.ArticleSet.place(List.of("dushanbe"), "TJ"))).containsExactlyInAnyOrder("p1", "p2");

      assertThat(m.entity("name:emomali rahmon")).map(Mentions.EntityCount::mentions).contains(2L);
      assertThat(m.entity("Q1234")).map(Mentions.EntityCount::name).contains("Drug Control Agency");
      assertThat(m.entities("RAHMON", null, 0, 10)).extracting(Mentions.EntityCount::key).containsExactly("name:Emomali Rahmon");
      assertThat(m.entityCount(null, "ORGANIZATION")).isEqualTo(1);
      assertThat(m.entityKeysByName(List.of("emomali rahmon"))).containsEntry("emomali rahmon", "name:Emomali Rahmon");

      Mentions.EventFilter byActor = new Mentions.EventFilter(null, null, List.of("TAJIK border GUARDS"),
          null, null, null, null, "2025-11", "2025");
      assertThat(m.events(byActor, 0, 10)).extracting(Mentions.EventRow::articleId).containsExactlyInAnyOrder("p1", "p2");
      List<Mentions.EventRow> events = m.events(Mentions.EventFilter.ALL, 0, 10);
      assertThat(events).hasSize(2).allSatisfy(e -> {
        assertThat(e.type()).isEqualTo("armed_clash");
        assertThat(e.date()).isEqualTo("2025-11-17");
        assertThat(e.place().name()).isEqualTo("Khatlon Region");
        assertThat(e.place().country()).isEqualTo("TJ");
        assertThat(e.actors()).extracting(a -> a.name()).containsExactly("Tajik border guards");
      });
      Mentions.EventFilter byPlace = new Mentions.EventFilter("armed_clash", "TJ", null, null,
          List.of("khatlon region"), "TJ", "Test Wire", null, "2025-11-17");
      assertThat(m.eventCount(byPlace)).isEqualTo(2);
      assertThat(store.map().places(10)).extracting(MapData.PlacePoint::name).contains("Khatlon Region", "Dushanbe");
      assertThat(store.map().events(10)).hasSize(2);
      assertThat(m.sources()).extracting(Mentions.SourceCount::name, Mentions.SourceCount::articles)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("Test Wire", 3L));

      // rewriting an article rewrites its derived rows
      store.write(List.of(Articles.of("p2", "Nothing placed", "Quiet day.", "2025-11-20")));
      assertThat(m.eventCount(Mentions.EventFilter.ALL)).isEqualTo(1);
      assertThat(m.place(List.of("Khatlon Region"), null)).extracting(Mentions.PlaceCount::articles).containsExactly(1L);
    }
  }

  private static AnalyzedArticle withEntities(String id) {
    String text = "Emomali Rahmon met the Drug Control Agency. EMOMALI RAHMON praised it.";
    List<EntityMention> entities = List.of(
        new EntityMention("Emomali Rahmon", "PERSON", null, null, 0, 14),
        new EntityMention("EMOMALI RAHMON", "PERSON", null, null, 44, 58),
        new EntityMention("Drug Control Agency", "ORGANIZATION", "Q1234", "Drug Control Agency", 23, 42),
        new EntityMention("Dushanbe", "LOCATION", null, null, 0, 1));
    Annotations ann = new Annotations("en", List.of(new Sentence(0, text.length())), entities,
        List.of(), List.of(), List.of(), List.of(), List.of());
    return new AnalyzedArticle(Articles.of(id, "Rahmon and the agency", text, "2025-11-19").article(), ann);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void storiesFeedsAndWatchlistsUseUpsertsAndGeneratedKeys(String vendor) {
    DatabaseSettings db = database(vendor);
    try (Store store = Store.open(dir.resolve("a"), db)) {
      long[] ids = store.stories().update(tx -> {
        long thread = tx.newThread(1);
        long s1 = tx.insertStory(new StoryRow(0, thread, 1, 1, 2, "{}"));
        long s2 = tx.insertStory(new StoryRow(0, null, 1, 1, 2, "{}"));
        tx.addArticle(s1, "a", 0, 10, "{}");
        tx.addArticle(s1, "b", 0.5, 10, "{}");
        tx.addArticle(s2, "c", 0, 11, "{}");
        tx.addArticle(s2, "b", 0.7, 12, "{\"moved\":1}"); // moves b
        tx.merge(s2, s1, 0.9);
        tx.setAssignedUpTo(7);
        return new long[] {s1, s2};
      });
      assertThat(ids[1]).isGreaterThan(ids[0]);
      assertThat(store.stories().articlesOf(ids[0])).containsExactly("a", "c", "b");
      assertThat(store.stories().stories(1)).extracting(StoryRow::id).containsExactly(ids[0]);
      assertThat(store.stories().merges()).hasSize(1);
      assertThat(store.stories().assignedUpTo()).isEqualTo(7);

      Instant now = Instant.parse("2026-01-01T00:00:00Z");
      FeedState feed = FeedState.added("https://example.org/feed.xml", "Feed", null, Duration.ofMinutes(30), now);
      assertThat(store.feeds().add(feed)).isTrue();
      assertThat(store.feeds().add(feed)).isFalse();
      store.feeds().recordFetch("https://example.org/a", "https://example.org/feed.xml", now, 500, null, "HTTP 500");
      store.feeds().recordFetch("https://example.org/a", null, now, 200, "a1", null);
      assertThat(store.feeds().feedOf("https://example.org/a")).isEmpty();
      assertThat(store.feeds().all()).hasSize(1);

      Watchlist w = store.watchlists().create(watchlist("Border", "smugglers"));
      Watchlist w2 = store.watchlists().create(watchlist("Quakes", "earthquake"));
      assertThat(w2.id()).isGreaterThan(w.id());
      WatchlistStore.Match match = new WatchlistStore.Match(w.id(), "s1", "a", "Clash",
          List.of(), List.of("webhook"), 0);
      assertThat(store.watchlists().record(0, 5, List.of(match), now).created()).isEqualTo(1);
      assertThat(store.watchlists().record(0, 6, List.of(match), now).applied()).isFalse();
      WatchlistStore.Match later = new WatchlistStore.Match(w.id(), "s1", "b", "Clash again",
          List.of(), List.of("webhook"), 0);
      assertThat(store.watchlists().record(5, 6, List.of(match, later), now).updated()).isEqualTo(1);
      assertThat(store.watchlists().alerts(w.id(), 10)).singleElement()
          .satisfies(a -> assertThat(a.articleCount()).isEqualTo(2));
      assertThat(store.watchlists().remove(w.id())).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void notesAndCorrectionsAreAuditedAndTheAuditLogRefusesUpdateAndDelete(String vendor) throws Exception {
    DatabaseSettings db = database(vendor);
    try (Store store = Store.open(dir.resolve("a"), db)) {
      Editor ana = new Editor("ana", "border-unit");
      Note note = store.analysts().addNote("article", "a1", Tlp.AMBER, "<b>check</b> this", ana);
      assertThat(store.analysts().notes("article", "a1", "border-unit")).extracting(Note::body)
          .containsExactly("<b>check</b> this");
      assertThat(store.analysts().notes("article", "a1", "other-org")).isEmpty();
      assertThat(store.analysts().removeNote(note.id(), ana)).isTrue();
      assertThat(store.analysts().auditCount("border-unit", false)).isEqualTo(2);
      assertThat(store.analysts().auditCount("other-org", false)).isZero();
    }
    try (Connection c = raw(db); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET actor = 'mallory'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log WHERE actor = 'ana'")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(2);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void accountsSessionsTokensAndTheSharedLockOut(String vendor) {
    DatabaseSettings db = database(vendor);
    Editor admin = new Editor("root", "hq");
    try (Store one = Store.open(dir.resolve("one"), db); Store two = Store.open(dir.resolve("two"), db)) {
      AccountStore a = one.accounts();
      a.add("ana", "border-unit", Role.ANALYST, "$argon2id$fake", admin);
      a.add("bo", "border-unit", Role.VIEWER, "$argon2id$fake", admin);
      assertThatThrownBy(() -> a.add("ana", "x", Role.VIEWER, "h", admin)).isInstanceOf(IllegalArgumentException.class);
      assertThat(a.organisations()).containsEntry("border-unit", 2L);
      // failures counted in the database: two processes share the lock-out
      a.loginFailed("ana", 3, Duration.ofMinutes(5));
      two.accounts().loginFailed("ana", 3, Duration.ofMinutes(5));
      a.loginFailed("ana", 3, Duration.ofMinutes(5));
      assertThat(two.accounts().get("ana").orElseThrow().lockedUntil()).isNotNull();

      a.startSession("bo", "session-1", "csrf-1", Duration.ofHours(1));
      assertThat(two.accounts().session("session-1")).map(AccountStore.Session::csrf).contains("csrf-1");
      two.accounts().endSession("session-1");
      assertThat(a.session("session-1")).isEmpty();

      ApiToken t = a.createToken("bo", "script", "read", "secret-token-1", admin);
      assertThat(two.accounts().token("secret-token-1")).isPresent();
      assertThat(two.accounts().revokeToken(t.id(), admin)).isTrue();
      assertThat(a.token("secret-token-1")).isEmpty();
      assertThat(a.disable("bo", admin)).isTrue();
      assertThat(a.passwordHash("bo")).isEmpty();
      assertThat(one.analysts().auditCount("hq", true)).isGreaterThanOrEqualTo(3);
    }
  }

  /**
   * Several writers in two stores (like two processes) on one database, and a reader that
   * follows the change log as the index does: it must see every article exactly once, and no
   * two writes may share a change number.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aReaderFollowingTheChangeLogMissesNothingWhileTwoStoresWrite(String vendor) throws Exception {
    DatabaseSettings db = database(vendor);
    int writers = 4;
    int batches = 15;
    try (Store one = Store.open(dir.resolve("one"), db); Store two = Store.open(dir.resolve("two"), db)) {
      Set<String> seen = ConcurrentHashMap.newKeySet();
      AtomicBoolean done = new AtomicBoolean();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread reader = new Thread(() -> {
        long after = 0;
        try {
          while (true) {
            boolean last = done.get();
            List<StoredArticle> changes = one.articles().changesAfter(after, 50);
            for (StoredArticle a : changes) {
              assertThat(a.changeSeq()).isGreaterThan(after);
              seen.add(a.article().id());
              after = a.changeSeq();
            }
            if (last && changes.isEmpty()) {
              return;
            }
          }
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      reader.start();
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        Store store = w % 2 == 0 ? one : two;
        int writer = w;
        Thread t = new Thread(() -> {
          try {
            for (int b = 0; b < batches; b++) {
              store.articles().write(List.of(
                  Articles.of("w" + writer + "-" + b + "-x", "T", "Text x " + b, null),
                  Articles.of("w" + writer + "-" + b + "-y", "T", "Text y " + b, null)));
            }
          } catch (Throwable e) {
            failure.set(e);
          }
        });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join(120_000);
      }
      done.set(true);
      reader.join(60_000);
      assertThat(failure.get()).isNull();
      assertThat(seen).hasSize(writers * batches * 2);
      assertThat(one.articles().lastChange()).isEqualTo(writers * batches * 2L);
      try (Connection c = raw(db); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT count(DISTINCT change_seq), count(*) FROM articles")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2));
      }
    }
  }

  /**
   * The reason nothing is missed: a write transaction holds the store's write lock from before
   * it reads the change counter until it commits, in every process, so a change number is never
   * handed out while a smaller one is still uncommitted.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aSecondWriterWaitsUntilTheFirstCommits(String vendor) throws Exception {
    DatabaseSettings settings = database(vendor);
    try (Database a = Database.open(settings); Database b = Database.open(settings)) {
      ArticleStore first = new ArticleStore(a);
      ArticleStore second = new ArticleStore(b);
      CountDownLatch inside = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread slow = new Thread(() -> a.write(c -> {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("UPDATE counters SET value = value + 1 WHERE name = 'change'");
        }
        inside.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return null;
      }));
      slow.start();
      assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
      AtomicBoolean written = new AtomicBoolean();
      Thread fast = new Thread(() -> {
        second.write(List.of(Articles.of("late", "Late", "Written second.", null)));
        written.set(true);
      });
      fast.start();
      Thread.sleep(1_000);
      assertThat(written).as("the second writer must wait for the first to commit").isFalse();
      assertThat(first.lastChange()).isZero(); // the first transaction is not visible yet
      release.countDown();
      slow.join(30_000);
      fast.join(30_000);
      assertThat(written).isTrue();
      // the second writer read the counter after the first committed: change 2, not 1
      assertThat(second.get("late").orElseThrow().changeSeq()).isEqualTo(2);
    }
  }

  private static Watchlist watchlist(String name, String query) {
    return new Watchlist(0, name, query, null, null, null, null, null, null, null, null, 1,
        "immediate", null, null, null, null, null);
  }
}
