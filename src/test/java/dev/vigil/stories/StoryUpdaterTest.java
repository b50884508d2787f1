package dev.vigil.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Articles;
import dev.vigil.extract.Extractor;
import dev.vigil.ingest.FileSource;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.model.Annotations;
import dev.vigil.model.TaggedText;
import dev.vigil.pipeline.ArticleAnalysis;
import dev.vigil.pipeline.IngestListener;
import dev.vigil.pipeline.IngestPipeline;
import dev.vigil.store.Store;
import dev.vigil.store.StoryRow;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stories assigned as articles are stored: through the real store, index and ingest path. */
class StoryUpdaterTest {
  static OpenNlpLanguageDetector languages;

  @TempDir Path data;

  @BeforeAll
  static void load() {
    languages = OpenNlpLanguageDetector.load();
  }

  /** Extraction as in production; the annotator only sets the language (stories need no NER). */
  private static ArticleAnalysis analysis() {
    return new ArticleAnalysis(Extractor.standard(languages),
        (text, language, published) -> new TaggedText(text, published, Annotations.empty(language), List.of()),
        null, Clock.systemUTC());
  }

  private static Path seeds() throws URISyntaxException {
    return Path.of(StoryUpdaterTest.class.getResource("/demo/seeds").toURI());
  }

  @Test
  void theTwoSeedReportsBecomeOneStoryAmongTheDemoCorpus() throws Exception {
    try (Store store = Store.open(data)) {
      store.write(Articles.demo(150));
      StoryUpdater.standard().catchUp(store);
      new IngestPipeline(new FileSource(16L * 1024 * 1024), analysis(), store,
          new IngestPipeline.Options(1, 8, Duration.ofMillis(100)))
          .run(List.of(seeds()), new IngestListener() {});

      List<String> seedIds = store.articles().latest(0, 200).stream()
          .filter(a -> a.title() != null && (a.title().contains("Shoigu") || a.title().contains("Russia")))
          .filter(a -> a.source() == null || !a.source().contains("Tehran"))
          .map(a -> a.id()).toList();
      assertThat(seedIds).hasSize(2);
      Long first = store.stories().storyOf(seedIds.get(0)).orElseThrow();
      Long second = store.stories().storyOf(seedIds.get(1)).orElseThrow();
      assertThat(first).isEqualTo(second);
      assertThat(store.stories().articlesOf(first)).containsAll(seedIds);
      assertThat(store.stories().assignedUpTo()).isEqualTo(store.articles().lastChange());
    }
  }

  @Test
  void catchingUpTwiceAssignsNothingTwice() {
    try (Store store = Store.open(data)) {
      store.write(Articles.demo(40));
      StoryUpdater updater = StoryUpdater.standard();
      assertThat(updater.catchUp(store)).isEqualTo(40);
      assertThat(updater.catchUp(store)).isZero();
      int stored = store.stories().stories(1).stream().mapToInt(StoryRow::size).sum();
      assertThat(stored).isEqualTo(40);
    }
  }
}
