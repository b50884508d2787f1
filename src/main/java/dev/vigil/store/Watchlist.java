package dev.vigil.store;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an analyst watches for: a full-text query in the search syntax (blank: every article)
 * and filters that must all hold (within one list, any value will do). {@code near} and
 * {@code box} are matched against the coordinates of the article's places and events;
 * {@code minReliability} (Reliable, Mixed, Unreliable), {@code minGrade} (Admiralty, e.g. B2)
 * and {@code minSources} (independent sources of the story) come from the story context.
 * {@code digest} says how often an alert is (re)delivered: {@code immediate}, {@code hourly}
 * or {@code daily}. The compact constructor rejects bad values, naming the field.
 */
public record Watchlist(
    long id, String name, String query, List<String> entities, List<String> eventTypes,
    List<String> categories, List<String> countries, Circle near, Box box, String minReliability,
    String minGrade, int minSources, String digest, String webhookUrl, String webhookSecret,
    String email, String created, String updated) {

  public static final Set<String> DIGESTS = Set.of("immediate", "hourly", "daily");
  /** Reliability labels, from the least to the most trusted. */
  public static final List<String> RELIABILITY = List.of("Unreliable", "Mixed", "Reliable");
  private static final Pattern GRADE = Pattern.compile("[A-F][1-6]");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_NAME = 200;
  private static final int MAX_VALUES = 100;

  /** A point and a radius in kilometres. */
  public record Circle(double lat, double lon, double radiusKm) {
    public Circle {
      if (!(lat >= -90 && lat <= 90)) {
        throw new InvalidFieldException("near.lat", "must be between -90 and 90, got " + lat);
      }
      if (!(lon >= -180 && lon <= 180)) {
        throw new InvalidFieldException("near.lon", "must be between -180 and 180, got " + lon);
      }
      if (!(radiusKm > 0 && radiusKm <= 20_000)) {
        throw new InvalidFieldException("near.radiusKm", "must be above 0 and at most 20000, got " + radiusKm);
      }
    }
  }

  /** A latitude/longitude box (not crossing the antimeridian). */
  public record Box(double south, double west, double north, double east) {
    public Box {
      if (!(south >= -90 && north <= 90 && south <= north)) {
        throw new InvalidFieldException("box", "needs -90 <= south <= north <= 90, got south "
            + south + ", north " + north);
      }
      if (!(west >= -180 && east <= 180 && west <= east)) {
        throw new InvalidFieldException("box", "needs -180 <= west <= east <= 180, got west "
            + west + ", east " + east);
      }
    }

    public boolean contains(double lat, double lon) {
      return lat >= south && lat <= north && lon >= west && lon <= east;
    }
  }

  public Watchlist {
    if (name == null || name.isBlank()) {
      throw new InvalidFieldException("name", "is required");
    }
    name = name.strip();
    if (name.length() > MAX_NAME) {
      throw new InvalidFieldException("name", "is longer than " + MAX_NAME + " characters");
    }
    query = query == null ? "" : query.strip();
    if (query.length() > SearchQuery.MAX_QUERY_CHARS) {
      throw new InvalidFieldException("query", "is longer than " + SearchQuery.MAX_QUERY_CHARS + " characters");
    }
    entities = values("entities", entities, false);
    eventTypes = values("eventTypes", eventTypes, true);
    categories = values("categories", categories, true);
    countries = values("countries", countries, false).stream()
        .map(c -> c.toUpperCase(Locale.ROOT)).toList();
    for (String c : countries) {
      if (!COUNTRY.matcher(c).matches()) {
        throw new InvalidFieldException("countries", "must be ISO 3166-1 alpha-2 codes like TJ, got '" + c + "'");
      }
    }
    if (near != null && box != null) {
      throw new InvalidFieldException("near", "and 'box' cannot both be given; choose one area");
    }
    minReliability = blankToNull(minReliability);
    if (minReliability != null) {
      String given = minReliability;
      minReliability = RELIABILITY.stream().filter(r -> r.equalsIgnoreCase(given)).findFirst()
          .orElseThrow(() -> new InvalidFieldException("minReliability",
              "must be one of " + RELIABILITY + ", got '" + given + "'"));
    }
    minGrade = blankToNull(minGrade);
    if (minGrade != null) {
      minGrade = minGrade.toUpperCase(Locale.ROOT);
      if (!GRADE.matcher(minGrade).matches()) {
        throw new InvalidFieldException("minGrade",
            "must be an Admiralty grade: a letter A-F and a digit 1-6, like B2, got '" + minGrade + "'");
      }
    }
    if (minSources < 1 || minSources > 1000) {
      throw new InvalidFieldException("minSources", "must be between 1 and 1000, got " + minSources);
    }
    digest = blankToNull(digest) == null ? "immediate" : digest.strip().toLowerCase(Locale.ROOT);
    if (!DIGESTS.contains(digest)) {
      throw new InvalidFieldException("digest", "must be immediate, hourly or daily, got '" + digest + "'");
    }
    webhookUrl = blankToNull(webhookUrl);
    if (webhookUrl != null) {
      URI uri;
      try {
        uri = URI.create(webhookUrl);
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException("webhookUrl", "is not a URL: " + e.getMessage());
      }
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new InvalidFieldException("webhookUrl", "must be an http(s) URL with a host, got '" + webhookUrl + "'");
      }
    }
    webhookSecret = blankToNull(webhookSecret);
    if (webhookSecret != null && webhookSecret.length() < 16) {
      throw new InvalidFieldException("webhookSecret", "must be at least 16 characters (or left out to have one made)");
    }
    email = blankToNull(email);
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new InvalidFieldException("email", "is not an e-mail address: '" + email + "'");
    }
  }

  private static List<String> values(String field, List<String> given, boolean lowerCase) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_VALUES) {
      throw new InvalidFieldException(field, "has more than " + MAX_VALUES + " values");
    }
    List<String> out = new ArrayList<>();
    for (String v : given) {
      if (v == null || v.isBlank()) {
        throw new InvalidFieldException(field, "must not contain blank values");
      }
      out.add(lowerCase ? v.strip().toLowerCase(Locale.ROOT) : v.strip());
    }
    return List.copyOf(out);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** This watchlist with the id and times the store gave it. */
  public Watchlist stored(long newId, String newCreated, String newUpdated) {
    return new Watchlist(newId, name, query, entities, eventTypes, categories, countries, near,
        box, minReliability, minGrade, minSources, digest, webhookUrl, webhookSecret, email,
        newCreated, newUpdated);
  }

  /** This watchlist with {@code secret} as its webhook secret. */
  public Watchlist withWebhookSecret(String secret) {
    return new Watchlist(id, name, query, entities, eventTypes, categories, countries, near, box,
        minReliability, minGrade, minSources, digest, webhookUrl, secret, email, created, updated);
  }

  /** The delivery channels this watchlist pushes to ({@code webhook}, {@code email}). */
  public List<String> channels() {
    List<String> out = new ArrayList<>();
    if (webhookUrl != null) {
      out.add("webhook");
    }
    if (email != null) {
      out.add("email");
    }
    return out;
  }
}
