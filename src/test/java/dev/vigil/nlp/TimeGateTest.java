package dev.vigil.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeGateTest {
  private static boolean passes(String sentence) {
    List<String> words = Arrays.asList(sentence.split(" "));
    return TimeGate.mayHoldTimeOrNumber(words, Collections.nCopies(words.size(), "NN"));
  }

  @Test
  void sentencesWithTimesOrNumbersPass() {
    assertThat(passes("Border guards clashed with militants on Wednesday .")).isTrue();
    assertThat(passes("The talks resumed in mid-June .")).isTrue();
    assertThat(passes("A two-year deal was signed .")).isTrue();
    assertThat(passes("He arrived last Sept. with aides .")).isTrue();
    assertThat(passes("Some 1,200 troops were sent .")).isTrue();
    assertThat(passes("It happened decades ago .")).isTrue();
    assertThat(passes("Dozens of people were hurt .")).isTrue();
    assertThat(passes("He is the third envoy to visit .")).isTrue();
    assertThat(passes("Talks will go on tonight .")).isTrue();
  }

  @Test
  void sentencesWithoutThemDoNot() {
    assertThat(passes("Iran 's foreign minister met his Russian counterpart in Moscow .")).isFalse();
    assertThat(passes("The Taliban denied the claims , insisting the border was calm .")).isFalse();
  }

  @Test
  void aNumberTagPassesWhateverTheWord() {
    assertThat(TimeGate.mayHoldTimeOrNumber(List.of("He", "counted", "XLV"), List.of("PRP", "VBD", "CD")))
        .isTrue();
  }
}
