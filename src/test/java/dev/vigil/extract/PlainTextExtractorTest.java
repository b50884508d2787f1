package dev.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.TestFiles;
import dev.vigil.lang.LanguageDetector;
import dev.vigil.model.ExtractedArticle;
import dev.vigil.model.RawDocument;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainTextExtractorTest {
  static final LanguageDetector ENGLISH = text -> "en";
  final PlainTextExtractor extractor = new PlainTextExtractor(ENGLISH);

  static RawDocument doc(byte[] content, String title) {
    return new RawDocument("t.txt", null, RawDocument.Format.TEXT, content,
        new RawDocument.Given(null, null, title, null, null));
  }

  static RawDocument doc(String text) {
    return doc(text.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void aShortFirstLineThatDoesNotEndLikeASentenceIsTheHeadline() throws Exception {
    ExtractedArticle a = extractor.extract(doc(TestFiles.bytes(TestFiles.SEED_BORDER), null));
    assertThat(a.title()).isEqualTo("Russian Security Council Secretary Calls Tajikistan-Afghanistan"
        + " Border Main Security Challenge for CSTO");
    assertThat(a.text()).startsWith("Sergei Shoigu, secretary of Russia's Security Council,");
    assertThat(a.language()).isEqualTo("en");
  }

  @Test
  void aLeadParagraphIsNotTakenForAHeadline() throws Exception {
    ExtractedArticle a = extractor.extract(doc(TestFiles.bytes(TestFiles.SEED_CIS), null));
    assertThat(a.title()).isNull();
    assertThat(a.text()).startsWith("Russia on Wednesday sounded the alarm");
    assertThat(a.text().split("\n\n")).hasSize(7); // one paragraph per line of the file
  }

  @Test
  void aGivenTitleWins() throws Exception {
    ExtractedArticle a = extractor.extract(doc("Short line\nBody text here.".getBytes(StandardCharsets.UTF_8), "Given"));
    assertThat(a.title()).isEqualTo("Given");
    assertThat(a.text()).isEqualTo("Short line\n\nBody text here.");
  }

  @Test
  void hardWrappedParagraphsAreJoined() throws Exception {
    String wrapped = "Headline of the day\n\n"
        + "Border guards reported that a group of armed men\n"
        + "tried to cross the river near the village in the\n"
        + "early hours of Tuesday, officials said on Wednesday.\n\n"
        + "A second paragraph follows.";
    ExtractedArticle a = extractor.extract(doc(wrapped));
    assertThat(a.title()).isEqualTo("Headline of the day");
    assertThat(a.text()).isEqualTo("Border guards reported that a group of armed men tried to cross"
        + " the river near the village in the early hours of Tuesday, officials said on Wednesday."
        + "\n\nA second paragraph follows.");
  }

  @Test
  void invalidUtf8IsReportedWithTheOffsetOfTheBadByte() {
    byte[] latin1 = "Caf\u00e9 society".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> extractor.extract(doc(latin1, null)))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("invalid UTF-8 at byte 3 (re-encode the file as UTF-8)");
  }

  @Test
  void binaryContentIsRefused() {
    byte[] random = new byte[4096];
    new Random(7).nextBytes(random);
    assertThatThrownBy(() -> extractor.extract(doc(random, null)))
        .isInstanceOf(ExtractionException.class).hasMessageContaining("binary content");
    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    assertThatThrownBy(() -> extractor.extract(doc(elf, null)))
        .hasMessageContaining("NUL bytes");
  }

  @Test
  void aStrayNulInRealTextIsDroppedNotFatal() throws Exception {
    String text = "A long enough article text. ".repeat(20) + "\u0000" + "The end.";
    ExtractedArticle a = extractor.extract(doc(text));
    assertThat(a.text()).doesNotContain("\u0000").endsWith("The end.");
  }

  @Test
  void whitespaceOnlyIsNoArticle() {
    assertThatThrownBy(() -> extractor.extract(doc(" \n\t\n  ")))
        .hasMessage("no text (only whitespace)");
  }

  @Test
  void aByteOrderMarkAndWindowsLineBreaksAreNormalised() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "Title line\r\n\r\nFirst para.\r\nSecond para.".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    ExtractedArticle a = extractor.extract(doc(all, null));
    assertThat(a.title()).isEqualTo("Title line");
    assertThat(a.text()).isEqualTo("First para.\n\nSecond para.");
  }
}
