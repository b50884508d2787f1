package dev.vigil.lang;

/**
 * The language of a short text by its letters alone, where they allow only one answer: a
 * script used by one language (Hangul: Korean; kana: Japanese; Han without kana: Chinese;
 * Thai, Greek, Hebrew, Georgian, Armenian), or a letter that one language adds to the Cyrillic
 * or Arabic alphabet (Tajik ҳ қ ғ ӯ ҷ ӣ, Kazakh ә ң ө ұ ү і, Ukrainian ї є ґ; Pashto ټ ډ ړ ښ
 * ږ ځ څ ۍ, Urdu ٹ ڈ ڑ ں ے, Persian پ چ ژ گ without those). Otherwise undetermined.
 */
final class ScriptGuess {
  private ScriptGuess() {}

  static String of(CharSequence text) {
    int han = 0;
    int kana = 0;
    int hangul = 0;
    int letters = 0;
    String other = null;
    boolean tajik = false;
    boolean kazakh = false;
    boolean ukrainian = false;
    boolean pashto = false;
    boolean urdu = false;
    boolean persian = false;
    boolean cyrillic = false;
    boolean arabic = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        continue;
      }
      letters++;
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      switch (script) {
        case HAN -> han++;
        case HIRAGANA, KATAKANA -> kana++;
        case HANGUL -> hangul++;
        case THAI -> other = "th";
        case GREEK -> other = "el";
        case HEBREW -> other = "he";
        case GEORGIAN -> other = "ka";
        case ARMENIAN -> other = "hy";
        case CYRILLIC -> {
          cyrillic = true;
          tajik |= "ҳҲқҚғҒӯӮҷҶӣӢ".indexOf(c) >= 0;
          kazakh |= "әӘңҢөӨұҰүҮ".indexOf(c) >= 0;
          ukrainian |= "їЇєЄґҐ".indexOf(c) >= 0;
        }
        case ARABIC -> {
          arabic = true;
          pashto |= "ټډړښږځڅۍې".indexOf(c) >= 0;
          urdu |= "ٹڈڑںے".indexOf(c) >= 0;
          persian |= "پچژگ".indexOf(c) >= 0;
        }
        default -> {
          // Latin and the rest: the letters alone do not tell the language
        }
      }
    }
    if (letters == 0) {
      return LanguageDetector.UNDETERMINED;
    }
    if (hangul * 2 > letters) {
      return "ko";
    }
    if (kana > 0 && (kana + han) * 2 > letters) {
      return "ja";
    }
    if (han * 2 > letters) {
      return "zh";
    }
    if (other != null) {
      return other;
    }
    if (cyrillic && tajik ^ kazakh ^ ukrainian && !(tajik && kazakh)) {
      return tajik ? "tg" : kazakh ? "kk" : "uk";
    }
    if (arabic && pashto && !urdu) {
      return "ps";
    }
    if (arabic && urdu && !pashto) {
      return "ur";
    }
    if (arabic && persian && !pashto && !urdu) {
      return "fa";
    }
    return LanguageDetector.UNDETERMINED;
  }
}
