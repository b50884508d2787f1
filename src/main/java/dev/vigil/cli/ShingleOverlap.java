package dev.vigil.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body-extraction score of the development set (see {@code ../shared/data/README.md}): the
 * texts are split into {@code \w+} tokens, every run of four tokens is a shingle, and the
 * multiset overlap of the two texts' shingles gives a page's true positives, false positives
 * and false negatives, normalised by their sum.
 */
record ShingleOverlap(double tp, double fp, double fn) {
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int N = 4;

  /** Compares an extracted text with the hand-made one. */
  static ShingleOverlap of(String expected, String actual) {
    Map<String, Integer> truth = shingles(expected);
    Map<String, Integer> found = shingles(actual);
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (Map.Entry<String, Integer> e : truth.entrySet()) {
      int f = found.getOrDefault(e.getKey(), 0);
      tp += Math.min(e.getValue(), f);
      fn += Math.max(0, e.getValue() - f);
    }
    for (Map.Entry<String, Integer> e : found.entrySet()) {
      fp += Math.max(0, e.getValue() - truth.getOrDefault(e.getKey(), 0));
    }
    double sum = tp + fp + fn;
    return sum == 0 ? new ShingleOverlap(0, 0, 0) : new ShingleOverlap(tp / sum, fp / sum, fn / sum);
  }

  /** Share of the extracted shingles that are right; 0 when nothing was extracted. */
  double precision() {
    return tp + fp == 0 ? 0 : tp / (tp + fp);
  }

  /** Share of the expected shingles that were extracted; 0 when nothing was expected. */
  double recall() {
    return tp + fn == 0 ? 0 : tp / (tp + fn);
  }

  private static Map<String, Integer> shingles(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = WORD.matcher(text == null ? "" : text);
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<String, Integer> out = new HashMap<>();
    // a text shorter than one shingle is one (short) shingle, so that it still counts
    int last = Math.max(1, tokens.size() - N + 1);
    for (int i = 0; i < last && !tokens.isEmpty(); i++) {
      out.merge(String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + N))), 1, Integer::sum);
    }
    return out;
  }
}
