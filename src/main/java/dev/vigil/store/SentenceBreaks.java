package dev.vigil.store;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries for search snippets, found in one pass over the text: a boundary starts
 * each paragraph, and each sentence after a full stop, question or exclamation mark (and any
 * closing quote or bracket) followed by white space, unless a lower-case letter follows a full
 * stop ("e.g. the", "approx. ten"). The JDK's rule-based sentence iterator, which the snippets
 * used before, cost about a tenth of a search request's CPU on a million-article index; this
 * one computes every boundary at once when given the text and answers each query by binary
 * search. Its sentences are those of news text as a reader splits them, which is all a
 * two-line snippet needs.
 *
 * <p>Offsets are those of the {@link CharacterIterator} given to {@link #setText}, which may
 * start past 0 (the highlighter hands over a window of a longer text).
 */
final class SentenceBreaks extends BreakIterator {
  private CharacterIterator text = new StringCharacterIterator("");
  /** Boundaries in increasing order, the first the text's start and the last its end. */
  private int[] bounds = {0};
  private int count = 1;
  /** Index into {@link #bounds} of the current boundary. */
  private int at;

  @Override
  public void setText(CharacterIterator newText) {
    text = newText;
    int begin = newText.getBeginIndex();
    int end = newText.getEndIndex();
    char[] c = new char[end - begin];
    int i = 0;
    for (char ch = newText.first(); ch != CharacterIterator.DONE && i < c.length; ch = newText.next()) {
      c[i++] = ch;
    }
    int[] found = new int[Math.max(2, c.length / 64 + 2)];
    int n = 0;
    found[n++] = begin;
    for (int p = 0; p < c.length; p++) {
      char ch = c[p];
      int next;
      if (ch == '\n') {
        next = skipSpace(c, p + 1);
      } else if (ch == '.' || ch == '!' || ch == '?') {
        int q = p + 1;
        while (q < c.length && isCloser(c[q])) {
          q++;
        }
        if (q >= c.length || !Character.isWhitespace(c[q])) {
          continue;
        }
        next = skipSpace(c, q);
        if (ch == '.' && next < c.length && Character.isLowerCase(c[next])) {
          continue;
        }
      } else {
        continue;
      }
      if (next < c.length && begin + next > found[n - 1]) {
        if (n == found.length) {
          found = Arrays.copyOf(found, n * 2);
        }
        found[n++] = begin + next;
      }
    }
    if (end > found[n - 1]) {
      if (n == found.length) {
        found = Arrays.copyOf(found, n + 1);
      }
      found[n++] = end;
    }
    bounds = found;
    count = n;
    at = 0;
  }

  private static int skipSpace(char[] c, int from) {
    int p = from;
    while (p < c.length && Character.isWhitespace(c[p])) {
      p++;
    }
    return p;
  }

  private static boolean isCloser(char ch) {
    return ch == '"' || ch == '\'' || ch == ')' || ch == ']' || ch == '\u201d' || ch == '\u2019'
        || ch == '\u00bb';
  }

  @Override
  public CharacterIterator getText() {
    return text;
  }

  @Override
  public int first() {
    at = 0;
    return bounds[0];
  }

  @Override
  public int last() {
    at = count - 1;
    return bounds[at];
  }

  @Override
  public int next(int n) {
    int target = at + n;
    if (target < 0 || target >= count) {
      at = target < 0 ? 0 : count - 1;
      return DONE;
    }
    at = target;
    return bounds[at];
  }

  @Override
  public int next() {
    return next(1);
  }

  @Override
  public int previous() {
    return next(-1);
  }

  @Override
  public int current() {
    return bounds[at];
  }

  /** The first boundary after {@code offset}, or {@link #DONE} when {@code offset} is the end. */
  @Override
  public int following(int offset) {
    check(offset);
    int i = Arrays.binarySearch(bounds, 0, count, offset);
    int after = i >= 0 ? i + 1 : -i - 1;
    if (after >= count) {
      at = count - 1;
      return DONE;
    }
    at = after;
    return bounds[at];
  }

  /** The last boundary before {@code offset}, or {@link #DONE} when {@code offset} is the start. */
  @Override
  public int preceding(int offset) {
    check(offset);
    int i = Arrays.binarySearch(bounds, 0, count, offset);
    int before = (i >= 0 ? i : -i - 1) - 1;
    if (before < 0) {
      at = 0;
      return DONE;
    }
    at = before;
    return bounds[at];
  }

  @Override
  public boolean isBoundary(int offset) {
    check(offset);
    int i = Arrays.binarySearch(bounds, 0, count, offset);
    if (i >= 0) {
      at = i;
      return true;
    }
    following(offset);
    return false;
  }

  private void check(int offset) {
    if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
      throw new IllegalArgumentException("offset " + offset + " is outside the text ["
          + text.getBeginIndex() + ", " + text.getEndIndex() + "]");
    }
  }

  @Override
  public Object clone() {
    SentenceBreaks copy = (SentenceBreaks) super.clone();
    copy.bounds = bounds.clone();
    return copy;
  }
}
