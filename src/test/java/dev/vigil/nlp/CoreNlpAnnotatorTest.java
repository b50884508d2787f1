package dev.vigil.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.TestFiles;
import dev.vigil.model.Annotations;
import dev.vigil.model.Sentence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CoreNlpAnnotatorTest {
  static Annotator annotator;

  @BeforeAll
  static void load() {
    annotator = new CoreNlpAnnotator(text -> "en");
  }

  @Test
  void splitsTheSeedIntoSentencesWithExactOffsets() {
    String text = TestFiles.text(TestFiles.SEED_CIS).strip();
    Annotations a = annotator.annotate(text, null, null);
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.sentences()).hasSize(10); // counted by hand
    Sentence first = a.sentences().get(0);
    assertThat(text.substring(first.start(), first.end()))
        .startsWith("Russia on Wednesday sounded the alarm").endsWith("wider region.");
    assertThat(a.sentences()).allSatisfy(s -> {
      String sentence = text.substring(s.start(), s.end());
      assertThat(sentence).isEqualTo(sentence.strip()).isNotEmpty();
    });
    for (int i = 1; i < a.sentences().size(); i++) {
      assertThat(a.sentences().get(i).start()).isGreaterThanOrEqualTo(a.sentences().get(i - 1).end());
    }
  }

  @Test
  void aParagraphBreakAlwaysEndsASentence() {
    String text = "Headline without a full stop\n\nThe body starts here. It goes on.";
    assertThat(annotator.annotate(text, "en", null).sentences()).hasSize(3);
  }

  @Test
  void emptyTextHasNoSentencesButKeepsItsLanguage() {
    Annotations a = annotator.annotate("  ", "ru", null);
    assertThat(a.sentences()).isEmpty();
    assertThat(a.language()).isEqualTo("ru");
    assertThat(a.entities()).isEmpty();
  }
}
