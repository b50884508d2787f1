package dev.vigil.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A labelled set for near-duplicate detection, built from a corpus: positives are an article
 * and a perturbed copy of it (headline changed, first or last paragraph trimmed, a wire credit
 * or an unrelated paragraph added, a few words edited or dropped: what syndication does);
 * negatives are two different articles on the same topic (sharing at least three of their ten
 * most distinctive words). Pairs of corpus articles that are themselves copies (exact word
 * 3-shingle containment of 0.5 or more) are left out of the negatives and counted.
 */
public final class CopyPairs {
  /** One labelled pair of texts. */
  public record Pair(String titleA, String textA, String titleB, String textB, boolean copy) {}

  /** The pairs and how many candidate negatives were left out as real corpus copies. */
  public record Set_(List<Pair> pairs, int excludedCorpusCopies) {}

  private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
  private static final String[] CREDITS = {
      "TEHRAN (IRNA) -- ", "KABUL (Reuters) - ", "DUSHANBE, (AFP) - ", "(AP) -- ", "MOSCOW, (TASS) - "};
  private static final String[] TRAILERS = {
      "(Source: Reuters)", "-- AFP", "Reporting by staff correspondents; editing by the news desk.",
      "This story was provided by IRNA.", "(c) Associated Press"};

  private CopyPairs() {}

  /**
   * @param titles and texts: the corpus (paragraphs separated by a blank line)
   * @param positives how many copy pairs to build
   * @param negatives how many same-topic distinct pairs to build
   */
  public static Set_ build(List<String> titles, List<String> texts, int positives, int negatives, long seed) {
    Random rnd = new Random(seed);
    List<Integer> usable = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i).split("\\s+").length >= 60) {
        usable.add(i);
      }
    }
    List<Pair> pairs = new ArrayList<>();
    for (int n = 0; n < positives; n++) {
      int i = usable.get(rnd.nextInt(usable.size()));
      int other = usable.get(rnd.nextInt(usable.size()));
      pairs.add(new Pair(titles.get(i), texts.get(i), "Update: " + titles.get(i).toLowerCase(Locale.ROOT),
          perturb(texts.get(i), texts.get(other), rnd), true));
    }
    int[][] top = new int[texts.size()][];
    Map<Integer, List<Integer>> postings = topTerms(texts, usable, top);
    int excluded = 0;
    Set<Long> used = new HashSet<>();
    int tries = 0;
    while (pairs.size() < positives + negatives && tries++ < negatives * 20) {
      int a = usable.get(rnd.nextInt(usable.size()));
      Map<Integer, Integer> shared = new HashMap<>();
      for (int term : top[a]) {
        for (int b : postings.getOrDefault(term, List.of())) {
          if (b != a) {
            shared.merge(b, 1, Integer::sum);
          }
        }
      }
      List<Integer> best = new ArrayList<>();
      int most = 3;
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        if (e.getValue() > most) {
          most = e.getValue();
          best.clear();
        }
        if (e.getValue() == most) {
          best.add(e.getKey());
        }
      }
      if (best.isEmpty()) {
        continue;
      }
      int b = best.get(rnd.nextInt(best.size()));
      if (!used.add(Math.min(a, b) * 1_000_000L + Math.max(a, b))) {
        continue;
      }
      if (exactContainment(texts.get(a), texts.get(b)) >= 0.5) {
        excluded++;
        continue;
      }
      pairs.add(new Pair(titles.get(a), texts.get(a), titles.get(b), texts.get(b), false));
    }
    return new Set_(pairs, excluded);
  }

  /** A syndicated copy: some of the edits agencies and aggregators make, chosen at random. */
  static String perturb(String text, String unrelated, Random rnd) {
    List<String> paragraphs = new ArrayList<>(Arrays.asList(text.split("\n\n")));
    if (paragraphs.size() >= 3 && rnd.nextDouble() < 0.6) {
      paragraphs.remove(rnd.nextBoolean() ? 0 : paragraphs.size() - 1);
    }
    if (rnd.nextDouble() < 0.5) {
      paragraphs.set(0, CREDITS[rnd.nextInt(CREDITS.length)] + paragraphs.get(0));
    }
    if (rnd.nextDouble() < 0.4) {
      paragraphs.add(TRAILERS[rnd.nextInt(TRAILERS.length)]);
    }
    if (rnd.nextDouble() < 0.3) {
      String[] others = unrelated.split("\n\n");
      paragraphs.add(others[rnd.nextInt(others.length)]);
    }
    String joined = String.join("\n\n", paragraphs);
    if (rnd.nextDouble() < 0.6) {
      String[] words = joined.split(" ");
      int edits = Math.max(1, words.length * (1 + rnd.nextInt(4)) / 100); // 1-4% of the words
      for (int e = 0; e < edits; e++) {
        int w = rnd.nextInt(words.length);
        words[w] = rnd.nextBoolean() ? "" : words[rnd.nextInt(words.length)];
      }
      joined = String.join(" ", words).replaceAll(" {2,}", " ");
    }
    return joined;
  }

  /** Exact containment of word 3-shingles, the truth the fingerprint estimates. */
  public static double exactContainment(String a, String b) {
    Set<String> sa = shingles(a);
    Set<String> sb = shingles(b);
    if (sa.isEmpty() || sb.isEmpty()) {
      return 0;
    }
    Set<String> small = sa.size() <= sb.size() ? sa : sb;
    Set<String> large = small == sa ? sb : sa;
    long in = small.stream().filter(large::contains).count();
    return in / (double) small.size();
  }

  private static Set<String> shingles(String text) {
    String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    List<String> words = new ArrayList<>();
    for (String s : w) {
      if (!s.isEmpty()) {
        words.add(s);
      }
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i + Fingerprint.SHINGLE_WORDS <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + Fingerprint.SHINGLE_WORDS)));
    }
    return out;
  }

  /** The ten highest tf-idf words of each usable text, and who holds each as a top word. */
  private static Map<Integer, List<Integer>> topTerms(List<String> texts, List<Integer> usable, int[][] top) {
    Map<String, Integer> ids = new HashMap<>();
    List<Map<Integer, Integer>> tfs = new ArrayList<>();
    Map<Integer, Integer> df = new HashMap<>();
    for (int i : usable) {
      Map<Integer, Integer> tf = new HashMap<>();
      Matcher m = WORD.matcher(texts.get(i).toLowerCase(Locale.ROOT));
      while (m.find()) {
        tf.merge(ids.computeIfAbsent(m.group(), k -> ids.size()), 1, Integer::sum);
      }
      tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
      tfs.add(tf);
    }
    Map<Integer, List<Integer>> postings = new HashMap<>();
    double n = usable.size();
    for (int k = 0; k < usable.size(); k++) {
      int doc = usable.get(k);
      top[doc] = tfs.get(k).entrySet().stream()
          .filter(e -> df.get(e.getKey()) >= 3 && df.get(e.getKey()) < n * 0.05)
          .sorted((x, y) -> Double.compare(
              y.getValue() * Math.log(n / df.get(y.getKey())), x.getValue() * Math.log(n / df.get(x.getKey()))))
          .limit(10).mapToInt(Map.Entry::getKey).toArray();
      for (int t : top[doc]) {
        postings.computeIfAbsent(t, x -> new ArrayList<>()).add(doc);
      }
    }
    for (int i = 0; i < top.length; i++) {
      if (top[i] == null) {
        top[i] = new int[0];
      }
    }
    return postings;
  }
}
