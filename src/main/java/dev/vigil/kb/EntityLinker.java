package dev.vigil.kb;

import dev.vigil.model.EntityMention;
import dev.vigil.model.TaggedText;
import dev.vigil.model.TextStage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Links entity mentions to the actor knowledge base and fixes the recogniser's errors that
 * the base can fix. It runs first after the annotator.
 *
 * <ul>
 *   <li>Linking: a mention gets the {@code id} and {@code name} of the entry it names
 *       (by alias, acronym, any script; a possessive before it is tried too, so
 *       "Afghanistan's Ministry of Defense" links "Ministry of Defense"). A one-word person
 *       mention after a full name in the same article ("Shoigu" after "Sergei Shoigu") takes
 *       that name's link. When several entries go by a name, the user's beat curated ones,
 *       which beat Phoenix's; then the entry whose country the article mentions; then, for
 *       people, the one in office at publication. A name that stays ambiguous, or is not in
 *       the base, stays unlinked.</li>
 *   <li>Fixes, from the organisations' and groups' names found in the text on word
 *       boundaries and with their capitalisation: a name the recogniser split becomes one
 *       mention ("Islamic State-Khorasan"); a wrong type is corrected ("Islamic Emirate" as
 *       LOCATION becomes ORGANIZATION); page furniture glued to a name is cut off
 *       ("ReliableIslamic Emirate of Afghanistan"); a name it missed is added.</li>
 *   <li>Texts the recogniser could not read (Russian, Dari) get the entries the base knows
 *       by name in them, people included ("Сергей Шойгу", "ОДКБ").</li>
 * </ul>
 *
 * Thread-safe; it never throws for odd input (it returns the text as it was).
 */
public final class EntityLinker implements TextStage {
  private static final Map<String, String> COUNTRY_WORDS = countryWords();

  private final ActorBase base;
  private final AliasMatcher matcher;

  public EntityLinker(ActorBase base) {
    this.base = base;
    this.matcher = new AliasMatcher(base.actors());
  }

  public ActorBase base() {
    return base;
  }

  @Override
  public TaggedText apply(TaggedText tagged) {
    if (tagged.text().isEmpty()) {
      return tagged;
    }
    String language = tagged.annotations().language();
    boolean recognised = language == null || "en".equals(language)
        || !tagged.annotations().entities().isEmpty();
    List<EntityMention> linked = link(tagged.text(), tagged.annotations().entities(),
        tagged.published(), !recognised);
    return tagged.with(tagged.annotations().withEntities(linked));
  }

  /** The mentions of an English {@code text} fixed and linked; see the class comment. */
  public List<EntityMention> link(String text, List<EntityMention> mentions, String published) {
    return link(text, mentions, published, false);
  }

  /**
   * @param withPeople also add the people the base knows by name: for texts no recogniser
   *     read (Russian, Dari), where the base's names are all there is
   */
  private List<EntityMention> link(String text, List<EntityMention> mentions, String published,
      boolean withPeople) {
    Set<String> countries = countriesMentioned(mentions);
    List<EntityMention> out = new ArrayList<>(mentions);
    out.sort(Comparator.comparingInt(EntityMention::start));
    for (AliasMatcher.Match m : matcher.find(text)) {
      Actor actor = choose(m.actors(), countries, published);
      if (actor == null || actor.isPerson() && !withPeople) {
        continue; // people are the recogniser's to find; the base only links them
      }
      out = fix(text, out, m, actor);
    }
    out.sort(Comparator.comparingInt(EntityMention::start));
    List<EntityMention> result = new ArrayList<>(out.size());
    for (EntityMention e : out) {
      result.add(e.id() != null ? e : linkOne(text, e, result, countries, published));
    }
    return result;
  }

  /** Applies one name found in the text to the mentions (see the class comment). */
  private static List<EntityMention> fix(String text, List<EntityMention> mentions,
      AliasMatcher.Match m, Actor actor) {
    List<EntityMention> overlapping = new ArrayList<>();
    for (EntityMention e : mentions) {
      if (e.start() < m.end() && m.start() < e.end()) {
        overlapping.add(e);
      }
    }
    for (EntityMention e : overlapping) {
      boolean inside = e.start() >= m.start() && e.end() <= m.end();
      boolean gluedPrefix = e.start() < m.start() && e.end() <= m.end()
          && text.substring(e.start(), m.start()).chars().noneMatch(Character::isWhitespace);
      if (!inside && !gluedPrefix) {
        return mentions; // the recogniser saw a longer name: trust it
      }
      if (inside && e.start() == m.start() && e.end() == m.end() && "PERSON".equals(e.type())) {
        return mentions; // a person who shares a name with an organisation
      }
    }
    List<EntityMention> out = new ArrayList<>(mentions);
    out.removeAll(overlapping);
    // an alias that starts with the article ("The European Union") names it without the article
    int start = m.start();
    if (m.end() - start > 4 && text.regionMatches(true, start, "the ", 0, 4)) {
      start += 4;
    }
    out.add(new EntityMention(text.substring(start, m.end()), actor.entityType(), actor.id(),
        actor.name(), start, m.end()));
    return out;
  }

