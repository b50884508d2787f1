package dev.vigil.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extractive summaries and titles of stories. */
class StorySummarizerTest {
  static AnalyzedArticle article(String id, String title, String text, String published) {
    return new AnalyzedArticle(new Article(id, null, "Test", title, null, published, "en", text,
        "test:" + id, Instant.parse("2025-11-20T00:00:00Z")), Annotations.empty("en"));
  }

  static String seed(String name) throws Exception {
    return Files.readString(Path.of(StorySummarizerTest.class.getResource("/demo/seeds/" + name).toURI()),
        StandardCharsets.UTF_8);
  }

  static List<AnalyzedArticle> seeds() throws Exception {
    String page = seed("shoigu-tajik-afghan-border-page.txt");
    String title = page.substring(0, page.indexOf('\n')).strip();
    return List.of(
        article("cis", null, seed("shoigu-cis-security-council.txt"), "2025-11-19"),
        article("page", title, page.substring(page.indexOf('\n')).strip(), "2025-11-20"));
  }

  @Test
  void theSeedSummaryHasThreeToFiveSentencesAndNoNearDuplicates() throws Exception {
    List<String> summary = StorySummarizer.summary(seeds());
    assertThat(summary).hasSizeBetween(3, 5);
    for (int i = 0; i < summary.size(); i++) {
      for (int j = i + 1; j < summary.size(); j++) {
        assertThat(StorySummarizer.similarity(summary.get(i), summary.get(j)))
            .as("%s / %s", summary.get(i), summary.get(j)).isLessThan(StorySummarizer.NEAR_DUPLICATE);
      }
    }
    assertThat(String.join(" ", summary)).contains("Shoigu");
  }

  @Test
  void aRepeatedSentenceAppearsOnce() {
    String lead = "Tajik border guards clashed with smugglers near Shuroobod on Tuesday, killing two of them.";
    List<AnalyzedArticle> story = List.of(
        article("a", "Clash on the Tajik-Afghan border", lead + " The guards seized 40 kilograms of"
            + " hashish after the fight. One officer was wounded and taken to hospital in Kulob.", "2025-11-18"),
        article("b", "Two smugglers killed", lead.replace("on Tuesday", "late on Tuesday") + " The"
            + " border service said the group had crossed the Panj river at night. An investigation"
            + " into the crossing has been opened by prosecutors.", "2025-11-19"),
        article("c", "Border clash", "Officials in Khatlon said on Wednesday that the smugglers were"
            + " Afghan nationals armed with rifles. " + lead, "2025-11-20"));
    List<String> summary = StorySummarizer.summary(story);
    assertThat(summary.stream().filter(s -> s.contains("clashed with smugglers near Shuroobod"))).hasSize(1);
    assertThat(summary).hasSizeBetween(3, 5);
  }

  @Test
  void theNewestDevelopmentComesFirst() {
    List<AnalyzedArticle> story = List.of(
        article("old", "Clash", "Tajik border guards clashed with smugglers near Shuroobod on Tuesday night."
            + " Two of the smugglers were killed in the exchange of fire.", "2025-11-18"),
        article("new", "Arrests", "Prosecutors charged three men over the Shuroobod border clash on Friday."
            + " The men are accused of smuggling hashish across the Panj river.", "2025-11-21"));
    List<String> summary = StorySummarizer.summary(story);
    assertThat(summary.get(0)).startsWith("Prosecutors charged three men");
  }

  @Test
  void theTitleIsTheHeadlineThatBestSharesTheStorysWords() throws Exception {
    assertThat(StorySummarizer.title(seeds()))
        .isEqualTo("Russian Security Council Secretary Calls Tajikistan-Afghanistan Border Main"
            + " Security Challenge for CSTO");
  }
}
