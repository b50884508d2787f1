package dev.vigil.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Apache OpenNLP's n-gram language detector with its 103-language model
 * ({@code langdetect-183.bin}, trained on the Leipzig corpora), chosen by measurement over
 * optimaize and lingua (docs/extraction.md): it alone knows Tajik, Uzbek and Pashto, it is right
 * on every longer text of the region's languages, and it is small and fast. Where it cannot
 * tell (a few words), the letters decide when they belong to one language only: Han, kana,
 * Hangul, Thai, Greek, Hebrew, Georgian, Armenian, and the letters that only Tajik, Kazakh,
 * Ukrainian, Urdu, Pashto or Persian add to the Cyrillic and Arabic alphabets.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {
  private static final int MIN_LETTERS = 20; // below this the model guesses
  private static final int MAX_CHARS = 1000; // more text does not change the answer, only the cost
  /** The model spreads probability over 103 languages: trust the best only when it clearly leads. */
  private static final double MIN_LEAD = 1.3;
  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

  private final ThreadLocal<LanguageDetectorME> detectors; // the ME wrapper keeps state per call

  private OpenNlpLanguageDetector(LanguageDetectorModel model) {
    this.detectors = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
  }

  /** Loads the model bundled on the classpath (about 0.5 s). */
  public static OpenNlpLanguageDetector load() {
    try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
      if (in == null) {
        throw new IllegalStateException("langdetect-183.bin is not on the classpath");
      }
      return new OpenNlpLanguageDetector(new LanguageDetectorModel(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the language model", e);
    }
  }

  @Override
  public String detect(CharSequence text) {
    CharSequence sample = text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS) : text;
    int letters = 0;
    for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) {
      if (Character.isLetter(sample.charAt(i))) {
        letters++;
      }
    }
    if (letters < MIN_LETTERS) {
      return ScriptGuess.of(sample);
    }
    // variants of one language (Iranian Persian and Dari, say) pool their probability
    Map<String, Double> byCode = new HashMap<>();
    for (Language l : detectors.get().predictLanguages(sample)) {
      byCode.merge(toIso1(l.getLang()), l.getConfidence(), Double::sum);
    }
    String best = null;
    double first = 0;
    double second = 0;
    for (Map.Entry<String, Double> e : byCode.entrySet()) {
      if (e.getValue() > first) {
        second = first;
        first = e.getValue();
        best = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    return best == null || first < MIN_LEAD * second ? ScriptGuess.of(sample) : best;
  }

  static String toIso1(String iso3) {
    return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
  }

  private static Map<String, String> iso3ToIso1() {
    Map<String, String> map = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      try {
        map.put(new Locale(iso1).getISO3Language(), iso1);
      } catch (java.util.MissingResourceException ignored) {
        // a few codes have no three-letter form; they are not in the model either
      }
    }
    // the model uses macrolanguage and individual codes that Locale does not map
    map.put("pes", "fa"); // Iranian Persian
    map.put("prs", "fa"); // Dari
    map.put("zho", "zh");
    map.put("cmn", "zh");
    map.put("uzb", "uz");
    map.put("uzn", "uz");
    map.put("ara", "ar");
    map.put("arb", "ar");
    map.put("msa", "ms");
    map.put("zsm", "ms");
    map.put("pus", "ps");
    map.put("pbt", "ps");
    map.put("nor", "no");
    map.put("nob", "nb");
    map.put("lvs", "lv");
    map.put("est", "et");
    map.put("ekk", "et");
    map.put("swa", "sw");
    map.put("swh", "sw");
    map.put("aze", "az");
    map.put("azj", "az");
    map.put("mon", "mn");
    map.put("khk", "mn");
    return Map.copyOf(map);
  }
}
