package dev.vigil.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Source labels from the registry's prior and the track record. */
class SourceReliabilityTest {
  static MergedEvent event(List<String[]> reports, boolean independent, List<MergedEvent.Denial> denials) {
    List<MergedEvent.Report> rs = new ArrayList<>();
    List<List<String>> groups = new ArrayList<>();
    for (String[] r : reports) {
      rs.add(new MergedEvent.Report(r[0], r[1], null, r[2], "s"));
    }
    if (independent) {
      rs.forEach(r -> groups.add(List.of(r.articleId())));
    } else {
      groups.add(rs.stream().map(MergedEvent.Report::articleId).toList());
    }
    return new MergedEvent("attack", "Attack", null, null, List.of(), rs, groups, denials, null);
  }

  @Test
  void withoutARegistryOrRecordASourceIsUnrated() {
    SourceReliability.Rating r = new SourceReliability(SourcePriors.NONE).rating("Asia-Plus");
    assertThat(r.label()).isEqualTo("Unrated");
    assertThat(r.reason()).isEqualTo("no registry entry; too few reports to judge yet (0 of 0 reports"
        + " corroborated by independent sources, 0 contradicted, 0 retracted)");
  }

  @Test
  void theRegistryPriorHoldsUntilThereIsARecord() {
    SourcePriors registry = s -> Optional.of(new SourcePriors.Prior("Reliable", "national agency", null));
    SourceReliability r = new SourceReliability(registry);
    assertThat(r.rating("Khovar").label()).isEqualTo("Reliable");
    assertThat(r.rating("Khovar").reason()).startsWith("registry: Reliable (national agency)");
  }

  @Test
  void aSourceWhoseReportsOthersConfirmBecomesReliable() {
    SourceReliability r = new SourceReliability(SourcePriors.NONE);
    for (int i = 0; i < 6; i++) {
      r.record(List.of(event(List.of(new String[] {"a" + i, "Asia-Plus", "asserted"},
          new String[] {"b" + i, "Avesta", "asserted"}), true, List.of())));
    }
    SourceReliability.Rating rating = r.rating("Asia-Plus");
    assertThat(rating.label()).isEqualTo("Reliable");
    assertThat(rating.reason()).isEqualTo("6 of 6 reports corroborated by independent sources,"
        + " 0 contradicted, 0 retracted; no registry entry");
  }

  @Test
  void aSourceAloneAndContradictedBecomesUnreliableWhateverItsPrior() {
    SourcePriors registry = s -> Optional.of(new SourcePriors.Prior("Reliable", null, null));
    SourceReliability r = new SourceReliability(registry);
    for (int i = 0; i < 5; i++) {
      r.record(List.of(event(List.<String[]>of(new String[] {"x" + i, "Rumour Mill", "asserted"}), true,
          List.of(new MergedEvent.Denial("d" + i, "Khovar", "Ministry", "denied")))));
    }
    SourceReliability.Rating rating = r.rating("Rumour Mill");
    assertThat(rating.label()).isEqualTo("Unreliable");
    assertThat(rating.reason()).startsWith("0 of 5 reports corroborated by independent sources, 5 contradicted");
  }

  @Test
  void aStoryOneOutletHasToItselfNeitherCorroboratesNorCondemnsIt() {
    SourcePriors registry = s -> Optional.of(new SourcePriors.Prior("Mixed", null, null));
    SourceReliability r = new SourceReliability(registry);
    for (int i = 0; i < 8; i++) {
      r.record(List.of(event(List.<String[]>of(new String[] {"t" + i, "Tehran Times", "asserted"}), true,
          List.of(new MergedEvent.Denial("t" + i, "Tehran Times", "Taliban", "The Taliban denied it.")))));
    }
    SourceReliability.Rating rating = r.rating("Tehran Times");
    assertThat(rating.label()).isEqualTo("Mixed");
    assertThat(rating.track().reports()).isZero();
    assertThat(rating.track().retracted()).isZero();
  }

  @Test
  void reportingSomeoneElsesDenialIsNoRetraction() {
    SourceReliability r = new SourceReliability(SourcePriors.NONE);
    for (int i = 0; i < 6; i++) {
      r.record(List.of(event(List.of(new String[] {"a" + i, "Asia-Plus", "asserted"},
          new String[] {"b" + i, "Avesta", "asserted"}), true,
          List.of(new MergedEvent.Denial("a" + i, "Asia-Plus", "Taliban", "The Taliban denied it.")))));
    }
    assertThat(r.rating("Asia-Plus").track().retracted()).isZero();
    r.record(List.of(event(List.of(new String[] {"c", "Asia-Plus", "asserted"},
        new String[] {"d", "Avesta", "asserted"}), true,
        List.of(new MergedEvent.Denial("e", "Asia-Plus", "Asia-Plus", "Asia-Plus retracted the report.")))));
    assertThat(r.rating("Asia-Plus").track().retracted()).isEqualTo(1);
  }
}
