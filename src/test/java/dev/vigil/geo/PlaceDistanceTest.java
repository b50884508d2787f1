package dev.vigil.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlaceDistanceTest {
  @Test
  void londonToParisIsAbout344Km() {
    assertThat(Place.distanceKm(51.5074, -0.1278, 48.8566, 2.3522)).isCloseTo(343.5, within(1.5));
  }

  @Test
  void aDegreeOfLatitudeIsAbout111KmAndDistanceIsSymmetric() {
    assertThat(Place.distanceKm(37.0, 69.0, 38.0, 69.0)).isCloseTo(111.2, within(0.2));
    assertThat(Place.distanceKm(38.56, 68.79, 34.56, 69.21))
        .isEqualTo(Place.distanceKm(34.56, 69.21, 38.56, 68.79));
    assertThat(Place.distanceKm(0, 179.9, 0, -179.9)).isCloseTo(22.2, within(0.2)); // across the antimeridian
  }
}
