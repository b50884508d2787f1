package dev.vigil.lang;

/** Tells which language a text is written in. Implementations are thread-safe. */
public interface LanguageDetector {
  /** Returned when the text is too short or too mixed to tell. */
  String UNDETERMINED = "und";

  /**
   * @return the ISO 639-1 code ("en", "ru", "fa") where one exists, else ISO 639-3, or
   *     {@link #UNDETERMINED}
   */
  String detect(CharSequence text);
}
