package dev.vigil.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Events merged across a story's articles, independence of their sources, grades, ledger. */
class CorroborationTest {
  static final String WIRE = "DUSHANBE (Reuters) - Tajik border guards clashed with armed men crossing"
      + " from Afghanistan near Shuroobod in Khatlon province on Tuesday, killing two of them, the"
      + " border service said. The guards seized weapons and drugs after the clash, it said in a"
      + " statement, adding that one officer was wounded in the exchange of fire at night.";
  static final String OWN = "Asia-Plus has learned from its sources in the State Committee for"
      + " National Security that a group of smugglers fired on a border post near Shuroobod late on"
      + " Tuesday. Two attackers died in the clash and a large consignment of hashish was seized,"
      + " according to officials who spoke on condition of anonymity.";
  static final String THIRD = "Officials in Khatlon told our correspondent that the fighting near"
      + " Shuroobod lasted several hours. Residents of nearby villages heard gunfire across the river"
      + " and said helicopters circled the area until dawn on Wednesday.";
  static final String DENIAL = "A Taliban spokesman denied that anyone had crossed from Afghan soil"
      + " and said the Islamic Emirate does not allow its territory to be used against neighbours.";

  static final Event.Place SHUROOBOD = new Event.Place("Shuroobod", 37.84, 69.98);

  static Event clash(String text, String modality, String date) {
    return new Event("armed_clash", "Armed clash", modality, date, SHUROOBOD,
        List.of(new Event.Actor("actor", "Tajik border guards")), 2, 1, null,
        text.substring(0, 60), 0, 60);
  }

  static AnalyzedArticle article(String id, String source, String text, List<Event> events) {
    Article a = new Article(id, null, source, id, null, "2025-11-18", "en", text, "test:" + id,
        Instant.parse("2025-11-19T00:00:00Z"));
    return new AnalyzedArticle(a, Annotations.empty("en").withEvents(events, List.of()));
  }

  static List<AnalyzedArticle> story() {
    return List.of(
        article("wire", "Reuters", WIRE, List.of(clash(WIRE, "asserted", "2025-11-18"))),
        // the same wire text republished by another outlet: a copy, not a second source
        article("copy", "Dushanbe Daily", WIRE.replace("on Tuesday", "on Tuesday night"),
            List.of(clash(WIRE, "asserted", "2025-11"))),
        article("own", "Asia-Plus", OWN, List.of(clash(OWN, "asserted", "2025-11-18"))),
        article("third", "Avesta", THIRD, List.of(clash(THIRD, "asserted", null))),
        article("denial", "Tolo News", DENIAL, List.of(new Event("armed_clash", "Armed clash", "denied",
            null, null, List.of(new Event.Actor("speaker", "Taliban")), null, null, null,
            DENIAL.substring(0, 60), 0, 60))));
  }

  @Test
  void reportsOfOneClashMergeIntoOneEventWithTheMostPreciseDate() {
    List<AnalyzedArticle> story = story();
    Independence independence = new Independence(story.stream().map(AnalyzedArticle::article).toList(),
        SourcePriors.NONE);
    List<MergedEvent> events = Corroboration.merge(story, independence);
    assertThat(events).hasSize(1);
    MergedEvent clash = events.get(0);
    assertThat(clash.reports()).extracting(MergedEvent.Report::articleId)
        .containsExactly("wire", "copy", "own", "third");
    assertThat(clash.date()).isEqualTo("2025-11-18");
  }

  @Test
  void aCopyOfTheWireIsNotAnIndependentSource() {
    List<AnalyzedArticle> story = story();
    Independence independence = new Independence(story.stream().map(AnalyzedArticle::article).toList(),
        SourcePriors.NONE);
    assertThat(independence.dependence("wire", "copy")).isNotNull();
    assertThat(independence.dependence("wire", "own")).isNull();
    MergedEvent clash = Corroboration.merge(story, independence).get(0);
    assertThat(clash.independentGroups()).containsExactly(List.of("wire", "copy"), List.of("own"),
        List.of("third"));
    assertThat(clash.independentSources()).isEqualTo(3);
  }

