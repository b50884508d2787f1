package dev.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageDatesTest {
  @Test
  void markupDatesAreNormalisedToIso8601WithTheirZone() {
    assertThat(PageDates.normalize("2019-11-18T10:05:00-0500")).isEqualTo("2019-11-18T10:05:00-05:00");
    assertThat(PageDates.normalize("2019-11-18 10:05:00 +0000")).isEqualTo("2019-11-18T10:05:00+00:00");
    assertThat(PageDates.normalize("2019-11-18T10:05:00.123Z")).isEqualTo("2019-11-18T10:05:00Z");
    assertThat(PageDates.normalize("2019/11/18")).isEqualTo("2019-11-18");
    assertThat(PageDates.normalize("20191118")).isEqualTo("2019-11-18");
    assertThat(PageDates.normalize("Mon, 18 Nov 2019 10:05:00 GMT")).isEqualTo("2019-11-18T10:05:00Z");
  }

  @Test
  void placeholderAndFutureDatesAreNoDates() {
    assertThat(PageDates.normalize("0001-01-01T00:00:00Z")).isNull();
    assertThat(PageDates.normalize("1970-01-01")).isNull();
    assertThat(PageDates.normalize("2999-01-01")).isNull();
    assertThat(PageDates.normalize("not a date")).isNull();
  }

  @Test
  void datesWrittenOutInSeveralLanguages() {
    assertThat(PageDates.fromText("Updated Nov. 19, 2019, 10:28am EST")).isEqualTo("2019-11-19");
    assertThat(PageDates.fromText("Monday 18 November 2019 07.15 GMT")).isEqualTo("2019-11-18");
    assertThat(PageDates.fromText("19 ноября 2019, 14:05")).isEqualTo("2019-11-19");
    assertThat(PageDates.fromText("18 de novembro de 2019")).isEqualTo("2019-11-18");
    assertThat(PageDates.fromText("3 juillet 2024")).isEqualTo("2024-07-03");
    assertThat(PageDates.fromText("Veröffentlicht am 19.11.2019")).isEqualTo("2019-11-19");
    assertThat(PageDates.fromText("11/18/2019")).isEqualTo("2019-11-18");
    assertThat(PageDates.fromText("No date here, only 2019 and 42.")).isNull();
  }

  @Test
  void urlPathsCarryDates() {
    assertThat(PageDates.fromUrl("https://example.com/2024/11/19/border-clash/")).isEqualTo("2024-11-19");
    assertThat(PageDates.fromUrl("https://example.com/world/2019/nov/18/hong-kong")).isEqualTo("2019-11-18");
    assertThat(PageDates.fromUrl("https://example.com/news/2019-11-20-solar.html")).isEqualTo("2019-11-20");
    assertThat(PageDates.fromUrl("https://example.com/news/471033-story")).isNull();
  }

  @Test
  void jsonLdComesBeforeMetaTagsAndTheUrlIsTheLastResortBeforeVisibleText() {
    Document page = Jsoup.parse("<html><body><time datetime=\"2019-11-17T09:00:00Z\">Nov 17</time>"
        + "<span class=\"post-date\">November 16, 2019</span></body></html>");
    assertThat(PageDates.published(page, Map.of("article:published_time", "2019-11-18T08:00:00+01:00"),
        List.of(), null)).isEqualTo("2019-11-18T08:00:00+01:00");
    assertThat(PageDates.published(page, Map.of(), List.of(), null)).isEqualTo("2019-11-17T09:00:00Z");
    Document bare = Jsoup.parse("<html><body><span class=\"post-date\">November 16, 2019</span></body></html>");
    assertThat(PageDates.published(bare, Map.of(), List.of(), "https://x.org/2019/11/15/a")).isEqualTo("2019-11-15");
    assertThat(PageDates.published(bare, Map.of(), List.of(), null)).isEqualTo("2019-11-16");
  }
}
