package dev.vigil.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Project tool: builds the bundled gazetteer ({@code geo/gazetteer.tsv.gz}) from the
 * countries-states-cities database (countries with translations and demonyms, first-level
 * regions, second-level regions; ODbL) and GeoNames {@code cities1000} (every city of 1,000
 * people or more, with population and alternate names; CC BY 4.0).
 *
 * <p>Cities come from GeoNames for every country: it is complete (the countries-states-cities
 * copy lacks twelve large countries) and carries the populations that disambiguation needs;
 * the countries-states-cities cities only lend their Russian, Persian and Arabic names to the
 * GeoNames city they match. To keep the file small, alternate names in Latin script are kept
 * for cities of 10,000 people or more and those in other scripts for cities of 100,000 or more.
 *
 * <p>Output: one place per line, tab-separated: kind, name, country ISO2, admin1 code, lat,
 * lon, population, radius km, aliases ({@code |}-separated), demonyms (countries only).
 */
public final class GazetteerBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ADMIN2_TYPES = Set.of("adm2", "county");
  private static final Set<String> TRANSLATIONS = Set.of("ru", "fa", "ar");

  private final List<Row> rows = new ArrayList<>();
  /** Each GeoNames city's own admin1 code, as cities1000 gives it. */
  private final Map<Row, String> geonamesAdmin1 = new java.util.IdentityHashMap<>();
  /** country|GeoNames admin1 code -> region code -> cities of both sources that pair them. */
  private final Map<String, Map<String, Integer>> admin1Votes = new HashMap<>();

  private record Row(String kind, String name, String country, String admin1, double lat,
      double lon, long population, double radiusKm, Set<String> aliases, Set<String> demonyms) {}

  private GazetteerBuilder() {}

  /**
   * Counts of what was written, by kind, and how many cities' first-level region was taken from
   * the crosswalk learned from the two sources (see {@link #regionsFromPairedCities}).
   */
  public record Summary(Map<String, Integer> byKind, int citiesRegionCorrected) {}

  /**
   * Builds the gazetteer from the countries-states-cities folder {@code data} (as in
   * {@code ../shared/data/gazetteer}) and GeoNames {@code cities1000.txt}, writing {@code out}.
   */
  public static Summary build(Path data, Path cities1000, Path out) throws IOException {
    GazetteerBuilder b = new GazetteerBuilder();
    Map<String, Double> countryRadius = b.countries(data.resolve("csc-countries.json.gz"));
    Map<String, Map<String, String>> admin1Codes =
        b.states(data.resolve("csc-states.csv.gz"), countryRadius);
    Map<String, List<Row>> cityIndex = b.cities(cities1000, admin1Codes);
    b.cscCities(data.resolve("csc-cities-by-country.tar.gz"), countryRadius, cityIndex);
    int corrected = b.regionsFromPairedCities();
    Map<String, Integer> byKind = new HashMap<>();
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (Writer w = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8))) {
      for (Row r : b.rows) {
        byKind.merge(r.kind, 1, Integer::sum);
        w.write(String.join("\t", r.kind, clean(r.name), r.country, r.admin1 == null ? "" : r.admin1,
            coord(r.lat), coord(r.lon), Long.toString(r.population),
            Long.toString(Math.round(r.radiusKm)),
            String.join("|", r.aliases.stream().map(GazetteerBuilder::clean).toList()),
            String.join("|", r.demonyms)));
        w.write('\n');
      }
    }
    return new Summary(byKind, corrected);
  }

  private Map<String, Double> countries(Path file) throws IOException {
    Map<String, Double> radius = new HashMap<>();
    JsonNode all;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      all = JSON.readTree(in);
    }
    for (JsonNode c : all) {
      String iso2 = c.path("iso2").asText();
      double area = c.path("area_sq_km").asDouble(0);
      double r = area > 0 ? Math.sqrt(area / Math.PI) : 50;
      radius.put(iso2, r);
      Set<String> aliases = new LinkedHashSet<>();
      addAlias(aliases, c.path("native").asText(null));
      c.path("translations").properties().forEach(e -> addAlias(aliases, e.getValue().asText()));
      Set<String> demonyms = new LinkedHashSet<>();
      for (String d : c.path("nationality").asText("").split(",| or ")) {
        if (!d.isBlank()) {
          demonyms.add(d.strip());
        }
      }
      rows.add(new Row("country", c.path("name").asText(), iso2, null,
          c.path("latitude").asDouble(), c.path("longitude").asDouble(),
          c.path("population").asLong(0), r, aliases, demonyms));
    }
    return radius;
  }

  /** Returns, per country, GeoNames-style admin1 codes (FIPS and ISO) to the region's code. */
  private Map<String, Map<String, String>> states(Path file, Map<String, Double> countryRadius)
      throws IOException {
    List<String[]> states = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (header == null || !header.startsWith("id,name,country_id")) {
        throw new IOException(file + ": not a countries-states-cities states file");
      }
      String line;
      int n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        List<String> f = splitCsv(line);
        if (f.size() < 17) {
          throw new IOException(file + ":" + n + ": expected 17 fields, got " + f.size());
        }
        states.add(f.toArray(String[]::new));
      }
    }
    Map<String, Integer> perCountry = new HashMap<>();
    for (String[] s : states) {
      perCountry.merge(s[3], 1, Integer::sum);
    }
    Map<String, Map<String, String>> codes = new HashMap<>();
    for (String[] s : states) {
      String country = s[3];
      String code = s[5].strip();
      if (s[12].isBlank() || s[13].isBlank()) {
        continue;
      }
      double cr = countryRadius.getOrDefault(country, 300.0);
      double r = Math.max(10, Math.min(cr, 1.3 * cr / Math.sqrt(perCountry.get(country))));
      Set<String> aliases = new LinkedHashSet<>();
      addAlias(aliases, s[11]);
      String name = s[1].strip();
      for (String suffix : List.of(" Province", " Governorate", " Region", " District")) {
        if (name.endsWith(suffix)) {
          aliases.add(name.substring(0, name.length() - suffix.length()));
        }
      }
      rows.add(new Row("admin1", name, country, code, Double.parseDouble(s[12]),
          Double.parseDouble(s[13]), s[16].isBlank() ? 0 : (long) Double.parseDouble(s[16]), r,
          aliases, Set.of()));
      Map<String, String> m = codes.computeIfAbsent(country, k -> new HashMap<>());
      if (!s[7].isBlank()) {
        m.putIfAbsent(s[7].strip(), code);
      }
      m.putIfAbsent(code, code);
    }
    return codes;
  }

  private Map<String, List<Row>> cities(Path file, Map<String, Map<String, String>> admin1Codes)
      throws IOException {
    Map<String, List<Row>> index = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String[] f = line.split("\t", -1);
        if (f.length < 19) {
          throw new IOException(file + ":" + n + ": expected 19 tab-separated fields, got " + f.length);
        }
        long pop = f[14].isBlank() ? 0 : Long.parseLong(f[14]);
        Set<String> aliases = new LinkedHashSet<>();
        if (!f[2].equals(f[1])) {
          aliases.add(f[2]);
        }
        for (String alt : f[3].split(",")) {
          boolean latin = alt.chars().allMatch(ch -> ch < 0x250 || ch == 0x2019);
          if (alt.length() >= 3 && !alt.equals(f[1]) && alt.chars().noneMatch(Character::isDigit)
              && (latin ? pop >= 10_000 : pop >= 100_000)) {
            aliases.add(alt);
          }
        }
        String country = f[8];
        String admin1 = admin1Codes.getOrDefault(country, Map.of()).get(f[10]);
        Row row = new Row("city", f[1], country, admin1, Double.parseDouble(f[4]),
            Double.parseDouble(f[5]), pop, 3 + 0.01 * Math.sqrt(pop), aliases, Set.of());
        rows.add(row);
        geonamesAdmin1.put(row, f[10]);
        index.computeIfAbsent(country + "|" + Gazetteer.normalize(f[2]), k -> new ArrayList<>())
            .add(row);
      }
    }
    return index;
  }

  /** Second-level regions, and Russian/Persian/Arabic names for the GeoNames cities. */
  private void cscCities(Path archive, Map<String, Double> countryRadius,
      Map<String, List<Row>> cityIndex) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GZIPInputStream(Files.newInputStream(archive)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!e.isFile() || !e.getName().endsWith(".json")) {
          continue;
        }
        JsonNode all = JSON.readTree(tar.readAllBytes());
        List<JsonNode> admin2 = new ArrayList<>();
        for (JsonNode c : all) {
          vote(c, cityIndex);
          if (ADMIN2_TYPES.contains(c.path("type").asText())) {
            admin2.add(c);
          } else if (c.path("population").asLong(0) >= 100_000 || "capital".equals(c.path("type").asText())) {
            lendNames(c, cityIndex);
          }
        }
        for (JsonNode c : admin2) {
          String country = c.path("country_code").asText();
          double cr = countryRadius.getOrDefault(country, 300.0);
          double r = Math.max(5, Math.min(cr, 1.3 * cr / Math.sqrt(admin2.size())));
          Set<String> aliases = new LinkedHashSet<>();
          addAlias(aliases, c.path("native").asText(null));
          rows.add(new Row("admin2", c.path("name").asText(), country,
              c.path("state_code").asText(null), c.path("latitude").asDouble(),
              c.path("longitude").asDouble(), c.path("population").asLong(0), r, aliases, Set.of()));
        }
      }
    }
  }

  /**
   * Notes which first-level region a countries-states-cities entry puts the GeoNames city it
   * matches (same country and name, within 30 km) in.
   */
  private void vote(JsonNode c, Map<String, List<Row>> cityIndex) {
    String region = c.path("state_code").asText("").strip();
    if (region.isEmpty()) {
      return;
    }
    String country = c.path("country_code").asText();
    double lat = c.path("latitude").asDouble();
    double lon = c.path("longitude").asDouble();
    for (Row city : cityIndex.getOrDefault(country + "|" + Gazetteer.normalize(c.path("name").asText()), List.of())) {
      String own = geonamesAdmin1.get(city);
      if (own != null && !own.isBlank() && Place.distanceKm(lat, lon, city.lat, city.lon) < 30) {
        admin1Votes.computeIfAbsent(country + "|" + own, k -> new HashMap<>()).merge(region, 1, Integer::sum);
        return;
      }
    }
  }

  /**
   * Gives each GeoNames city the region code of the countries-states-cities regions. GeoNames
   * codes its first-level regions its own way (FIPS numbers for many countries, ISO for some,
   * "ENG"/"SCT" for Britain's nations), and the codes of the two sources collide: Iran's
   * GeoNames code 26 is Tehran, while ISO's IR-26 is Qazvin, so Tehran the city landed in
   * Qazvin province, and "a city named like its province" never found its province. The
   * crosswalk is learned from the cities both sources list (the region the other source puts
   * most of a GeoNames code's cities in, when at least two cities and half of them agree, or
   * one city for a code the code table does not map at all); any other code keeps the
   * code-table mapping.
   *
   * @return how many cities changed region
   */
  private int regionsFromPairedCities() {
    Map<String, Map.Entry<String, Integer>> crosswalk = new HashMap<>();
    admin1Votes.forEach((code, votes) -> {
      int total = votes.values().stream().mapToInt(Integer::intValue).sum();
      votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
              .thenComparing(Map.Entry.comparingByKey()))
          .filter(best -> 2 * best.getValue() >= total)
          .ifPresent(best -> crosswalk.put(code, best));
    });
    int changed = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      String own = geonamesAdmin1.get(r);
      Map.Entry<String, Integer> best = own == null ? null : crosswalk.get(r.country + "|" + own);
      // one paired city only fills a gap (a capital district: Dushanbe); it overrides nothing
      String region = best == null || (best.getValue() < 2 && r.admin1 != null) ? null : best.getKey();
      if (region != null && !region.equals(r.admin1)) {
        rows.set(i, new Row(r.kind, r.name, r.country, region, r.lat, r.lon, r.population, r.radiusKm,
            r.aliases, r.demonyms));
        changed++;
      }
    }
    return changed;
  }

  private static void lendNames(JsonNode c, Map<String, List<Row>> cityIndex) {
    String key = c.path("country_code").asText() + "|"
        + Gazetteer.normalize(c.path("name").asText());
    double lat = c.path("latitude").asDouble();
    double lon = c.path("longitude").asDouble();
    for (Row city : cityIndex.getOrDefault(key, List.of())) {
      if (Place.distanceKm(lat, lon, city.lat, city.lon) < 30) {
        addAlias(city.aliases, c.path("native").asText(null));
        c.path("translations").properties().forEach(t -> {
          if (TRANSLATIONS.contains(t.getKey())) {
            addAlias(city.aliases, t.getValue().asText());
          }
        });
        return;
      }
    }
  }

  private static void addAlias(Set<String> aliases, String alias) {
    if (alias != null && !alias.isBlank()) {
      aliases.add(alias.strip());
    }
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('|', ' ').replace('\n', ' ').strip();
  }

  private static String coord(double v) {
    return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /** Splits one CSV line with double-quoted fields. */
  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
