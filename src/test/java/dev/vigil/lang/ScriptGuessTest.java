package dev.vigil.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptGuessTest {
  @Test
  void scriptsOfOneLanguage() {
    assertThat(ScriptGuess.of("阿富汗边境")).isEqualTo("zh");
    assertThat(ScriptGuess.of("アフガニスタン国境")).isEqualTo("ja");
    assertThat(ScriptGuess.of("아프가니스탄 국경")).isEqualTo("ko");
  }

  @Test
  void lettersThatOneLanguageAddsToItsAlphabet() {
    assertThat(ScriptGuess.of("Сарҳади Тоҷикистон")).isEqualTo("tg");
    assertThat(ScriptGuess.of("د افغانستان پوله ټوله")).isEqualTo("ps");
    assertThat(ScriptGuess.of("افغانستان کی سرحد پر ہے")).isEqualTo("ur");
    assertThat(ScriptGuess.of("مرز افغانستان و پاکستان")).isEqualTo("fa");
  }

  @Test
  void sharedAlphabetsAloneDoNotTell() {
    assertThat(ScriptGuess.of("Граница с Афганистаном")).isEqualTo(LanguageDetector.UNDETERMINED);
    assertThat(ScriptGuess.of("الحدود مع أفغانستان")).isEqualTo(LanguageDetector.UNDETERMINED);
    assertThat(ScriptGuess.of("Kabul")).isEqualTo(LanguageDetector.UNDETERMINED);
    assertThat(ScriptGuess.of("12 34")).isEqualTo(LanguageDetector.UNDETERMINED);
  }
}
