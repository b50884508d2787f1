package dev.vigil.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GreatCircleTest {
  @Test
  void londonToParisIsAbout344Km() {
    assertThat(GreatCircle.km(51.5074, -0.1278, 48.8566, 2.3522)).isCloseTo(343.5, within(1.5));
  }

  @Test
  void aDegreeOfLatitudeIsAbout111KmAndDistanceIsSymmetric() {
    assertThat(GreatCircle.km(37.0, 69.0, 38.0, 69.0)).isCloseTo(111.2, within(0.2));
    assertThat(GreatCircle.km(38.56, 68.79, 34.56, 69.21))
        .isEqualTo(GreatCircle.km(34.56, 69.21, 38.56, 68.79));
    assertThat(GreatCircle.km(0, 179.9, 0, -179.9)).isCloseTo(22.2, within(0.2)); // across the antimeridian
  }
}
