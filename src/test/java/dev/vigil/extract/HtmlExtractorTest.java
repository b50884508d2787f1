package dev.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.TestFiles;
import dev.vigil.model.ExtractedArticle;
import dev.vigil.model.RawDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {
  final HtmlExtractor extractor = new HtmlExtractor(text -> "en");

  static RawDocument page(byte[] html) {
    return new RawDocument("p.html", null, RawDocument.Format.HTML, html, RawDocument.Given.NONE);
  }

  static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  @Test
  void aCapturedNewsPageGivesItsMetadataAndBody() throws Exception {
    ExtractedArticle a = extractor.extract(page(gunzip(TestFiles.bytes(TestFiles.PAGE_SYRIA))));
    assertThat(a.title()).isEqualTo("Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return");
    assertThat(a.url()).isEqualTo("https://www.polygraph.info/a/fact-check-russia-us-al-tanf-rukban/30279001.html");
    assertThat(a.published()).isEqualTo("2019-11-18");
    assertThat(a.text()).contains("Rukban");
    assertThat(a.text()).doesNotContain("document.documentElement"); // scripts are gone
  }

  @Test
  void theSiteNameIsCutFromTheTitleAndJsonLdDatesAreRead() throws Exception {
    String html = "<html><head><title>Clashes at the border | Example News</title>"
        + "<meta property=\"og:site_name\" content=\"Example News\">"
        + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
        + "\"2025-11-19T08:00:00+05:00\",\"author\":{\"name\":\"A. Reporter\"}}</script></head>"
        + "<body><nav><a href=\"/\">Home</a></nav><article><p>Border guards clashed with a group"
        + " of armed men.</p><p>Two were detained.</p></article><footer>(c) 2025</footer></body></html>";
    ExtractedArticle a = extractor.extract(page(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(a.title()).isEqualTo("Clashes at the border");
    assertThat(a.siteName()).isEqualTo("Example News");
    assertThat(a.published()).isEqualTo("2025-11-19T08:00:00+05:00");
    assertThat(a.byline()).isEqualTo("A. Reporter");
    assertThat(a.text()).isEqualTo("Border guards clashed with a group of armed men.\n\nTwo were detained.");
  }

  @Test
  void theDeclaredCharsetIsHonoured() throws Exception {
    String html = "<html><head><meta charset=\"windows-1251\"><title>Новости</title></head>"
        + "<body><p>Пограничники задержали нарушителей границы.</p></body></html>";
    ExtractedArticle a = extractor.extract(page(html.getBytes(Charset.forName("windows-1251"))));
    assertThat(a.title()).isEqualTo("Новости");
    assertThat(a.text()).isEqualTo("Пограничники задержали нарушителей границы.");
  }

  @Test
  void aPageWithoutTextIsNoArticle() {
    assertThatThrownBy(() -> extractor.extract(page("<html><body><script>x()</script></body></html>"
        .getBytes(StandardCharsets.UTF_8)))).hasMessage("no article text in the page");
  }
}
