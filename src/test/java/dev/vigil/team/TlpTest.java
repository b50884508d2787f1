package dev.vigil.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TlpTest {
  @Test
  void markingsParseAsWrittenInTlp2() {
    assertThat(Tlp.parse("TLP:AMBER+STRICT")).isEqualTo(Tlp.AMBER_STRICT);
    assertThat(Tlp.parse(" green ")).isEqualTo(Tlp.GREEN);
    assertThat(Tlp.RED.label()).isEqualTo("RED");
    assertThatThrownBy(() -> Tlp.parse("WHITE")).hasMessageContaining("unknown TLP marking 'WHITE'");
  }

  @Test
  void onlyTheOwningOrganisationSeesAmberAndRed() {
    for (Tlp t : Tlp.values()) {
      assertThat(t.visibleTo("alpha", "alpha")).as(t.label()).isTrue();
    }
    assertThat(Tlp.CLEAR.visibleTo("beta", "alpha")).isTrue();
    assertThat(Tlp.GREEN.visibleTo("beta", "alpha")).isTrue();
    assertThat(Tlp.AMBER.visibleTo("beta", "alpha")).isFalse();
    assertThat(Tlp.AMBER_STRICT.visibleTo("beta", "alpha")).isFalse();
    assertThat(Tlp.RED.visibleTo("beta", "alpha")).isFalse();
  }

  @Test
  void rolesIncludeTheOnesBelow() {
    assertThat(Role.ADMIN.atLeast(Role.ANALYST)).isTrue();
    assertThat(Role.VIEWER.atLeast(Role.ANALYST)).isFalse();
    assertThat(Role.parse("Analyst")).isEqualTo(Role.ANALYST);
    assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("unknown role 'root'");
  }
}
