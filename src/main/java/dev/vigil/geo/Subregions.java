package dev.vigil.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The UN M49 subregion of each country ("Central Asia", "Southern Asia", "Western Asia"...),
 * from the bundled {@code geo/subregions.tsv} (built by {@code scripts/build-subregions.py}).
 * Lets a story be filtered by region through the countries of its places.
 */
public final class Subregions {
  private static final Subregions BUNDLED = load();

  private final Map<String, String> byCountry;
  private final Map<String, String> names; // lower case -> as spelled

  private Subregions(Map<String, String> byCountry) {
    this.byCountry = Map.copyOf(byCountry);
    Map<String, String> n = new HashMap<>();
    byCountry.values().forEach(v -> n.put(v.toLowerCase(Locale.ROOT), v));
    this.names = Map.copyOf(n);
  }

  /** The bundled table. */
  public static Subregions bundled() {
    return BUNDLED;
  }

  /** The subregion of an ISO 3166 alpha-2 code (any case), if known. */
  public Optional<String> of(String iso2) {
    return iso2 == null ? Optional.empty() : Optional.ofNullable(byCountry.get(iso2.toUpperCase(Locale.ROOT)));
  }

  /** A subregion's name as spelled in the table, for a name in any case; empty if unknown. */
  public Optional<String> named(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(names.get(name.strip().toLowerCase(Locale.ROOT)));
  }

  /** Whether {@code iso2} (any case) is a country code the table knows. */
  public boolean isCountry(String iso2) {
    return iso2 != null && byCountry.containsKey(iso2.toUpperCase(Locale.ROOT));
  }

  /** Every subregion name, sorted. */
  public Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(names.values()));
  }

  private static Subregions load() {
    Map<String, String> m = new HashMap<>();
    try (InputStream in = Subregions.class.getResourceAsStream("/geo/subregions.tsv")) {
      if (in == null) {
        throw new IllegalStateException("geo/subregions.tsv is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 2) {
          throw new IllegalStateException("geo/subregions.tsv: bad line: " + line);
        }
        m.put(f[0], f[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read geo/subregions.tsv", e);
    }
    return new Subregions(m);
  }
}
