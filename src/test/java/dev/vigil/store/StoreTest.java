package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Articles;
import dev.vigil.model.AnalyzedArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path dir;

  @Test
  void anArticleComesBackAsItWasWritten() {
    AnalyzedArticle a = Articles.of("a1", "Clash at the border", "Guards clashed with smugglers.", "2025-11-19");
    try (Store store = Store.open(dir)) {
      assertThat(store.write(List.of(a))).extracting(WriteOutcome::status)
          .containsExactly(WriteOutcome.Status.INSERTED);
      StoredArticle back = store.articles().get("a1").orElseThrow();
      assertThat(back.article()).isEqualTo(a.article());
      assertThat(back.annotations()).isEqualTo(a.annotations());
      assertThat(store.articles().get("nope")).isEmpty();
    }
  }

  @Test
  void writingTheSameArticleAgainChangesNothing() {
    List<AnalyzedArticle> batch = Articles.demo(20);
    try (Store store = Store.open(dir)) {
      store.write(batch);
      long change = store.articles().lastChange();
      assertThat(store.write(batch)).extracting(WriteOutcome::status)
          .containsOnly(WriteOutcome.Status.UNCHANGED);
      assertThat(store.articles().count()).isEqualTo(20);
      assertThat(store.articles().lastChange()).isEqualTo(change);
      assertThat(store.index().documentCount()).isEqualTo(20);
    }
  }

  @Test
  void newContentUnderTheSameIdReplacesTheOldAndIsReindexed() {
    try (Store store = Store.open(dir)) {
      store.write(List.of(Articles.of("a1", "Old", "The smugglers escaped.", null)));
      assertThat(store.write(List.of(Articles.of("a1", "New", "The smugglers were detained.", null))))
          .extracting(WriteOutcome::status).containsExactly(WriteOutcome.Status.UPDATED);
      assertThat(store.articles().get("a1").orElseThrow().article().title()).isEqualTo("New");
      assertThat(store.index().search(SearchQuery.of("detained")).total()).isEqualTo(1);
      assertThat(store.index().search(SearchQuery.of("escaped")).total()).isZero();
      assertThat(store.index().documentCount()).isEqualTo(1);
    }
  }

  @Test
  void aBatchIsCommittedWholeOrNotAtAll() throws Exception {
    try (Store store = Store.open(dir)) {
      store.write(List.of(Articles.of("before", "Before", "Stored first.", null)));
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.DB_FILE));
           Statement s = c.createStatement()) {
        s.execute("CREATE TRIGGER poison BEFORE INSERT ON articles WHEN NEW.title = 'POISON'"
            + " BEGIN SELECT RAISE(ABORT, 'poisoned row'); END");
      }
      List<AnalyzedArticle> batch = List.of(Articles.of("x1", "Fine", "One.", null),
          Articles.of("x2", "POISON", "Two.", null), Articles.of("x3", "Fine too", "Three.", null));
      assertThatThrownBy(() -> store.write(batch)).isInstanceOf(StoreException.class)
          .hasMessageContaining("poisoned row");
      assertThat(store.articles().count()).isEqualTo(1);
      assertThat(store.articles().contains("x1")).isFalse();
      assertThat(store.articles().get("before")).isPresent();
    }
  }

  @Test
  void theIndexCatchesUpWithWritesItMissed() {
    try (Store store = Store.open(dir)) {
      store.articles().write(Articles.demo(30)); // database only, as if killed before indexing
      assertThat(store.indexLag()).isEqualTo(30);
      assertThat(store.index().search(SearchQuery.of("Afghanistan")).total()).isZero();
      assertThat(store.catchUpIndex(n -> {})).isEqualTo(30);
      assertThat(store.indexLag()).isZero();
      assertThat(store.index().search(SearchQuery.of("Afghanistan")).total()).isPositive();
    }
    try (Store store = Store.open(dir)) { // the watermark survives a restart
      assertThat(store.indexLag()).isZero();
      assertThat(store.catchUpIndex(n -> {})).isZero();
    }
  }

  @Test
  void aDeletedIndexIsRebuiltWithTheSameResults() throws Exception {
    List<String> queries = List.of("Afghanistan", "Taliban border", "\"drug trafficking\"",
        "refugees OR migrants", "title:Pakistan", "source:\"Tehran Times\"", "opium -heroin", "*");
    List<List<String>> before;
    try (Store store = Store.open(dir)) {
      store.write(Articles.demo(200));
      before = hits(store, queries);
    }
    deleteTree(dir.resolve(Store.INDEX_DIR));
    try (Store store = Store.open(dir)) {
      assertThat(store.indexLag()).isEqualTo(200);
      store.catchUpIndex(n -> {});
      assertThat(hits(store, queries)).isEqualTo(before);
    }
    assertThat(before).allSatisfy(ids -> assertThat(ids).isNotEmpty());
  }

  @Test
  void aSecondProcessOnTheSameDirectorySearchesButLeavesIndexingToTheFirst() {
    try (Store owner = Store.open(dir)) {
      owner.write(List.of(Articles.of("a1", "Drone strike", "A drone struck a convoy.", null)));
      try (Store other = Store.open(dir)) {
        assertThat(other.index().writable()).isFalse();
        assertThat(other.index().search(SearchQuery.of("drone")).total()).isEqualTo(1);
        other.write(List.of(Articles.of("a2", "Second strike", "Another drone attack.", null)));
        assertThat(other.indexLag()).isEqualTo(1);
        owner.catchUpIndex(n -> {});
        assertThat(other.index().search(SearchQuery.of("drone")).total()).isEqualTo(2);
      }
    }
  }

  @Test
  void recordedFailuresAreKeptNewestFirst() {
    try (Store store = Store.open(dir)) {
      store.articles().recordFailures(List.of(
          new dev.vigil.model.Failure("ingest", "a.jsonl", 3, "malformed JSON"),
          new dev.vigil.model.Failure("extract", "b.txt", null, "empty file")));
      assertThat(store.articles().failureCount()).isEqualTo(2);
      assertThat(store.articles().recentFailures(10)).extracting(f -> f.failure().toString())
          .containsExactly("b.txt: empty file", "a.jsonl:3: malformed JSON");
    }
  }

  @Test
  void latestListsNewestFirstByPublicationDateThenIngestion() {
    try (Store store = Store.open(dir)) {
      store.write(List.of(Articles.of("old", "Old", "x.", "2020-01-01"),
          Articles.of("new", "New", "y.", "2025-06-01"), Articles.of("undated", "Undated", "z.", null)));
      assertThat(store.articles().latest(0, 10)).extracting(ArticleSummary::id)
          .containsExactly("undated", "new", "old"); // undated sorts by ingestion time (2026)
    }
  }

  private static List<List<String>> hits(Store store, List<String> queries) {
    return queries.stream().map(q -> store.index()
        .search(new SearchQuery(q, SearchQuery.Order.RELEVANCE, 0, 50, false)).hits().stream()
        .map(SearchResults.Hit::id).toList()).toList();
  }

  static void deleteTree(Path p) throws Exception {
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
