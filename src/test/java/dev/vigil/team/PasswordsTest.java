package dev.vigil.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  @Test
  void aHashVerifiesItsPasswordAndNoOther() {
    String h = Passwords.hash("correct horse battery staple");
    assertThat(h).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("horse");
    assertThat(Passwords.verify("correct horse battery staple", h)).isTrue();
    assertThat(Passwords.verify("correct horse battery stapler", h)).isFalse();
    assertThat(Passwords.verify("", h)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertThat(Passwords.hash("same password here")).isNotEqualTo(Passwords.hash("same password here"));
  }

  @Test
  void aMalformedStoredHashVerifiesNothing() {
    for (String bad : new String[] {"", "plain", "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA",
        "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=8,t=1,p=1$!!!$AAAA"}) {
      assertThat(Passwords.verify("anything at all", bad)).as(bad).isFalse();
    }
  }

  @Test
  void shortPasswordsAreRefused() {
    assertThatThrownBy(() -> Passwords.check("short")).hasMessageContaining("at least 10");
    Passwords.check("long enough now");
  }
}
