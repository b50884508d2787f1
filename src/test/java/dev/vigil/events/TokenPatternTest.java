package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPatternTest {
  /** Tokens of "word/lemma/POS" items, one character apart. */
  static List<Token> tokens(String... items) {
    List<Token> tokens = new ArrayList<>();
    int at = 0;
    for (String item : items) {
      String[] p = item.split("/");
      tokens.add(new Token(p[0], p[1], p[2], "O", at, at + p[0].length()));
      at += p[0].length() + 1;
    }
    return tokens;
  }

  @Test
  void alternativesMatchWordOrLemma() {
    TokenPattern p = TokenPattern.parse("suicide bomber|bombing");
    List<Token> t = tokens("a/a/DT", "suicide/suicide/NN", "bombings/bombing/NNS");
    assertThat(p.matchAt(t, 0)).isNull();
    assertThat(p.matchAt(t, 1)).isEqualTo(new TokenPattern.Match(1, 3, 1));
  }

  @Test
  void aGapSkipsAtMostFourTokensAndTheHeadIsMarked() {
    TokenPattern p = TokenPattern.parse("claim ... @responsibility");
    List<Token> near = tokens("claimed/claim/VBD", "the/the/DT", "responsibility/responsibility/NN");
    assertThat(p.matchAt(near, 0)).isEqualTo(new TokenPattern.Match(0, 3, 2));
    List<Token> far = tokens("claimed/claim/VBD", "a/a/DT", "b/b/DT", "c/c/DT", "d/d/DT", "e/e/DT",
        "responsibility/responsibility/NN");
    assertThat(p.matchAt(far, 0)).isNull();
  }

  @Test
  void aGapNeverCrossesAClause() {
    TokenPattern p = TokenPattern.parse("claim ... responsibility");
    List<Token> t = tokens("claimed/claim/VBD", ";/;/:", "responsibility/responsibility/NN");
    assertThat(p.matchAt(t, 0)).isNull();
  }

  @Test
  void malformedPatternsAreRejectedWithThePattern() {
    assertThatThrownBy(() -> TokenPattern.parse("... attack")).hasMessageContaining("... attack");
    assertThatThrownBy(() -> TokenPattern.parse("attack ...")).hasMessageContaining("attack ...");
    assertThatThrownBy(() -> TokenPattern.parse("attack|")).hasMessageContaining("attack|");
  }
}
