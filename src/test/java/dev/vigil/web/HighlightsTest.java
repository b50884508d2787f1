package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Articles;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.EntityMention;
import dev.vigil.model.TimeMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {
  @Test
  void placesAndEventsAreMarkedWhereTheyAreInTheText() {
    AnalyzedArticle a = Articles.placed("x");
    List<List<Highlights.Chunk>> paragraphs = Highlights.of(a.article().text(), a.annotations());
    assertThat(paragraphs).hasSize(1);
    Highlights.Chunk sentence = paragraphs.get(0).get(0);
    assertThat(sentence.events()).containsExactly("armed clash");
    assertThat(sentence.segments()).extracting(Highlights.Segment::kind)
        .containsExactly(null, "place", null, "place", null);
    Highlights.Segment khatlon = sentence.segments().get(1);
    assertThat(khatlon.text()).isEqualTo("Khatlon");
    assertThat(khatlon.title()).isEqualTo("Khatlon Region (admin1, TJ, 37.90, 69.00, ±80 km)");
    String rebuilt = sentence.segments().stream().map(Highlights.Segment::text).reduce("", String::concat);
    assertThat(rebuilt).isEqualTo(a.article().text());
  }

  @Test
  void overlappingSpansKeepTheBetterKindAndParagraphsStayApart() {
    String text = "Sergei Shoigu spoke in Moscow.\n\nOn Wednesday he left.";
    Annotations ann = new Annotations("en", List.of(),
        List.of(new EntityMention("Sergei Shoigu", "PERSON", "kb:1", "Sergei Shoigu", 0, 13),
            new EntityMention("Moscow", "LOCATION", null, null, 23, 29)),
        List.of(), List.of(new TimeMention("Wednesday", "2025-11-19", 35, 44),
            new TimeMention("On Wednesday he", null, 32, 47)),
        List.of(), List.of(), List.of());
    List<List<Highlights.Chunk>> paragraphs = Highlights.of(text, ann);
    assertThat(paragraphs).hasSize(2);
    assertThat(paragraphs.get(0).get(0).segments()).extracting(Highlights.Segment::kind)
        .containsExactly("person", null, "place", null);
    assertThat(paragraphs.get(0).get(0).segments().get(0).title()).isEqualTo("person: Sergei Shoigu");
    // the two time spans overlap: the first one (by start) is kept
    assertThat(paragraphs.get(1).get(0).segments()).extracting(Highlights.Segment::text)
        .containsExactly("On Wednesday he", " left.");
  }
}
