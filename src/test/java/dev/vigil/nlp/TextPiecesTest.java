package dev.vigil.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPiecesTest {
  @Test
  void piecesCoverTheTextUpToTheLimitAndEndAtParagraphBreaks() {
    String text = ("A sentence here. ".repeat(40) + "\n\n").repeat(50);
    List<int[]> pieces = TextPieces.chunks(text, text.length() - 100, 2000);
    assertThat(pieces.get(0)[0]).isZero();
    for (int i = 1; i < pieces.size(); i++) {
      assertThat(pieces.get(i)[0]).isEqualTo(pieces.get(i - 1)[1]);
      assertThat(text.substring(pieces.get(i)[0] - 2, pieces.get(i)[0])).isEqualTo("\n\n");
    }
    assertThat(pieces.get(pieces.size() - 1)[1]).isEqualTo(text.length() - 100);
    assertThat(pieces).allSatisfy(p -> assertThat(p[1] - p[0]).isBetween(1, 2000));
  }

  @Test
  void textWithoutBreaksIsCutAnyway() {
    String text = "x".repeat(5000);
    assertThat(TextPieces.chunks(text, 5000, 2000)).hasSize(3);
  }

  @Test
  void spotsUtf8ReadAsLatin1() {
    assertThat(TextPieces.looksMisdecoded("Russiaâ€™s â€œdangerâ€ persists, cafÃ© Ã©tÃ©")).isTrue();
    assertThat(TextPieces.looksMisdecoded("Russia’s “danger” persists, café été, Ðoàn")).isFalse();
  }
}
