package dev.vigil.geo;

import dev.vigil.model.EntityMention;
import dev.vigil.model.PlaceMention;
import dev.vigil.model.TaggedSentence;
import dev.vigil.model.TaggedText;
import dev.vigil.model.TextStage;
import dev.vigil.model.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The places stage: finds the toponyms of a tagged text and resolves each to a gazetteer
 * place with its kind and uncertainty radius.
 *
 * <p>Recognition takes, in order of trust: borders written as two countries or demonyms and
 * "border" ("Tajik-Afghan border"); the named entities the annotator tagged as locations;
 * demonyms used as modifiers ("Tajik border guards", "Afghan soil") but not as people nouns
 * ("the Afghans"); and capitalised word sequences the tagger missed that name a country, a
 * curated region or a large city.
 *
 * <p>Resolution scores each candidate place of a name by a prior (kind, population) plus the
 * article's context: the countries it mentions (by name or demonym), the first-level region of
 * other places, a kind word next to the name ("Khatlon province"), and the distance to the
 * other places of the article. All mentions of one name in an article get the same place.
 */
public final class Geocoder implements TextStage {
  private static final Logger LOG = LoggerFactory.getLogger(Geocoder.class);
  private static final Pattern BORDER = Pattern.compile(
      "\\b([A-Z][\\p{L}.]+)\\s?[-–/]\\s?([A-Z][\\p{L}.]+)\\s+(?:border|frontier|boundary)s?\\b");
  private static final Map<String, String> KIND_WORDS = Map.ofEntries(
      Map.entry("province", "admin1"), Map.entry("provinces", "admin1"),
      Map.entry("region", "admin1"), Map.entry("regions", "admin1"),
      Map.entry("oblast", "admin1"), Map.entry("governorate", "admin1"),
      Map.entry("state", "admin1"), Map.entry("district", "admin2"),
      Map.entry("county", "admin2"), Map.entry("city", "city"), Map.entry("town", "city"),
      Map.entry("village", "city"));
  private static final Set<String> TRAILING_KIND_WORDS = Set.of(
      "province", "region", "oblast", "governorate", "state", "district", "county", "city",
      "river", "valley", "mountains", "town", "village");
  private static final int MAX_GRAM = 4;
  private static final Set<String> AFTER_A_CITY = Set.of(
      "organization", "organisation", "pact", "agreement", "agreements", "accord", "accords",
      "treaty", "protocol", "convention", "conventions", "process", "format", "declaration",
      "charter", "group", "summit", "talks");
  private static final Set<String> GENERIC = Set.of(
      "north", "south", "east", "west", "central", "centre", "center", "western", "eastern",
      "northern", "southern", "northeast", "northwest", "southeast", "southwest", "lakes",
      "coast", "valley", "island", "islands", "capital", "mountain", "mountains", "river",
      "city", "state", "union", "enterprise", "independence", "liberty", "hope", "unity");

  /** Words that qualify a place name without changing it: "Far North Queensland", "Upper Edmonton". */
  private static final Set<String> QUALIFIERS = Set.of(
      "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
      "northeast", "northwest", "southeast", "southwest", "upper", "lower", "greater", "far",
      "inner", "outer", "mid", "downtown", "suburban", "rural", "metro", "old", "new");
  /**
   * Last words of streets, buildings and other facilities: a name inside them ("Collins
   * Avenue", "Stade de France", "Windsor Castle") is seldom where they are.
   */
  private static final Set<String> FACILITY = Set.of(
      "street", "st.", "st", "avenue", "ave.", "ave", "road", "rd.", "rd", "drive", "dr.", "lane",
      "boulevard", "blvd.", "way", "place", "square", "plaza", "court", "terrace", "highway",
      "hospital", "church", "cathedral", "mosque", "temple", "castle", "palace", "estate", "canal",
      "plantation", "park", "center", "centre", "hall", "tower", "bridge", "airport", "stadium",
      "arena", "school", "college", "university", "library", "hotel", "station", "museum",
      "prison", "jail", "market", "mall", "farm", "club", "racecourse", "circuit", "bend", "hill",
      "delta", "embassy", "consulate", "office", "building", "house", "gardens", "garden", "zoo");
  /**
   * What may stand between a facility and the town named right after it as where it is: "in",
   * ", " or a short clause ending in "in" ("where Alfie is admitted in"), within one sentence.
   */
  private static final Pattern TOWN_AFTER = Pattern.compile(
      "\\s*(,|in|(?:,?\\s*(?:where|which|that)\\b[^.;!?]{0,40}?\\bin))\\s*");
  /** The longest stretch {@link #TOWN_AFTER} is tried on, in characters. */
  private static final int MAX_TOWN_AFTER = 64;
  /** How far before a facility (in characters) a town is taken as where it is. */
  private static final int NEAR_CHARS = 400;
  /**
   * Street words: streets are placed by some annotators and not by others, so they are left out
   * (names inside them are not taken either).
   */
  private static final Set<String> ROADS = Set.of(
      "street", "st.", "st", "avenue", "ave.", "ave", "road", "rd.", "rd", "drive", "dr.", "lane",
      "boulevard", "blvd.", "way", "place", "court", "terrace", "highway");
  /** Words after a name that make it a second-level area the gazetteer may lack ("Metcalfe County"). */
  /** Prepositions after which a person-tagged word is more likely a town: "in Nelson". */
  private static final Set<String> LOCATIVE = Set.of("in", "near", "outside", "into", "across");
  private static final Set<String> AREA_WORDS = Set.of("county", "parish", "township", "borough");

  private final Gazetteer gazetteer;

