package dev.vigil.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads the Phoenix/PETRARCH actor dictionaries (format: {@code dictionaries-format.rst} of
 * the PETRARCH project) into {@link Actor}s: the officials of the country file (with their
 * dated CAMEO roles), international organisations and their officers, and militant and
 * non-state groups. Country records themselves (AFGHANISTAN_ [AFG]) are places, not actors,
 * and are left to the gazetteer. Used by the project script that builds
 * {@code kb/phoenix-actors.tsv.gz}; nothing reads the dictionaries at run time.
 */
public final class PhoenixDictionaries {
  /** The dictionary files read, in this order. */
  public static final List<String> FILES = List.of("Phoenix.Countries.actors.txt",
      "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt");

  private static final Pattern CODE = Pattern.compile("\\[([^\\]]*)\\]");
  private static final Map<String, String> ISO3_TO_ISO2 = new HashMap<>();
  private static final Map<String, String> SECTORS = Map.ofEntries(
      Map.entry("GOV", "government"), Map.entry("MIL", "military"), Map.entry("ELI", "elite"),
      Map.entry("OPP", "opposition"), Map.entry("REB", "rebels"), Map.entry("JUD", "judiciary"),
      Map.entry("LEG", "legislature"), Map.entry("BUS", "business"), Map.entry("MED", "media"),
      Map.entry("EDU", "education"), Map.entry("HLH", "health"), Map.entry("ENV", "environment"),
      Map.entry("AGR", "agriculture"), Map.entry("COP", "police"), Map.entry("SPY", "intelligence"),
      Map.entry("LAB", "labour"), Map.entry("REF", "refugees"), Map.entry("HRI", "human rights"),
      Map.entry("DEV", "development"), Map.entry("CVL", "civilians"), Map.entry("INS", "insurgents"),
      Map.entry("SEP", "separatists"), Map.entry("UNO", "United Nations"), Map.entry("IGO", "IGO"),
      Map.entry("NGO", "NGO"), Map.entry("PTY", "party"), Map.entry("REL", "religion"),
      Map.entry("CRM", "criminals"), Map.entry("UAF", "armed forces"));
  /** Words that make a name an organisation's, not a person's. */
  private static final Set<String> ORG_WORDS = Set.of("ORGANIZATION", "ORGANISATION", "UNION",
      "COUNCIL", "FUND", "BANK", "AGENCY", "COMMITTEE", "COMMISSION", "PROGRAM", "PROGRAMME",
      "OFFICE", "COURT", "TRIBUNAL", "ASSOCIATION", "INSTITUTE", "FOUNDATION", "PARTY", "FRONT",
      "ARMY", "MOVEMENT", "GROUP", "GROUPS", "BRIGADE", "BRIGADES", "FORCE", "FORCES", "CELL",
      "CELLS", "NUCLEI", "LEAGUE", "ALLIANCE", "NATIONS", "CENTER", "CENTRE", "SOCIETY", "CROSS",
      "WATCH", "INTERNATIONAL", "FEDERATION", "MISSION", "SECRETARIAT", "CONFERENCE",
      "ORGANIZATIONS", "COMMUNITY", "FACTION", "STRUGGLE", "ACTION", "JIHAD", "CONTINGENT",
      "BOARD", "PANEL", "AUTHORITY", "SECURITY", "NETWORK", "COALITION", "CORPS", "UNIT",
      "UNITS", "PROJECT", "INITIATIVE", "SERVICE", "MILITIA", "MILITIAS", "COMMAND", "AL-QAEDA",
      "TALIBAN", "SOLDIERS", "POLICE", "MINISTRY", "BUREAU", "DEPARTMENT", "ASSEMBLY", "INC",
      "CORP", "CORPORATION", "CO", "LTD", "COMPANY", "PLC", "LLC", "AG", "SA", "HOLDINGS",
      "NEWS", "TIMES", "PRESS", "RADIO", "TV", "TELEVISION", "POST", "HERALD", "JOURNAL");
  private static final Set<String> SMALL_WORDS = Set.of("of", "the", "and", "for", "in", "on",
      "to", "de", "del", "la", "le", "du", "des", "al", "el", "bin", "ibn", "a", "an", "at", "by");

  static {
    for (String iso2 : Locale.getISOCountries()) {
      ISO3_TO_ISO2.put(new Locale("", iso2).getISO3Country(), iso2);
    }
  }

  private PhoenixDictionaries() {}

