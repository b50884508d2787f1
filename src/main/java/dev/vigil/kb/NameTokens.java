package dev.vigil.kb;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits names and texts into the words that aliases are matched by: runs of letters and
 * digits, lowercased and without diacritics; hyphens, dots and spaces separate words and are
 * dropped ("ISIS-K" = "ISIS K", "U.N." = "U N"); an apostrophe is a word of its own. A
 * capital after a small letter inside a word starts a new word, so that page furniture glued
 * to a name ("ReliableIslamic Emirate") still shows the name.
 */
final class NameTokens {
  /** One word: its offsets in the text, its normalised form and how it was written. */
  record Word(int start, int end, String norm, boolean capitalised, boolean allCaps) {}

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

  private NameTokens() {}

  static List<Word> of(String text) {
    List<Word> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        int start = i;
        i++;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i))
            || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
          if (Character.isUpperCase(text.charAt(i)) && Character.isLowerCase(text.charAt(i - 1))
              && i - start >= 2) {
            break; // "ReliableIslamic": a new word starts at the capital
          }
          i++;
        }
        out.add(word(text, start, i));
      } else if (c == '\'' || c == '’' || c == '(' || c == ')' || c == '&' || c == '/') {
        out.add(new Word(i, i + 1, c == '’' ? "'" : String.valueOf(c), true, true));
        i++;
      } else {
        i++;
      }
    }
    return out;
  }

  private static Word word(String text, int start, int end) {
    String w = text.substring(start, end);
    String norm = w.chars().allMatch(c -> c < 0x80) ? w.toLowerCase(Locale.ROOT) // the common case, fast
        : MARKS.matcher(Normalizer.normalize(w, Normalizer.Form.NFD)).replaceAll("")
            .toLowerCase(Locale.ROOT).replace('ё', 'е');
    char first = w.charAt(0);
    boolean capitalised = !Character.isLowerCase(first);
    boolean allCaps = w.codePoints().noneMatch(Character::isLowerCase);
    return new Word(start, end, norm, capitalised, allCaps);
  }

  /** The lookup key of a name: its normalised words joined by spaces. */
  static String key(String name) {
    StringBuilder b = new StringBuilder();
    for (Word w : of(name)) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(w.norm());
    }
    return b.toString();
  }
}
