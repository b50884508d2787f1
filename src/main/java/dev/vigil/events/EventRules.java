package dev.vigil.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The event rules, read from the pattern files under {@code events/} on the classpath: the
 * ontology ({@code types.tsv}), trigger patterns ({@code triggers.tsv}, then the generated
 * {@code triggers-cameo.tsv}), modality cues, count words and units, number words, category cues
 * and claim links. Each file documents its own format in its header. Immutable once loaded.
 */
public final class EventRules {
  /** One event type of the ontology. */
  record Type(String code, String acled, String family, int specificity, boolean frame,
      List<String> categories) {}

  /** A trigger pattern with its constraints; {@code where} is "file:line" for messages. */
  record Trigger(String type, TokenPattern pattern, String pos, List<Set<String>> with,
      Set<String> without, String where) {}

  /** A modality cue and how far it reaches before and after a trigger. */
  record Cue(String modality, Set<String> words, int before, int after, boolean framesToo) {}

  /** A category cue pattern. */
  record CategoryCue(String category, TokenPattern pattern) {}

  final Map<String, Type> types;
  final List<Trigger> triggers;
  final List<Cue> cues;
  final Map<String, Set<String>> countWords;
  final Set<String> units;
  final Map<String, Long> numbers;
  final List<CategoryCue> categoryCues;
  final Set<String> confirmWords;
  /** Singular nouns for one person: "a Taliban leader" counts one when a count word is near. */
  final Set<String> persons;
  /** What "more than N" counts: N plus this (0: Vigil's lower bound; 1: "more than 30" is 31). */
  final int moreThan;
  /** Quantifiers that make a noun trigger generic ({@code generic.tsv}): "more flood incidences". */
  final Set<String> genericQuantifiers;

  private EventRules(Map<String, Type> types, List<Trigger> triggers, List<Cue> cues,
      Map<String, Set<String>> countWords, Set<String> units, Map<String, Long> numbers,
      List<CategoryCue> categoryCues, Set<String> confirmWords, Set<String> persons,
      int moreThan, Set<String> genericQuantifiers) {
    this.types = types;
    this.triggers = triggers;
    this.cues = cues;
    this.countWords = countWords;
    this.units = units;
    this.numbers = numbers;
    this.categoryCues = categoryCues;
    this.confirmWords = confirmWords;
    this.persons = persons;
    this.moreThan = moreThan;
    this.genericQuantifiers = genericQuantifiers;
  }

  /**
   * These rules with another data set's counting conventions for vague quantities
   * ({@code events/conventions-NAME.tsv}: "several" as 3, "more than N" as N + 1, ...), so that
   * counts compare like with like when scored against that data set's labels.
   *
   * @throws IllegalStateException naming the file and line of a malformed convention
   */
  public EventRules withConventions(String name) {
    Map<String, Long> merged = new LinkedHashMap<>(numbers);
    int offset = moreThan;
    for (Line l : read("conventions-" + name + ".tsv", 2)) {
      if (l.f(0).equals("@more-than")) {
        offset = l.integer(1);
      } else {
        merged.put(l.f(0).toLowerCase(Locale.ROOT), (long) l.integer(1));
      }
    }
    return new EventRules(types, triggers, cues, countWords, units, Map.copyOf(merged),
        categoryCues, confirmWords, persons, offset, genericQuantifiers);
  }

