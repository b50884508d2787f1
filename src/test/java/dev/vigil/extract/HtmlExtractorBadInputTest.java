package dev.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.TestFiles;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.model.ExtractedArticle;
import dev.vigil.model.RawDocument;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages that are broken, mislabelled, empty or not HTML: no crash, a reason, no invented text. */
class HtmlExtractorBadInputTest {
  static HtmlExtractor extractor;

  @BeforeAll
  static void load() {
    extractor = new HtmlExtractor(OpenNlpLanguageDetector.load());
  }

  static ExtractedArticle extract(byte[] html) throws ExtractionException {
    return extractor.extract(HtmlExtractorTest.page(html));
  }

  static byte[] bad(String name) {
    return TestFiles.bytes("/extraction/bad/" + name);
  }

  @Test
  void aTruncatedPageGivesTheArticleUpToTheCut() throws Exception {
    byte[] whole = HtmlExtractorTest.gunzip(TestFiles.bytes("/extraction/nbcnews-omar.html.gz"));
    String html = new String(whole, StandardCharsets.UTF_8);
    int cut = html.indexOf("I'll put a bullet in her") + 10; // in the middle of a paragraph
    assertThat(cut).isGreaterThan(10);
    ExtractedArticle a = extract(Arrays.copyOf(whole, html.substring(0, cut).getBytes(StandardCharsets.UTF_8).length));
    assertThat(a.title()).isEqualTo("New York man pleads guilty to threatening to kill Rep. Ilhan Omar");
    assertThat(a.text()).startsWith("A New York man pleaded guilty Monday").endsWith("\"I'll put a");
  }

  @Test
  void aRussianPageInWindows1251DeclaredAsLatin1IsReadAsCyrillic() throws Exception {
    ExtractedArticle a = extract(bad("cp1251-declared-latin1.html"));
    assertThat(a.title()).isEqualTo("Пограничники задержали нарушителей");
    assertThat(a.text()).startsWith("Пограничники Таджикистана задержали группу нарушителей");
    assertThat(a.language()).isEqualTo("ru");
  }

  @Test
  void aRussianPageInWindows1251WithoutDeclarationIsReadAsCyrillic() throws Exception {
    ExtractedArticle a = extract(bad("cp1251-undeclared.html"));
    assertThat(a.text()).endsWith("в Хатлонской области с начала месяца.");
    assertThat(a.language()).isEqualTo("ru");
  }

  @Test
  void aPersianPageInWindows1256WithoutDeclarationIsReadAsArabicScript() throws Exception {
    ExtractedArticle a = extract(bad("cp1256-undeclared.html"));
    assertThat(a.title()).isEqualTo("کشف محموله مواد مخدر در مرز");
    assertThat(a.text()).startsWith("نيروهاي مرزباني ايران"); // windows-1256 writes ی as ي
    assertThat(a.language()).isEqualTo("fa");
  }

  @Test
  void anArabicPageInWindows1256DeclaredAsUtf8IsReadAsArabic() throws Exception {
    ExtractedArticle a = extract(bad("cp1256-declared-utf8.html"));
    assertThat(a.title()).isEqualTo("اعتقال مهربين على الحدود");
    assertThat(a.text()).startsWith("أعلنت وزارة الداخلية");
    assertThat(a.language()).isEqualTo("ar");
  }

  @Test
  void aPageThatIsOnlyAPaywallHasItsMetadataAndNoBody() throws Exception {
    ExtractedArticle a = extract(bad("paywall-only.html"));
    assertThat(a.title()).isEqualTo("Inside the smuggling routes of the Pamirs");
    assertThat(a.published()).isEqualTo("2025-11-18T06:00:00Z");
    assertThat(a.text()).isEmpty();
  }

  @Test
  void aPageOfNavigationAndACookieBannerHasNoBody() throws Exception {
    ExtractedArticle a = extract(bad("navigation-only.html"));
    assertThat(a.title()).isEqualTo("World news");
    assertThat(a.text()).isEmpty();
  }

  @Test
  void anEmptyPageIsNoArticle() {
    assertThatThrownBy(() -> extract(new byte[0]))
        .isInstanceOf(ExtractionException.class).hasMessage("empty page (0 bytes)");
    assertThatThrownBy(() -> extract("<html><head></head><body>\n</body></html>".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("no article text in the page");
  }

  @Test
  void twentyMegabytesOfNestedDivsNeitherOverflowTheStackNorHang() throws Exception {
    StringBuilder html = new StringBuilder("<html><head><title>Deep</title></head><body><p>"
        + "A first paragraph that is long enough to be the article, before the nesting.</p>");
    while (html.length() < 20 * 1024 * 1024) {
      html.append("<div><span>x</span>");
    }
    ExtractedArticle a = extract(html.toString().getBytes(StandardCharsets.US_ASCII));
    assertThat(a.text()).startsWith("A first paragraph that is long enough to be the article");
  }

  @Test
  void nestedDivsWithoutTextSayThatOnlyTheBeginningWasRead() {
    String html = "<html><body>" + "<div>".repeat(600_000);
    assertThatThrownBy(() -> extract(html.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("no article text in the first 2000000 characters");
  }

  @Test
  void aBinaryFileIsRefusedWithTheReason() {
    byte[] random = new byte[8192];
    new Random(11).nextBytes(random);
    assertThatThrownBy(() -> extract(random))
        .isInstanceOf(ExtractionException.class).hasMessageContaining("binary content");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
    assertThatThrownBy(() -> extract(png)).hasMessageContaining("NUL bytes");
  }
}
