package dev.vigil.events;

import dev.vigil.geo.Gazetteer;
import dev.vigil.geo.Place;
import dev.vigil.model.Event;
import dev.vigil.model.PlaceMention;
import dev.vigil.model.TaggedSentence;
import dev.vigil.model.TaggedText;
import dev.vigil.model.TimeMention;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an operational press release reports, read off the events Vigil found in it: the main
 * event (the first asserted or alleged operation: violence, arrest or seizure, that is not
 * background), its day (else the first day an operation gives, else the first day the body of
 * the release gives, else the release date), the province (ISO 3166-2 admin1 code from the
 * gazetteer, in the country most of the release's places lie in) of its place, else of the
 * first province the release names outside its dateline, and how many people were killed and
 * captured.
 *
 * <p>Background is what a release says about the target rather than the operation ("the
 * commander is linked to an attack that killed four soldiers", "responsible for", "involved
 * in") and roll-ups of several operations ("over the past 24 hours", "since December 1", "this
 * month", "forces have captured or killed more than 80"); it counts only when the release has
 * nothing else. Counts follow the release's structure: the first sentence that
 * counts a role is the lead; a later count restates it (the larger stays) unless the sentence
 * marks it as more ("also", "additional", "another", "several more") or the lead was one
 * person and the later count a group of others ("captured a Taliban facilitator. ... Multiple
 * suspected insurgents were detained"), without naming someone already counted ("the
 * leader"), when it adds.
 */
public record ReleaseSummary(Event main, String date, String province, int killed, int captured) {
  private static final Set<String> OPERATIONS = Set.of("violence", "arrest", "seizure");
  private static final Pattern MORE = Pattern.compile("\\balso\\b"
      + "|\\b(?:additional|another)\\b(?!\\s+(?:questioning|information|investigation))"
      + "|\\bmore\\s+(?:suspected\\s+)?"
      + "(?:insurgents|militants|suspects|individuals|men|fighters)\\b",
      Pattern.CASE_INSENSITIVE);
  /** What a release says about its target's past, not about the operation. */
  private static final Pattern BACKGROUND = Pattern.compile("\\b(?:responsible for|linked to"
      + "|involved (?:in|with)|connected to|suspected of|accused of|blamed for)\\b"
      + "|\\bover the (?:past|last) \\d+ hours\\b|\\bthis (?:month|year)\\b"
      + "|\\b(?:have|has) (?:(?!been)\\w+ )?(?:conducted|captured|killed|detained|arrested)\\b"
      + "|\\bsince (?:the (?:first|start|beginning) of|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
      + "|nov|dec)[a-z]*\\b)", Pattern.CASE_INSENSITIVE);
  /** How many words after a background phrase its object may lie ("linked to an IED attack"). */
  private static final int BACKGROUND_REACH = 8;
  /** Words that name people a release has already counted. */
  private static final Pattern NAMED_AGAIN = Pattern.compile(
      "\\b(?:both|one of whom|including the|among them)\\b", Pattern.CASE_INSENSITIVE);

  /** Summarizes the events of {@code text}, resolving places with {@code gazetteer}. */
  public static ReleaseSummary of(TaggedText text, EventRules rules, Gazetteer gazetteer) {
    List<Event> all = text.annotations().events().stream()
        .filter(e -> rules.type(e.type()) != null
            && OPERATIONS.contains(rules.type(e.type()).family())
            && (e.modality().equals("asserted") || e.modality().equals("alleged")))
        .toList();
    List<Event> operations = all.stream().filter(e -> !isBackground(text.text(), e)).toList();
    if (operations.isEmpty()) {
      operations = all;
    }
    Event main = operations.isEmpty() ? null : operations.get(0);
    String date = null;
    for (Event e : operations) {
      if (e.date() != null && e.date().length() >= 10) {
        date = e.date().substring(0, 10);
        break;
      }
    }
    if (date == null) {
      date = firstDay(text);
    }
    if (date == null) {
      date = text.published();
    }
    String country = country(text.annotations().places());
    String province = null;
    for (PlaceMention p : text.annotations().places()) {
      // "in Archi district, Kunduz province": the province the main sentence names
      if (province == null && main != null && isProvince(text.text(), p)
          && p.start() >= main.start() && p.end() <= main.end()) {
        province = admin1(p.name(), p.lat(), p.lon(), country, gazetteer);
      }
    }
    if (province == null && main != null) {
      province = namedProvince(main.sentence(), country, gazetteer);
    }
    if (province == null && main != null && main.place() != null) {
      province = admin1(main.place().name(), main.place().lat(), main.place().lon(), country,
          gazetteer);
    }
    for (PlaceMention p : text.annotations().places()) {
      if (province == null && isProvince(text.text(), p) && !isDateline(text.text(), p)) {
        province = admin1(p.name(), p.lat(), p.lon(), country, gazetteer);
      }
    }
    if (province == null) {
      province = namedProvince(text.text(), country, gazetteer);
    }
    for (Event e : operations) {
      if (province == null && e.place() != null) {
        province = admin1(e.place().name(), e.place().lat(), e.place().lon(), country, gazetteer);
      }
    }
    for (PlaceMention p : text.annotations().places()) {
      if (province == null && !isDateline(text.text(), p)) {
        province = admin1(p.name(), p.lat(), p.lon(), country, gazetteer);
      }
    }
    Pattern persons = Pattern.compile("(?i)\\bthe (?:[\\w-]+ ){0,3}(?:"
        + String.join("|", rules.persons) + ")\\b");
    return new ReleaseSummary(main, date, province, total(operations, "killed", persons),
        total(operations, "captured", persons));
  }

  private static int total(List<Event> events, String role, Pattern persons) {
    Integer lead = null;
    int more = 0;
    Set<Integer> seen = new HashSet<>();
    for (Event e : events) {
      Integer n = role.equals("killed") ? e.killed() : e.captured();
      if (n == null || !seen.add(e.start())) {
        continue;
      }
      boolean others = lead != null && lead == 1 && more == 0 && n > 1;
      if (lead == null) {
        lead = n;
      } else if ((MORE.matcher(e.sentence()).find() || others)
          && !restates(e.sentence(), persons)) {
        more += n;
      } else {
        lead = Math.max(lead, n);
      }
    }
    return lead == null ? 0 : lead + more;
  }

  /**
   * Whether the event is the release's headline (its trigger on the title line) or background:
   * the object of a phrase about the target's past within a few words ("responsible for
   * leading an attack", "linked to an attack that killed"), or in a roll-up of several
   * operations ("over the past 24 hours", "since December 1").
   */
  private static boolean isBackground(String text, Event e) {
    String s = e.sentence();
    int trigger = e.trigger() == null ? -1 : s.indexOf(e.trigger());
    int firstLine = text.indexOf('\n');
    if (trigger >= 0 && firstLine > 0 && e.start() + trigger < firstLine) {
      return true;
    }
    Matcher m = BACKGROUND.matcher(s);
    while (m.find()) {
      boolean rollUp = !m.group().toLowerCase(Locale.ROOT).matches(
          "(responsible|linked|involved|connected|suspected|accused|blamed).*");
      if (rollUp || trigger < 0 || (m.start() < trigger
          && s.substring(m.end(), trigger).trim().split("\\s+").length <= BACKGROUND_REACH)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first day the body of the release gives: a time of day precision outside the
   * dateline, not a mere time of night, not the report's own time ("confirmed today") or a
   * time that owns a noun ("Tuesday's attack"), not after the release date, and not the release
   * date written out (a title's "Update, March 24, 2011"); days in words ("yesterday",
   * "Friday", "last night") before dates in digits, which more often date the target's past
   * ("the July 2 attack"); else, when the release says "overnight", the day before it; null
   * when there is none.
   */
  private static String firstDay(TaggedText text) {
    String day = firstDay(text, false);
    if (day == null) {
      day = firstDay(text, true);
    }
    if (day == null && text.published() != null && text.annotations().times().stream()
        .anyMatch(t -> t.text().equalsIgnoreCase("overnight")
            && !EventExtractor.isDatelineTime(text.text(), t.start()))) {
      // "overnight" in a release: the night before it, which began the day before
      day = LocalDate.parse(text.published()).minusDays(1).toString();
    }
    return day;
  }

  /** The first such day written with words ("yesterday", "Friday"), or with digits. */
  private static String firstDay(TaggedText text, boolean digits) {
    for (TimeMention t : text.annotations().times()) {
      if (t.value() == null || t.value().length() < 10
          || t.text().matches(".*\\d.*") != digits
          || EventExtractor.isDatelineTime(text.text(), t.start())
          || EventExtractor.NO_DAY.contains(t.text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      TaggedSentence s = text.sentences().stream()
          .filter(x -> x.start() <= t.start() && t.end() <= x.end()).findFirst().orElse(null);
      if (s == null || EventExtractor.reportsOrOwns(s, t)) {
        continue;
      }
      String day = EventExtractor.tenseCorrected(t.value(), text.published(), "asserted",
          s.tokens()).substring(0, 10);
      boolean writtenRelease = day.equals(text.published()) && digits;
      if (!writtenRelease && (text.published() == null || day.compareTo(text.published()) <= 0)) {
        return day;
      }
    }
    return null;
  }

  /**
   * Whether a sentence names someone already counted ("detained the man and ...", "both men",
   * "two insurgents, one of whom was the target").
   */
  private static boolean restates(String sentence, Pattern persons) {
    return persons.matcher(sentence).find() || NAMED_AGAIN.matcher(sentence).find();
  }

  private static final Pattern PROVINCE = Pattern.compile(
      "\\b((?:[A-Z][\\p{L}'’-]+ ){0,2}[A-Z][\\p{L}'’-]+) [Pp]rovince\\b");

  private static boolean isProvince(String text, PlaceMention p) {
    return p.kind().equals("admin1") || text.regionMatches(true, p.end(), " province", 0, 9);
  }

  /** The admin1 code of the first "Name province" in {@code text} the gazetteer knows. */
  private static String namedProvince(String text, String country, Gazetteer gazetteer) {
    Matcher m = PROVINCE.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      for (int i = 0; i <= name.length(); i = name.indexOf(' ', i) + 1) {
        // "Wardak", else the last words of "In Zabul"
        String code = admin1(name.substring(i), null, null, country, gazetteer);
        if (code != null) {
          return code;
        }
        if (name.indexOf(' ', i) < 0) {
          break;
        }
      }
    }
    return null;
  }

  /** The country most of the text's places lie in, or null. */
  private static String country(List<PlaceMention> places) {
    return places.stream().filter(p -> p.country() != null)
        .collect(Collectors.groupingBy(PlaceMention::country, Collectors.counting()))
        .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
        .orElse(null);
  }

  /** A place in a dateline ("KABUL, Afghanistan (Jan. 24) -"): where it was issued, not where. */
  private static boolean isDateline(String text, PlaceMention p) {
    String word = text.substring(p.start(), p.end());
    return word.equals(word.toUpperCase(Locale.ROOT)) && word.length() > 2;
  }

  /**
   * The admin1 code ("AF-GHA") of the gazetteer place called {@code name} nearest the point
   * given (any such place when no point is), or null when it is a country or unknown.
   */
  static String admin1(String name, Double lat, Double lon, String country,
      Gazetteer gazetteer) {
    if (name == null) {
      return null;
    }
    String bare = name.replaceAll("(?i)\\s+(province|district|city)$", "");
    List<Place> places = gazetteer.lookup(bare);
    if (places.isEmpty()) {
      places = gazetteer.lookup(name);
    }
    Place best = places.stream()
        .filter(p -> p.admin1() != null && !p.admin1().isEmpty() && !p.kind().equals("country")
            && (country == null || p.country().equalsIgnoreCase(country)))
        .min(Comparator.comparingDouble((Place p) -> lat == null || lon == null ? 0
            : Place.distanceKm(lat, lon, p.lat(), p.lon()))
            .thenComparing(p -> p.kind().equals("admin1") ? 0 : 1))
        .orElse(null);
    return best == null ? null : best.country().toUpperCase(Locale.ROOT) + "-" + best.admin1();
  }
}
