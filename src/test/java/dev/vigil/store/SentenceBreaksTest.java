package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {
  // the lead of a seed report, with a quote, an abbreviation and a paragraph break
  static final String TEXT = "Shoigu said the danger persists. \"Fighters cross the border,\" he added! "
      + "Officials, e.g. border guards, were not told.\nThe CSTO will meet in Moscow? Yes. U.S. officials";

  static List<Integer> all(BreakIterator it) {
    List<Integer> out = new ArrayList<>();
    for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
      out.add(b);
    }
    return out;
  }

  @Test
  void breaksAfterSentencesAndParagraphsButNotBeforeLowerCase() {
    SentenceBreaks it = new SentenceBreaks();
    it.setText(TEXT);
    List<String> sentences = new ArrayList<>();
    List<Integer> b = all(it);
    for (int i = 1; i < b.size(); i++) {
      sentences.add(TEXT.substring(b.get(i - 1), b.get(i)).strip());
    }
    assertThat(sentences).containsExactly("Shoigu said the danger persists.",
        "\"Fighters cross the border,\" he added!", "Officials, e.g. border guards, were not told.",
        "The CSTO will meet in Moscow?", "Yes.", "U.S. officials");
  }

  @Test
  void followsTheBreakIteratorContract() {
    SentenceBreaks it = new SentenceBreaks();
    it.setText(TEXT);
    List<Integer> b = all(it);
    assertThat(b.get(0)).isZero();
    assertThat(b.get(b.size() - 1)).isEqualTo(TEXT.length());
    assertThat(it.following(0)).isEqualTo(b.get(1));
    assertThat(it.current()).isEqualTo(b.get(1));
    assertThat(it.following(b.get(1))).isEqualTo(b.get(2)); // strictly after
    assertThat(it.following(TEXT.length())).isEqualTo(BreakIterator.DONE);
    assertThat(it.preceding(b.get(2))).isEqualTo(b.get(1)); // strictly before
    assertThat(it.preceding(b.get(2) + 3)).isEqualTo(b.get(2));
    assertThat(it.preceding(0)).isEqualTo(BreakIterator.DONE);
    assertThat(it.isBoundary(b.get(3))).isTrue();
    assertThat(it.isBoundary(b.get(3) + 1)).isFalse();
    assertThat(it.last()).isEqualTo(TEXT.length());
    assertThat(it.previous()).isEqualTo(b.get(b.size() - 2));
    assertThat(it.next(-100)).isEqualTo(BreakIterator.DONE);
    assertThatThrownBy(() -> it.following(TEXT.length() + 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void offsetsAreThoseOfAWindowIntoALongerText() {
    int from = TEXT.indexOf("Officials");
    int to = TEXT.indexOf("Yes.");
    SentenceBreaks it = new SentenceBreaks();
    it.setText(new StringCharacterIterator(TEXT, from, to, from));
    assertThat(all(it)).containsExactly(from, TEXT.indexOf("The CSTO"), to);
    assertThat(it.following(from + 5)).isEqualTo(TEXT.indexOf("The CSTO"));
    assertThatThrownBy(() -> it.preceding(from - 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyAndUnpunctuatedTextsHaveOnlyTheirEnds() {
    SentenceBreaks it = new SentenceBreaks();
    it.setText("");
    assertThat(all(it)).containsExactly(0);
    it.setText("no full stop at all");
    assertThat(all(it)).containsExactly(0, 19);
  }
}
