package dev.vigil.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Trends on constructed timelines: the reports are real story reports (independence decided by
 * the real MinHash copy check over the articles' texts), only the times and texts are made up.
 */
class TrendsTest {
  static final Instant T = Instant.parse("2025-11-20T12:00:00Z");
  static final String[] WORDS = ("border guards militants clash province officials report village"
      + " river crossing drugs seized smugglers night patrol attack wounded killed police army"
      + " district governor statement ministry security forces weapons ammunition convoy road"
      + " bridge market residents fled shelling mortar checkpoint arrested suspects court trial"
      + " refugees camp aid agency talks delegation summit treaty sanctions oil gas pipeline").split(" ");

  /** A text no other call returns: a random walk over the vocabulary. */
  static String text(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 80; i++) {
      sb.append(WORDS[r.nextInt(WORDS.length)]).append(i % 12 == 11 ? ". " : " ");
    }
    return sb.toString();
  }

  static AnalyzedArticle article(String id, String source, String text, Instant published) {
    return new AnalyzedArticle(new Article(id, null, source, "Story " + id, null,
        published == null ? null : published.toString(), "en", text, "test:" + id, T),
        Annotations.empty("en"));
  }

  /** A story of independent outlets, one article at each of {@code times}. */
  static StoryReports.StoryInput story(long id, Random r, List<Instant> times) {
    List<AnalyzedArticle> articles = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      articles.add(article(id + "-" + i, "Outlet " + id + "-" + i, text(r), times.get(i)));
    }
    return new StoryReports.StoryInput(id, null, articles);
  }

  static List<Instant> daily(int days) {
    List<Instant> out = new ArrayList<>();
    for (int d = days - 1; d >= 0; d--) {
      out.add(T.minus(Duration.ofDays(d)).minus(Duration.ofHours(3)));
    }
    return out;
  }

  static StoryReport assessed(List<StoryReports.StoryInput> stories, long id, Trends.Window w) {
    List<StoryReport> reports = Trends.assess(StoryReports.build(stories, SourcePriors.NONE), T, w);
    return reports.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
  }

  @Test
  void aSteadyStoryIsNotFlagged() {
    Random r = new Random(1);
    StoryReport s = assessed(List.of(story(1, r, daily(14))), 1, Trends.Window.DAY);
    assertThat(s.independentSources()).isEqualTo(14);
    assertThat(s.trend().flag()).isEqualTo("none");
    assertThat(s.trend().recent()).isEqualTo(1);
    assertThat(s.trend().baseline()).isEqualTo(1.0);
    assertThat(s.trend().explanation()).startsWith("none: 1 new independent sources in the 24h");
  }

  @Test
  void aBurstOfNewSourcesInAnOldStoryIsTrending() {
    Random r = new Random(2);
    List<Instant> times = new ArrayList<>(List.of(T.minus(Duration.ofDays(20)),
        T.minus(Duration.ofDays(12)), T.minus(Duration.ofDays(5))));
    for (int h = 20; h >= 2; h -= 3) {
      times.add(T.minus(Duration.ofHours(h)));
    }
    // a steady neighbour makes the corpus baseline
    StoryReport s = assessed(List.of(story(1, r, times), story(2, r, daily(10))), 1, Trends.Window.DAY);
    assertThat(s.trend().flag()).isEqualTo("trending");
    assertThat(s.trend().recent()).isEqualTo(7);
    // the corpus rate: the median of 1 and 7 new sources in the 7 days before, per day
    assertThat(s.trend().baseline()).isEqualTo(0.57);
    assertThat(s.trend().score()).isGreaterThanOrEqualTo(Trends.MIN_SCORE);
    assertThat(s.trend().explanation()).contains("7 new independent sources").contains("expected 0.6")
        .contains("corpus 0.6 for the median active story");
  }

  @Test
  void theSameBurstIsNotSurprisingForAStoryThatAlwaysRunsThatFast() {
    Random r = new Random(3);
    List<Instant> times = new ArrayList<>();
    for (int h = 8 * 24 - 1; h >= 1; h -= 3) { // eight a day for eight days
      times.add(T.minus(Duration.ofHours(h)));
    }
    StoryReport s = assessed(List.of(story(1, r, times)), 1, Trends.Window.DAY);
    assertThat(s.trend().recent()).isEqualTo(8);
    assertThat(s.trend().flag()).isEqualTo("none");
  }

  @Test
  void aNewStoryWithThreeSourcesWithinHoursIsBreaking() {
    Random r = new Random(4);
    List<Instant> times = List.of(T.minus(Duration.ofHours(5)), T.minus(Duration.ofHours(4)),
        T.minus(Duration.ofHours(1)));
    StoryReport s = assessed(List.of(story(1, r, times)), 1, Trends.Window.DAY);
    assertThat(s.trend().flag()).isEqualTo("breaking");
    assertThat(s.trend().explanation()).startsWith("breaking: a new story with 3 independent sources");
  }

  @Test
  void threeQuickSourcesAreNoNewsWhereEveryStoryGetsTenADay() {
    Random r = new Random(10);
    List<StoryReports.StoryInput> stories = new ArrayList<>();
    stories.add(story(1, r, List.of(T.minus(Duration.ofHours(5)), T.minus(Duration.ofHours(4)),
        T.minus(Duration.ofHours(1)))));
    List<Instant> busy = new ArrayList<>();
    for (int h = 8 * 24 - 1; h > 24; h -= 2) { // twelve a day until yesterday
      busy.add(T.minus(Duration.ofHours(h)));
    }
    stories.add(story(2, r, busy));
    StoryReport s = assessed(stories, 1, Trends.Window.DAY);
    assertThat(s.trend().baseline()).isGreaterThan(10);
    assertThat(s.trend().flag()).isEqualTo("none");
  }

  @Test
  void threeSourcesSpreadOverADayAreNotBreaking() {
    Random r = new Random(5);
    List<Instant> times = List.of(T.minus(Duration.ofHours(23)), T.minus(Duration.ofHours(12)),
        T.minus(Duration.ofHours(1)));
    StoryReport s = assessed(List.of(story(1, r, times)), 1, Trends.Window.DAY);
    assertThat(s.trend().flag()).isEqualTo("trending"); // 3 against the floor of 0.5
    assertThat(s.trend().recent()).isEqualTo(3);
  }

  @Test
  void copiesDoNotCount() {
    Random r = new Random(6);
    String wire = text(r);
    List<AnalyzedArticle> articles = new ArrayList<>();
    articles.add(article("old", "Outlet A", text(r), T.minus(Duration.ofDays(6))));
    for (int i = 0; i < 8; i++) { // one wire report republished by eight outlets within hours
      articles.add(article("copy-" + i, "Outlet " + i, wire, T.minus(Duration.ofHours(5 - i / 2))));
    }
    StoryReport s = assessed(List.of(new StoryReports.StoryInput(1, null, articles)), 1, Trends.Window.DAY);
    assertThat(s.independentSources()).isEqualTo(2);
    assertThat(s.copies()).isEqualTo(7);
    assertThat(s.arrivals()).filteredOn(StoryReport.Arrival::newSource).extracting(StoryReport.Arrival::article)
        .containsExactly("old", "copy-0");
    assertThat(s.trend().recent()).isEqualTo(1);
    assertThat(s.trend().flag()).isEqualTo("none");
  }

  @Test
  void anUndatedStoryCannotTrend() {
    Random r = new Random(7);
    List<AnalyzedArticle> articles = List.of(article("a", "A", text(r), null), article("b", "B", text(r), null),
        article("c", "C", text(r), null));
    StoryReport s = assessed(List.of(new StoryReports.StoryInput(1, null, articles)), 1, Trends.Window.DAY);
    assertThat(s.trend().flag()).isEqualTo("none");
    assertThat(s.trend().end()).isNull();
    assertThat(s.trend().explanation()).contains("no dated article");
  }

  @Test
  void anArchiveIsJudgedAtItsNewestArticle() {
    Random r = new Random(8);
    Instant end = Instant.parse("2005-03-01T12:00:00Z");
    List<Instant> times = List.of(end.minus(Duration.ofHours(5)), end.minus(Duration.ofHours(3)), end);
    List<StoryReport> reports = StoryReports.build(List.of(story(1, r, times)), SourcePriors.NONE);
    assertThat(Trends.reference(reports, T, Trends.Window.DAY)).isEqualTo(end);
    StoryReport s = Trends.assess(reports, T, Trends.Window.DAY).get(0);
    assertThat(s.trend().flag()).isEqualTo("breaking");
    assertThat(s.trend().end()).isEqualTo("2005-03-01T12:00:00Z");
  }

  @Test
  void theWeekWindowComparesWithTheFourWeeksBefore() {
    Random r = new Random(9);
    List<Instant> times = new ArrayList<>();
    times.add(T.minus(Duration.ofDays(30)));
    for (int d = 6; d >= 0; d--) { // one a day this week after a month of silence
      times.add(T.minus(Duration.ofDays(d)).minus(Duration.ofHours(2)));
    }
    StoryReport week = assessed(List.of(story(1, r, times)), 1, Trends.Window.WEEK);
    assertThat(week.trend().window()).isEqualTo("7d");
    assertThat(week.trend().recent()).isEqualTo(7);
    assertThat(week.trend().flag()).isEqualTo("trending");
    StoryReport day = assessed(List.of(story(1, new Random(9), times)), 1, Trends.Window.DAY);
    assertThat(day.trend().flag()).isEqualTo("none");
  }
}