  /**
   * Reads the bundled rules.
   *
   * @throws IllegalStateException naming the file and line of a malformed rule
   */
  public static EventRules load() {
    Map<String, Type> types = new LinkedHashMap<>();
    for (Line l : read("types.tsv", 6)) {
      List<String> cats = l.f(5).equals("-") ? List.of() : List.of(l.f(5).split(","));
      types.put(l.f(0), new Type(l.f(0), l.f(1).equals("-") ? null : l.f(1), l.f(2),
          l.integer(3), l.f(4).equals("frame"), cats));
    }
    List<Trigger> triggers = new ArrayList<>();
    for (String file : List.of("triggers.tsv", "triggers-cameo.tsv")) {
      for (Line l : read(file, 2)) {
        if (!types.containsKey(l.f(0))) {
          throw l.error("unknown event type '" + l.f(0) + "'");
        }
        triggers.add(trigger(l));
      }
    }
    List<Cue> cues = new ArrayList<>();
    for (Line l : read("modality.tsv", 5)) {
      if (!dev.vigil.model.Event.MODALITIES.contains(l.f(0))) {
        throw l.error("unknown modality '" + l.f(0) + "'");
      }
      cues.add(new Cue(l.f(0), words(l.f(1)), l.integer(2), l.integer(3), l.f(4).equals("all")));
    }
    Map<String, Set<String>> countWords = new LinkedHashMap<>();
    Set<String> units = Set.of();
    Set<String> persons = Set.of();
    for (Line l : read("counts.tsv", 2)) {
      switch (l.f(0)) {
        case "killed", "injured", "captured" -> countWords.put(l.f(0), words(l.f(1)));
        case "unit" -> units = words(l.f(1));
        case "person" -> persons = words(l.f(1));
        default -> throw l.error("unknown count role '" + l.f(0) + "'");
      }
    }
    Map<String, Long> numbers = new LinkedHashMap<>();
    for (Line l : read("numbers.tsv", 2)) {
      numbers.put(l.f(0).toLowerCase(Locale.ROOT), (long) l.integer(1));
    }
    List<CategoryCue> categoryCues = new ArrayList<>();
    for (Line l : read("categories.tsv", 2)) {
      categoryCues.add(new CategoryCue(l.f(0), l.pattern(1)));
    }
    Set<String> confirmWords = Set.of();
    for (Line l : read("links.tsv", 2)) {
      if (!l.f(0).equals("confirms")) {
        throw l.error("unknown link '" + l.f(0) + "'");
      }
      confirmWords = words(l.f(1));
    }
    Set<String> generic = Set.of();
    for (Line l : read("generic.tsv", 2)) {
      if (!l.f(0).equals("quantifier")) {
        throw l.error("unknown generic marker '" + l.f(0) + "'");
      }
      generic = words(l.f(1));
    }
    return new EventRules(Map.copyOf(types), List.copyOf(triggers), List.copyOf(cues),
        Map.copyOf(countWords), units, Map.copyOf(numbers), List.copyOf(categoryCues),
        confirmWords, persons, 0, generic);
  }

  Type type(String code) {
    return types.get(code);
  }

  private static Trigger trigger(Line l) {
    String pos = null;
    List<Set<String>> with = new ArrayList<>();
    Set<String> without = new HashSet<>();
    if (l.fields.length > 2) {
      for (String c : l.f(2).trim().split("\\s+")) {
        if (c.isEmpty()) {
          continue;
        }
        int eq = c.indexOf('=');
        String key = eq < 0 ? c : c.substring(0, eq);
        String value = eq < 0 ? "" : c.substring(eq + 1);
        switch (key) {
          case "pos" -> {
            if (!value.equals("V") && !value.equals("N")) {
              throw l.error("pos must be V or N, not '" + value + "'");
            }
            pos = value;
          }
          case "with" -> with.add(words(value));
          case "without" -> without.addAll(words(value));
          default -> throw l.error("unknown constraint '" + key + "'");
        }
      }
    }
    return new Trigger(l.f(0), l.pattern(1), pos, List.copyOf(with), Set.copyOf(without),
        l.where());
  }

  private static Set<String> words(String alternatives) {
    return Set.of(alternatives.toLowerCase(Locale.ROOT).split("\\|"));
  }

  /** One rule line: its fields, and where it came from for error messages. */
  private record Line(String file, int number, String[] fields) {
    String f(int i) {
      return fields[i].trim();
    }

    int integer(int i) {
      try {
        return Integer.parseInt(f(i));
      } catch (NumberFormatException e) {
        throw error("field " + (i + 1) + " is not a number: '" + f(i) + "'");
      }
    }

    TokenPattern pattern(int i) {
      try {
        return TokenPattern.parse(f(i));
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
    }

    String where() {
      return "events/" + file + ":" + number;
    }

    IllegalStateException error(String reason) {
      return new IllegalStateException(where() + ": " + reason);
    }
  }

  private static List<Line> read(String file, int minFields) {
    String resource = "/events/" + file;
    try (InputStream in = EventRules.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing rule file " + resource);
      }
      List<Line> lines = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int n = 0;
      for (String s; (s = reader.readLine()) != null; ) {
        n++;
        if (s.isBlank() || s.startsWith("#")) {
          continue;
        }
        Line line = new Line(file, n, s.split("\t"));
        if (line.fields.length < minFields) {
          throw line.error("expected " + minFields + " tab-separated fields, found "
              + line.fields.length);
        }
        lines.add(line);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
