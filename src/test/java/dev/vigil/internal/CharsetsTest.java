package dev.vigil.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CharsetsTest {
  static final String RUSSIAN = "<p>Пограничники задержали группу нарушителей на реке Пяндж.</p>";

  @Test
  void validUtf8WinsOverAWrongDeclaration() {
    byte[] page = ("<meta charset=\"windows-1251\">" + RUSSIAN).getBytes(StandardCharsets.UTF_8);
    assertThat(Charsets.detect(page)).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void aPageCutInTheMiddleOfACharacterIsStillUtf8() {
    byte[] page = RUSSIAN.getBytes(StandardCharsets.UTF_8);
    byte[] cut = Arrays.copyOf(page, 12); // "<p>" and four and a half Cyrillic letters
    assertThat(Charsets.detect(cut)).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void koi8AndWindows1251AreToldApartByTheirCases() {
    assertThat(Charsets.detect(RUSSIAN.getBytes(Charset.forName("KOI8-R")))).isEqualTo(Charset.forName("KOI8-R"));
    assertThat(Charsets.detect(RUSSIAN.getBytes(Charset.forName("windows-1251"))))
        .isEqualTo(Charset.forName("windows-1251"));
  }

  @Test
  void aCorrectLatinDeclarationIsKept() {
    byte[] page = "<meta charset=\"iso-8859-1\"><p>Le café où l'on a arrêté les passeurs.</p>"
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Charsets.decode(page)).contains("Le café où l'on a arrêté les passeurs.");
  }

  @Test
  void aByteOrderMarkDecidesAndIsDropped() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'p', '>'};
    assertThat(Charsets.decode(bom)).isEqualTo("<p>");
  }
}
