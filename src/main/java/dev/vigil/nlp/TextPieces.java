package dev.vigil.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Cuts long texts into pieces for the annotator and spots text that was decoded wrongly. */
final class TextPieces {
  /** UTF-8 read as Latin-1 or Windows-1252: "Ã©", "â€™", "Ð¡", "Ø§". */
  private static final Pattern MOJIBAKE = Pattern.compile("[ÃÂ][\\u0080-\\u00BF]|â€|[ÐÑ][\\u0080-\\u00BF]"
      + "|[ØÙ][\\u0080-\\u00BF]|Ã[©¨¢¤§ª«®¶¼]");

  private TextPieces() {}

  /** Whether enough of the text looks like UTF-8 decoded as a single-byte charset. */
  static boolean looksMisdecoded(String text) {
    var m = MOJIBAKE.matcher(text.length() > 20_000 ? text.substring(0, 20_000) : text);
    int hits = 0;
    while (m.find()) {
      if (++hits >= 3) {
        return true;
      }
    }
    return false;
  }

  /**
   * Half-open pieces [start, end) covering text[0, limit), each at most about
   * {@code size} characters, cut at a paragraph break, else a line break, else after a
   * full stop and a space, else anywhere.
   */
  static List<int[]> chunks(String text, int limit, int size) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    while (start < limit) {
      int end = Math.min(limit, start + size);
      if (end < limit) {
        int cut = lastCut(text, start + size / 2, end);
        end = cut > start ? cut : end;
      }
      out.add(new int[] {start, end});
      start = end;
    }
    return out;
  }

  private static int lastCut(String text, int from, int to) {
    for (String sep : new String[] {"\n\n", "\n", ". "}) {
      int at = text.lastIndexOf(sep, to - sep.length());
      if (at >= from) {
        return at + sep.length();
      }
    }
    return -1;
  }
}
