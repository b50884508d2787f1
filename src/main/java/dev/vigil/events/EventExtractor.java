package dev.vigil.events;

import dev.vigil.model.Annotations;
import dev.vigil.model.CategoryEvidence;
import dev.vigil.model.Claim;
import dev.vigil.model.Dependency;
import dev.vigil.model.EntityMention;
import dev.vigil.model.Event;
import dev.vigil.model.PlaceMention;
import dev.vigil.model.SentenceParser;
import dev.vigil.model.TaggedSentence;
import dev.vigil.model.TaggedText;
import dev.vigil.model.TextStage;
import dev.vigil.model.TimeMention;
import dev.vigil.model.Token;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events stage: finds event triggers in each sentence with the {@link EventRules}, and for
 * each event its modality (from cues around the trigger), date (the sentence's time expression
 * nearest the trigger, as SUTime resolved it against the publication date, corrected for tense;
 * unknown when the sentence has none), place (the most specific place in the sentence, else the
 * article's), actors (from the dependency parse, asked for only for sentences with a trigger)
 * and counts. Then it links denials and confirmations to the claims they answer and derives the
 * article's categories with their evidence. Thread-safe.
 */
public final class EventExtractor implements TextStage {
  private static final Logger LOG = LoggerFactory.getLogger(EventExtractor.class);
  private static final Set<String> SPEECH_VERBS = Set.of("say", "report", "claim", "deny",
      "warn", "accuse", "announce", "state", "tell", "add", "insist", "allege", "blame", "note",
      "confirm", "reveal", "caution", "stress", "declare", "quote");
  private static final Set<String> LOCATIVE = Set.of("in", "at", "near", "outside", "inside",
      "across", "along", "into", "around", "throughout", "within");
  private static final Set<String> PLACE_NOUNS = Set.of("province", "district", "city", "town",
      "village", "county", "region", "border", "frontier", "valley", "port", "centre", "center",
      "outskirts", "suburb", "area", "capital", "airport", "base", "camp", "state", "governorate");
  /** "Tajik-Afghan border", "Tajikistan-Afghanistan frontier": a border is a place. */
  private static final Pattern BORDER =
      Pattern.compile("\\b\\p{Lu}\\p{L}+(?:-\\p{Lu}\\p{L}+)+ (?:border|frontier)\\b");
  private static final List<String> KIND_ORDER =
      List.of("city", "admin2", "admin1", "region", "country");
  private static final Pattern DATELINE_BEFORE =
      Pattern.compile("[\\s\u00a0]*[A-Z][A-Z .'-]{2,}(,\\s*[A-Z][A-Za-z .]+)?\\s*[(,]\\s*");
  /** Verbs that report an event rather than make one. */
  private static final Set<String> REPORT_VERBS = Set.of("say", "confirm", "announce", "report",
      "tell", "state", "add", "claim", "deny");
  /** Times of day that say nothing about which day ("an overnight operation ... Monday"). */
  static final Set<String> NO_DAY = Set.of("overnight", "tonight");
  private static final Set<String> TIME_TAGS = Set.of("DATE", "TIME", "DURATION", "SET");
  /**
   * A trigger word that is a date ("March") or part of a name ("the Organization for the
   * Prohibition of Chemical Weapons") is no trigger.
   */
  private static final Set<String> NOT_TRIGGERS =
      Set.of("DATE", "TIME", "DURATION", "SET", "ORGANIZATION", "PERSON");
  private static final int ARTICLE_PLACE_SENTENCES = 3;
  private static final int MAX_NAME_CHARS = 80;
  /** CoreNLP tags of names that can be actors. */
  /** Words any claim or denial may use, which say nothing about what is claimed. */
  private static final Set<String> REPORTING_WORDS = Set.of("say", "tell", "deny", "reject",
      "claim", "report", "allegation", "accusation", "statement", "official", "be", "have", "do",
      "accuse", "allege", "dismiss", "insist", "add", "state", "spokesman", "spokesperson",
      "source", "news", "agency", "medium", "also", "government", "authority");

  private static final Set<String> NAMED = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC",
      "NATIONALITY", "COUNTRY", "CITY", "STATE_OR_PROVINCE", "IDEOLOGY", "RELIGION");

  private final EventRules rules;
  private final SentenceParser parser;

  /** @param parser the dependency parser for argument roles ({@link SentenceParser#NONE}: none) */
  public EventExtractor(EventRules rules, SentenceParser parser) {
    this.rules = rules;
    this.parser = parser;
  }

  /** A trigger found in a sentence. */
  private record Found(EventRules.Trigger trigger, EventRules.Type type, TokenPattern.Match match) {}

  @Override
  public TaggedText apply(TaggedText text) {
    try {
      return extract(text);
    } catch (RuntimeException e) {
      LOG.warn("event extraction failed, text left without events", e);
      return text;
    }
  }

  private TaggedText extract(TaggedText text) {
    Annotations ann = text.annotations();
    if (ann.language() != null && !ann.language().equals("en")) {
      return text;
    }
    Event.Place articlePlace = articlePlace(text);
    List<Event> events = new ArrayList<>();
    List<Integer> sentenceOf = new ArrayList<>();
    for (int k = 0; k < text.sentences().size(); k++) {
      TaggedSentence s = text.sentences().get(k);
      if (isQuestion(s)) {
        continue; // interview questions and rhetorical ones report nothing
      }
      List<Found> found = merge(triggers(s.tokens()));
      if (found.isEmpty()) {
        continue;
      }
      List<Dependency> deps = parse(s);
      Counts counts = Counts.of(s.tokens(), rules);
      Found countsHolder = countsHolder(found, "killed");
      Found capturedHolder = countsHolder(found, "captured");
      for (Found f : found) {
        boolean people = f == countsHolder;
        Event e = event(text, s, deps, f, events.size(), articlePlace,
            people ? counts.killed() : null, people ? counts.injured() : null,
            f == capturedHolder ? counts.captured() : null,
            "seizure".equals(f.type().family()) ? counts.seized() : null);
        events.add(e);
        sentenceOf.add(k);
      }
    }
    events = link(events, sentenceOf, text);
    Map<String, CategoryEvidence> categories = categories(text, events);
    return text.with(ann.withEvents(events, List.copyOf(categories.keySet()),
        List.copyOf(categories.values())));
  }

  private List<Dependency> parse(TaggedSentence s) {
    try {
      return parser.parse(s);
    } catch (RuntimeException e) {
      LOG.warn("dependency parse failed for a sentence at {}: {}", s.start(), e.toString());
      return List.of();
    }
  }

  // ---- triggers

  private List<Found> triggers(List<Token> tokens) {
    List<Found> all = new ArrayList<>();
    for (EventRules.Trigger t : rules.triggers) {
      if (!sentenceAllows(tokens, t)) {
        continue;
      }
      for (int i = 0; i < tokens.size(); i++) {
        TokenPattern.Match m = t.pattern().matchAt(tokens, i);
        if (m != null && posAllows(tokens.get(m.head()), t.pos())
            && !NOT_TRIGGERS.contains(String.valueOf(tokens.get(m.head()).ner()))
            && !(isGeneric(tokens, m) && !rules.type(t.type()).frame())) {
          all.add(new Found(t, rules.type(t.type()), m));
        }
      }
    }
    // longest first; on ties the rule listed first (the list is already in rule order)
    List<Found> byLength = new ArrayList<>(all);
    byLength.sort(Comparator.comparingInt((Found f) -> -f.match().length()));
    boolean[] taken = new boolean[tokens.size()];
    List<Found> kept = new ArrayList<>();
    for (Found f : byLength) {
      boolean free = true;
      for (int i = f.match().start(); i < f.match().end(); i++) {
        free &= !taken[i];
      }
      if (free) {
        for (int i = f.match().start(); i < f.match().end(); i++) {
          taken[i] = true;
        }
        kept.add(f);
      }
    }
    kept.sort(Comparator.comparingInt(f -> f.match().start()));
    return kept;
  }

  /**
   * A noun trigger under a quantifier of {@code generic.tsv} ("more flood incidences", "any
   * attack"): a kind of event, not one that happened. The quantifier may stand before the
   * trigger's modifiers (adjectives, nouns: "more prisoner swaps").
   */
  private boolean isGeneric(List<Token> tokens, TokenPattern.Match m) {
    if (!tokens.get(m.head()).pos().startsWith("NN")) {
      return false;
    }
    for (int i = m.start() - 1; i >= 0 && i >= m.start() - 3; i--) {
      Token t = tokens.get(i);
      if (TokenPattern.matches(t, rules.genericQuantifiers)) {
        return true;
      }
      if (!(t.pos().startsWith("JJ") || t.pos().startsWith("NN") || t.pos().equals("HYPH"))) {
        return false;
      }
    }
    return false;
  }

  private static boolean isQuestion(TaggedSentence s) {
    List<Token> tokens = s.tokens();
    for (int i = tokens.size() - 1; i >= 0; i--) {
      String w = tokens.get(i).word();
      if (!(w.equals("\"") || w.equals("”") || w.equals("'") || w.equals(")") || w.equals("''"))) {
        return w.equals("?");
      }
    }
    return false;
  }

  private static boolean sentenceAllows(List<Token> tokens, EventRules.Trigger t) {
    for (Set<String> any : t.with()) {
      if (tokens.stream().noneMatch(tok -> TokenPattern.matches(tok, any))) {
        return false;
      }
    }
    return t.without().isEmpty()
        || tokens.stream().noneMatch(tok -> TokenPattern.matches(tok, t.without()));
  }

  private static boolean posAllows(Token head, String pos) {
    return pos == null || (pos.equals("V") ? head.pos().startsWith("VB") : head.pos().startsWith("NN"));
  }

  /**
   * One incident per family and sentence: of the triggers of one family only the most specific
   * stays (the earliest on ties); of frames, the first of each type.
   */
  private static List<Found> merge(List<Found> found) {
    Map<String, Found> best = new LinkedHashMap<>();
    for (Found f : found) {
      String key = f.type().frame() ? "frame:" + f.type().code() : f.type().family();
      Found current = best.get(key);
      if (current == null || f.type().specificity() > current.type().specificity()) {
        best.put(key, f);
      }
    }
    List<Found> kept = new ArrayList<>(best.values());
    kept.sort(Comparator.comparingInt(f -> f.match().start()));
    return kept;
  }

  /** Which event carries the sentence's counts of people of {@code role}. */
  private static Found countsHolder(List<Found> found, String role) {
    Set<String> families = role.equals("captured") ? Set.of("arrest", "violence")
        : Set.of("violence", "disaster", "border");
    for (Found f : found) {
      if (role.equals("captured") && f.type().code().equals("abduction")) {
        return f;
      }
    }
    for (Found f : found) {
      if (families.contains(f.type().family()) && !f.type().code().equals("peaceful_protest")) {
        return f;
      }
    }
    return found.stream().filter(f -> !f.type().frame()).findFirst().orElse(found.get(0));
  }

  // ---- one event

  private Event event(TaggedText text, TaggedSentence s, List<Dependency> deps, Found f, int id,
      Event.Place articlePlace, Integer killed, Integer injured, Integer captured,
      Event.Seizure seized) {
    List<Token> tokens = s.tokens();
    Token first = tokens.get(f.match().start());
    Token last = tokens.get(f.match().end() - 1);
    String modality = modality(tokens, f);
    String date = date(text, s, f, modality);
    if (modality.equals("asserted") && isFuture(date, text.published())) {
      modality = "planned";
    }
    Event.Place place = place(text, s, f);
    return new Event(f.type().code(), f.type().acled(), modality, date,
        place != null ? place : articlePlace, actors(text, s, deps, f), killed, injured, captured,
        s.text(text.text()), s.start(), s.end(), id,
        text.text().substring(first.start(), last.end()), seized, null, null);
  }

  private String modality(List<Token> tokens, Found f) {
    boolean frame = f.type().frame();
    int bestDistance = Integer.MAX_VALUE;
    String best = "asserted";
    for (int d = 1; d <= 15 && f.match().start() - d >= 0; d++) {
      Token t = tokens.get(f.match().start() - d);
      if (t.word().equals(";") || t.word().equals(":")) {
        break;
      }
      String m = cue(t, d, true, frame);
      if (m != null) {
        bestDistance = d;
        best = m;
        break;
      }
    }
    for (int d = 1; d < bestDistance && f.match().end() - 1 + d < tokens.size(); d++) {
      Token t = tokens.get(f.match().end() - 1 + d);
      if (t.word().equals(";") || t.word().equals(":")) {
        break;
      }
      String m = cue(t, d, false, frame);
      if (m != null) {
        return m;
      }
    }
    return best;
  }

  private String cue(Token t, int distance, boolean before, boolean frame) {
    for (EventRules.Cue c : rules.cues) {
      int reach = before ? c.before() : c.after();
      if (distance <= reach && (c.framesToo() || !frame) && TokenPattern.matches(t, c.words())) {
        return c.modality();
      }
    }
    return null;
  }

  /**
   * The time in the sentence nearest the trigger, at its precision; null when there is none. A
   * time that a verb of reporting stands between or next to ("Today, forces confirmed a leader
   * was arrested ... Sunday", "forces confirmed today the arrest ... Sunday") dates the report,
   * and a time that owns a noun ("Tuesday's attack") dates that noun, so either counts only
   * when the sentence has no other.
   */
  private static String date(TaggedText text, TaggedSentence s, Found f, String modality) {
    int anchor = s.tokens().get(f.match().head()).start();
    TimeMention nearest = null;
    boolean nearestReports = false;
    for (TimeMention t : text.annotations().times()) {
      if (t.value() == null || t.start() < s.start() || t.end() > s.end()
          || isDatelineTime(text.text(), t.start())
          || NO_DAY.contains(t.text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      boolean reports = reportingVerbBetween(s, t.start(), anchor) || reportsOrOwns(s, t);
      boolean closer = nearest == null
          || Math.abs(t.start() - anchor) < Math.abs(nearest.start() - anchor);
      if (nearest == null || (nearestReports && !reports) || (closer && reports == nearestReports)) {
        nearest = t;
        nearestReports = reports;
      }
    }
    if (nearest == null) {
      return null;
    }
    return tenseCorrected(nearest.value(), text.published(), modality, s.tokens());
  }

  /**
   * Whether the time stands next to a verb of reporting ("confirmed today", "today
   * confirmed") or owns the noun after it ("Tuesday's attack").
   */
  static boolean reportsOrOwns(TaggedSentence s, TimeMention t) {
    List<Token> tokens = s.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      Token k = tokens.get(i);
      boolean before = k.end() <= t.start() && (i + 1 == tokens.size()
          || tokens.get(i + 1).start() >= t.start());
      boolean after = k.start() >= t.end() && (i == 0 || tokens.get(i - 1).end() <= t.end());
      if ((before || after) && k.pos().startsWith("VB") && REPORT_VERBS.contains(lemmaOf(k))) {
        return true;
      }
      if (after && k.pos().equals("POS")) {
        return true;
      }
    }
    return false;
  }

  private static boolean reportingVerbBetween(TaggedSentence s, int from, int to) {
    int lo = Math.min(from, to);
    int hi = Math.max(from, to);
    return s.tokens().stream().anyMatch(t -> t.start() > lo && t.end() < hi
        && t.pos().startsWith("VB") && REPORT_VERBS.contains(lemmaOf(t)));
  }

  private static String lemmaOf(Token t) {
    return (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a time expression starting at {@code start} is the date of a dateline ("KABUL,
   * Afghanistan (Jan. 24, 2013)", "TEHRAN, Jan. 24 -"): when the story was filed, not when its
   * events happened.
   */
  static boolean isDatelineTime(String text, int start) {
    int line = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\u2028', start - 1));
    String before = text.substring(Math.max(line + 1, start - 60), start);
    return DATELINE_BEFORE.matcher(before).matches();
  }

  /**
   * A weekday resolves to the nearest such day, which may lie on the wrong side of the
   * publication date: a past-tense report of "Friday" in a Wednesday paper means the Friday
   * before; a planned "Friday" means the one after.
   */
  static String tenseCorrected(String value, String published, String modality,
      List<Token> tokens) {
    LocalDate day = day(value);
    LocalDate pub = day(published);
    if (day == null || pub == null) {
      return value;
    }
    boolean past = tokens.stream().anyMatch(t -> t.pos().equals("VBD") || t.pos().equals("VBN"));
    if (day.isAfter(pub) && !modality.equals("planned") && past && day.minusDays(7).isBefore(pub)) {
      return day.minusDays(7).toString();
    }
    if (day.isBefore(pub) && modality.equals("planned") && day.plusDays(7).isAfter(pub)) {
      return day.plusDays(7).toString();
    }
    return value;
  }

  private static boolean isFuture(String date, String published) {
    LocalDate day = day(date);
    LocalDate pub = day(published);
    return day != null && pub != null && day.isAfter(pub);
  }

  private static LocalDate day(String iso) {
    if (iso == null || iso.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(iso.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  // ---- places

  /**
   * The most specific place the sentence gives for the event: of the places (or, when the
   * geocoder has not run, the locations) it names, those in a locative context first ("in
   * Khatlon", "the province of Fars", "Badakhshan province"), then the most specific kind, then
   * the nearest to the trigger; else a named border ("Tajik-Afghan border"); else none. A country
   * named as an owner, a modifier or a subject ("Russia warned", "U.S. sanctions") stands for its
   * government, not for a place.
   */
  private static Event.Place place(TaggedText text, TaggedSentence s, Found f) {
    int anchor = s.tokens().get(f.match().head()).start();
    PlaceMention best = null;
    for (PlaceMention p : text.annotations().places()) {
      if (p.start() < s.start() || p.end() > s.end() || isDateline(text.text(), p.start(), p.end())
          || isModifierOrSubject(s, p.start(), p.end())) {
        continue;
      }
      if (best == null || placeRank(s, p, anchor) < placeRank(s, best, anchor)) {
        best = p;
      }
    }
    if (best != null) {
      return new Event.Place(best.name() != null ? best.name() : best.text(), best.lat(),
          best.lon(), best.kind(), best.radiusKm());
    }
    Matcher border = BORDER.matcher(s.text(text.text()));
    if (border.find()) {
      return new Event.Place(border.group(), null, null, null, null);
    }
    EntityMention entity = null;
    int entityScore = Integer.MAX_VALUE;
    for (EntityMention e : text.annotations().entities()) {
      if (!e.type().equals("LOCATION") || e.start() < s.start() || e.end() > s.end()
          || isDateline(text.text(), e.start(), e.end())
          || isModifierOrSubject(s, e.start(), e.end())) {
        continue;
      }
      int score = (isLocative(s, e.start(), e.end()) ? 0 : 10_000_000)
          + specificity(s, e.start(), e.end()) * 1_000_000 + Math.abs(e.start() - anchor);
      if (score < entityScore) {
        entity = e;
        entityScore = score;
      }
    }
    return entity == null ? null : new Event.Place(entityName(entity), null, null, null, null);
  }

  private static double placeRank(TaggedSentence s, PlaceMention p, int anchor) {
    int kind = p.kind() == null ? KIND_ORDER.size() : KIND_ORDER.indexOf(p.kind());
    return (isLocative(s, p.start(), p.end()) ? 0 : 100_000_000.0) + kind * 10_000_000.0
        + specificity(s, p.start(), p.end()) * 1_000_000.0 + Math.abs(p.start() - anchor);
  }

  /**
   * 0 for "Badakhshan province" or the first of "Uri in Kashmir" / "Khanaqin, a town", 1
   * otherwise: the narrower of two places named together.
   */
  private static int specificity(TaggedSentence s, int start, int end) {
    List<Token> tokens = s.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).end() != end) {
        continue;
      }
      String next = i + 1 < tokens.size() ? tokens.get(i + 1).word().toLowerCase(Locale.ROOT) : "";
      if ((i + 1 < tokens.size() && isPlaceNoun(tokens.get(i + 1)))
          || ((next.equals("in") || next.equals(","))
          && i + 2 < tokens.size() && "LOCATION".equals(tokens.get(i + 2).ner()))) {
        return 0;
      }
      if (next.equals("and") && i + 3 < tokens.size()
          && "LOCATION".equals(tokens.get(i + 2).ner()) && isPlaceNoun(tokens.get(i + 3))) {
        return 0; // "Badakhshan and Khatlon provinces"
      }
    }
    return 1;
  }

  /**
   * Whether the name at [start, end) is where something happened: after "in/at/near/..." (an
   * adjective or article may stand between: "in central Portugal"), after "province of", or
   * before "province/district/...".
   */
  private static boolean isLocative(TaggedSentence s, int start, int end) {
    List<Token> tokens = s.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.start() == start) {
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
          String w = tokens.get(j).word().toLowerCase(Locale.ROOT);
          if (LOCATIVE.contains(w)) {
            return true;
          }
          if (w.equals("of")) {
            return j > 0 && isPlaceNoun(tokens.get(j - 1));
          }
          String pos = tokens.get(j).pos();
          if (!(pos.startsWith("JJ") || pos.equals("DT") || pos.equals("NNP") || pos.equals("HYPH"))) {
            break;
          }
        }
      }
      if (t.end() == end && i + 1 < tokens.size() && isPlaceNoun(tokens.get(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPlaceNoun(Token t) {
    return TokenPattern.matches(t, PLACE_NOUNS);
  }

  /**
   * "Russia's army", "U.S. sanctions", "Washington then threatened": a country or city named as
   * an owner, a modifier or a subject, and not after a locative preposition.
   */
  private static boolean isModifierOrSubject(TaggedSentence s, int start, int end) {
    List<Token> tokens = s.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).end() != end || i + 1 >= tokens.size() || isLocative(s, start, end)) {
        continue;
      }
      Token next = tokens.get(i + 1);
      String w = next.word().toLowerCase(Locale.ROOT);
      return next.pos().equals("POS") || w.equals("’s") || w.equals("'s")
          || next.pos().startsWith("NN") || next.pos().startsWith("JJ")
          || next.pos().startsWith("VB") || next.pos().equals("MD") || next.pos().equals("RB");
    }
    return false;
  }

  /** "TEHRAN –", "KABUL (Reuters) --": the place an article was filed from. */
  private static boolean isDateline(String text, int start, int end) {
    String name = text.substring(start, end);
    if (!name.equals(name.toUpperCase(Locale.ROOT))) {
      return false;
    }
    String after = text.substring(end, Math.min(text.length(), end + 4)).strip();
    return after.startsWith("–") || after.startsWith("—") || after.startsWith("-")
        || after.startsWith("(") || after.startsWith(":") || after.startsWith(",");
  }

  /**
   * The article's place: the first place its lead names in a locative context (or a named
   * border), outside datelines; null when the text is one sentence (it has no lead beyond it).
   */
  private static Event.Place articlePlace(TaggedText text) {
    int lead = Math.min(ARTICLE_PLACE_SENTENCES, text.sentences().size());
    if (lead < 2) {
      return null;
    }
    for (TaggedSentence s : text.sentences().subList(0, lead)) {
      for (PlaceMention p : text.annotations().places()) {
        if (p.start() >= s.start() && p.end() <= s.end()
            && !isDateline(text.text(), p.start(), p.end()) && isLocative(s, p.start(), p.end())) {
          return new Event.Place(p.name() != null ? p.name() : p.text(), p.lat(), p.lon(),
              p.kind(), p.radiusKm());
        }
      }
      Matcher border = BORDER.matcher(s.text(text.text()));
      if (border.find()) {
        return new Event.Place(border.group(), null, null, null, null);
      }
      for (EntityMention e : text.annotations().entities()) {
        if (e.type().equals("LOCATION") && e.start() >= s.start() && e.end() <= s.end()
            && !isDateline(text.text(), e.start(), e.end()) && isLocative(s, e.start(), e.end())) {
          return new Event.Place(entityName(e), null, null, null, null);
        }
      }
    }
    return null;
  }

  private static String entityName(EntityMention e) {
    return e.name() != null ? e.name() : e.text();
  }

  // ---- actors

  private static List<Event.Actor> actors(TaggedText text, TaggedSentence s,
      List<Dependency> deps, Found f) {
    List<Event.Actor> actors = new ArrayList<>();
    if (deps.isEmpty()) {
      nearestEntityBefore(text, s, f).ifPresent(
          name -> actors.add(new Event.Actor(f.type().frame() ? "speaker" : "actor", name)));
      return actors;
    }
    Tree tree = new Tree(s.tokens(), deps);
    int head = f.match().head();
    boolean frame = f.type().frame();
    String subjectRole = frame && !f.type().code().equals("responsibility_claim") ? "speaker" : "actor";
    int subject = tree.subject(head);
    if (subject >= 0) {
      add(actors, subjectRole, name(text, s, tree, subject));
    }
    for (Dependency d : tree.children(head)) {
      String rel = d.relation();
      int c = d.dependent();
      String ner = String.valueOf(s.tokens().get(c).ner());
      if ((c >= f.match().start() && c < f.match().end()) || TIME_TAGS.contains(ner)) {
        continue; // part of the trigger ("sounded the alarm"), or a time ("on Wednesday")
      }
      if (rel.equals("nsubj:pass") || rel.equals("obj") || rel.equals("iobj")) {
        add(actors, "target", name(text, s, tree, c));
      } else if (rel.equals("obl:agent") || rel.equals("nmod:poss")
          || (rel.equals("obl") || rel.equals("nmod")) && tree.hasCase(c, "by")) {
        add(actors, "actor", name(text, s, tree, c));
      } else if ((rel.equals("obl") || rel.equals("nmod")) && tree.hasCase(c, "on", "against")) {
        add(actors, "target", name(text, s, tree, c));
      } else if ((rel.equals("amod") || rel.equals("compound")) && NAMED.contains(ner)) {
        add(actors, "actor", name(text, s, tree, c));
      }
    }
    if (!frame) {
      int speaker = tree.speakerOf(head);
      if (speaker < 0) {
        speaker = tree.speakerBefore(f.match().start());
      }
      if (speaker >= 0) {
        add(actors, "speaker", name(text, s, tree, speaker));
      }
    }
    return actors;
  }

  private static void add(List<Event.Actor> actors, String role, String name) {
    if (name != null && actors.stream().noneMatch(a -> a.role().equals(role) && a.name().equals(name))) {
      actors.add(new Event.Actor(role, name));
    }
  }

  private static Optional<String> nearestEntityBefore(TaggedText text, TaggedSentence s,
      Found f) {
    int trigger = s.tokens().get(f.match().start()).start();
    EntityMention best = null;
    for (EntityMention e : text.annotations().entities()) {
      if (e.start() >= s.start() && e.end() <= trigger
          && (e.type().equals("PERSON") || e.type().equals("ORGANIZATION"))) {
        best = e;
      }
    }
    return Optional.ofNullable(best).map(EventExtractor::entityName);
  }

  /**
   * The name of the phrase headed by token {@code i}: the KB name of an entity it holds when
   * the entity is linked, else the phrase itself (the head with its compounds and modifiers).
   */
  private static String name(TaggedText text, TaggedSentence s, Tree tree, int i) {
    Token head = s.tokens().get(i);
    String word = head.word().toLowerCase(Locale.ROOT);
    if (word.equals("he") || word.equals("she")) {
      return lastPersonBefore(text, head.start()); // the usual antecedent in news prose
    }
    if (head.pos().startsWith("PRP") || head.pos().equals("WDT") || head.pos().equals("WP")
        || head.pos().equals("EX")) {
      return null; // other pronouns need real coreference, which Vigil does not do
    }
    int[] span = tree.phrase(i);
    int start = s.tokens().get(span[0]).start();
    int end = s.tokens().get(span[1]).end();
    for (EntityMention e : text.annotations().entities()) {
      if (e.id() != null && e.start() < end && e.end() > start) {
        return e.name();
      }
    }
    String phrase = text.text().substring(start, end).replaceAll("\\s+", " ");
    if (phrase.length() > MAX_NAME_CHARS) {
      return head.word();
    }
    return phrase.replaceFirst("^(?i)(the|a|an|these|those|this|that) ", "");
  }

  private static String lastPersonBefore(TaggedText text, int offset) {
    EntityMention last = null;
    for (EntityMention e : text.annotations().entities()) {
      if (e.type().equals("PERSON") && e.end() <= offset) {
        last = e;
      }
    }
    return last == null ? null : entityName(last);
  }

  /** A sentence's dependency tree, indexed for the questions the extractor asks. */
  private static final class Tree {
    private static final Set<String> PHRASE =
        Set.of("compound", "flat", "amod", "nmod:poss", "flat:name");
    private final List<Token> tokens;
    private final int[] governor;
    private final String[] relation;
    private final Map<Integer, List<Dependency>> children = new HashMap<>();

    Tree(List<Token> tokens, List<Dependency> deps) {
      this.tokens = tokens;
      governor = new int[tokens.size()];
      relation = new String[tokens.size()];
      Arrays.fill(governor, -1);
      for (Dependency d : deps) {
        if (d.dependent() < 0 || d.dependent() >= tokens.size()) {
          continue;
        }
        governor[d.dependent()] = d.governor();
        relation[d.dependent()] = d.relation();
        children.computeIfAbsent(d.governor(), k -> new ArrayList<>()).add(d);
      }
    }

    List<Dependency> children(int i) {
      return children.getOrDefault(i, List.of());
    }

    /** The subject of {@code i}, or of the clause it hangs from ("warning that" -> "Russia"). */
    int subject(int i) {
      for (int step = 0, at = i; step < 4 && at >= 0; step++, at = governor[at]) {
        for (Dependency d : children(at)) {
          if (d.relation().equals("nsubj")) {
            return d.dependent();
          }
        }
        String rel = relation[at];
        if (rel == null || !(rel.equals("xcomp") || rel.equals("advcl") || rel.equals("conj")
            || rel.startsWith("acl"))) {
          return -1;
        }
      }
      return -1;
    }

    /** The subject of the nearest speech verb above {@code i} ("X said that Y attacked"). */
    int speakerOf(int i) {
      for (int step = 0, at = governor[i]; step < 5 && at >= 0; step++, at = governor[at]) {
        if (isSpeechVerb(at)) {
          return speechSubject(at);
        }
      }
      return -1;
    }

    /** The subject of the nearest speech verb before token {@code i}, or -1. */
    int speakerBefore(int i) {
      for (int at = i - 1; at >= 0; at--) {
        if (tokens.get(at).pos().startsWith("VB") && isSpeechVerb(at)) {
          return speechSubject(at);
        }
      }
      return -1;
    }

    private boolean isSpeechVerb(int i) {
      String lemma = tokens.get(i).lemma();
      return lemma != null && SPEECH_VERBS.contains(lemma.toLowerCase(Locale.ROOT));
    }

    /**
     * Who speaks through verb {@code v}: its subject; or, for a verb that describes a noun
     * ("with Tajik authorities reporting"), the "with" phrase before it, or the named noun it
     * describes ("officials saying").
     */
    private int speechSubject(int v) {
      int subject = subject(v);
      if (subject >= 0 || relation[v] == null || !relation[v].startsWith("acl")) {
        return subject;
      }
      int g = governor[v];
      for (Dependency d : children(g)) {
        if ((d.relation().startsWith("nmod") || d.relation().startsWith("obl"))
            && d.dependent() < v && hasCase(d.dependent(), "with")) {
          return d.dependent();
        }
      }
      int[] span = phrase(g);
      for (int k = span[0]; k <= span[1]; k++) {
        if (NAMED.contains(String.valueOf(tokens.get(k).ner()))) {
          return g;
        }
      }
      return -1;
    }

    boolean hasCase(int i, String... words) {
      for (Dependency d : children(i)) {
        if (d.relation().equals("case")) {
          String w = tokens.get(d.dependent()).word().toLowerCase(Locale.ROOT);
          for (String word : words) {
            if (w.equals(word)) {
              return true;
            }
          }
        }
      }
      return false;
    }

    /** [first, last] token of the phrase headed by {@code i}: compounds and modifiers. */
    int[] phrase(int i) {
      int[] span = {i, i};
      grow(i, span);
      return span;
    }

    private void grow(int i, int[] span) {
      for (Dependency d : children(i)) {
        String rel = d.relation();
        if (PHRASE.contains(rel)) {
          span[0] = Math.min(span[0], d.dependent());
          span[1] = Math.max(span[1], d.dependent());
          grow(d.dependent(), span);
        }
      }
    }
  }

  // ---- claims

  /**
   * Links each denial to the claim it denies: a claim after it in its own sentence ("denied
   * the accusation that ..."), else the earlier claim whose sentence shares the most content
   * with the denial's (see {@link #deniedClaim}). Links an event in a sentence with a
   * confirming verb to the latest earlier claim of the same type.
   */
  private List<Event> link(List<Event> events, List<Integer> sentenceOf, TaggedText text) {
    List<Event> linked = new ArrayList<>(events);
    for (int i = 0; i < linked.size(); i++) {
      Event e = linked.get(i);
      if (e.type().equals("denial") && !e.modality().equals("negated")) {
        Integer claim = null;
        for (int j = i + 1; j < linked.size() && sentenceOf.get(j).equals(sentenceOf.get(i)); j++) {
          if (isClaim(linked.get(j))) {
            claim = j;
            break;
          }
        }
        if (claim == null) {
          claim = deniedClaim(linked, sentenceOf, i, text);
        }
        if (claim != null) {
          linked.set(i, e.with(e.modality(), linked.get(claim).id(), null));
        }
      } else if (!e.type().equals("denial") && confirms(text.sentences().get(sentenceOf.get(i)))) {
        for (int j = i - 1; j >= 0; j--) {
          Event c = linked.get(j);
          if (c.type().equals(e.type()) && isClaim(c) && !sentenceOf.get(j).equals(sentenceOf.get(i))) {
            linked.set(i, e.with(e.modality(), null, c.id()));
            break;
          }
        }
      }
    }
    return linked;
  }

  /**
   * The earlier claim a denial answers: the one whose sentence shares the most content words
   * (noun and verb lemmas, names) with the denial's sentence, the later one on a tie, so a
   * denial that names nothing ("denied these claims") answers the latest claim, and one that
   * names its subject ("denied any role in the checkpoint attack") answers that claim even
   * when other claims came after it. Null when there is no earlier claim.
   */
  private Integer deniedClaim(List<Event> events, List<Integer> sentenceOf, int denial, TaggedText text) {
    Set<String> said = contentWords(text.sentences().get(sentenceOf.get(denial)));
    Integer best = null;
    int bestShared = -1;
    for (int j = 0; j < denial; j++) {
      Event c = events.get(j);
      if (!isClaim(c) || c.type().equals("denial")) {
        continue;
      }
      Set<String> words = contentWords(text.sentences().get(sentenceOf.get(j)));
      words.retainAll(said);
      if (words.size() >= bestShared) {
        best = j;
        bestShared = words.size();
      }
    }
    return best;
  }

  /** The lemmas of the nouns, proper nouns and verbs of a sentence, minus reporting words. */
  private static Set<String> contentWords(TaggedSentence s) {
    Set<String> words = new HashSet<>();
    for (Token t : s.tokens()) {
      String lemma = (t.lemma() != null ? t.lemma() : t.word()).toLowerCase(Locale.ROOT);
      if ((t.pos().startsWith("NN") || t.pos().startsWith("VB")) && lemma.length() > 2
          && !REPORTING_WORDS.contains(lemma)) {
        words.add(lemma);
      }
    }
    return words;
  }

  private static boolean isClaim(Event e) {
    return e.modality().equals("alleged")
        || (Claim.CLAIM_TYPES.contains(e.type()) && !e.modality().equals("negated"));
  }

  private boolean confirms(TaggedSentence s) {
    List<Token> tokens = s.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).pos().startsWith("VB") && TokenPattern.matches(tokens.get(i), rules.confirmWords)) {
        boolean negated = false;
        for (int j = Math.max(0, i - 3); j < i; j++) {
          String w = tokens.get(j).word().toLowerCase(Locale.ROOT);
          negated |= w.equals("not") || w.equals("n't") || w.equals("never");
        }
        return !negated;
      }
    }
    return false;
  }

  // ---- categories

  /**
   * The article's categories, each with its first evidence: the categories of its events'
   * types (not of negated events), then cue phrases that occur twice or in a sentence with an
   * event.
   */
  private Map<String, CategoryEvidence> categories(TaggedText text, List<Event> events) {
    Map<String, CategoryEvidence> found = new LinkedHashMap<>();
    for (Event e : events) {
      if (e.modality().equals("negated")) {
        continue;
      }
      int at = e.sentence().indexOf(e.trigger());
      int start = e.start() + Math.max(0, at);
      for (String c : rules.type(e.type()).categories()) {
        found.putIfAbsent(c, new CategoryEvidence(c, e.trigger(), start, start + e.trigger().length()));
      }
    }
    Map<String, CategoryEvidence> first = new LinkedHashMap<>();
    Map<String, Integer> hits = new HashMap<>();
    Set<Integer> eventSentences = new HashSet<>();
    events.forEach(e -> eventSentences.add(e.start()));
    for (TaggedSentence s : text.sentences()) {
      for (EventRules.CategoryCue cue : rules.categoryCues) {
        for (int i = 0; i < s.tokens().size(); i++) {
          TokenPattern.Match m = cue.pattern().matchAt(s.tokens(), i);
          if (m == null) {
            continue;
          }
          int start = s.tokens().get(m.start()).start();
          int end = s.tokens().get(m.end() - 1).end();
          int weight = eventSentences.contains(s.start()) ? 2 : 1;
          hits.merge(cue.category(), weight, Integer::sum);
          first.putIfAbsent(cue.category(),
              new CategoryEvidence(cue.category(), text.text().substring(start, end), start, end));
        }
      }
    }
    for (var e : first.entrySet()) {
      if (hits.get(e.getKey()) >= 2) {
        found.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    return found;
  }
}
