package dev.vigil.model;

import java.util.Objects;
import java.util.Set;

/**
 * A toponym resolved to a place. {@code radiusKm} is the uncertainty of the point: how far
 * the place it names may lie from {@code (lat, lon)} (null when unknown).
 */
public record PlaceMention(
    String text, String name, String kind, String country, Double lat, Double lon,
    Double radiusKm, int start, int end) {
  /** The place kinds of DESIGN.md. */
  public static final Set<String> KINDS = Set.of("country", "admin1", "admin2", "city", "region");

  public PlaceMention {
    Objects.requireNonNull(text, "text");
    if (kind != null && !KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown place kind: " + kind);
    }
    if (lat != null && (lat < -90 || lat > 90)) {
      throw new IllegalArgumentException("latitude out of range: " + lat);
    }
    if (lon != null && (lon < -180 || lon > 180)) {
      throw new IllegalArgumentException("longitude out of range: " + lon);
    }
    Offsets.check(start, end);
  }
}
