package dev.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsoDatesTest {
  @Test
  void acceptsEveryPrecision() {
    assertThat(IsoDates.isValid("2024")).isTrue();
    assertThat(IsoDates.isValid("2024-11")).isTrue();
    assertThat(IsoDates.isValid("2024-11-19")).isTrue();
    assertThat(IsoDates.isValid("2024-11-19T08:30")).isTrue();
    assertThat(IsoDates.isValid("2024-11-19T08:30:00Z")).isTrue();
    assertThat(IsoDates.isValid("2024-11-19T08:30:00+05:00")).isTrue();
  }

  @Test
  void rejectsWhatIsNotADate() {
    assertThat(IsoDates.isValid(null)).isFalse();
    assertThat(IsoDates.isValid("")).isFalse();
    assertThat(IsoDates.isValid("yesterday")).isFalse();
    assertThat(IsoDates.isValid("2024-13")).isFalse();
    assertThat(IsoDates.isValid("2024-02-30")).isFalse();
    assertThat(IsoDates.isValid("19/11/2024")).isFalse();
  }

  @Test
  void periodsStartAtTheirFirstMomentInUtc() {
    assertThat(IsoDates.toEpochMillis("1970")).isZero();
    assertThat(IsoDates.toEpochMillis("1970-01-02")).isEqualTo(86_400_000L);
    assertThat(IsoDates.toEpochMillis("1970-01-01T01:00:00+01:00")).isZero();
  }

  @Test
  void normalisesTheFormsSourcesUse() {
    assertThat(IsoDates.normalize(" 2019-11-19T07:03:25.123+00:00 ")).isEqualTo("2019-11-19T07:03:25Z");
    assertThat(IsoDates.normalize("2019-11-19 07:03:25")).isEqualTo("2019-11-19T07:03:25");
    assertThat(IsoDates.normalize("Tue, 3 Jun 2008 11:05:30 GMT")).isEqualTo("2008-06-03T11:05:30Z");
    assertThat(IsoDates.normalize("1574146405")).isEqualTo("2019-11-19T06:53:25Z");
    assertThat(IsoDates.normalize("2024-11")).isEqualTo("2024-11");
    assertThat(IsoDates.normalize("last Tuesday")).isNull();
  }
}
