package dev.vigil.geo;

import dev.vigil.model.PlaceMention;
import java.util.Objects;

/**
 * One gazetteer entry. {@code kind} is one of {@link PlaceMention#KINDS}; {@code admin1} is the
 * code of the first-level region the place lies in (its own code for an admin1, null when
 * unknown); {@code radiusKm} is how far the place extends from its point.
 */
public record Place(
    int id, String kind, String name, String country, String admin1, double lat, double lon,
    long population, double radiusKm) {
  public Place {
    Objects.requireNonNull(name, "name");
    if (!PlaceMention.KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown place kind: " + kind + " for " + name);
    }
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      throw new IllegalArgumentException("bad coordinates " + lat + "," + lon + " for " + name);
    }
  }

  /** Great-circle distance in km to {@code other}. */
  public double distanceKm(Place other) {
    return distanceKm(lat, lon, other.lat, other.lon);
  }

  /** The Earth's mean radius (IUGG); the sphere is good to about 0.5%. */
  private static final double EARTH_RADIUS_KM = 6371.0088;

  /** Great-circle distance in km between two points (haversine). */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2)
        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
