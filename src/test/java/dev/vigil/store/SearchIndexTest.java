package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Articles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
  @TempDir static Path dir;
  static Store store;

  @BeforeAll
  static void fill() {
    store = Store.open(dir);
    store.write(List.of(
        Articles.of("s1", "Clashes on the Tajik-Afghan border",
            "Tajik border guards clashed with armed men who crossed from Afghanistan.", "2025-11-19"),
        Articles.of("s2", "ISIS-K claims attack",
            "The Islamic State Khorasan Province (ISIS-K) claimed the attack in Kabul.", "2024-03-02"),
        Articles.of("s3", "Drug seizure",
            "Police seized 200 kg of heroin near the Afghan border in Khatlon.", "2024-11-05"),
        Articles.of("s4", "Undated note", "A note about isis and a k-pop band.", null)));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void facetsCountTheMatchesPerValueWithTheirSpellingAndADateHistogram(@TempDir Path own) {
    try (Store withPlaces = Store.open(own)) {
      withPlaces.write(store.articles().changesAfter(0, 10).stream()
          .map(a -> new dev.vigil.model.AnalyzedArticle(a.article(), a.annotations())).toList());
      withPlaces.write(List.of(Articles.placed("s5")));
      checkFacets(withPlaces);
    }
  }

  @Test
  void articlesNamingOnlyPlacesAndArticlesNamingPeopleIndexSideBySide(@TempDir Path own) {
    String text = "Sergei Shoigu spoke in Moscow.";
    var located = new dev.vigil.model.AnalyzedArticle(Articles.of("l1", "Moscow", "Moscow today.", null).article(),
        new dev.vigil.model.Annotations("en", List.of(), List.of(
            new dev.vigil.model.EntityMention("Moscow", "LOCATION", null, null, 0, 6)),
            List.of(), List.of(), List.of(), List.of(), List.of()));
    var person = new dev.vigil.model.AnalyzedArticle(Articles.of("p1", "Shoigu", text, null).article(),
        new dev.vigil.model.Annotations("en", List.of(), List.of(
            new dev.vigil.model.EntityMention("Sergei Shoigu", "PERSON", "sergei-shoigu", "Sergei Shoigu", 0, 13),
            new dev.vigil.model.EntityMention("Moscow", "LOCATION", null, null, 23, 29)),
            List.of(), List.of(), List.of(), List.of(), List.of()));
    try (Store s = Store.open(own)) {
      s.write(List.of(located, person));
      assertThat(s.index().matchingIds("entity:moscow")).containsExactlyInAnyOrder("l1", "p1");
      assertThat(s.index().matchingIds("entity:\"sergei-shoigu\"")).containsExactly("p1");
      assertThat(s.index().facets("", 5).byField().get("entity"))
          .containsExactly(new Facets.Value("Sergei Shoigu", 1));
    }
  }

  @Test
  void broadQueriesCountFacetsOverASampleScaledToAllMatches(@TempDir Path own) {
    // 2,000 articles from three sources, 60/30/10 per cent, dated over 2024
    List<dev.vigil.model.AnalyzedArticle> many = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String source = i % 10 < 6 ? "Wire A" : i % 10 < 9 ? "Wire B" : "Wire C";
      many.add(new dev.vigil.model.AnalyzedArticle(new dev.vigil.model.Article("m" + i, null, source,
          "Report " + i, null, java.time.LocalDate.of(2024, 1 + i % 12, 1 + i % 28).toString(), "en",
          "A report on the border, number " + i + ".", "test:m" + i,
          java.time.Instant.parse("2026-01-01T00:00:00Z")), dev.vigil.model.Annotations.empty("en")));
    }
    try (Store s = Store.open(own)) {
      s.write(many);
      Facets exact = s.index().facets("border", 5);
      assertThat(exact.exact()).isTrue();
      assertThat(exact.counted()).isEqualTo(2000);
      assertThat(exact.byField().get("source_key")).containsExactly(new Facets.Value("Wire A", 1200),
          new Facets.Value("Wire B", 600), new Facets.Value("Wire C", 200));

      Facets sampled = s.index().facets("border", 5, 400);
      assertThat(sampled.exact()).isFalse();
      assertThat(sampled.total()).as("estimated from the sample").isCloseTo(2000L,
          org.assertj.core.data.Offset.offset(100L));
      assertThat(sampled.counted()).isBetween(300L, 500L);
      List<Facets.Value> sources = sampled.byField().get("source_key");
      assertThat(sources).extracting(Facets.Value::value).containsExactly("Wire A", "Wire B", "Wire C");
      // scaled to all matches: each estimate within 20% of the exact count, the sum within 1%
      for (Facets.Value v : sources) {
        long truth = exact.byField().get("source_key").stream()
            .filter(e -> e.value().equals(v.value())).findFirst().orElseThrow().count();
        assertThat((double) v.count()).as(v.value()).isCloseTo(truth, org.assertj.core.data.Percentage.withPercentage(20));
      }
      assertThat(sources.stream().mapToLong(Facets.Value::count).sum()).isCloseTo(sampled.total(),
          org.assertj.core.data.Offset.offset(5L));
      assertThat(sampled.dates()).hasSize(12);
      assertThat(sampled.dates().stream().mapToLong(Facets.Bucket::count).sum()).isCloseTo(sampled.total(),
          org.assertj.core.data.Offset.offset(12L));
      assertThat(s.index().facets("border", 6, 400).byField().get("source_key"))
          .as("the same sample every time").isEqualTo(sources);
      assertThat(s.index().facets("\"number 7\"", 5, 400).exact()).as("few matches: all counted").isTrue();
    }
  }

  private static void checkFacets(Store store) {
    Facets all = store.index().facets("", 5);
    assertThat(all.total()).isEqualTo(5);
    assertThat(all.byField().keySet()).containsExactlyElementsOf(Facets.FIELDS);
    assertThat(all.byField().get("place")).containsExactly(
        new Facets.Value("Dushanbe", 1), new Facets.Value("Khatlon Region", 1));
    assertThat(all.byField().get("country")).containsExactly(new Facets.Value("TJ", 1));
    assertThat(all.byField().get("event_type")).containsExactly(new Facets.Value("armed_clash", 1));
    assertThat(all.byField().get("source_key")).containsExactly(new Facets.Value("Test Wire", 5));
    // 2024-03 .. 2025-11 is within four years: by month, gaps filled, undated left out
    assertThat(all.dateUnit()).isEqualTo("month");
    assertThat(all.dates()).hasSize(21).first().isEqualTo(new Facets.Bucket("2024-03", 1));
    assertThat(all.dates().stream().mapToLong(Facets.Bucket::count).sum()).isEqualTo(4);
    assertThat(all.dates().get(all.dates().size() - 1)).isEqualTo(new Facets.Bucket("2025-11", 2));

    Facets border = store.index().facets("border", 5);
    assertThat(border.total()).isEqualTo(3);
    assertThat(store.index().matchingIds("place:\"khatlon region\"")).containsExactly("s5");
    assertThat(store.index().matchingIds("place:\"Khatlon Region\" AND country:tj"))
        .as("facet values match as the user sees them").containsExactly("s5");
  }

  static List<String> ids(String q) {
    return store.index().search(new SearchQuery(q, SearchQuery.Order.RELEVANCE, 0, 10, false))
        .hits().stream().map(SearchResults.Hit::id).toList();
  }

  @Test
  void allWordsMustMatchUnlessOrIsWritten() {
    assertThat(ids("Tajik border")).containsExactly("s1");
    assertThat(ids("Tajik OR heroin")).containsExactlyInAnyOrder("s1", "s3");
  }

  @Test
  void hyphenatedNamesAreSearchedAsPhrases() {
    assertThat(ids("ISIS-K")).containsExactly("s2");
    assertThat(ids("Tajik-Afghan")).containsExactly("s1");
  }

  @Test
  void wordsAreStemmed() {
    assertThat(ids("clash")).containsExactly("s1");
    assertThat(ids("seizures")).containsExactly("s3");
  }

  @Test
  void datesAreSearchableAtAnyPrecision() {
    assertThat(ids("published:2024")).containsExactlyInAnyOrder("s2", "s3");
    assertThat(ids("published:2024-11")).containsExactly("s3");
    assertThat(ids("published:[2024-06 TO 2025-12-31]")).containsExactlyInAnyOrder("s1", "s3");
    assertThat(ids("published:[2025 TO *]")).containsExactly("s1");
    assertThatThrownBy(() -> ids("published:lastweek")).isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("lastweek");
  }

  @Test
  void fieldsNarrowTheSearch() {
    assertThat(ids("title:seizure")).containsExactly("s3");
    assertThat(ids("source:\"test wire\" AND heroin")).containsExactly("s3");
    assertThat(ids("language:EN")).hasSize(4);
  }

  @Test
  void newestFirstPutsUndatedByIngestionTime() {
    SearchResults r = store.index().search(new SearchQuery("", SearchQuery.Order.NEWEST, 0, 10, false));
    assertThat(r.total()).isEqualTo(4);
    assertThat(r.hits()).extracting(SearchResults.Hit::id).containsExactly("s4", "s1", "s3", "s2");
  }

  @Test
  void snippetsMarkTheMatches() {
    SearchResults plain = store.index().search(SearchQuery.of("heroin"));
    assertThat(plain.hits().get(0).snippet()).contains("«heroin»");
    SearchResults html = store.index().search(new SearchQuery("heroin", SearchQuery.Order.RELEVANCE, 0, 10, true));
    assertThat(html.hits().get(0).snippet()).contains("<mark>heroin</mark>");
  }

  @Test
  void eachHitCarriesItsOwnTitleSourceDateAndSnippetWhateverTheRankOrder(@TempDir Path own) {
    // written in one order, ranked in another (more mentions rank higher): the fields read with
    // the snippets must stay with their own article
    try (Store other = Store.open(own)) {
      java.util.List<dev.vigil.model.AnalyzedArticle> batch = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String word = "marker" + (char) ('a' + i % 26) + i;
        String text = ("Border guards reported a crossing near " + word + ". ").repeat(1 + (i * 7) % 5)
            + "Other news follows. ".repeat(40) + "The crossing at " + word + " was closed.";
        batch.add(Articles.of("h" + i, "Title of " + word, text, String.format("2025-01-%02d", 1 + i % 28)));
      }
      other.write(batch);
      SearchResults r = other.index().search(new SearchQuery("crossing", SearchQuery.Order.RELEVANCE, 0, 30, false));
      assertThat(r.hits()).hasSize(30);
      for (SearchResults.Hit h : r.hits()) {
        int i = Integer.parseInt(h.id().substring(1));
        String word = "marker" + (char) ('a' + i % 26) + i;
        assertThat(h.title()).isEqualTo("Title of " + word);
        assertThat(h.published()).isEqualTo(String.format("2025-01-%02d", 1 + i % 28));
        assertThat(h.snippet()).contains("«crossing»").contains(word);
      }
      assertThat(other.index().matchAmong("crossing", List.of("h3", "h17")))
          .containsOnlyKeys("h3", "h17")
          .hasEntrySatisfying("h17", snippet -> assertThat(snippet).contains("markerr17"));
    }
  }

  @Test
  void htmlSnippetsEscapeTheText(@TempDir Path own) {
    try (Store other = Store.open(own)) {
      other.write(List.of(Articles.of("x1", "Escapes", "Markup <script>alert(1)</script> in smuggling text.", null)));
      SearchResults html = other.index().search(new SearchQuery("smuggling", SearchQuery.Order.RELEVANCE, 0, 10, true));
      assertThat(html.hits()).singleElement().extracting(SearchResults.Hit::snippet).asString()
          .doesNotContain("<script>").contains("&lt;script&gt;");
    }
  }

  @Test
  void pagesAreWindowsOfTheSameOrder() {
    List<String> all = ids("*");
    SearchResults second = store.index().search(new SearchQuery("*", SearchQuery.Order.RELEVANCE, 2, 2, false));
    assertThat(second.hits()).extracting(SearchResults.Hit::id).isEqualTo(all.subList(2, 4));
  }

  @Test
  void badQueriesAreRejectedWithAReason() {
    assertThatThrownBy(() -> ids("foo AND (")).isInstanceOf(QuerySyntaxException.class)
        .hasMessageStartingWith("cannot parse the query");
    assertThatThrownBy(() -> new SearchQuery("x".repeat(3000), SearchQuery.Order.RELEVANCE, 0, 10, false))
        .hasMessageContaining("3000 characters");
    assertThatThrownBy(() -> new SearchQuery("x", SearchQuery.Order.RELEVANCE, 9995, 10, false))
        .hasMessageContaining("10000");
  }
}