  private EntityMention linkOne(String text, EntityMention e, List<EntityMention> before,
      Set<String> countries, String published) {
    if ("NATIONALITY".equals(e.type())) {
      return e;
    }
    boolean person = "PERSON".equals(e.type());
    if (person && !e.text().strip().contains(" ")) {
      String key = NameTokens.key(e.text());
      for (int i = before.size() - 1; i >= 0; i--) {
        EntityMention earlier = before.get(i);
        if ("PERSON".equals(earlier.type()) && earlier.text().contains(" ")
            && lastWordKey(earlier.text()).equals(key)) {
          return new EntityMention(e.text(), e.type(), earlier.id(), earlier.name(), e.start(),
              e.end()); // the surname of someone named in full before: the same person
        }
      }
    }
    List<Actor> candidates = new ArrayList<>(); // under every name it may go by: the best wins
    for (String name : names(text, e)) {
      for (Actor a : base.lookup(name)) {
        if (a.isPerson() == person && (!"LOCATION".equals(e.type()) || a.rank() >= 2)
            && !candidates.contains(a)) {
          candidates.add(a);
        }
      }
    }
    Actor actor = choose(candidates, countries, published);
    if (actor == null) {
      return e;
    }
    return new EntityMention(e.text(), actor.entityType(), actor.id(), actor.name(), e.start(),
        e.end());
  }

  /** The names a mention may go by: as written, without "the" or "'s", with a possessive before it. */
  private static List<String> names(String text, EntityMention e) {
    List<String> names = new ArrayList<>(4);
    String s = e.text().strip();
    names.add(s);
    String bare = s.replaceFirst("^(?i)the\\s+", "").replaceFirst("['’]s?$", "");
    if (!bare.equals(s) && !bare.isEmpty()) {
      names.add(bare);
    }
    int p = e.start();
    if (p >= 3 && (text.startsWith("'s ", p - 3) || text.startsWith("’s ", p - 3))) {
      String[] words = text.substring(Math.max(0, p - 60), p - 3).split("\\s+");
      for (int k = Math.max(0, words.length - 4); k < words.length; k++) {
        String owner = String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
        names.add(owner + "'s " + s);
      }
    }
    return names;
  }

  private static String lastWordKey(String name) {
    List<NameTokens.Word> words = NameTokens.of(name);
    return words.isEmpty() ? "" : words.get(words.size() - 1).norm();
  }

  /** The best entry for a name, or null when there is none or no single best. */
  static Actor choose(List<Actor> candidates, Set<String> countries, String published) {
    if (candidates.isEmpty()) {
      return null;
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    Actor best = null;
    int bestScore = Integer.MIN_VALUE;
    boolean tie = false;
    for (Actor a : candidates) {
      int score = a.rank() * 100;
      if (a.country() != null && countries.contains(a.country())) {
        score += 10;
      }
      if (a.isPerson() && a.roles().stream().anyMatch(r -> r.heldOn(published))) {
        score += 5;
      }
      if (score > bestScore) {
        best = a;
        bestScore = score;
        tie = false;
      } else if (score == bestScore) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  private static Set<String> countriesMentioned(List<EntityMention> mentions) {
    Set<String> out = new HashSet<>();
    for (EntityMention e : mentions) {
      String code = COUNTRY_WORDS.get(NameTokens.key(e.text()));
      if (code != null) {
        out.add(code);
      }
    }
    return out;
  }

  private static Map<String, String> countryWords() {
    Map<String, String> m = new HashMap<>();
    for (String iso2 : Locale.getISOCountries()) {
      m.put(NameTokens.key(new Locale("", iso2).getDisplayCountry(Locale.ENGLISH)), iso2);
    }
    String[][] demonyms = {{"afghan", "AF"}, {"tajik", "TJ"}, {"uzbek", "UZ"}, {"kyrgyz", "KG"},
        {"kazakh", "KZ"}, {"turkmen", "TM"}, {"pakistani", "PK"}, {"russian", "RU"},
        {"iranian", "IR"}, {"chinese", "CN"}, {"indian", "IN"}, {"american", "US"},
        {"british", "GB"}, {"israeli", "IL"}, {"syrian", "SY"}, {"iraqi", "IQ"}, {"turkish", "TR"},
        {"kyrgyzstan", "KG"}, {"u s", "US"}, {"us", "US"}, {"uk", "GB"}};
    for (String[] d : demonyms) {
      m.put(d[0], d[1]);
    }
    return Map.copyOf(m);
  }
}
