package dev.vigil.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The bundled gazetteer: countries, first- and second-level regions, cities (from {@code
 * geo/gazetteer.tsv.gz}, built by {@link GazetteerBuilder}) and the hand-curated named
 * regions and borders of {@code geo/regions.tsv}. Looks places up by any of their names,
 * ignoring case, accents and hyphens; looks countries up by ISO code and by demonym. Loaded
 * once per process ({@link #bundled()}); immutable and thread-safe.
 */
public final class Gazetteer {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("[\\s\\-‐‑–]+");
  private static volatile Gazetteer bundled;

  private final List<Place> places = new ArrayList<>();
  private final Map<String, List<Place>> byName = new HashMap<>();
  private final Map<String, Place> countries = new HashMap<>();
  private final Map<String, Place> admin1 = new HashMap<>();
  private final Map<String, Place> demonyms = new HashMap<>();
  private final Map<Integer, Boolean> curated = new HashMap<>();
  private final Map<String, double[]> countryPoints = new HashMap<>();
  private final List<String> aliases = new ArrayList<>(); // by id: the row's '|'-joined aliases, for pages

  private Gazetteer() {}

  /** The gazetteer shipped in the jar, loaded on first use. */
  public static Gazetteer bundled() {
    Gazetteer g = bundled;
    if (g == null) {
      synchronized (Gazetteer.class) {
        g = bundled;
        if (g == null) {
          g = new Gazetteer();
          g.loadNames("geo/names.tsv", true);
          g.load("geo/gazetteer.tsv.gz", true, false);
          g.load("geo/regions.tsv", false, true);
          g.loadNames("geo/names.tsv", false);
          bundled = g;
        }
      }
    }
    return g;
  }

  private void load(String resource, boolean gzipped, boolean isCurated) {
    try (InputStream raw = Gazetteer.class.getClassLoader().getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("gazetteer resource missing from the classpath: " + resource);
      }
      InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        try {
          add(line.split("\t", -1), isCurated);
        } catch (RuntimeException e) {
          throw new IllegalStateException(resource + ":" + n + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Reads names.tsv: its points before the gazetteer ({@code points}), the rest after it. */
  private void loadNames(String resource, boolean points) {
    try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("gazetteer resource missing from the classpath: " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f[0].equals("point")) {
          if (points) {
            if (f.length != 4) {
              throw new IllegalStateException(resource + ":" + n + ": expected point, ISO2, lat, lon");
            }
            countryPoints.put(f[1], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
          }
          continue;
        }
        if (points) {
          continue;
        }
        Place target = f.length == 3 ? target(f[2]) : null;
        if (target == null || !(f[0].equals("alias") || f[0].equals("demonym"))) {
          throw new IllegalStateException(resource + ":" + n
              + ": expected alias|demonym, a name and a known country code or region, got: " + line);
        }
        if (f[0].equals("alias")) {
          index(f[1], target);
        } else {
          demonyms.put(normalize(f[1]), target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private Place target(String codeOrName) {
    if (codeOrName.length() > 3 && codeOrName.charAt(2) == '-') {
      return admin1(codeOrName.substring(0, 2), codeOrName.substring(3));
    }
    Place country = countries.get(codeOrName);
    if (country != null) {
      return country;
    }
    return lookup(codeOrName).stream().filter(this::isCurated).findFirst().orElse(null);
  }

  private void add(String[] f, boolean isCurated) {
    if (f.length < 10) {
      throw new IllegalArgumentException("expected 10 tab-separated fields, got " + f.length);
    }
    double[] point = f[0].equals("country") ? countryPoints.get(f[2]) : null;
    Place p = new Place(places.size(), f[0], f[1], f[2].isEmpty() ? null : f[2],
        f[3].isEmpty() ? null : f[3], point != null ? point[0] : Double.parseDouble(f[4]),
        point != null ? point[1] : Double.parseDouble(f[5]), Long.parseLong(f[6]),
        Double.parseDouble(f[7]));
    places.add(p);
    if (isCurated) {
      curated.put(p.id(), true);
    }
    index(p.name(), p);
    aliases.add(f[8].isBlank() ? null : f[8]);
    for (String alias : f[8].split("\\|")) {
      index(alias, p);
    }
    for (String d : f[9].split("\\|")) {
      if (!d.isBlank()) {
        demonyms.putIfAbsent(normalize(d), p);
      }
    }
    if (p.kind().equals("country") && !isCurated) {
      countries.putIfAbsent(p.country(), p);
    }
    if (p.kind().equals("admin1") && p.admin1() != null && !isCurated) {
      admin1.putIfAbsent(p.country() + "-" + p.admin1(), p);
    }
  }

  private void index(String name, Place p) {
    if (name.isBlank()) {
      return;
    }
    List<Place> list = byName.computeIfAbsent(normalize(name), k -> new ArrayList<>(1));
    if (!list.contains(p)) {
      list.add(p);
    }
  }

  /** Lower case, accents dropped, curly apostrophes made straight, hyphens and runs of spaces one space. */
  public static String normalize(String name) {
    StringBuilder fast = new StringBuilder(name.length());
    boolean space = true; // drops leading spaces and collapses runs
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 128) {
        return slowNormalize(name); // accents, curly quotes, other scripts
      }
      if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') {
        if (!space) {
          fast.append(' ');
          space = true;
        }
      } else {
        fast.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        space = false;
      }
    }
    int end = fast.length();
    return space && end > 0 ? fast.substring(0, end - 1) : fast.toString();
  }

  private static String slowNormalize(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("").replace('’', '\'').replace('‘', '\'');
    return SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /** Every place called {@code name} (any of its names), or an empty list. */
  public List<Place> lookup(String name) {
    return byName.getOrDefault(normalize(name), List.of());
  }

  /** The country with ISO 3166-1 alpha-2 code {@code iso2}, or null. */
  public Place country(String iso2) {
    return iso2 == null ? null : countries.get(iso2);
  }

  /** The first-level region {@code code} of {@code country}, or null. */
  public Place admin1(String country, String code) {
    return code == null ? null : admin1.get(country + "-" + code);
  }

  /** The country or region a demonym or adjective names ("Tajik" -> Tajikistan), or null. */
  public Place demonym(String word) {
    return demonyms.get(normalize(word));
  }

  /**
   * Whether {@code name} is the main name of {@code place} (or its part before a comma:
   * "Washington" of "Washington, D.C.") rather than one of its aliases.
   */
  public static boolean isMainName(Place place, String name) {
    String main = withoutArticle(normalize(place.name()));
    String n = withoutArticle(normalize(name));
    int comma = main.indexOf(',');
    return main.equals(n) || (comma > 0 && main.substring(0, comma).equals(n));
  }

  /** A normalized Arabic name without its article: "al qamishli" -> "qamishli". */
  static String withoutArticle(String normalized) {
    boolean article = normalized.length() > 7 && (normalized.startsWith("al ")
        || normalized.startsWith("el ") || normalized.startsWith("ad ") || normalized.startsWith("as "));
    return article ? normalized.substring(3) : normalized;
  }

  /** Whether {@code place} comes from the hand-curated list of named regions and borders. */
  public boolean isCurated(Place place) {
    return curated.containsKey(place.id());
  }

  /** The place with {@code id} (as {@link Place#id} gives it), or null. */
  public Place place(int id) {
    return id >= 0 && id < places.size() ? places.get(id) : null;
  }

  /** The other names of {@code place} as the gazetteer spells them, in any script. */
  public List<String> aliases(Place place) {
    String joined = place.id() < aliases.size() ? aliases.get(place.id()) : null;
    if (joined == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String a : joined.split("\\|")) {
      if (!a.isBlank() && !a.equals(place.name()) && !out.contains(a)) {
        out.add(a);
      }
    }
    return out;
  }

  /** All places, curated ones last. */
  public List<Place> places() {
    return List.copyOf(places);
  }
}