  /**
   * Reads the dictionaries of {@link #FILES} in {@code dir} (each plain or {@code .gz}).
   *
   * @throws IOException naming the file that is missing or unreadable
   */
  public static List<Actor> read(Path dir) throws IOException {
    Map<String, Actor> actors = new LinkedHashMap<>(); // by name, type and country: one entry each
    Set<String> ids = new HashSet<>();
    for (String name : FILES) {
      Path file = dir.resolve(name);
      if (!Files.exists(file)) {
        file = dir.resolve(name + ".gz");
      }
      if (!Files.exists(file)) {
        throw new IOException(dir.resolve(name) + "(.gz): no such dictionary");
      }
      try (InputStream raw = Files.newInputStream(file);
          BufferedReader r = new BufferedReader(new InputStreamReader(
              file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw,
              StandardCharsets.UTF_8))) {
        for (Record rec : records(r)) {
          Actor a = toActor(rec, name, ids);
          if (a != null) {
            actors.merge(a.name() + "|" + a.type() + "|" + a.country(), a, PhoenixDictionaries::join);
          }
        }
      }
    }
    return List.copyOf(actors.values());
  }

  /** The same actor listed twice: the first entry with the second's aliases and roles. */
  private static Actor join(Actor first, Actor second) {
    Set<String> aliases = new LinkedHashSet<>(first.aliases());
    aliases.addAll(second.aliases());
    List<Role> roles = new ArrayList<>(first.roles());
    second.roles().stream().filter(r -> !roles.contains(r)).forEach(roles::add);
    return new Actor(first.id(), first.name(), first.type(), first.country(), roles,
        List.copyOf(aliases), first.source());
  }

  /** One dictionary record as written: its phrases, codes and comment. */
  private static final class Record {
    final List<String> phrases = new ArrayList<>();
    final List<String> codes = new ArrayList<>();
    String comment = "";
  }

  private static List<Record> records(BufferedReader r) throws IOException {
    List<Record> out = new ArrayList<>();
    Record current = null;
    for (String line; (line = r.readLine()) != null; ) {
      int hash = line.indexOf('#');
      String comment = hash >= 0 ? line.substring(hash) : "";
      String body = hash >= 0 ? line.substring(0, hash) : line;
      if (body.isBlank()) {
        continue;
      }
      boolean indented = Character.isWhitespace(body.charAt(0));
      String trimmed = body.strip();
      if (indented && trimmed.startsWith("[")) {
        if (current != null) {
          codes(trimmed, current.codes);
        }
        continue;
      }
      if (trimmed.startsWith("+")) {
        if (current != null) {
          for (String p : trimmed.substring(1).split("\\+")) {
            current.phrases.add(phraseOf(p));
          }
        }
        continue;
      }
      current = new Record();
      out.add(current);
      int bracket = trimmed.indexOf('[');
      current.phrases.add(phraseOf(bracket >= 0 ? trimmed.substring(0, bracket) : trimmed));
      if (bracket >= 0) {
        codes(trimmed.substring(bracket), current.codes);
      }
      current.comment = comment;
    }
    return out;
  }

