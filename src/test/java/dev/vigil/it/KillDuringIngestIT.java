package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Articles;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.store.SearchQuery;
import dev.vigil.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real {@code vigil ingest} with SIGKILL in the middle of thousands of files, twice, and
 * checks that the store opens, is intact, holds every article that had been reported stored,
 * and that a re-run completes the rest without duplicates.
 */
class KillDuringIngestIT {
  static final int FILES = 600; // each is fully analysed (NER, places, events): ~2 minutes

  @TempDir Path dir;

  @Test
  void aKilledIngestLosesNothingItReportedAndARerunCompletesTheRest() throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    List<AnalyzedArticle> base = Articles.demo(300);
    for (int i = 0; i < FILES; i++) {
      AnalyzedArticle a = base.get(i % base.size());
      Files.writeString(input.resolve(String.format("%05d.txt", i)),
          a.article().title() + "\n\nDispatch marker" + i + ". " + a.article().text());
    }
    Path data = Files.createDirectories(dir.resolve("data"));
    // small batches: many commits, so that the kill lands among them
    Files.writeString(data.resolve("config.yaml"), "ingest:\n  batch-size: 16\n  workers: 2\n");

    Set<String> reported = new HashSet<>();
    for (int kill = 1; kill <= 2; kill++) {
      int before = reported.size();
      try (ChildVigil child = ChildVigil.start("ingest", "--data", data.toString(), "--verbose",
          "--quiet", input.toString())) {
        int target = before + 60;
        assertThat(child.awaitLine(l -> countInserted(child) >= target - before, 600))
            .as("ingest reported %d new articles before the kill; stderr: %s", target - before, child.err)
            .isTrue();
        child.kill();
        reported.addAll(inserted(child.out));
      }
      assertThat(reported.size()).isGreaterThan(before);
      assertThat(reported.size()).as("the kill must land before the end").isLessThan(FILES);
      try (Store store = Store.open(data)) {
        assertThat(store.articles().integrityCheck()).isEqualTo("ok");
        for (String id : reported) {
          assertThat(store.articles().contains(id)).as("reported article %s is stored", id).isTrue();
        }
        store.catchUpIndex(n -> {});
        assertThat(store.index().documentCount()).isEqualTo(store.articles().count());
      }
    }

    try (ChildVigil child = ChildVigil.start("ingest", "--data", data.toString(), "--verbose",
        "--quiet", input.toString())) {
      assertThat(child.waitFor(1200)).as("stderr: %s", child.err).isZero();
      assertThat(child.out).anyMatch(l -> l.startsWith("Stored "));
    }
    try (Store store = Store.open(data)) {
      assertThat(store.articles().count()).isEqualTo(FILES);
      assertThat(store.indexLag()).isZero();
      assertThat(store.index().documentCount()).isEqualTo(FILES);
      assertThat(store.index().search(SearchQuery.of("marker599")).total()).isEqualTo(1);
      assertThat(store.index().search(SearchQuery.of("marker0")).total()).isEqualTo(1);
      assertThat(store.articles().integrityCheck()).isEqualTo("ok");
    }
  }

  private static long countInserted(ChildVigil child) {
    synchronized (child.out) {
      return child.out.stream().filter(l -> l.startsWith("inserted ")).count();
    }
  }

  private static List<String> inserted(List<String> lines) {
    List<String> ids = new ArrayList<>();
    synchronized (lines) {
      for (String l : lines) {
        if (l.startsWith("inserted ")) {
          ids.add(l.split(" ")[1]);
        }
      }
    }
    return ids;
  }
}
