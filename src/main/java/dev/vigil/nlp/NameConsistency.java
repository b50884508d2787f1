package dev.vigil.nlp;

import dev.vigil.model.EntityMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One name, one reading per document. The CRF models tag each sentence on its own, so a name
 * they found in one sentence can be missed or typed otherwise in the next ("John Major ...
 * Major said", "Pernilla Wiberg" a person in one line of a results list and a place in the
 * next). This pass, over the mentions of a whole text:
 *
 * <ol>
 *   <li>gives every surface the type most of its mentions have (a strict majority; ties stay);
 *   <li>adds the mentions the models missed: further occurrences of a name of two or more words,
 *       and of a person's surname once the full name was seen (the surname alone is then that
 *       person). A single word is only taken where it cannot be a capital at the start of a
 *       sentence.
 * </ol>
 */
final class NameConsistency {
  private static final Pattern SURNAME = Pattern.compile("\\p{Lu}[\\p{Ll}'’-]{2,}");

  private NameConsistency() {}

  static List<EntityMention> apply(String text, List<EntityMention> mentions) {
    if (mentions.isEmpty()) {
      return mentions;
    }
    List<EntityMention> out = majorityTypes(mentions);
    // what to look for, longest first so that "Pernilla Wiberg" is taken before "Wiberg"
    Map<String, String> names = new LinkedHashMap<>();
    for (EntityMention e : out) {
      String s = e.text();
      if (s.indexOf(' ') > 0 && s.length() <= 60) {
        names.putIfAbsent(s, e.type());
      }
    }
    for (EntityMention e : out) {
      String[] words = e.text().split("\\s+");
      String last = words[words.length - 1];
      if ("PERSON".equals(e.type()) && words.length >= 2 && SURNAME.matcher(last).matches()) {
        names.putIfAbsent(last, "PERSON");
      }
    }
    List<String> keys = new ArrayList<>(names.keySet());
    keys.sort(Comparator.comparingInt(String::length).reversed());
    boolean[] taken = new boolean[text.length() + 1];
    for (EntityMention e : out) {
      for (int i = Math.max(0, e.start()); i < Math.min(text.length(), e.end()); i++) {
        taken[i] = true;
      }
    }
    List<EntityMention> added = new ArrayList<>();
    for (String key : keys) {
      boolean single = key.indexOf(' ') < 0;
      for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
        int end = at + key.length();
        if (!wordBoundary(text, at, end) || free(taken, at, end) != key.length()
            || single && sentenceStart(text, at)) {
          continue;
        }
        for (int i = at; i < end; i++) {
          taken[i] = true;
        }
        added.add(new EntityMention(key, names.get(key), null, null, at, end));
      }
    }
    if (added.isEmpty() && out == mentions) {
      return mentions;
    }
    List<EntityMention> all = new ArrayList<>(out);
    all.addAll(added);
    all.sort(Comparator.comparingInt(EntityMention::start));
    return all;
  }

  private static List<EntityMention> majorityTypes(List<EntityMention> mentions) {
    Map<String, Map<String, Integer>> types = new HashMap<>();
    for (EntityMention e : mentions) {
      types.computeIfAbsent(e.text(), k -> new HashMap<>()).merge(e.type(), 1, Integer::sum);
    }
    List<EntityMention> out = null;
    for (int i = 0; i < mentions.size(); i++) {
      EntityMention e = mentions.get(i);
      Map<String, Integer> counts = types.get(e.text());
      if (counts.size() < 2) {
        continue;
      }
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      for (Map.Entry<String, Integer> c : counts.entrySet()) {
        if (2 * c.getValue() > total && !c.getKey().equals(e.type())) {
          if (out == null) {
            out = new ArrayList<>(mentions);
          }
          out.set(i, new EntityMention(e.text(), c.getKey(), e.id(), e.name(), e.start(), e.end()));
        }
      }
    }
    return out == null ? mentions : out;
  }

  private static int free(boolean[] taken, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += taken[i] ? 0 : 1;
    }
    return n;
  }

  private static boolean wordBoundary(String text, int start, int end) {
    return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
        && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)));
  }

  /** At the start of the text, a line or a sentence (after ". ", "? ", a quote ...). */
  private static boolean sentenceStart(String text, int at) {
    for (int k = at - 1; k >= 0; k--) {
      char c = text.charAt(k);
      if (c == '\n') {
        return true;
      }
      if (Character.isWhitespace(c) || c == '"' || c == '“' || c == '‘' || c == '\'' || c == '(') {
        continue;
      }
      return c == '.' || c == '!' || c == '?' || c == ':';
    }
    return true;
  }
}
