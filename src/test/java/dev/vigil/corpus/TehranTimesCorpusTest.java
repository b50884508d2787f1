package dev.vigil.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TehranTimesCorpusTest {
  static final String LICENCE =
      "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.";

  @Test
  void theRepeatedTailsBecomeParagraphBreaks() {
    String raw = "First paragraph here. Second paragraph here. Third one.\n"
        + "                  Second paragraph here. Third one.\n"
        + "                  Third one.\n"
        + "                 " + LICENCE + "\n";
    assertThat(TehranTimesCorpus.clean(raw))
        .isEqualTo("First paragraph here.\n\nSecond paragraph here.\n\nThird one.");
  }

  @Test
  void oneLineFilesSplitAtNoBreakSpaceGapsAndLoseTheLicence() {
    String raw = "TEHRAN - Lead sentence.\u00a0 \u00a0Next paragraph.   Third.\u00a0 \u00a0 " + LICENCE;
    assertThat(TehranTimesCorpus.clean(raw))
        .isEqualTo("TEHRAN - Lead sentence.\n\nNext paragraph.\n\nThird.");
  }

  @Test
  void titlesAreRebuiltFromSlugs() {
    assertThat(TehranTimesCorpus.titleFromSlug("75-000-Afghan-refugees-return-home"))
        .isEqualTo("75,000 Afghan refugees return home");
    assertThat(TehranTimesCorpus.titleFromSlug("Iran-s-envoy-meets-U-S-officials"))
        .isEqualTo("Iran's envoy meets U.S. officials");
  }

  @Test
  void theDemoSelectionPrefersRegionalSecurity() {
    CorpusArticle relevant = new CorpusArticle("tt-1", null, "Taliban attack near Tajik border",
        "Militants attacked a border post near the Tajik border in Badakhshan; smugglers fled. ".repeat(10), "TT");
    CorpusArticle offTopic = new CorpusArticle("tt-2", null, "Oil prices rise",
        "Oil prices rose on Monday as markets reacted to the summit of producers. ".repeat(10), "TT");
    assertThat(DemoCorpus.score(relevant)).isPositive();
    assertThat(DemoCorpus.score(offTopic)).isZero();
    assertThat(DemoCorpus.select(java.util.List.of(offTopic, relevant), 5)).containsExactly(relevant);
  }
}
