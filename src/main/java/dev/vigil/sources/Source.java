package dev.vigil.sources;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One outlet. {@code domains} are host names, each optionally with a path prefix
 * ({@code bbc.com/persian}) for outlets that share a site; a host also matches its subdomains.
 * {@code prior} is the probability, before any corroboration, that a report of this source is
 * accurate: a starting point the stories stage refines, not a verdict on the outlet.
 *
 * @param country ISO 3166-1 alpha-2 code, or null for international outlets
 * @param languages ISO 639-1 codes of the languages it publishes in
 */
public record Source(
    String id, String name, List<String> homepages, List<String> domains, String country,
    List<String> languages, SourceType type, String ownership, double prior, Reliability label) {

  /** What a source id may look like: it names the source in commands and files. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public Source {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("source id must match " + ID.pattern() + ", got '" + id + "'");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("source " + id + " has no name");
    }
    homepages = homepages == null ? List.of() : List.copyOf(homepages);
    domains = domains == null ? List.of() : List.copyOf(domains);
    languages = languages == null ? List.of() : List.copyOf(languages);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(label, "label");
    if (!(prior >= 0 && prior <= 1)) {
      throw new IllegalArgumentException("source " + id + ": prior must be between 0 and 1, got " + prior);
    }
    if (country != null && !country.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("source " + id + ": country must be an ISO code like TJ, got '" + country + "'");
    }
  }
}
