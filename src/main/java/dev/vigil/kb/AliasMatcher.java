package dev.vigil.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the knowledge base's names in running text: longest match first, on word
 * boundaries ({@link NameTokens}), with the capitalisation the alias asks for. An alias word
 * written with a capital must be capitalised in the text and an acronym must be in capitals,
 * so "Interfax" is found but "interfax" is not, and "the danger" never matches "DANGER".
 * Phoenix aliases come in capitals only: their words must be capitalised in the text (short
 * function words excepted), and a one-word Phoenix alias is only taken from an acronym
 * written in capitals. Thread-safe once built.
 */
final class AliasMatcher {
  /** A name found in the text: its offsets and the actors that go by it. */
  record Match(int start, int end, List<Actor> actors) {}

  private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("of", "the",
      "and", "for", "in", "on", "de", "al", "el", "'", "s", "to", "a", "an", "at", "by", "(", ")",
      "&", "/");

  /** One alias: its words as written, and whether it comes from an all-capitals source. */
  private record Alias(String[] written, boolean phoenix, Actor actor) {}

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(2);
    List<Alias> ends;
  }

  private final Node root = new Node();

  AliasMatcher(Iterable<Actor> actors) {
    for (Actor a : actors) {
      for (String alias : a.aliases()) {
        add(alias, a);
      }
    }
  }

  private void add(String alias, Actor actor) {
    List<NameTokens.Word> words = NameTokens.of(alias);
    if (words.isEmpty()) {
      return;
    }
    boolean phoenix = "phoenix".equals(actor.source());
    if (phoenix && words.size() == 1 && words.get(0).norm().length() < 3) {
      return; // two-letter acronyms from the dictionaries are too ambiguous to find in text
    }
    Node n = root;
    String[] written = new String[words.size()];
    for (int i = 0; i < words.size(); i++) {
      NameTokens.Word w = words.get(i);
      n = n.next.computeIfAbsent(w.norm(), k -> new Node());
      written[i] = alias.substring(w.start(), w.end());
    }
    if (n.ends == null) {
      n.ends = new ArrayList<>(1);
    }
    n.ends.add(new Alias(written, phoenix, actor));
  }

  /** The names in {@code text}, left to right, none overlapping. */
  List<Match> find(String text) {
    List<NameTokens.Word> words = NameTokens.of(text);
    List<Match> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      Node n = root;
      int bestEnd = -1;
      List<Actor> best = null;
      for (int j = i; j < words.size(); j++) {
        n = n.next.get(words.get(j).norm());
        if (n == null) {
          break;
        }
        if (n.ends != null) {
          List<Actor> accepted = new ArrayList<>(1);
          for (Alias a : n.ends) {
            if (writtenAsAlias(a, words, i) && !accepted.contains(a.actor())) {
              accepted.add(a.actor());
            }
          }
          if (!accepted.isEmpty()) {
            bestEnd = j;
            best = accepted;
          }
        }
      }
      if (best != null) {
        out.add(new Match(words.get(i).start(), words.get(bestEnd).end(), List.copyOf(best)));
        i = bestEnd + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  private static boolean writtenAsAlias(Alias a, List<NameTokens.Word> words, int from) {
    if (a.phoenix() && a.written().length == 1) {
      NameTokens.Word w = words.get(from);
      return w.allCaps() && w.end() - w.start() >= 3 && Character.isLetter(a.written()[0].charAt(0));
    }
    for (int k = 0; k < a.written().length; k++) {
      NameTokens.Word w = words.get(from + k);
      String alias = a.written()[k];
      if (a.phoenix()) {
        if (!FUNCTION_WORDS.contains(w.norm()) && !w.capitalised()) {
          return false;
        }
        continue;
      }
      boolean aliasCaps = alias.length() >= 2 && alias.codePoints().noneMatch(Character::isLowerCase)
          && alias.codePoints().anyMatch(Character::isUpperCase);
      if (aliasCaps && !w.allCaps() || Character.isUpperCase(alias.charAt(0)) && !w.capitalised()) {
        return false;
      }
    }
    return true;
  }
}
