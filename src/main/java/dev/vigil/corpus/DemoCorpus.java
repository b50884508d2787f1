package dev.vigil.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the demo corpus: the articles of a corpus most about regional security (Afghanistan
 * and Central Asia, terrorism and armed conflict, drugs and smuggling, refugees and borders,
 * security diplomacy), by a keyword score over title and text. Deterministic: the same corpus
 * gives the same selection.
 */
public final class DemoCorpus {
  private static final int MIN_CHARS = 600;
  private static final int MAX_CHARS = 12_000;

  /** Topic groups and their patterns; an article must touch at least two groups. */
  private static final Map<String, Pattern> TOPICS = Map.of(
      "region", Pattern.compile("\\b(tajik\\w*|afghan\\w*|taliban|taleban|kabul|uzbek\\w*|kyrgyz\\w*|"
          + "turkmen\\w*|kazakh\\w*|central asia\\w*|badakhshan|khatlon|herat|kandahar|nangarhar|"
          + "balochistan|baluchestan|sistan|pakistan\\w*|dushanbe|mazar)\\b"),
      "violence", Pattern.compile("\\b(terror\\w*|militant\\w*|extremis\\w*|isis|isil|daesh|al-qaeda|"
          + "insurgen\\w*|attack\\w*|clash\\w*|bomb\\w*|explosion\\w*|suicide|killed|gunmen|"
          + "ambush\\w*|hostage\\w*|kidnap\\w*)\\b"),
      "crime", Pattern.compile("\\b(drug\\w*|narcotic\\w*|opium|heroin|poppy|smuggl\\w*|"
          + "traffick\\w*|seiz\\w*|contraband|arms|weapons)\\b"),
      "borders", Pattern.compile("\\b(refugee\\w*|migrant\\w*|asylum|displaced|border\\w*|"
          + "frontier\\w*|illegal\\w* cross\\w*|repatriat\\w*)\\b"),
      "security_diplomacy", Pattern.compile("\\b(sco|csto|shanghai cooperation|security council|"
          + "collective security|security cooperation|summit|talks|envoy|ambassador|"
          + "foreign minister|joint exercise\\w*|intelligence)\\b"));

  private DemoCorpus() {}

  /** The {@code size} best articles, best first, no two with the same title. */
  public static List<CorpusArticle> select(List<CorpusArticle> corpus, int size) {
    record Scored(CorpusArticle article, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (CorpusArticle a : corpus) {
      int length = a.text().length();
      if (length < MIN_CHARS || length > MAX_CHARS) {
        continue;
      }
      double s = score(a);
      if (s > 0) {
        scored.add(new Scored(a, s));
      }
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparing(x -> x.article().id()));
    List<CorpusArticle> out = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (Scored s : scored) {
      if (out.size() >= size) {
        break;
      }
      if (titles.add(s.article().title().toLowerCase(Locale.ROOT))) {
        out.add(s.article());
      }
    }
    return out;
  }

  /** 0 unless two topic groups are touched, one of them the region or crime; then hits per 1,000 characters, titles counted thrice. */
  static double score(CorpusArticle a) {
    String title = a.title() == null ? "" : a.title().toLowerCase(Locale.ROOT);
    String text = a.text().toLowerCase(Locale.ROOT);
    int groups = 0;
    boolean regionalOrCrime = false;
    double hits = 0;
    for (Map.Entry<String, Pattern> topic : TOPICS.entrySet()) {
      int inTitle = count(topic.getValue(), title);
      int inText = count(topic.getValue(), text);
      if (inTitle + inText > 0) {
        groups++;
        regionalOrCrime |= topic.getKey().equals("region") || topic.getKey().equals("crime");
      }
      hits += 3 * inTitle + Math.min(inText, 25);
    }
    if (groups < 2 || !regionalOrCrime) {
      return 0;
    }
    return groups * 10 + hits * 1000.0 / Math.max(1500, text.length());
  }

  private static int count(Pattern p, String s) {
    int n = 0;
    for (Matcher m = p.matcher(s); m.find(); ) {
      n++;
    }
    return n;
  }
}