  private static void codes(String text, List<String> into) {
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      into.add(m.group(1).strip());
    }
  }

  private static String phraseOf(String raw) {
    return raw.replace('_', ' ').replaceAll("\\s+", " ").strip();
  }

  private static Actor toActor(Record rec, String file, Set<String> ids) {
    List<String> phrases = rec.phrases.stream().filter(p -> p.length() >= 2).toList();
    if (phrases.isEmpty()) {
      return null;
    }
    String primary = phrases.get(0);
    List<Role> roles = new ArrayList<>();
    Map<String, Integer> countries = new LinkedHashMap<>();
    String firstCode = null;
    for (String code : rec.codes) {
      String[] parts = code.split("\\s+", 2);
      String c = parts[0];
      if (c.isEmpty() || c.startsWith("-")) {
        continue;
      }
      if (firstCode == null) {
        firstCode = c;
      }
      String iso2 = c.length() >= 3 ? ISO3_TO_ISO2.get(c.substring(0, 3)) : null;
      if (iso2 != null) {
        countries.merge(iso2, 1, Integer::sum);
      }
      String[] dates = parts.length > 1 ? dates(parts[1].strip()) : new String[2];
      roles.add(new Role(title(c), dates[0], dates[1]));
    }
    if (firstCode == null) {
      return null;
    }
    boolean countryFile = file.startsWith("Phoenix.Countries");
    boolean countryCode = rec.codes.stream().map(c -> c.split("\\s+")[0])
        .anyMatch(c -> c.length() == 3 && ISO3_TO_ISO2.containsKey(c));
    if (countryFile && countryCode && !rec.comment.contains("CountryInfo")) {
      return null; // a country: a place for the gazetteer, not an actor
    }
    String type = type(rec, primary, firstCode, countryFile);
    String country = countries.entrySet().stream()
        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    String name = display(primary);
    Set<String> aliases = new LinkedHashSet<>();
    for (String p : phrases) {
      aliases.add(display(p));
    }
    String id = slug(name);
    if (!ids.add(id)) {
      id = id + "-" + (country == null ? "x" : country.toLowerCase(Locale.ROOT));
      for (int n = 2; !ids.add(id); n++) {
        id = id.replaceFirst("-\\d+$", "") + "-" + n;
      }
    }
    return new Actor(id, name, type, country, roles, List.copyOf(aliases), "phoenix");
  }

  private static String type(Record rec, String primary, String code, boolean countryFile) {
    if (countryFile && rec.comment.contains("CountryInfo")) {
      return "person";
    }
    if (code.startsWith("MNC")) {
      return "organisation"; // multinational companies
    }
    String[] words = primary.toUpperCase(Locale.ROOT).split(" ");
    boolean orgWord = false;
    for (String w : words) {
      orgWord |= ORG_WORDS.contains(w);
    }
    boolean personLike = !orgWord && words.length >= 2 && words.length <= 4
        && primary.matches("[\\p{L}.' -]+") && !rec.comment.contains("NGO_Actors (org)");
    if (personLike && !countryFile) {
      return "person";
    }
    String sectors = code.length() > 3 ? code.substring(3) : code;
    if (code.startsWith("IGO")) {
      return "igo";
    }
    if (sectors.contains("REB") || sectors.contains("INS") || sectors.contains("SEP")
        || rec.comment.contains("kkl")) {
      return "armed_group";
    }
    if (sectors.startsWith("MED")) {
      return "media";
    }
    if (sectors.startsWith("GOV") || sectors.startsWith("MIL") || sectors.startsWith("JUD")
        || sectors.startsWith("LEG") || sectors.startsWith("COP") || sectors.startsWith("SPY")) {
      return "government";
    }
    return "organisation";
  }

  /** "RUSGOV" as "RUS government", "IGOUNO" as "IGO United Nations". */
  static String title(String code) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i + 3 <= code.length(); i += 3) {
      String part = code.substring(i, i + 3);
      String word = i == 0 && ISO3_TO_ISO2.containsKey(part) ? part : SECTORS.getOrDefault(part, part);
      b.append(b.length() == 0 ? "" : " ").append(word);
    }
    return b.length() == 0 ? code : b.toString();
  }

  /** A restriction "750101-000101", ">011222" or "<061231" as ISO dates [from, to]. */
  static String[] dates(String restriction) {
    String[] out = new String[2];
    if (restriction.startsWith(">")) {
      out[0] = date(restriction.substring(1));
    } else if (restriction.startsWith("<")) {
      out[1] = date(restriction.substring(1));
    } else if (restriction.contains("-")) {
      String[] ends = restriction.split("-", 2);
      out[0] = date(ends[0]);
      out[1] = date(ends[1]);
    }
    return out;
  }

  private static String date(String d) {
    d = d.strip();
    if (d.matches("\\d{8}")) {
      return d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6);
    }
    if (d.matches("\\d{6}")) {
      int yy = Integer.parseInt(d.substring(0, 2));
      return (yy <= 30 ? "20" : "19") + d.substring(0, 2) + "-" + d.substring(2, 4) + "-"
          + d.substring(4);
    }
    return null;
  }

  /**
   * "VLADIMIR_PUTIN_" as "Vladimir Putin"; what looks like an acronym (no vowels, dots, or a
   * single word of five letters or fewer: "ANSF", "UNDP") stays in capitals.
   */
  static String display(String phrase) {
    StringBuilder b = new StringBuilder();
    String[] words = phrase.split(" ");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (i > 0) {
        b.append(' ');
      }
      String lower = w.toLowerCase(Locale.ROOT);
      if (i > 0 && SMALL_WORDS.contains(lower)) {
        b.append(lower);
      } else if (w.length() <= 4 && !w.matches(".*[AEIOUY].*") || w.matches("(\\p{L}\\.)+")
          || words.length == 1 && w.length() <= 5
          || w.matches("\\(.*\\)")) {
        b.append(w);
      } else {
        b.append(capitalise(lower));
      }
    }
    return b.toString();
  }

  private static String capitalise(String lower) {
    StringBuilder b = new StringBuilder(lower.length());
    boolean start = true;
    for (char c : lower.toCharArray()) {
      b.append(start ? Character.toUpperCase(c) : c);
      start = c == '-' || c == '\'' && b.length() == 2 || c == '.';
    }
    return b.toString();
  }

  /** A stable id from a name: lowercase ASCII words joined by hyphens. */
  static String slug(String name) {
    String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
        .replaceAll("^-|-$", "");
    return s.isEmpty() ? "actor" : s;
  }
}
