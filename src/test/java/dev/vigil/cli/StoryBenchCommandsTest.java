package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.corpus.CorpusArticle;
import dev.vigil.model.AnalyzedArticle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code vigil eval clustering} with batched arrivals, and the pieces of the story benchmarks. */
class StoryBenchCommandsTest {
  @Test
  void evalClusteringWithBatchedEmbeddingsScoresTheSliceAboveTheFloor() throws Exception {
    Path slice = Path.of(StoryBenchCommandsTest.class.getResource("/stories/uci-news-slice.csv").toURI());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"eval", "clustering", slice.toString(), "--batch", "16"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    assertThat(out).contains("300 headlines, ").contains("ms/headline");
    Matcher f1 = Pattern.compile("B-cubed\\s+P ([0-9.]+)\\s+R ([0-9.]+)\\s+F1 ([0-9.]+)").matcher(out);
    assertThat(f1.find()).as(out).isTrue();
    // one at a time the slice scores 0.850 (StoryClustererTest); batches change vectors slightly
    assertThat(Double.parseDouble(f1.group(3))).isGreaterThanOrEqualTo(0.82);
  }

  @Test
  void tehranTimesIdsAreDatedBetweenTheAnchors() {
    assertThat(BenchStorySizesCommand.timeOf("tt-411090")).isEqualTo(Instant.parse("2017-02-15T12:00:00Z"));
    assertThat(BenchStorySizesCommand.timeOf("tt-456338")).isEqualTo(Instant.parse("2020-12-29T12:00:00Z"));
    Instant between = BenchStorySizesCommand.timeOf("tt-430000");
    assertThat(between).isAfter(Instant.parse("2018-06-01T00:00:00Z")).isBefore(Instant.parse("2019-06-01T00:00:00Z"));
    assertThat(BenchStorySizesCommand.timeOf("tt-486503")).isAfter(BenchStorySizesCommand.timeOf("tt-486502"));
  }

  @Test
  void replicasHaveTheirOwnIdsLaterDatesAndOneSentenceLess() {
    CorpusArticle a = new CorpusArticle("tt-456338", "https://www.tehrantimes.com/news/456338/x",
        "Iran tests first homegrown coronavirus vaccine", "First sentence. Second one! Third? Fourth.",
        "Tehran Times");
    AnalyzedArticle original = StoryLatencyBench.replica(a, 0);
    AnalyzedArticle second = StoryLatencyBench.replica(a, 2);
    assertThat(original.article().id()).isEqualTo("tt-456338");
    assertThat(original.article().text()).isEqualTo(a.text());
    assertThat(second.article().id()).isEqualTo("tt-456338-r2");
    assertThat(second.article().text()).isEqualTo("First sentence. Second one! Fourth.");
    assertThat(second.article().published()).isEqualTo("2021-01-16");
    assertThat(StoryLatencyBench.dropSentence("One sentence only", 3)).isEqualTo("One sentence only (3)");
  }
}
