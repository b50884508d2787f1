package dev.vigil.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimexValuesTest {
  @Test
  void keepsTheDateAtThePrecisionSuTimeResolved() {
    assertThat(TimexValues.iso("2024", null)).isEqualTo("2024");
    assertThat(TimexValues.iso("2024-11", null)).isEqualTo("2024-11");
    assertThat(TimexValues.iso("2025-11-20", null)).isEqualTo("2025-11-20");
    assertThat(TimexValues.iso("2025-11-20T14:30", null)).isEqualTo("2025-11-20");
    assertThat(TimexValues.iso("2025-11-20TMO", null)).isEqualTo("2025-11-20");
    assertThat(TimexValues.iso("2024-SU", null)).isEqualTo("2024");
  }

  @Test
  void thePresentIsThePublicationDay() {
    assertThat(TimexValues.iso("PRESENT_REF", "2025-11-20T08:00:00+05:00")).isEqualTo("2025-11-20");
    assertThat(TimexValues.iso("PRESENT_REF", null)).isNull();
  }

  @Test
  void whatIsNoDateHasNoValue() {
    assertThat(TimexValues.iso("PAST_REF", "2025-11-20")).isNull();
    assertThat(TimexValues.iso("XXXX-11", null)).isNull();
    assertThat(TimexValues.iso("P1Y", "2025-11-20")).isNull();
    assertThat(TimexValues.iso(null, null)).isNull();
  }
}
