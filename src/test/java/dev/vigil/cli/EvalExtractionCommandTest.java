package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalExtractionCommandTest {
  @TempDir Path dir;

  @Test
  void shinglesOverlapAsAMultiset() {
    ShingleOverlap same = ShingleOverlap.of("one two three four five", "one two three four five");
    assertThat(same.precision()).isEqualTo(1.0);
    assertThat(same.recall()).isEqualTo(1.0);
    // two shingles expected; three found, of which one is right
    ShingleOverlap s = ShingleOverlap.of("a b c d e", "a b c d x y");
    assertThat(s.precision()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(s.recall()).isCloseTo(1 / 2.0, within(1e-9));
    assertThat(ShingleOverlap.of("a b c d", "").precision()).isZero();
    assertThat(ShingleOverlap.of("a b c d a b c d", "a b c d").recall()).isCloseTo(1 / 5.0, within(1e-9));
  }

  @Test
  void urlDatesAndTheirDayEitherSideInUtc() {
    assertThat(EvalExtractionCommand.urlDate("https://x.com/2019/11/18/a-b/")).isEqualTo("2019-11-18");
    assertThat(EvalExtractionCommand.urlDate("https://x.com/world/2019/nov/18/a")).isEqualTo("2019-11-18");
    assertThat(EvalExtractionCommand.urlDate("https://x.com/2019/11/a.html")).isEqualTo("2019-11");
    assertThat(EvalExtractionCommand.urlDate("https://x.com/news/a-123")).isNull();
    assertThat(EvalExtractionCommand.sameDay("2019-11-19T04:58:46Z", "2019-11-18")).isTrue();
    assertThat(EvalExtractionCommand.sameDay("2019-11-19", "2019-11-18")).isFalse();
    assertThat(EvalExtractionCommand.sameDay("2019-11-02", "2019-11")).isTrue();
  }

  @Test
  void scoresTheCapturedPagesAgainstTheirHandMadeBodies() throws Exception {
    Path html = Files.createDirectories(dir.resolve("html"));
    Files.write(dir.resolve("ground-truth.json"), TestFiles.bytes("/extraction/ground-truth.json"));
    for (String name : new String[] {"gto-normativy-skyrim", "nj-meth-campaign", "morebikes-clymer"}) {
      Files.write(html.resolve(name + ".html.gz"), TestFiles.bytes("/extraction/" + name + ".html.gz"));
    }
    CliTest.Run r = CliTest.vigil("eval", "extraction", "--verbose", dir.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("pages      3").contains("date right 1/1 pages whose URL carries a date");
    double f1 = Double.parseDouble(r.out().replaceAll("(?s).*F1\\s+([0-9.]+).*", "$1"));
    assertThat(f1).isGreaterThan(0.95);
  }
}
