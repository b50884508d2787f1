package dev.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.TestFiles;
import dev.vigil.lang.LanguageDetector;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.model.ExtractedArticle;
import dev.vigil.model.RawDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Captured pages from the Scrapinghub article-extraction benchmark (see NOTICE): each asserts
 * the metadata, where the body starts and ends, and that the page's furniture is not in it.
 */
class HtmlExtractorTest {
  static LanguageDetector languages;
  static HtmlExtractor extractor;

  @BeforeAll
  static void load() {
    languages = OpenNlpLanguageDetector.load();
    extractor = new HtmlExtractor(languages);
  }

  static RawDocument page(byte[] html) {
    return new RawDocument("p.html", null, RawDocument.Format.HTML, html, RawDocument.Given.NONE);
  }

  static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  static ExtractedArticle fixture(String name) throws Exception {
    return extractor.extract(page(gunzip(TestFiles.bytes("/extraction/" + name + ".html.gz"))));
  }

  static List<String> paragraphs(ExtractedArticle a) {
    return List.of(a.text().split("\n\n"));
  }

  @Test
  void aCapturedNewsPageGivesItsMetadataAndBody() throws Exception {
    ExtractedArticle a = extractor.extract(page(gunzip(TestFiles.bytes(TestFiles.PAGE_SYRIA))));
    assertThat(a.title()).isEqualTo("Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return");
    assertThat(a.url()).isEqualTo("https://www.polygraph.info/a/fact-check-russia-us-al-tanf-rukban/30279001.html");
    assertThat(a.published()).isEqualTo("2019-11-18");
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.text()).contains("Rukban").doesNotContain("document.documentElement");
  }

  @Test
  void newsPageWithNewsletterBoxesAndEmbeddedTweets() throws Exception {
    ExtractedArticle a = fixture("nj-meth-campaign");
    assertThat(a.title()).isEqualTo("South Dakota doubles down on ‘Meth. We’re on it.’ They just might be.");
    assertThat(a.published()).isEqualTo("2019-11-19T01:19:34Z");
    assertThat(a.modified()).isEqualTo("2019-11-19T14:41:32Z");
    assertThat(a.byline()).startsWith("Amy Kuperinsky");
    assertThat(a.canonicalUrl()).isEqualTo(
        "https://www.nj.com/entertainment/2019/11/florida-man-exists-south-dakota-hold-my-beer-meth-were-on-it.html");
    assertThat(a.image()).startsWith("https://www.nj.com/resizer/");
    assertThat(paragraphs(a).get(0)).isEqualTo("Remember New Jersey’s epic quest to find a state slogan?");
    assertThat(a.text()).contains("— Dianna E. Anderson") // the tweets the article quotes are body
        .doesNotContain("Subscribe to NJ.com’s newsletters").doesNotContain("Have a tip?");
    assertThat(paragraphs(a).get(paragraphs(a).size() - 1)).isEqualTo("— Cooper Lund (@cooperlund) November 18, 2019");
  }

  @Test
  void reviewWithAdvertLabelsAndASubscriptionOffer() throws Exception {
    ExtractedArticle a = fixture("morebikes-clymer");
    assertThat(a.title()).isEqualTo("Clymer workshop manual review");
    assertThat(a.published()).isEqualTo("2014-06-13T11:43:38+01:00");
    assertThat(a.byline()).isEqualTo("Tony Carter");
    assertThat(a.siteName()).isEqualTo("MoreBikes");
    assertThat(a.text()).startsWith("Tested by: John Milbank RRP: £23.99")
        .endsWith("even with a simple oil-change).")
        .doesNotContain("Advert").doesNotContain("12 issues for £11.99").doesNotContain("Tell us what YOU think");
  }

  @Test
  void wireStoryWithoutItsCaptionsOrSharing() throws Exception {
    ExtractedArticle a = fixture("sciencealert-titan");
    assertThat(a.title()).isEqualTo("The First Map of Saturn's Moon Titan Just Revealed Some Tantalising Features");
    assertThat(a.published()).isEqualTo("2019-11-19");
    assertThat(a.text()).startsWith("WASHINGTON (Reuters) - Scientists on Monday unveiled the first global geological map")
        .endsWith("(Reporting by Will Dunham; Editing by Tom Brown)");
    assertThat(paragraphs(a)).hasSize(15);
  }

  @Test
  void newsPageOfABroadcaster() throws Exception {
    ExtractedArticle a = fixture("nbcnews-omar");
    assertThat(a.title()).isEqualTo("New York man pleads guilty to threatening to kill Rep. Ilhan Omar");
    assertThat(a.published()).isEqualTo("2019-11-19T08:41:00Z");
    assertThat(a.byline()).isEqualTo("Phil Helsel");
    assertThat(a.text()).startsWith("A New York man pleaded guilty Monday to threatening to kill U.S. Rep. Ilhan Omar")
        .endsWith("not commit felony crimes.\"")
        .doesNotContain("Sign up").doesNotContain("Advertisement");
  }

  @Test
  void theDatelineStandingAsABlockIsNotBody() throws Exception {
    ExtractedArticle a = fixture("panarmenian-iran");
    assertThat(a.title()).isEqualTo("Amnesty. More than 100 protesters killed in Iran unrest");
    assertThat(a.published()).isEqualTo("2019-11-20"); // from the visible date: the page has no metadata
    assertThat(a.text()).startsWith("PanARMENIAN.Net - Verified video footage")
        .doesNotContain("11:28 AMT");
  }

  @Test
  void russianPageInAWordPressTheme() throws Exception {
    ExtractedArticle a = fixture("gto-normativy-skyrim");
    assertThat(a.title()).isEqualTo("Скайрим (skyrim) скорость бега как увеличить");
    assertThat(a.published()).isEqualTo("2018-10-03");
    assertThat(a.language()).isEqualTo("ru");
    assertThat(a.text()).startsWith("Характеристики бега можно увеличить за счет кодов")
        .endsWith("поэтому каждый раз стоит обновлять.");
  }

  // The article's text stands straight in a div between <br>s, after a <nav> the page never closes.
  @Test
  void textOutsideParagraphsOnAPageWithAnUnclosedNav() throws Exception {
    ExtractedArticle a = fixture("jaraguadosul-sad");
    assertThat(a.title()).isEqualTo("Atendimento Domiciliar registra arrombamento em veículos");
    assertThat(a.language()).isEqualTo("pt");
    assertThat(a.text()).contains("A equipe do Serviço de Atendimento Domiciliar (SAD)")
        .endsWith("a partir da tarde de hoje (5).")
        .doesNotContain("CNPJ").doesNotContain("Facebook");
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
  void relatedStoriesSharingAndBylinesAroundTheArticleAreDropped() throws Exception {
    String html = "<html><head><title>Border post attacked</title></head><body>"
        + "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>"
        + "<article><h1>Border post attacked</h1><p>By Jane Doe</p>"
        + "<p>Gunmen attacked a border post in Khatlon region overnight, the border service said on"
        + " Tuesday, adding that two guards were wounded in the exchange of fire.</p>"
        + "<h2>Second attack this month</h2>"
        + "<p>It was the second such attack this month, after a clash near the Panj river that"
        + " officials blamed on drug traffickers crossing from Afghanistan.</p>"
        + "<ul><li>Guards wounded: two</li><li>Attackers detained: none</li></ul>"
        + "<blockquote>We will strengthen the border, a spokesman said.</blockquote>"
        + "<div class=\"newsletter-signup\"><p>Get our daily briefing in your inbox. Sign up now.</p></div>"
        + "<div class=\"related-stories\"><h3>More in International</h3><ul>"
        + "<li><a href=\"/a\">Talks on water sharing resume in Dushanbe after a long pause</a></li>"
        + "<li><a href=\"/b\">New bridge opens across the Panj river to carry trade and people</a></li>"
        + "</ul></div></article>"
        + "<div id=\"comments\"><p>What a terrible thing to happen to those guards, I hope they recover.</p></div>"
        + "</body></html>";
    ExtractedArticle a = extractor.extract(page(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(paragraphs(a)).containsExactly(
        "Gunmen attacked a border post in Khatlon region overnight, the border service said on"
            + " Tuesday, adding that two guards were wounded in the exchange of fire.",
        "Second attack this month",
        "It was the second such attack this month, after a clash near the Panj river that"
            + " officials blamed on drug traffickers crossing from Afghanistan.",
        "Guards wounded: two",
        "Attackers detained: none",
        "We will strengthen the border, a spokesman said.");
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
