package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.model.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventScoresTest {
  static LabelledSentence gold(String type, String modality, String place) {
    return new LabelledSentence("x", "dev", "test", null, "A sentence.", type, modality, null,
        place, null, null, null);
  }

  static Event event(int id, String type, String modality, String place) {
    return new Event(type, null, modality, null,
        place == null ? null : new Event.Place(place, null, null, null, null), List.of(), null,
        null, null, "A sentence.", 0, 11, id, "t", null, null, null);
  }

  @Test
  void weightedF1CountsAnEventOnANonEventSentenceAsAFalsePositiveOfItsType() {
    EventScores s = new EventScores();
    s.add(gold("attack", "asserted", null), List.of(event(0, "attack", "asserted", null)));
    s.add(gold(null, null, null), List.of(event(0, "attack", "asserted", null)));
    s.add(gold("arrest", "asserted", null), List.of());
    // attack: P 1/2, R 1, F1 2/3, support 1; arrest: F1 0, support 1
    assertThat(s.weightedF1()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(s.modalityAccuracy()).isEqualTo(1.0);
  }

  @Test
  void theMainEventIsTheFirstFrameElseTheFirstEvent() {
    Event attack = event(0, "attack", "denied", null);
    Event denial = event(1, "denial", "asserted", null);
    assertThat(EventScores.main(List.of(attack, denial))).isSameAs(denial);
    assertThat(EventScores.main(List.of(attack))).isSameAs(attack);
    assertThat(EventScores.main(List.of())).isNull();
  }

  @Test
  void placesMatchWhenOneNameContainsTheOther() {
    assertThat(EventScores.samePlace("Badakhshan", "Badakhshan Province")).isTrue();
    assertThat(EventScores.samePlace(null, null)).isTrue();
    assertThat(EventScores.samePlace("Kabul", null)).isFalse();
    assertThat(EventScores.samePlace("Kabul", "Herat")).isFalse();
  }
}
