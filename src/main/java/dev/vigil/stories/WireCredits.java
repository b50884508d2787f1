package dev.vigil.stories;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The news agencies an article credits ("(Reuters)", "AFP reported", "told Interfax",
 * "according to TASS"): two outlets running the same agency's report are one source, not two.
 */
public final class WireCredits {
  private static final String AGENCIES = "Reuters|AFP|Agence France-Presse|AP|Associated Press"
      + "|Interfax|TASS|RIA Novosti|Sputnik|Xinhua|Anadolu|IRNA|Tasnim|Fars|ISNA|Kyodo|Yonhap"
      + "|dpa|Bloomberg|ANI|PTI|IANS|Pajhwok|Tolo ?News|Khaama|Asia-Plus|AKIpress|Kabar|Trend|Kazinform";
  private static final Pattern CREDIT = Pattern.compile(
      "\\((" + AGENCIES + ")\\)"
          + "|\\b(" + AGENCIES + ")(?: news agency)? (?:reported|reports|said|quoted|cited|wrote)\\b"
          + "|\\b(?:according to|told|speaking to|cited by|quoted by|reported by|said to|in an interview with)"
          + " (?:the )?(" + AGENCIES + ")\\b");

  private WireCredits() {}

  /** The agencies credited in {@code text}, lower-cased, in order of first mention. */
  public static Set<String> of(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = CREDIT.matcher(text);
    while (m.find()) {
      for (int g = 1; g <= 3; g++) {
        if (m.group(g) != null) {
          out.add(canonical(m.group(g)));
        }
      }
    }
    return out;
  }

  private static String canonical(String agency) {
    String a = agency.toLowerCase(Locale.ROOT);
    return switch (a) {
      case "agence france-presse" -> "afp";
      case "associated press" -> "ap";
      case "tolo news" -> "tolonews";
      default -> a;
    };
  }
}