  public Geocoder(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** A geocoder over the bundled gazetteer. */
  public static Geocoder bundled() {
    return new Geocoder(Gazetteer.bundled());
  }

  @Override
  public TaggedText apply(TaggedText text) {
    text = withNationalities(text);
    try {
      List<PlaceMention> found = places(text);
      if (found.isEmpty()) {
        return text;
      }
      List<PlaceMention> all = new ArrayList<>(text.annotations().places());
      all.addAll(found);
      all.sort(Comparator.comparingInt(PlaceMention::start));
      return text.with(text.annotations().withPlaces(all));
    } catch (RuntimeException e) {
      LOG.warn("places skipped for a text of {} characters: {}", text.text().length(), e.toString());
      return text;
    }
  }

  /**
   * The recogniser's MISC mentions that are a country's demonym ("Tajik", "Afghans") retyped
   * NATIONALITY, the type DESIGN.md gives them; the recogniser follows CoNLL, which has none.
   */
  private TaggedText withNationalities(TaggedText text) {
    List<EntityMention> entities = text.annotations().entities();
    List<EntityMention> out = new ArrayList<>(entities.size());
    boolean changed = false;
    for (EntityMention e : entities) {
      if ("MISC".equals(e.type()) && isDemonym(e.text())) {
        out.add(new EntityMention(e.text(), "NATIONALITY", e.id(), e.name(), e.start(), e.end()));
        changed = true;
      } else {
        out.add(e);
      }
    }
    return changed ? text.with(text.annotations().withEntities(out)) : text;
  }

  private boolean isDemonym(String word) {
    return gazetteer.demonym(word) != null
        || word.endsWith("s") && word.length() > 4 && gazetteer.demonym(word.substring(0, word.length() - 1)) != null;
  }

  /**
   * A toponym found in the text, with its candidate places. A tentative one (a region name
   * the tagger did not tag) is kept only if the article names other places of its country.
   */
  private record Mention(int start, int end, String key, List<Place> candidates, String kindHint,
      boolean demonym, boolean tentative, boolean area, boolean facility) {
    Mention(int start, int end, String key, List<Place> candidates, String kindHint, boolean demonym) {
      this(start, end, key, candidates, kindHint, demonym, false, false, false);
    }

    Mention(int start, int end, String key, List<Place> candidates, String kindHint,
        boolean demonym, boolean tentative) {
      this(start, end, key, candidates, kindHint, demonym, tentative, false, false);
    }
  }

  /** The places named in {@code text}, in text order. */
  public List<PlaceMention> places(TaggedText text) {
    List<Mention> mentions = recognise(text);
    Map<String, Place> resolved = resolve(mentions, containers(text.text(), mentions));
    Set<String> countries = new HashSet<>();
    for (Mention m : mentions) {
      Place p = resolved.get(m.key);
      if (p != null && !m.tentative && p.country() != null) {
        countries.add(p.country());
      }
    }
    List<PlaceMention> out = new ArrayList<>();
    PlaceMention area = null;
    String region = null;
    Place focus = null;
    for (Mention m : mentions) {
      Place p = resolved.get(m.key);
      String surface = text.text().substring(m.start, m.end);
      if (m.facility) {
        focus = focus != null ? focus : focus(mentions, resolved);
        Place at = townOf(text.text(), mentions, resolved, m, focus);
        if (at != null) {
          out.add(new PlaceMention(surface, at.name(), at.kind(), at.country(),
              at.lat(), at.lon(), at.radiusKm(), m.start, m.end));
        }
        continue;
      }
      if (m.area && region == null) {
        region = mainRegion(mentions, resolved);
      }
      if (m.area && (p == null || !(region == null ? countries.contains(p.country())
          : region.equals(p.country() + "-" + p.admin1())))) {
        area = area != null ? area : areaOfArticle(region, resolved);
        if (area != null) {
          out.add(new PlaceMention(surface, surface, "admin2", area.country(), area.lat(),
              area.lon(), area.radiusKm(), m.start, m.end));
        }
        continue;
      }
      if (p == null || (m.tentative && !countries.contains(p.country()))) {
        continue;
      }
      if (stranger(m, p, mentions, resolved)) {
        continue;
      }
      out.add(new PlaceMention(surface, p.name(), p.kind(), p.country(), p.lat(), p.lon(),
          p.radiusKm(), m.start, m.end));
    }
    return out;
  }

  /**
   * Whether a town lies in a country the article names nowhere else while its other places,
   * three or more, all lie in one other country ("Edmonton" and "Tottenham" in a London
   * story): such a name is more often a local place the gazetteer lacks (a neighbourhood, a
   * village) or a word that is no place at all, so it is left out rather than put abroad.
   * Cities of {@link #STRANGER_MAX_POPULATION} people or more are kept.
   */
  /**
   * A city this big is never left out as a stranger: a foreign capital in a story about
   * another country ("talks in Dushanbe" in a Moscow story) is no misread local name.
   */
  private static final int STRANGER_MAX_POPULATION = 100_000;

  private static boolean stranger(Mention m, Place p, List<Mention> mentions,
      Map<String, Place> resolved) {
    if (!p.kind().equals("city") || m.demonym || p.population() >= STRANGER_MAX_POPULATION) {
      return false;
    }
    Map<String, Integer> byCountry = new HashMap<>();
    for (Mention o : mentions) {
      Place q = resolved.get(o.key);
      if (q != null && !o.key.equals(m.key) && q.country() != null) {
        byCountry.merge(q.country(), 1, Integer::sum);
      }
    }
    if (byCountry.containsKey(p.country())) {
      return false;
    }
    int total = byCountry.values().stream().mapToInt(Integer::intValue).sum();
    int top = byCountry.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return top >= 3 && top == total;
  }

  /**
   * The town the article is about: the city it names most often (the first of equals), where
   * its streets and buildings are taken to be; null when it names no city.
   */
  private static Place focus(List<Mention> mentions, Map<String, Place> resolved) {
    Map<Place, Integer> counts = new java.util.LinkedHashMap<>();
    for (Mention m : mentions) {
      Place p = resolved.get(m.key);
      if (p != null && !m.tentative && !m.area && !m.facility && p.kind().equals("city")) {
        counts.merge(p, 1, Integer::sum);
      }
    }
    Place best = null;
    for (Map.Entry<Place, Integer> e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }

  /**
   * Where a facility is: the town named right after it ("University Hospital in Columbia"),
   * else the town named last within the few sentences before it ("in New Orleans ... on Royal
   * Street"), else the town the article names most if it names it twice.
   */
  private static Place townOf(String s, List<Mention> mentions, Map<String, Place> resolved,
      Mention facility, Place focus) {
    Place last = null;
    for (Mention m : mentions) {
      if (m.start >= facility.end) {
        Place p = resolved.get(m.key);
        boolean close = m.start - facility.end <= MAX_TOWN_AFTER;
        if (p != null && close && !m.tentative && !m.facility && p.kind().equals("city")
            && TOWN_AFTER.matcher(s.substring(facility.end, m.start)).matches()) {
          return p; // "University Hospital in Columbia", "Alder Hey ... where he is treated in Liverpool"
        }
        if (close) {
          continue;
        }
        break;
      }
      if (m.start >= facility.start) {
        continue;
      }
      Place p = resolved.get(m.key);
      if (p != null && !m.tentative && !m.area && !m.facility && p.kind().equals("city")
          && facility.start - m.end < NEAR_CHARS) {
        last = p;
      }
    }
    if (last != null) {
      return last;
    }
    long times = focus == null ? 0 : mentions.stream().filter(m -> focus.equals(resolved.get(m.key))).count();
    return times >= 2 ? focus : null;
  }

  /** The first-level region ("US-KY") the article's resolved places lie in most often, or null. */
  private static String mainRegion(List<Mention> mentions, Map<String, Place> resolved) {
    Map<String, Integer> regions = new HashMap<>();
    for (Mention m : mentions) {
      Place p = resolved.get(m.key);
      if (p != null && !m.tentative && !m.area && p.admin1() != null && !p.kind().equals("country")
          && !p.kind().equals("region")) {
        regions.merge(p.country() + "-" + p.admin1(), 1, Integer::sum);
      }
    }
    return regions.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
  }

  /**
   * Where a second-level area the gazetteer lacks ("Metcalfe County") most likely lies: the
   * middle of the article's towns in the first-level region it names most, or that region's
   * point; null when the article names no such region.
   */
  private PlaceMention areaOfArticle(String top, Map<String, Place> resolved) {
    if (top == null) {
      return null;
    }
    Place region = gazetteer.admin1(top.substring(0, 2), top.substring(3));
    double lat = 0;
    double lon = 0;
    int n = 0;
    for (Place p : new HashSet<>(resolved.values())) {
      if (p != null && p.kind().equals("city") && top.equals(p.country() + "-" + p.admin1())) {
        lat += p.lat();
        lon += p.lon();
        n++;
      }
    }
    if (n == 0 && region == null) {
      return null;
    }
    return n > 0
        ? new PlaceMention("", "", "admin2", top.substring(0, 2), lat / n, lon / n, 40.0, 0, 0)
        : new PlaceMention("", "", "admin2", region.country(), region.lat(), region.lon(),
            Math.min(region.radiusKm(), 150), 0, 0);
  }

  // ---------------------------------------------------------------- recognition

  private List<Mention> recognise(TaggedText text) {
    String s = text.text();
    List<Mention> found = new ArrayList<>();
    boolean[] taken = new boolean[s.length() + 1];
    borders(s, found, taken);
    List<Token> tokens = new ArrayList<>();
    List<Integer> sentenceStarts = new ArrayList<>();
    for (TaggedSentence sentence : text.sentences()) {
      sentenceStarts.add(tokens.size());
      tokens.addAll(sentence.tokens());
    }
    areas(s, tokens, found, taken);
    multiword(s, tokens, found, taken);
    for (EntityMention e : text.annotations().entities()) {
      if (e.type().equals("LOCATION") && free(taken, e.start(), e.end())) {
        located(s, e.start(), e.end(), tokens, found, taken);
      }
    }
    for (EntityMention e : text.annotations().entities()) {
      if (!e.type().equals("LOCATION") && free(taken, e.start(), e.end())) {
        other(s, e, tokens, found, taken);
      }
    }
    unnamed(s, tokens, sentenceStarts, found, taken);
    abbreviations(s, tokens, found, taken);
    again(s, text.annotations().entities(), tokens, sentenceStarts, found, taken);
    facilities(text.annotations().entities(), found, taken);
    found.sort(Comparator.comparingInt(Mention::start));
    for (int i = 0; i < found.size(); i++) {
      Mention m = found.get(i);
      if (dateline(s, m.start, m.end) && m.kindHint == null && !m.demonym) {
        found.set(i, new Mention(m.start, m.end, m.key, m.candidates, "city", false, m.tentative,
            m.area, m.facility));
      }
    }
    return found;
  }

  /** What follows a dateline's name: "WASHINGTON (AP) —", "LONDON —", "KABUL, Afghanistan". */
  private static final Pattern AFTER_DATELINE = Pattern.compile("^\\s*(\\(|[-–—,:])");

  /**
   * Whether the name at {@code start..end} is a dateline, which wire-service style gives as the
   * city the story was filed from ("WASHINGTON (AP)" is the capital, not the state): a name in
   * capitals that opens the text, or opens a line or sentence and is followed by the agency, a
   * dash or a comma.
   */
  private static boolean dateline(String s, int start, int end) {
    String name = s.substring(start, end);
    if (!name.equals(name.toUpperCase(Locale.ROOT)) || name.length() < 3) {
      return false;
    }
    String before = s.substring(0, start).stripTrailing();
    if (before.isEmpty()) {
      return true; // the text opens with it
    }
    char last = before.charAt(before.length() - 1);
    return (last == '.' || last == '\n' || s.charAt(start - 1) == '\n')
        && AFTER_DATELINE.matcher(s.substring(end, Math.min(s.length(), end + 5))).find();
  }

  /**
   * Country and state abbreviations in capitals ("US dollars", "FrontCounter BC", "NJ"); a
   * state's counts only if the article names other places of its country.
   */
  private void abbreviations(String s, List<Token> tokens, List<Mention> found, boolean[] taken) {
    for (Token t : tokens) {
      String w = t.word();
      if (w.length() < 2 || w.length() > 4 || !w.equals(w.toUpperCase(Locale.ROOT))
          || !Character.isLetter(w.charAt(0)) || "PERSON".equals(t.ner())
          || !free(taken, t.start(), t.end())) {
        continue;
      }
      List<Place> candidates = plausible(w, gazetteer.lookup(w));
      boolean country = candidates.stream().anyMatch(p -> p.kind().equals("country"));
      boolean state = candidates.stream().anyMatch(p -> p.kind().equals("admin1"));
      if (country || state) {
        add(found, taken, new Mention(t.start(), t.end(), Gazetteer.normalize(w), candidates,
            null, false, !country));
      }
    }
  }

  /**
   * Buildings and other facilities the tagger called a location ("Barclays Center", "St.
   * Michael's Hospital", "Windsor Castle"); they are placed at the town named just before them
   * or the town the article is about (see {@link #townOf}). Streets are left out.
   */
  private void facilities(List<EntityMention> entities, List<Mention> found, boolean[] taken) {
    for (EntityMention e : entities) {
      String last = e.text().substring(e.text().lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
      if (e.type().equals("LOCATION") && FACILITY.contains(last) && !ROADS.contains(last)
          && e.text().contains(" ") && free(taken, e.start(), e.end())) {
        add(found, taken, new Mention(e.start(), e.end(), "facility:" + Gazetteer.normalize(e.text()),
            List.of(), null, false, false, false, true));
      }
    }
  }

  /**
   * One sense per article: a name already recognised as a place is a place again where the
   * tagger left it untagged, or called it a person or organisation right after "in", "near"
   * ("Nelson-Creston" ... "in Nelson"); other town names so tagged after those words count if
   * the article names other places of the town's country.
   */
  private void again(String s, List<EntityMention> entities, List<Token> tokens,
      List<Integer> sentenceStarts, List<Mention> found, boolean[] taken) {
    Map<String, Mention> known = new HashMap<>();
    for (Mention m : found) {
      if (!m.tentative && !m.demonym && !m.area && !m.key.startsWith("border:")) {
        known.putIfAbsent(m.key, m);
      }
    }
    for (EntityMention e : entities) {
      if (e.type().equals("LOCATION") || !free(taken, e.start(), e.end())
          || !Character.isUpperCase(e.text().charAt(0))) {
        continue;
      }
      Token before = lastTokenBefore(tokens, e.start());
      if (before == null || !LOCATIVE.contains(before.word())) {
        continue;
      }
      Mention same = known.get(Gazetteer.normalize(e.text()));
      if (same != null) {
        add(found, taken, new Mention(e.start(), e.end(), same.key, same.candidates, null, false));
        continue;
      }
      boolean single = e.type().equals("PERSON") ? !e.text().contains(" ")
          : e.type().equals("ORGANIZATION");
      if (single && !namedAfterACity(e.text())) {
        List<Place> towns = plausible(e.text(), find(e.text())).stream()
            .filter(p -> !p.kind().equals("country") && Gazetteer.isMainName(p, e.text())).toList();
        if (!towns.isEmpty()) {
          add(found, taken, new Mention(e.start(), e.end(), Gazetteer.normalize(e.text()),
              plausible(e.text(), find(e.text())), kindWordAfter(tokens, e.end()), false, true));
        }
      }
    }
    Set<Integer> firsts = Set.copyOf(sentenceStarts);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (firsts.contains(i) || !capitalised(t.word()) || !untagged(t)) {
        continue;
      }
      for (int n = Math.min(3, tokens.size() - i); n >= 1; n--) {
        Token last = tokens.get(i + n - 1);
        Mention same = known.get(Gazetteer.normalize(s.substring(t.start(), last.end())));
        if (same != null && untagged(last) && free(taken, t.start(), last.end())) {
          add(found, taken, new Mention(t.start(), last.end(), same.key, same.candidates, null, false));
          i += n - 1;
          break;
        }
      }
    }
  }

  /** The last token ending at or before {@code offset}, or null. */
  private static Token lastTokenBefore(List<Token> tokens, int offset) {
    Token best = null;
    for (Token t : tokens) {
      if (t.end() > offset) {
        break;
      }
      best = t;
    }
    return best;
  }

  private void borders(String s, List<Mention> found, boolean[] taken) {
    Matcher m = BORDER.matcher(s);
    while (m.find()) {
      String a = countryCode(m.group(1));
      String b = countryCode(m.group(2));
      if (a == null || b == null || a.equals(b)) {
        continue;
      }
      String key = "border:" + (a.compareTo(b) < 0 ? a + ":" + b : b + ":" + a);
      List<Place> border = gazetteer.lookup(key);
      if (!border.isEmpty()) {
        add(found, taken, new Mention(m.start(), m.end(), key, border, null, false));
      }
    }
  }

  /**
   * Second-level areas written with their kind word ("Metcalfe County", "LAUREL COUNTY",
   * "Orange County"): the gazetteer's second-level region of that name if it has one, else the
   * article's first-level region, since counties and parishes are named within it.
   */
  private void areas(String s, List<Token> tokens, List<Mention> found, boolean[] taken) {
    for (int i = 1; i < tokens.size(); i++) {
      Token word = tokens.get(i);
      if (!AREA_WORDS.contains(word.word().toLowerCase(Locale.ROOT))
          || !Character.isUpperCase(word.word().charAt(0))) {
        continue;
      }
      int first = i;
      while (first > Math.max(0, i - 2) && proper(tokens.get(first - 1))) {
        first--;
      }
      if (first == i || !free(taken, tokens.get(first).start(), word.end())) {
        continue;
      }
      String name = s.substring(tokens.get(first).start(), tokens.get(i - 1).end());
      String surface = s.substring(tokens.get(first).start(), word.end());
      List<Place> candidates = new ArrayList<>(gazetteer.lookup(surface).stream()
          .filter(p -> p.kind().equals("admin2")).toList());
      gazetteer.lookup(name).stream().filter(p -> (p.kind().equals("admin2")
          || p.kind().equals("city") && Gazetteer.isMainName(p, name)) && !candidates.contains(p))
          .forEach(candidates::add);
      add(found, taken, new Mention(tokens.get(first).start(), word.end(),
          Gazetteer.normalize(surface), candidates, "admin2", false, false, true, false));
    }
  }

  private static boolean proper(Token t) {
    return t.pos() != null && t.pos().startsWith("NNP") && Character.isUpperCase(t.word().charAt(0))
        && !GENERIC.contains(t.word().toLowerCase(Locale.ROOT));
  }

  /**
   * Names of two or more capitalised words that are a country, a curated region, a
   * first-level region or a city of 100,000 people or more, even where the tagger split them
   * ("British" + "Columbia Finance") or tagged them as part of another name.
   */
  private void multiword(String s, List<Token> tokens, List<Mention> found, boolean[] taken) {
    for (int i = 0; i < tokens.size(); i++) {
      for (int n = Math.min(MAX_GRAM, tokens.size() - i); n >= 2; n--) {
        Token first = tokens.get(i);
        Token last = tokens.get(i + n - 1);
        String surface = s.substring(first.start(), last.end());
        boolean capitals = surface.equals(surface.toUpperCase(Locale.ROOT)); // "NEW JERSEY"
        if (!(capitals || capitalised(first.word()) && capitalised(last.word()))
            || !Character.isLetter(first.word().charAt(0)) || !Character.isLetter(last.word().charAt(0))
            || "PERSON".equals(first.ner()) || !free(taken, first.start(), last.end())) {
          continue;
        }
        if (genericWords(surface)) {
          continue; // "Far North" of "Far North Queensland" is left to the whole name
        }
        List<Place> candidates = gazetteer.lookup(surface);
        boolean named = candidates.stream().anyMatch(p -> gazetteer.isCurated(p)
            || (Gazetteer.isMainName(p, surface) && (p.kind().equals("country")
                || p.kind().equals("admin1") || p.population() >= 100_000)));
        if (named) {
          add(found, taken, new Mention(first.start(), last.end(), Gazetteer.normalize(surface),
              candidates, kindWordAfter(tokens, last.end()), false));
          i += n - 1;
          break;
        }
      }
    }
  }

  /**
   * Places called {@code surface}; an Arabic name is also looked up with or without its article
   * ("Qamishli" is GeoNames' "Al Qamishli").
   */
  private List<Place> find(String surface) {
    List<Place> c = gazetteer.lookup(surface);
    if (!c.isEmpty() || surface.length() < 4 || !Character.isUpperCase(surface.charAt(0))) {
      return c;
    }
    String n = Gazetteer.normalize(surface);
    return Gazetteer.withoutArticle(n).equals(n) ? gazetteer.lookup("al " + n)
        : gazetteer.lookup(Gazetteer.withoutArticle(n));
  }

  private String countryCode(String word) {
    Place d = gazetteer.demonym(word);
    if (d != null && d.kind().equals("country")) {
      return d.country();
    }
    return gazetteer.lookup(word).stream().filter(p -> p.kind().equals("country"))
        .map(Place::country).findFirst().orElse(null);
  }

  /** A span the annotator tagged as a location. */
  private void located(String s, int start, int end, List<Token> tokens, List<Mention> found,
      boolean[] taken) {
    String surface = s.substring(start, end);
    String hint = kindWordAfter(tokens, end);
    if (surface.startsWith("the ") || surface.startsWith("The ")) {
      start += 4;
      surface = surface.substring(4);
    }
    List<Place> candidates = find(surface);
    String key = surface;
    if (candidates.isEmpty()) {
      int space = surface.lastIndexOf(' ');
      if (space > 0 && TRAILING_KIND_WORDS.contains(surface.substring(space + 1).toLowerCase(Locale.ROOT))) {
        key = surface.substring(0, space);
        hint = KIND_WORDS.getOrDefault(surface.substring(space + 1).toLowerCase(Locale.ROOT), hint);
        candidates = gazetteer.lookup(key);
      }
    }
    candidates = plausible(surface, candidates);
    if (beginsABodyName(tokens, end)) {
      candidates = candidates.stream()
          .filter(p -> p.kind().equals("country") || gazetteer.isCurated(p)).toList();
    }
    if (!key.equals(surface) && "admin2".equals(hint)) {
      candidates = candidates.stream().filter(p -> p.kind().equals("admin2")).toList();
    }
    if (candidates.isEmpty()) {
      Place d = gazetteer.demonym(surface);
      if (d != null) {
        add(found, taken, new Mention(start, end, "demonym:" + d.id(), List.of(d), null, true));
      } else {
        inside(s, start, end, "LOCATION", surface, tokens, found, taken);
      }
      return;
    }
    add(found, taken, new Mention(start, end, Gazetteer.normalize(key), candidates, hint, false,
        genericWords(surface)));
  }

  /**
   * Whether a name is made only of generic and direction words ("West Coast", "North Side",
   * "South East"): it names a place only where the article is about that place's country.
   */
  private static boolean genericWords(String surface) {
    for (String w : surface.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
      if (!GENERIC.contains(w) && !QUALIFIERS.contains(w) && !w.equals("side")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Nationalities and other non-location entities: a demonym used as a modifier ("Afghan
   * soil"), or a country, first-level region or curated region named inside an organisation or
   * other name ("Kentucky State Police", "U.S. Transportation Department").
   */
  private void other(String s, EntityMention e, List<Token> tokens, List<Mention> found,
      boolean[] taken) {
    int hyphen = e.text().lastIndexOf('-');
    boolean prefixed = hyphen > 0 && Character.isLowerCase(e.text().charAt(0)); // "anti-Russian"
    String word = prefixed ? e.text().substring(hyphen + 1) : e.text();
    Place d = gazetteer.demonym(word);
    if (d != null) {
      if (modifierAt(tokens, e.end())) {
        int from = prefixed ? e.start() + hyphen + 1 : e.start();
        add(found, taken, new Mention(from, e.end(), "demonym:" + d.id(), List.of(d), null, true));
      }
      return;
    }
    if (e.type().equals("PERSON")) {
      return;
    }
    inside(s, e.start(), e.end(), e.type(), e.text(), tokens, found, taken);
  }

  /**
   * Places named inside a longer name: a country, curated region or first-level region in an
   * organisation ("Kentucky State Police"), a large city in an organisation ("CBC Toronto"),
   * a demonym ("U.S.-backed"); inside a location the tagger found but the gazetteer does not
   * know ("Far North Queensland", "Air Zimbabwe", "Republic of Armenia") also any city, which
   * counts only if the article names other places of its country.
   */
  private void inside(String s, int from, int to, String type, String text, List<Token> tokens,
      List<Mention> found, boolean[] taken) {
    boolean location = type.equals("LOCATION");
    boolean body = namedAfterACity(text);
    List<Token> inside = tokens.stream()
        .filter(t -> t.start() >= from && t.end() <= to).toList();
    if (inside.isEmpty()
        || FACILITY.contains(inside.get(inside.size() - 1).word().toLowerCase(Locale.ROOT))) {
      return;
    }
    for (int i = 0; i < inside.size(); i++) {
      for (int n = Math.min(MAX_GRAM, inside.size() - i); n >= 1; n--) {
        Token first = inside.get(i);
        Token last = inside.get(i + n - 1);
        String surface = s.substring(first.start(), last.end());
        if (!Character.isUpperCase(first.word().charAt(0)) || genericWords(surface)) {
          continue;
        }
        List<Place> candidates = plausible(surface, find(surface));
        boolean named = candidates.stream().anyMatch(p -> p.kind().equals("country")
            || gazetteer.isCurated(p)
            || (p.kind().equals("admin1") && Gazetteer.isMainName(p, surface) && !body)
            || (p.kind().equals("city") && p.population() >= 100_000
                && Gazetteer.isMainName(p, surface) && (location || type.equals("ORGANIZATION")) && !body));
        boolean small = !named && location && capitalised(first.word())
            && qualifiersOnly(inside.subList(0, i)) && endsAName(inside, i + n)
            && candidates.stream().anyMatch(p -> !p.kind().equals("country")
                && Gazetteer.isMainName(p, surface));
        if (named || small) {
          add(found, taken, new Mention(first.start(), last.end(), Gazetteer.normalize(surface),
              candidates, kindWordAfter(tokens, last.end()), false, small));
          i += n - 1;
          break;
        }
        Place demonym = gazetteer.demonym(surface); // "Afghan", "North American"
        if (demonym != null) {
          add(found, taken, new Mention(first.start(), last.end(), "demonym:" + demonym.id(),
              List.of(demonym), null, true));
          break;
        }
      }
    }
  }

  /** Whether {@code words} are only qualifiers ("Far North") or punctuation between names. */
  private static boolean qualifiersOnly(List<Token> words) {
    return words.stream().allMatch(t -> QUALIFIERS.contains(t.word().toLowerCase(Locale.ROOT))
        || t.word().equals("-") || t.word().equals(","));
  }

  /** Whether the name ending before {@code next} ends the span or a hyphenated pair ("Nelson-Creston"). */
  private static boolean endsAName(List<Token> span, int next) {
    return next >= span.size() || span.get(next).word().equals("-") || span.get(next).word().equals(",");
  }

  /**
   * Drops what a name cannot mean: "US", "EU", "BA" in capitals are abbreviations, not the
   * towns Us, Eu or the Fijian province Ba; a lone direction or generic word ("Central",
   * "Western", "Lakes") is not a place on its own.
   */
  private static List<Place> plausible(String surface, List<Place> candidates) {
    if (GENERIC.contains(surface.toLowerCase(Locale.ROOT))) {
      return List.of();
    }
    if (surface.length() <= 3 && surface.equals(surface.toUpperCase(Locale.ROOT))) {
      return candidates.stream().filter(p -> !Gazetteer.isMainName(p, surface)).toList();
    }
    return candidates;
  }

  /**
   * Whether the capitalised words after {@code end} finish a body or treaty name ("Shanghai" +
   * "Cooperation Organization") where the tagger split it.
   */
  private static boolean beginsABodyName(List<Token> tokens, int end) {
    Token t = tokenAt(tokens, end);
    String last = null;
    for (int i = 0; t != null && i < 3 && Character.isUpperCase(t.word().charAt(0)); i++) {
      last = t.word();
      t = tokenAt(tokens, t.end());
    }
    return last != null && namedAfterACity(last);
  }

  /** "Shanghai Cooperation Organization", "Minsk agreements": bodies and treaties named after a city. */
  private static boolean namedAfterACity(String name) {
    String last = name.substring(name.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    return AFTER_A_CITY.contains(last);
  }

  /** Whether a demonym before {@code next} is a modifier ("Afghan soil", "Tajik border guards"). */
  private static boolean modifies(Token next) {
    String pos = next.pos() == null ? "" : next.pos();
    return pos.startsWith("NN") || pos.startsWith("JJ") || pos.equals("CD") || pos.equals("VBG");
  }

  /**
   * Whether the demonym ending at {@code end} modifies a noun, also across a coordination
   * ("the Russian and Turkish governments").
   */
  private boolean modifierAt(List<Token> tokens, int end) {
    Token next = tokenAt(tokens, end);
    if (next == null) {
      return false;
    }
    if (next.word().equals("-") && next.start() == end) {
      Token after = tokenAt(tokens, next.end());
      // "Russian-European projects", "Turkish-Russian relations"; not "Saudi-led coalition",
      // which names the actor rather than a place
      return after != null && gazetteer.demonym(after.word()) != null;
    }
    if ((next.word().equals("and") || next.word().equals("or") || next.word().equals(","))) {
      Token after = tokenAt(tokens, next.end());
      return after != null && gazetteer.demonym(after.word()) != null;
    }
    return modifies(next);
  }

  /**
   * Capitalised word sequences the tagger left untagged that name a country, a curated region,
   * a city of 100,000 people or more or (tentatively) a first-level region, and demonyms used
   * as modifiers. Sentence-initial words are taken only for countries and curated regions.
   */
  private void unnamed(String s, List<Token> tokens, List<Integer> sentenceStarts,
      List<Mention> found, boolean[] taken) {
    Set<Integer> firsts = Set.copyOf(sentenceStarts);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!capitalised(t.word()) || !free(taken, t.start(), t.end()) || !untagged(t)) {
        continue;
      }
      for (int n = Math.min(MAX_GRAM, tokens.size() - i); n >= 1; n--) {
        Token last = tokens.get(i + n - 1);
        if (!capitalised(last.word()) || !untagged(last) || !free(taken, t.start(), last.end())) {
          continue;
        }
        String surface = s.substring(t.start(), last.end());
        List<Place> candidates = plausible(surface, gazetteer.lookup(surface));
        boolean strong = candidates.stream().anyMatch(p -> p.kind().equals("country")
            || gazetteer.isCurated(p));
        boolean bigCity = candidates.stream().anyMatch(p -> p.population() >= 100_000
            && Gazetteer.isMainName(p, surface));
        boolean region = candidates.stream().anyMatch(p -> p.kind().equals("admin1"));
        boolean initial = firsts.contains(i);
        boolean proper = !initial && (n > 1 || (t.pos() != null && t.pos().startsWith("NNP")));
        if (strong || (proper && (bigCity || region))) {
          // a one-word region name may be a common word; a longer one ("British Columbia") is not
          boolean tentative = !strong && !bigCity && n == 1;
          add(found, taken, new Mention(t.start(), last.end(), Gazetteer.normalize(surface),
              candidates, kindWordAfter(tokens, last.end()), false, tentative));
          i += n - 1;
          break;
        }
        Place demonym = n == 1 ? gazetteer.demonym(surface) : null;
        if (demonym != null && modifierAt(tokens, t.end())) {
          add(found, taken, new Mention(t.start(), t.end(), "demonym:" + demonym.id(),
              List.of(demonym), null, true));
          break;
        }
      }
    }
  }

  private static boolean untagged(Token t) {
    return t.ner() == null || t.ner().equals("O");
  }

  private static boolean capitalised(String word) {
    return !word.isEmpty() && Character.isUpperCase(word.charAt(0))
        && !(word.length() <= 4 && word.equals(word.toUpperCase(Locale.ROOT)) && word.length() > 1
            && !word.contains("."));
  }

  private static String kindWordAfter(List<Token> tokens, int end) {
    Token next = tokenAt(tokens, end);
    return next == null ? null : KIND_WORDS.get(next.word().toLowerCase(Locale.ROOT));
  }

  /** The first token starting at or after {@code offset}. */
  private static Token tokenAt(List<Token> tokens, int offset) {
    int lo = 0;
    int hi = tokens.size() - 1;
    Token best = null;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Token t = tokens.get(mid);
      if (t.start() >= offset) {
        best = t;
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    return best;
  }

  private static boolean free(boolean[] taken, int start, int end) {
    for (int i = start; i < end; i++) {
      if (taken[i]) {
        return false;
      }
    }
    return true;
  }

  private static void add(List<Mention> found, boolean[] taken, Mention m) {
    if (!free(taken, m.start, m.end)) {
      return;
    }
    for (int i = m.start; i < m.end; i++) {
      taken[i] = true;
    }
    found.add(m);
  }

  // ---------------------------------------------------------------- resolution

  /**
   * Written hierarchy: a place followed by a comma and a state or country ("Paris, Illinois",
   * "Columbia, Missouri, man", "Wainwright, Alta.") lies in it. Maps the start of each such
   * place's mention to the states and countries the next name can be.
   */
  private static Map<Integer, List<Place>> containers(String s, List<Mention> mentions) {
    Map<Integer, List<Place>> out = new HashMap<>();
    for (int i = 0; i + 1 < mentions.size(); i++) {
      Mention m = mentions.get(i);
      Mention next = mentions.get(i + 1);
      if (m.demonym || next.demonym || next.start < m.end
          || !s.substring(m.end, next.start).strip().equals(",")) {
        continue;
      }
      List<Place> wide = next.candidates.stream()
          .filter(p -> p.kind().equals("admin1") || p.kind().equals("country")).toList();
      if (!wide.isEmpty()) {
        out.put(m.start, wide);
      }
    }
    return out;
  }

  /** Whether {@code c} lies in one of {@code containers}. */
  private static boolean inside(Place c, List<Place> containers) {
    for (Place p : containers) {
      if (p != c && p.country() != null && p.country().equals(c.country())
          && (p.kind().equals("country") || p.admin1() != null && p.admin1().equals(c.admin1()))) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Place> resolve(List<Mention> mentions, Map<Integer, List<Place>> containers) {
    Map<String, List<Mention>> byKey = new HashMap<>();
    for (Mention m : mentions) {
      byKey.computeIfAbsent(m.key, k -> new ArrayList<>()).add(m);
    }
    // evidence of the article's countries: names that can only be a country, and demonyms
    Map<String, Double> countryWeight = new HashMap<>();
    for (List<Mention> group : byKey.values()) {
      Mention m = group.get(0);
      Place only = m.candidates.size() == 1 ? m.candidates.get(0) : null;
      Place named = m.candidates.stream().filter(p -> p.kind().equals("country")).findFirst()
          .orElse(null);
      boolean countryOnly = named != null && m.candidates.stream().noneMatch(
          p -> p.kind().equals("admin1") && !named.country().equals(p.country()));
      Place country = countryOnly ? named : only;
      if (country != null && country.country() != null) {
        countryWeight.merge(country.country(), (double) group.size(), Double::sum);
      }
    }
    String dominant = countryWeight.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey).orElse(null);
    Map<String, Place> first = new HashMap<>();
    for (Map.Entry<String, List<Mention>> e : byKey.entrySet()) {
      first.put(e.getKey(), best(e.getValue(), countryWeight, dominant, Map.of(), containers));
    }
    Map<String, Place> second = first;
    for (int pass = 0; pass < 2; pass++) {
      Map<String, Place> previous = second;
      second = new HashMap<>();
      for (Map.Entry<String, List<Mention>> e : byKey.entrySet()) {
        Map<String, Place> others = new HashMap<>(previous);
        others.remove(e.getKey());
        second.put(e.getKey(), best(e.getValue(), countryWeight, dominant, others, containers));
      }
    }
    return second;
  }

  private Place best(List<Mention> group, Map<String, Double> countryWeight, String dominant,
      Map<String, Place> others, Map<Integer, List<Place>> containers) {
    Mention m = group.get(0);
    List<Place> within = group.stream().map(g -> containers.get(g.start)).filter(w -> w != null)
        .findFirst().orElse(List.of());
    String surface = m.key;
    String hint = group.stream().map(Mention::kindHint).filter(h -> h != null).findFirst().orElse(null);
    Place best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    boolean anyMain = m.candidates.stream().anyMatch(c -> Gazetteer.isMainName(c, surface));
    long mainMax = m.candidates.stream().filter(c -> Gazetteer.isMainName(c, surface))
        .mapToLong(c -> c.kind().equals("city") || c.kind().equals("admin2") ? c.population()
            : Long.MAX_VALUE).max().orElse(0);
    for (Place c : m.candidates) {
      boolean main = m.demonym || Gazetteer.isMainName(c, surface) || dominantAlias(c, mainMax);
      boolean weak = !main && !gazetteer.isCurated(c) && !c.kind().equals("country");
      double support = context(c, others.values());
      boolean strongerMain = weak && m.candidates.stream().anyMatch(o -> Gazetteer.isMainName(o, surface)
          && (!o.kind().equals("city") || o.population() >= c.population()));
      if (weak && (strongerMain || (support < 3 && (anyMain || c.population() < 100_000)))) {
        continue; // an alternate name is more often something else, unless the context backs it
      }
      if (!main && c.kind().equals("country") && m.candidates.stream().anyMatch(o -> o.kind().equals("city")
          && o.population() >= 100_000 && Gazetteer.isMainName(o, surface))) {
        continue; // "Tunis" is the city, though some languages call the country so
      }
      double score = prior(c) - (weak ? 2.5 : 0) + support;
      if (c.kind().equals("city") && m.candidates.stream().anyMatch(o -> o.kind().equals("admin1")
          && c.country().equals(o.country()) && c.admin1() != null && c.admin1().equals(o.admin1()))) {
        score += 2; // "Kabul", "Moscow": a city named like its province is meant more often
      }
      if (hint != null && hint.equals(c.kind())) {
        score += 4;
      }
      if (!within.isEmpty() && inside(c, within)) {
        score += 6;
      }
      if (c.country() != null && countryWeight.containsKey(c.country())) {
        score += 2 + (c.country().equals(dominant) ? 1 : 0);
      }
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  /**
   * Whether a big city's other name is what people mean by it though small towns bear it as
   * their main name ("Gothenburg" of "Göteborg", "St. Petersburg" of Russia's "Saint
   * Petersburg"): a city of half a million people or more, ten times the largest town or
   * district so named, where no country or region has the name as its main name.
   */
  private static boolean dominantAlias(Place c, long mainMax) {
    return c.kind().equals("city") && c.population() >= 500_000 && mainMax < Long.MAX_VALUE
        && c.population() >= 10 * mainMax;
  }

  private double prior(Place c) {
    if (gazetteer.isCurated(c) && c.kind().equals("region")) {
      return 11;
    }
    return switch (c.kind()) {
      case "country" -> 12;
      case "admin1" -> 8.5;
      case "admin2" -> 4;
      default -> { // population (2 points a tenfold), with half the slope above ~900,000 people
        double raw = -1.9 + 2 * Math.log10(c.population() + 10);
        yield raw <= 10 ? raw : 10 + 0.5 * (raw - 10);
      }
    };
  }

  /** Support from the article's other places: same first-level region, nearness. */
  private static double context(Place c, Iterable<Place> others) {
    double bonus = 0;
    double nearest = Double.MAX_VALUE;
    for (Place o : others) {
      if (o == null || o.kind().equals("country") || o == c) {
        continue;
      }
      boolean sameCountry = c.country() != null && c.country().equals(o.country());
      if (sameCountry && c.admin1() != null && c.admin1().equals(o.admin1())) {
        bonus = Math.max(bonus, 2); // a city and its region, or two cities of one region
      } else if (sameCountry && c.kind().equals("admin1") && o.kind().equals("admin1")) {
        bonus = Math.max(bonus, 2); // sibling regions ("Badakhshan and Khatlon provinces")
      }
      nearest = Math.min(nearest, Math.max(0, c.distanceKm(o) - o.radiusKm()));
    }
    if (nearest < 50) {
      bonus += 2;
    } else if (nearest < 200) {
      bonus += 1.5;
    } else if (nearest < 500) {
      bonus += 0.5;
    }
    return bonus;
  }
}
