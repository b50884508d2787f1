package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.TestFiles;
import dev.vigil.extract.Extractor;
import dev.vigil.ingest.FileSource;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.model.Failure;
import dev.vigil.nlp.CoreNlpAnnotator;
import dev.vigil.store.SearchQuery;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import dev.vigil.store.WriteOutcome;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestPipelineTest {
  static ArticleAnalysis analysis;

  @TempDir Path data;
  @TempDir Path input;

  @BeforeAll
  static void load() {
    OpenNlpLanguageDetector languages = OpenNlpLanguageDetector.load();
    analysis = new ArticleAnalysis(Extractor.standard(languages), new CoreNlpAnnotator(languages),
        null, Clock.systemUTC());
  }

  static IngestPipeline pipeline(Store store) {
    return new IngestPipeline(new FileSource(16L * 1024 * 1024), analysis, store,
        new IngestPipeline.Options(2, 8, Duration.ofMillis(100)));
  }

  static final class Recorder implements IngestListener {
    final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    final List<WriteOutcome> stored = Collections.synchronizedList(new ArrayList<>());
    IngestProgress last;

    @Override
    public void failed(Failure failure) {
      failures.add(failure);
    }

    @Override
    public void stored(List<WriteOutcome> outcomes) {
      stored.addAll(outcomes);
    }

    @Override
    public void progress(IngestProgress progress) {
      last = progress;
    }
  }

  @Test
  void everyBadInputIsReportedAndTheRestOfTheBatchIsStored() throws Exception {
    TestFiles.copy(TestFiles.SEED_CIS, input);
    TestFiles.copy(TestFiles.SEED_BORDER, input);
    TestFiles.copy(TestFiles.PAGE_SYRIA, input);
    Files.createFile(input.resolve("empty.txt"));
    Files.write(input.resolve("latin1.txt"), "Caf\u00e9 news".getBytes(StandardCharsets.ISO_8859_1));
    byte[] noise = new byte[2048];
    new Random(1).nextBytes(noise);
    Files.write(input.resolve("image.txt"), noise);
    try (RandomAccessFile f = new RandomAccessFile(input.resolve("huge.txt").toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024);
    }
    Files.writeString(input.resolve("feed.jsonl"),
        "{\"id\":\"wire-1\",\"title\":\"Wire report\",\"text\":\"Guards detained two smugglers.\"}\n"
            + "{broken\n"
            + "{\"id\":\"wire-2\",\"text\":\"Second wire report about the border.\",\"published\":\"2025-11-20\"}\n");
    Files.createSymbolicLink(input.resolve("dangling.txt"), input.resolve("nowhere.txt"));
    Files.writeString(input.resolve("notes.md"), "ignored kind");

    Recorder rec = new Recorder();
    IngestReport report;
    try (Store store = Store.open(data)) {
      report = pipeline(store).run(List.of(input), rec);
      assertThat(store.articles().count()).isEqualTo(5);
      assertThat(store.index().search(SearchQuery.of("Tajik border")).total()).isEqualTo(2);
      assertThat(store.articles().failureCount()).isEqualTo(6);
      assertThat(store.articles().get("wire-2").orElseThrow().article().published()).isEqualTo("2025-11-20");
    }
    assertThat(report.inserted()).isEqualTo(5);
    assertThat(report.skipped()).isEqualTo(6);
    assertThat(report.ignored()).isEqualTo(1);
    assertThat(rec.failures).extracting(Failure::toString).containsExactlyInAnyOrder(
        input.resolve("dangling.txt") + ": no such file (or a broken link)",
        input.resolve("empty.txt") + ": empty file",
        input.resolve("feed.jsonl") + ":2: malformed JSON: Unexpected character ('b' (code 98)):"
            + " was expecting double-quote to start field name",
        input.resolve("huge.txt") + ": file is 50.0 MB, over the limit of 16.0 MB for one article"
            + " (ingest.max-document-mb)",
        input.resolve("latin1.txt") + ": invalid UTF-8 at byte 3 (re-encode the file as UTF-8)",
        input.resolve("image.txt") + ": binary content (11% control bytes), not text");
    assertThat(rec.last.finished()).isTrue();
    assertThat(rec.last.share()).isEqualTo(1.0);
  }

  @Test
  void ingestingTheSameInputTwiceStoresItOnce() throws Exception {
    TestFiles.copy(TestFiles.SEED_CIS, input);
    TestFiles.copy(TestFiles.SEED_BORDER, input);
    try (Store store = Store.open(data)) {
      IngestReport first = pipeline(store).run(List.of(input), new Recorder());
      StoredArticle before = store.articles().get(ids(store).get(0)).orElseThrow();
      IngestReport second = pipeline(store).run(List.of(input), new Recorder());
      assertThat(first.inserted()).isEqualTo(2);
      assertThat(second.inserted()).isZero();
      assertThat(second.unchanged()).isEqualTo(2);
      assertThat(store.articles().count()).isEqualTo(2);
      assertThat(store.articles().get(before.article().id()).orElseThrow()).isEqualTo(before);
    }
  }

  @Test
  void aBadBatchLeavesWhatWasStoredUntouched() throws Exception {
    TestFiles.copy(TestFiles.SEED_CIS, input);
    try (Store store = Store.open(data)) {
      pipeline(store).run(List.of(input), new Recorder());
      StoredArticle before = store.articles().get(ids(store).get(0)).orElseThrow();
      Path bad = Files.createDirectories(data.resolve("bad"));
      Files.writeString(bad.resolve("x.jsonl"), "not json\n{\"text\": 1}\n");
      Files.createFile(bad.resolve("y.txt"));
      IngestReport report = pipeline(store).run(List.of(bad), new Recorder());
      assertThat(report.skipped()).isEqualTo(3);
      assertThat(store.articles().count()).isEqualTo(1);
      assertThat(store.articles().get(before.article().id()).orElseThrow()).isEqualTo(before);
    }
  }

  @Test
  void storedArticlesCarryStableIdsSourcesAndAnnotations() throws Exception {
    Path seed = TestFiles.copy(TestFiles.SEED_BORDER, input);
    Recorder rec = new Recorder();
    try (Store store = Store.open(data)) {
      new IngestPipeline(new FileSource(1 << 20), new ArticleAnalysis(analysis.extractor(), analysis.annotator(),
          "Seed Desk", Clock.systemUTC()), store, new IngestPipeline.Options(1, 4, Duration.ofMillis(50)))
          .run(List.of(seed), rec);
      StoredArticle a = store.articles().get(rec.stored.get(0).id()).orElseThrow();
      assertThat(a.article().id()).matches("[0-9a-f]{16}");
      assertThat(a.article().source()).isEqualTo("Seed Desk");
      assertThat(a.article().origin()).isEqualTo(seed.toString());
      assertThat(a.annotations().language()).isEqualTo("en");
      assertThat(a.annotations().sentences()).hasSizeGreaterThan(10);
    }
  }

  private static List<String> ids(Store store) {
    return store.articles().latest(0, 100).stream().map(s -> s.id()).toList();
  }
}
