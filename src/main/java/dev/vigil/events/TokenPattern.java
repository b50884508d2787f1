package dev.vigil.events;

import dev.vigil.model.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A sequence of token tests read from a pattern file: "suicide bomber|bombing", "claim ...
 * @responsibility". Each test is a set of alternatives matched against a token's lower-cased
 * lemma or word; "..." lets up to {@link #GAP} tokens pass between two tests; "@" marks the head
 * token (default: the first).
 */
record TokenPattern(List<Set<String>> tests, List<Boolean> gapBefore, int head) {
  static final int GAP = 4;

  /** A match: tokens [start, end) of the sentence, and the index of its head token. */
  record Match(int start, int end, int head) {
    int length() {
      return end - start;
    }
  }

  /**
   * @throws IllegalArgumentException naming the bad part when {@code source} is not a pattern
   */
  static TokenPattern parse(String source) {
    List<Set<String>> tests = new ArrayList<>();
    List<Boolean> gaps = new ArrayList<>();
    int head = 0;
    boolean gap = false;
    for (String part : source.trim().split("\\s+")) {
      if (part.equals("...")) {
        if (tests.isEmpty() || gap) {
          throw new IllegalArgumentException("'...' must stand between two tokens: " + source);
        }
        gap = true;
        continue;
      }
      if (part.startsWith("@")) {
        head = tests.size();
        part = part.substring(1);
      }
      if (part.isEmpty() || part.startsWith("|") || part.endsWith("|")) {
        throw new IllegalArgumentException("empty alternative in '" + source + "'");
      }
      tests.add(Set.of(part.toLowerCase(Locale.ROOT).split("\\|")));
      gaps.add(gap);
      gap = false;
    }
    if (tests.isEmpty() || gap) {
      throw new IllegalArgumentException("pattern must start and end with a token: " + source);
    }
    return new TokenPattern(List.copyOf(tests), List.copyOf(gaps), head);
  }

  /** Whether {@code token}'s word or lemma is one of {@code alternatives}. */
  static boolean matches(Token token, Set<String> alternatives) {
    String word = token.word().toLowerCase(Locale.ROOT);
    return alternatives.contains(word)
        || (token.lemma() != null && alternatives.contains(token.lemma().toLowerCase(Locale.ROOT)));
  }

  /** The shortest match starting at token {@code from}, or null. */
  Match matchAt(List<Token> tokens, int from) {
    if (!matches(tokens.get(from), tests.get(0))) {
      return null;
    }
    int[] positions = new int[tests.size()];
    positions[0] = from;
    return extend(tokens, positions, 1) ? new Match(from, positions[tests.size() - 1] + 1,
        positions[head]) : null;
  }

  private boolean extend(List<Token> tokens, int[] positions, int test) {
    if (test == tests.size()) {
      return true;
    }
    int first = positions[test - 1] + 1;
    int last = gapBefore.get(test) ? first + GAP : first;
    for (int i = first; i <= last && i < tokens.size(); i++) {
      if (matches(tokens.get(i), tests.get(test))) {
        positions[test] = i;
        if (extend(tokens, positions, test + 1)) {
          return true;
        }
      }
      if (isClauseEnd(tokens.get(i))) {
        return false; // a gap never runs across ";" or ":"
      }
    }
    return false;
  }

  static boolean isClauseEnd(Token token) {
    String w = token.word();
    return w.equals(";") || w.equals(":") || w.equals(".") || w.equals("?") || w.equals("!");
  }
}
