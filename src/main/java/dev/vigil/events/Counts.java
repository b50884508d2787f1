package dev.vigil.events;

import dev.vigil.model.Event.Seizure;
import dev.vigil.model.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The counts one sentence gives: people killed, injured and captured, and an amount seized.
 * Numbers are digits ("8,400"), words ("three", "a dozen", "two dozen") or vague quantities
 * ("dozens", "hundreds of thousands"), each read as a lower bound; modifiers such as "at least"
 * change nothing, and "more than N" is N unless the rules carry another data set's convention.
 * "A Taliban leader" or "the commander" is one person; a list of people counts as one sum ("a
 * leader and two associates" is 3), and so does a second verb of the same role ("arrested a
 * leader and detained two suspected insurgents" is 3 captured). What an operation sought is
 * not a count ("an operation to detain a Taliban leader"). Dates, times, money and percentages
 * are not counts.
 */
record Counts(Integer killed, Integer injured, Integer captured, Seizure seized) {
  private static final int AFTER_WINDOW = 10;
  private static final int BEFORE_WINDOW = 5;
  /** How far the noun for one person may stand from its article ("a Hezb-e Islami leader"). */
  private static final int PERSON_WINDOW = 6;
  private static final Set<String> NOT_COUNTS =
      Set.of("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "DURATION", "SET");
  private static final Set<String> LIGHT_VERBS = Set.of("be", "have", "get", "take");

  private static final Set<String> RANGE = Set.of("to", "-", "–", "or");
  /** Words that open a new clause ("killed one insurgent while detaining several others"). */
  private static final Set<String> SUBORDINATORS = Set.of("while", "after", "before", "when",
      "whereas");

  /** A number read from tokens [start, end). */
  private record Number(long value, int start, int end) {}

  static Counts of(List<Token> tokens, EventRules rules) {
    Integer killed = null;
    Integer injured = null;
    Integer captured = null;
    Seizure seized = null;
    String lastRole = null;
    boolean lastVerbBefore = false; // the last count's verb came before it ("detained two")
    int lastEnd = -1;
    boolean lastOne = false; // the last count was "the <person>"
    for (int i = 0; i < tokens.size(); i++) {
      Number n = number(tokens, i, rules);
      if (n == null) {
        continue;
      }
      i = n.end() - 1;
      if (seized == null && n.end() < tokens.size()
          && TokenPattern.matches(tokens.get(n.end()), rules.units)) {
        seized = seizure(tokens, n, rules);
      }
      String role = roleAfter(tokens, n.end(), rules);
      boolean verbBefore = false;
      if (role == null) {
        role = roleBefore(tokens, n.start(), rules);
        verbBefore = role != null;
      }
      long more = n.start() >= 2 && isMoreThan(tokens.get(n.start() - 2), tokens.get(n.start() - 1))
          ? rules.moreThan : 0;
      int value = (int) Math.min(Integer.MAX_VALUE, n.value() + more);
      // "detained a Taliban leader and two associates", "the facilitator along with two of
      // his associates": the list goes on under the same verb
      boolean joined = (role == null || (verbBefore && role.equals(lastRole)))
          && lastRole != null && coordinated(tokens, lastEnd, n.start())
          && !(n.end() < tokens.size() && tokens.get(n.end()).pos().startsWith("VB")
              && !participleBeforeNoun(tokens, n.end()));
      if (joined && lastOne && n.value() == 1 && n.start() == lastEnd + 1
          && tokens.get(lastEnd).word().equals(",")) {
        // "the man, an IED facilitator, and ...": the same person named again
        lastEnd = n.end();
        continue;
      }
      if (joined) {
        role = lastRole;
      }
      // "arrested a leader and detained three suspected insurgents": a second verb of the
      // same role in the sentence counts other people
      boolean again = !joined && verbBefore && lastVerbBefore && role.equals(lastRole)
          && verbOf(tokens, role, lastEnd, n.start(), rules);
      boolean adds = joined || again;
      if ("killed".equals(role) && (killed == null || adds)) {
        killed = adds && killed != null ? killed + value : value;
      } else if ("injured".equals(role) && (injured == null || adds)) {
        injured = adds && injured != null ? injured + value : value;
      } else if ("captured".equals(role) && (captured == null || adds)) {
        captured = adds && captured != null ? captured + value : value;
      } else {
        continue;
      }
      lastRole = role;
      lastVerbBefore = verbBefore;
      lastEnd = n.end();
      lastOne = tokens.get(n.start()).word().equalsIgnoreCase("the");
    }
    return new Counts(killed, injured, captured, seized);
  }

  /**
   * Whether the tokens between two numbers only continue one list of people: names, adjectives
   * and nouns joined by "and", a comma or "along with" ("a Taliban leader and two associates",
   * "the commander Fayez Jan and one additional insurgent").
   */
  private static boolean coordinated(List<Token> tokens, int from, int to) {
    boolean joiner = false;
    for (int j = from; j < to; j++) {
      Token t = tokens.get(j);
      String w = t.word().toLowerCase(Locale.ROOT);
      if (w.equals("and") || w.equals(",") || w.equals("with")) {
        joiner = true;
      } else if (!(w.equals("along") || t.pos().startsWith("NNP") || t.pos().startsWith("JJ")
          || t.pos().equals("NN") || t.pos().equals("NNS") || t.pos().equals("POS")
          || t.pos().equals("HYPH"))) {
        return false;
      }
    }
    return joiner;
  }

  /** "suspected" in "two suspected insurgents": a participle used as an adjective. */
  private static boolean participleBeforeNoun(List<Token> tokens, int i) {
    return tokens.get(i).pos().equals("VBN") && i + 1 < tokens.size()
        && tokens.get(i + 1).pos().startsWith("NN");
  }

  /** Whether a verb of {@code role} stands in tokens [from, to). */
  private static boolean verbOf(List<Token> tokens, String role, int from, int to,
      EventRules rules) {
    for (int j = Math.max(0, from); j < to; j++) {
      Token t = tokens.get(j);
      if (t.pos().startsWith("VB") && role.equals(role(t, rules))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMoreThan(Token a, Token b) {
    String w = a.word().toLowerCase(Locale.ROOT);
    return (w.equals("more") || w.equals("over")) && b.word().equalsIgnoreCase("than");
  }

  private static Seizure seizure(List<Token> tokens, Number n, EventRules rules) {
    String unit = tokens.get(n.end()).word().toLowerCase(Locale.ROOT);
    String item = null;
    int of = n.end() + 1;
    if (of + 1 < tokens.size() && tokens.get(of).word().equalsIgnoreCase("of")) {
      StringBuilder b = new StringBuilder();
      for (int j = of + 1; j < tokens.size() && b.length() < 60; j++) {
        Token t = tokens.get(j);
        if (!(t.pos().startsWith("NN") || t.pos().startsWith("JJ"))) {
          break;
        }
        b.append(b.length() == 0 ? "" : " ").append(t.word());
      }
      item = b.length() == 0 ? null : b.toString();
    }
    return new Seizure(n.value(), unit, item);
  }

  private static String roleAfter(List<Token> tokens, int from, EventRules rules) {
    for (int j = from; j < tokens.size() && j < from + AFTER_WINDOW; j++) {
      Token t = tokens.get(j);
      String role = role(t, rules);
      if (role != null && t.pos().equals("VBG")) {
        // "the Taliban leader ... detaining four": what the people did, not what befell them
        return null;
      }
      if (role != null) {
        return role;
      }
      boolean adjective = participleBeforeNoun(tokens, j); // "two suspected insurgents"
      if (endsClause(t) || t.pos().equals("CD")
          || (t.pos().startsWith("VB") && !LIGHT_VERBS.contains(lemma(t)) && !adjective)) {
        return null;
      }
    }
    return null;
  }

  private static String roleBefore(List<Token> tokens, int from, EventRules rules) {
    for (int j = from - 1; j >= 0 && j >= from - BEFORE_WINDOW; j--) {
      Token t = tokens.get(j);
      String role = role(t, rules);
      if (role != null) {
        // "an operation to detain a Taliban leader": what was sought, not what happened
        return j > 0 && tokens.get(j - 1).pos().equals("TO") && t.pos().equals("VB") ? null : role;
      }
      if (endsClause(t) || t.pos().equals("CD")) {
        return null;
      }
    }
    return null;
  }

  private static String role(Token t, EventRules rules) {
    for (var e : rules.countWords.entrySet()) {
      if (TokenPattern.matches(t, e.getValue())) {
        return e.getKey();
      }
    }
    return null;
  }

  private static boolean endsClause(Token t) {
    String w = t.word().toLowerCase(Locale.ROOT);
    return w.equals(",") || w.equals(";") || w.equals(":") || w.equals("and")
        || w.equals("(") || w.equals(")") || SUBORDINATORS.contains(w);
  }

  private static String lemma(Token t) {
    return t.lemma() == null ? t.word().toLowerCase(Locale.ROOT) : t.lemma().toLowerCase(Locale.ROOT);
  }

  /** The number starting at token {@code i}, or null when none starts there. */
  private static Number number(List<Token> tokens, int i, EventRules rules) {
    Token t = tokens.get(i);
    if (t.ner() != null && NOT_COUNTS.contains(t.ner())) {
      return null;
    }
    String word = t.word().toLowerCase(Locale.ROOT);
    if (word.equals("a") || word.equals("an") || word.equals("one") || word.equals("the")
        || word.equals("another")) {
      // "a dozen", "one hundred"; "a Taliban leader", "the commander" are one person; a bare
      // "a"/"one" is not a count
      if (value(t, rules) != null && i + 1 < tokens.size() && isMultiplier(tokens.get(i + 1), rules)) {
        return extend(tokens, new Number(value(t, rules), i, i + 1), rules);
      }
      int person = person(tokens, i + 1, rules);
      if (person >= 0) {
        return new Number(1, i, person + 1);
      }
      // "killing one and wounding two", "detained one suspected": one after a count word
      boolean afterCount = i > 0 && role(tokens.get(i - 1), rules) != null;
      return word.equals("one") && afterCount ? new Number(1, i, i + 1) : null;
    }
    if (word.equals("other")) {
      return otherPeople(tokens, i, rules);
    }
    Long value = value(t, rules);
    if (value == null) {
      return null;
    }
    return extend(tokens, new Number(value, i, i + 1), rules);
  }

  /**
   * "captured a commander and other militants": a count only where the rules give "other" a
   * value (a data set's convention; Vigil's own numbers do not), not after a number or a
   * determiner ("two other", "the other", "each other"), and only before plural people.
   */
  private static Number otherPeople(List<Token> tokens, int i, EventRules rules) {
    Long value = rules.numbers.get("other");
    if (value == null || i > 0 && (tokens.get(i - 1).pos().equals("CD")
        || tokens.get(i - 1).pos().equals("DT") || tokens.get(i - 1).pos().startsWith("PRP"))) {
      return null;
    }
    for (int j = i + 1; j < tokens.size() && j <= i + 3; j++) {
      Token t = tokens.get(j);
      if (t.pos().equals("NNS")) {
        // the person nouns of counts.tsv, in the plural ("militants": lemma "militant")
        return TokenPattern.matches(t, rules.persons) ? new Number(value, i, i + 1) : null;
      }
      if (!(t.pos().startsWith("JJ") || t.pos().equals("VBN") || t.pos().startsWith("NN"))) {
        return null;
      }
    }
    return null;
  }

  /**
   * The index of a singular noun for one person within 6 tokens of {@code from}, over
   * adjectives, names and other nouns ("a [senior Taliban] leader"); -1 when there is none.
   */
  private static int person(List<Token> tokens, int from, EventRules rules) {
    for (int j = from; j < tokens.size() && j < from + PERSON_WINDOW; j++) {
      Token t = tokens.get(j);
      if (t.pos().equals("NN") && TokenPattern.matches(t, rules.persons)) {
        return j;
      }
      if (!(t.pos().startsWith("JJ") || t.pos().startsWith("NNP") || t.pos().equals("NN")
          || t.pos().equals("NNS") || t.pos().equals("HYPH") || t.pos().equals("VBN"))) {
        return -1;
      }
    }
    return -1;
  }

  /** "two dozen", "three hundred", "hundreds of thousands"; "14 to 16" is 14. */
  private static Number extend(List<Token> tokens, Number n, EventRules rules) {
    int j = n.end();
    if (j + 1 < tokens.size() && RANGE.contains(tokens.get(j).word().toLowerCase(Locale.ROOT))
        && value(tokens.get(j + 1), rules) != null) {
      Number upper = extend(tokens, new Number(value(tokens.get(j + 1), rules), j + 1, j + 2), rules);
      return new Number(n.value(), n.start(), upper.end());
    }
    if (j < tokens.size() && isMultiplier(tokens.get(j), rules)) {
      return extend(tokens, new Number(n.value() * value(tokens.get(j), rules), n.start(), j + 1),
          rules);
    }
    if (j + 1 < tokens.size() && tokens.get(j).word().equalsIgnoreCase("of")
        && isVague(tokens.get(n.end() - 1)) && isMultiplier(tokens.get(j + 1), rules)) {
      return extend(tokens,
          new Number(n.value() * value(tokens.get(j + 1), rules), n.start(), j + 2), rules);
    }
    return n;
  }

  private static boolean isVague(Token t) {
    return t.word().toLowerCase(Locale.ROOT).endsWith("s") && !Character.isDigit(t.word().charAt(0));
  }

  private static boolean isMultiplier(Token t, EventRules rules) {
    Long v = rules.numbers.get(t.word().toLowerCase(Locale.ROOT));
    return v != null && v >= 12 && !(t.ner() != null && NOT_COUNTS.contains(t.ner()));
  }

  private static Long value(Token t, EventRules rules) {
    String w = t.word().toLowerCase(Locale.ROOT);
    Long v = rules.numbers.get(w);
    if (v != null) {
      return v;
    }
    if (!t.pos().equals("CD")) {
      return null;
    }
    String digits = w.replace(",", "");
    try {
      if (digits.matches("\\d+")) {
        return Long.parseLong(digits);
      }
      if (digits.matches("\\d+\\.\\d+")) {
        return (long) Double.parseDouble(digits);
      }
    } catch (NumberFormatException e) {
      // too long for a count: not one
    }
    return null;
  }
}
