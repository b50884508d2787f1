package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectedEventTest {
  static final String S1 = "Border guards clashed with smugglers near Khorog.";
  static final String S2 = "Police detained two men in Dushanbe.";

  static Event event(String type, String sentence, int start, int id, String trigger) {
    return new Event(type, null, "asserted", null, null, List.of(), null, null, null, sentence,
        start, start + sentence.length(), id, trigger, null, null, null);
  }

  static EventCorrection correction(Event original, String type) {
    return new EventCorrection("a", original.id(), original.start(), original.end(),
        original.trigger(), original, "disputed", type, null, "2025-01-02", null, "now", "analyst");
  }

  @Test
  void aCorrectionReplacesTheFieldsItSetsAndKeepsTheOriginal() {
    Event clash = event("armed_clash", S1, 0, 0, "clashed");
    List<CorrectedEvent> out = CorrectedEvent.apply(List.of(clash), List.of(correction(clash, "attack")));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).event().type()).isEqualTo("attack");
    assertThat(out.get(0).event().date()).isEqualTo("2025-01-02");
    assertThat(out.get(0).original()).isEqualTo(clash);
    assertThat(out.get(0).restored()).isFalse();
  }

  @Test
  void actorsAreReplacedAsAWholeAndADisputedEventIsMarkedNotDropped() {
    Event clash = new Event("armed_clash", null, "alleged", null, null,
        List.of(new Event.Actor("actor", "Border guards"), new Event.Actor("target", "smugglers")),
        null, null, null, S1, 0, S1.length(), 0, "clashed", null, null, null);
    EventCorrection c = new EventCorrection("a", 0, 0, S1.length(), "clashed", clash, "disputed",
        null, null, null, null, "now", "analyst", List.of(new Event.Actor("actor", "Tajik army")));
    Event shown = CorrectedEvent.apply(List.of(clash), List.of(c)).get(0).event();
    assertThat(shown.actors()).containsExactly(new Event.Actor("actor", "Tajik army"));
    assertThat(shown.modality()).isEqualTo(CorrectedEvent.DISPUTED);
    assertThat(shown.type()).isEqualTo("armed_clash");
    // applying again to the corrected event changes nothing (readers of stored events)
    assertThat(CorrectedEvent.apply(List.of(shown), List.of(c)).get(0).event()).isEqualTo(shown);
    // a correction without actors or verdict keeps the extracted ones
    EventCorrection retype = new EventCorrection("a", 0, 0, S1.length(), "clashed", clash, null,
        "attack", null, null, null, "now", "analyst");
    Event retyped = CorrectedEvent.apply(List.of(clash), List.of(retype)).get(0).event();
    assertThat(retyped.actors()).isEqualTo(clash.actors());
    assertThat(retyped.modality()).isEqualTo("alleged");
  }

  @Test
  void itFollowsItsEventWhenOffsetsAndNumbersShift() {
    Event clash = event("armed_clash", S1, 0, 0, "clashed");
    EventCorrection c = correction(clash, "attack");
    // re-analysis: a new sentence first, and a new event before the clash
    Event arrest = event("arrest", S2, 0, 0, "detained");
    Event moved = event("armed_clash", S1, S2.length() + 1, 1, "clashed");
    List<CorrectedEvent> out = CorrectedEvent.apply(List.of(arrest, moved), List.of(c));
    assertThat(out.get(0).event().type()).isEqualTo("arrest");
    assertThat(out.get(0).corrected()).isFalse();
    assertThat(out.get(1).event().type()).isEqualTo("attack");
    assertThat(out.get(1).event().start()).isEqualTo(S2.length() + 1);
  }

  @Test
  void aNumberAloneDoesNotClaimAnotherEvent() {
    Event clash = event("armed_clash", S1, 0, 0, "clashed");
    Event other = event("shelling_artillery_missile", S1, 0, 0, "shelled");
    List<CorrectedEvent> out = CorrectedEvent.apply(List.of(other), List.of(correction(clash, "attack")));
    assertThat(out).hasSize(2);
    assertThat(out.get(0).corrected()).isFalse();
    assertThat(out.get(1).restored()).isTrue();
    assertThat(out.get(1).event().type()).isEqualTo("attack");
  }
}
