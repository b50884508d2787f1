package dev.vigil.extract;

/**
 * Cuts the bodies of {@code <script>} and {@code <style>} elements out of an HTML string before
 * it is parsed. They make up half of a typical news page's characters and none of its text; the
 * tags themselves stay, and JSON-LD scripts are kept whole because the metadata reads them.
 */
final class RawText {
  private RawText() {}

  static String withoutScripts(String html) {
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    int n = html.length();
    while (true) {
      int lt = html.indexOf('<', i);
      if (lt < 0 || lt + 7 >= n) {
        break;
      }
      String tag = html.regionMatches(true, lt + 1, "script", 0, 6) ? "script"
          : html.regionMatches(true, lt + 1, "style", 0, 5) ? "style" : null;
      if (tag == null || Character.isLetterOrDigit(html.charAt(lt + 1 + tag.length()))) {
        i = lt + 1;
        continue;
      }
      int openEnd = html.indexOf('>', lt);
      if (openEnd < 0) {
        break;
      }
      int close = indexOfIgnoreCase(html, "</" + tag, openEnd + 1);
      if (close < 0) {
        break; // an unclosed script runs to the end: leave it to the parser
      }
      if (!html.substring(lt, openEnd).contains("ld+json")) {
        if (out == null) {
          out = new StringBuilder(n / 2);
        }
        out.append(html, copied, openEnd + 1);
        copied = close;
      }
      i = close + 2;
    }
    if (out == null) {
      return html;
    }
    out.append(html, copied, n);
    return out.toString();
  }

  private static int indexOfIgnoreCase(String s, String what, int from) {
    char first = what.charAt(0);
    for (int i = s.indexOf(first, from); i >= 0; i = s.indexOf(first, i + 1)) {
      if (s.regionMatches(true, i, what, 0, what.length())) {
        return i;
      }
    }
    return -1;
  }
}