  @Test
  void theSameWireCreditOrOwnerMakesOneSource() {
    AnalyzedArticle a = article("a", "Outlet A", "Kabul (AFP) - Ten people were hurt when a bus hit"
        + " a mine on the road to Herat, police said on Monday.", List.of());
    AnalyzedArticle b = article("b", "Outlet B", "A roadside mine struck a passenger bus in western"
        + " Afghanistan, wounding ten, AFP reported, citing the provincial police chief.", List.of());
    AnalyzedArticle c = article("c", "Outlet C", "Ten passengers were injured in Herat province when"
        + " their bus drove over an explosive device, a hospital doctor told us.", List.of());
    SourcePriors priors = source -> source.equals("Outlet C") || source.equals("Outlet A")
        ? Optional.of(new SourcePriors.Prior("Unrated", null, "One Media Group")) : Optional.empty();
    Independence byCredit = new Independence(List.of(a.article(), b.article(), c.article()), SourcePriors.NONE);
    assertThat(byCredit.dependence("a", "b")).isEqualTo("same wire credit (afp)");
    assertThat(byCredit.dependence("a", "c")).isNull();
    Independence byOwner = new Independence(List.of(a.article(), b.article(), c.article()), priors);
    assertThat(byOwner.dependence("a", "c")).isEqualTo("same owner (one media group)");
  }

  @Test
  void aDenialIsInTheLedgerNotASource() {
    List<AnalyzedArticle> story = story();
    Independence independence = new Independence(story.stream().map(AnalyzedArticle::article).toList(),
        SourcePriors.NONE);
    MergedEvent clash = Corroboration.merge(story, independence).get(0);
    assertThat(clash.reports()).noneMatch(r -> r.articleId().equals("denial"));
    assertThat(clash.denials()).singleElement().satisfies(d -> {
      assertThat(d.by()).isEqualTo("Taliban");
      assertThat(d.source()).isEqualTo("Tolo News");
    });
  }

  @Test
  void eventsOfAnotherTypeDateOrPlaceStayApart() {
    Event far = new Event("armed_clash", "Armed clash", "asserted", "2025-11-18",
        new Event.Place("Khorugh", 37.49, 71.55), List.of(), null, null, null, "x", 0, 1);
    Event otherDay = clash(WIRE, "asserted", "2025-10-02");
    Event arrest = new Event("arrest", "Arrests", "asserted", "2025-11-18", SHUROOBOD, List.of(),
        null, null, null, "x", 0, 1);
    List<AnalyzedArticle> story = List.of(
        article("wire", "Reuters", WIRE, List.of(clash(WIRE, "asserted", "2025-11-18"))),
        article("far", "Asia-Plus", OWN, List.of(far, otherDay, arrest)));
    Independence independence = new Independence(story.stream().map(AnalyzedArticle::article).toList(),
        SourcePriors.NONE);
    assertThat(Corroboration.merge(story, independence)).hasSize(4);
  }

  @Test
  void theGradeExplainsItself() {
    List<AnalyzedArticle> story = story();
    Independence independence = new Independence(story.stream().map(AnalyzedArticle::article).toList(),
        SourcePriors.NONE);
    MergedEvent clash = Corroboration.merge(story, independence).get(0);
    SourceReliability unrated = new SourceReliability(SourcePriors.NONE);
    MergedEvent.Grade grade = AdmiraltyGrade.grade(clash, unrated);
    // three independent sources but denied: probably true; no source rated yet: F
    assertThat(grade.code()).isEqualTo("F2");
    assertThat(grade.explanation()).isEqualTo("F2: best source Reuters Unrated; reported by 3"
        + " independent sources; denied by Taliban (4 reports, 1 of them copies or same-wire).");

    SourcePriors registry = source -> source.equals("Asia-Plus")
        ? Optional.of(new SourcePriors.Prior("Reliable", "independent Tajik agency", null))
        : Optional.empty();
    MergedEvent.Grade rated = AdmiraltyGrade.grade(clash, new SourceReliability(registry));
    assertThat(rated.code()).isEqualTo("B2");
    assertThat(rated.explanation()).startsWith("B2: best source Asia-Plus Reliable;");
  }

  @Test
  void aSingleAllegedReportIsDoubtful() {
    AnalyzedArticle one = article("one", "Outlet", OWN, List.of(clash(OWN, "alleged", "2025-11-18")));
    MergedEvent e = Corroboration.merge(List.of(one),
        new Independence(List.of(one.article()), SourcePriors.NONE)).get(0);
    MergedEvent.Grade g = AdmiraltyGrade.grade(e, new SourceReliability(SourcePriors.NONE));
    assertThat(g.explanation()).isEqualTo("F4: best source Outlet Unrated; only alleged, 1 independent source.");
  }
}
