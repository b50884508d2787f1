package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventRulesTest {
  static final EventRules RULES = EventRules.load();

  @Test
  void theOntologyIsDesignMdsWithAcledNamesWhereAcledHasTheType() {
    assertThat(RULES.types).hasSize(40);
    assertThat(RULES.type("air_drone_strike").acled()).isEqualTo("Air/drone strike");
    assertThat(RULES.type("abduction").acled()).isEqualTo("Abduction/forced disappearance");
    assertThat(RULES.type("arrest").acled()).isEqualTo("Arrests");
    assertThat(RULES.type("denial").acled()).isNull();
    assertThat(RULES.type("denial").frame()).isTrue();
    assertThat(RULES.type("attack").frame()).isFalse();
  }

  @Test
  void categoriesAreDesignMds() {
    List<String> design = List.of("terrorism", "extremism", "armed_conflict", "border_security",
        "drug_trafficking", "arms_smuggling", "illegal_migration", "organized_crime", "diplomacy",
        "security_cooperation", "humanitarian", "sanctions", "disaster", "protest");
    RULES.types.values().forEach(t -> assertThat(design).containsAll(t.categories()));
    RULES.categoryCues.forEach(c -> assertThat(design).contains(c.category()));
  }

  @Test
  void cameoVerbsAreLoadedAfterTheHandWrittenTriggers() {
    assertThat(RULES.triggers).anySatisfy(t -> {
      assertThat(t.where()).startsWith("events/triggers-cameo.tsv:");
      assertThat(t.type()).isEqualTo("abduction");
    });
    assertThat(RULES.triggers.get(0).where()).startsWith("events/triggers.tsv:");
  }

  @Test
  void vagueQuantitiesAreLowerBounds() {
    assertThat(RULES.numbers).containsEntry("dozens", 12L).containsEntry("hundreds", 100L)
        .containsEntry("three", 3L);
  }
}
