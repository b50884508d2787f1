package dev.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimTest {
  static Event event(int id, String type, String modality, String speaker, Integer denies,
      String sentence) {
    List<Event.Actor> actors = speaker == null ? List.of() : List.of(new Event.Actor("speaker", speaker));
    return new Event(type, null, modality, null, null, actors, null, null, null, sentence, 0,
        sentence.length(), id, type, null, denies, null);
  }

  @Test
  void theLedgerPairsEachClaimWithItsDenials() {
    Event attack = event(0, "air_drone_strike", "alleged", "Tajik authorities", null,
        "Attacks allegedly organized from Afghan soil.");
    Event asserted = event(1, "armed_clash", "asserted", null, null, "Clashes broke out.");
    Event denial = event(2, "denial", "asserted", "Taliban officials", 0,
        "Taliban officials have denied these claims.");
    List<Claim> ledger = Claim.ledger(List.of(attack, asserted, denial));
    assertThat(ledger).singleElement().satisfies(c -> {
      assertThat(c.event()).isZero();
      assertThat(c.claimant()).isEqualTo("Tajik authorities");
      assertThat(c.denials()).containsExactly(new Claim.Response(2, "Taliban officials",
          "Taliban officials have denied these claims."));
      assertThat(c.confirmations()).isEmpty();
    });
  }

  @Test
  void accusationsAndWarningsAreClaimsUnlessNegated() {
    assertThat(Claim.ledger(List.of(event(0, "accusation", "asserted", "Kabul", null, "s."),
        event(1, "responsibility_claim", "negated", null, null, "No one claimed it."))))
        .extracting(Claim::type).containsExactly("accusation");
  }
}
