package dev.vigil.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how a page's or feed's bytes are to be decoded, trusting the bytes over any
 * declaration: a byte-order mark wins; bytes that are valid UTF-8 with multi-byte sequences
 * are UTF-8 whatever the server or page says; otherwise the declared charset (HTTP
 * {@code Content-Type} first, as browsers do, then {@code <meta charset>} or the XML
 * declaration) is kept unless the byte statistics clearly favour another single-byte one (a
 * Russian page in windows-1251 declared as ISO-8859-1, an Arabic or Persian page in
 * windows-1256 that declares nothing). Used by both the fetcher and the HTML extractor, so a
 * page decodes the same however it arrived.
 */
public final class Charsets {
  private static final int HEAD_BYTES = 8192;
  private static final Pattern DECLARED = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_:.-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_DECLARED = Pattern.compile(
      "charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_:.-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_DECLARED = Pattern.compile(
      "<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-zA-Z0-9_:.-]+)", Pattern.CASE_INSENSITIVE);
  /** The legacy single-byte charsets tried when a page is not UTF-8. */
  private static final List<Charset> LEGACY = List.of(Charset.forName("windows-1252"),
      Charset.forName("windows-1251"), Charset.forName("windows-1256"), Charset.forName("KOI8-R"),
      Charset.forName("windows-1250"), Charset.forName("windows-1253"), Charset.forName("windows-1254"));

  private Charsets() {}

  /** The page's text, decoded by the charset {@link #detect} picks. */
  public static String decode(byte[] bytes) {
    if (bomCharset(bytes) == null) {
      String utf8 = strictUtf8(bytes); // the common case, decoded once
      if (utf8 != null) {
        return utf8;
      }
    }
    Charset charset = detect(bytes);
    int bom = bomLength(bytes);
    return new String(bytes, bom, bytes.length - bom, charset);
  }

  /** Decodes with a charset already detected, dropping a byte-order mark. */
  public static String decode(byte[] bytes, Charset charset) {
    String s = new String(bytes, charset);
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  /** The charset the bytes are written in, by BOM, UTF-8 validity, declaration, statistics. */
  public static Charset detect(byte[] bytes) {
    return detect(bytes, null);
  }

  /**
   * As {@link #detect(byte[])}, with the charset a server declared in its {@code Content-Type}
   * header ({@code contentType} may be null) taking the place of the page's own declaration.
   */
  public static Charset detect(byte[] bytes, String contentType) {
    Charset bom = bomCharset(bytes);
    if (bom != null) {
      return bom;
    }
    Charset declared = null;
    if (contentType != null) {
      Matcher m = HEADER_DECLARED.matcher(contentType);
      declared = m.find() ? forName(m.group(1)) : null;
    }
    if (declared == null) {
      declared = declared(bytes);
    }
    boolean ascii = true;
    for (byte b : bytes) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return declared != null && declared.newEncoder().canEncode('a') ? declared : StandardCharsets.UTF_8;
    }
    if (isUtf8(bytes)) {
      return StandardCharsets.UTF_8;
    }
    if (declared != null && declared.equals(StandardCharsets.UTF_8)) {
      declared = null; // declared UTF-8 but is not: the declaration is wrong
    }
    if (declared != null && !LEGACY.contains(declared)) {
      return declared; // a multi-byte legacy charset (Shift_JIS, GB2312, ...) the page names
    }
    Charset best = declared;
    double bestScore = declared == null ? Double.NEGATIVE_INFINITY : plausibility(bytes, declared) + 0.05;
    for (Charset candidate : LEGACY) {
      double score = plausibility(bytes, candidate);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * How much the decoded non-ASCII text looks like words of one script, per non-ASCII byte
   * (at most 1): letters score, symbols and unmapped bytes cost, a capital inside a lower-case
   * word costs (windows-1251 read as KOI8-R and vice versa swap the cases), and so do letters
   * outside the main script of the text (Arabic read as Cyrillic mixes both with Latin).
   */
  static double plausibility(byte[] bytes, Charset charset) {
    String text = new String(bytes, charset);
    int[] scriptCounts = new int[Character.UnicodeScript.values().length];
    double score = 0;
    int nonAscii = 0;
    char previous = ' ';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        previous = c;
        continue;
      }
      nonAscii++;
      if (Character.isLetter(c)) {
        score += 1;
        scriptCounts[Character.UnicodeScript.of(c).ordinal()]++;
        if (Character.isUpperCase(c) && Character.isLowerCase(previous)) {
          score -= 1.5;
        }
      } else if (c == '\ufffd' || Character.isISOControl(c)) {
        score -= 3;
      } else if (c != '\u00a0' && Character.getType(c) != Character.DASH_PUNCTUATION
          && Character.getType(c) != Character.INITIAL_QUOTE_PUNCTUATION
          && Character.getType(c) != Character.FINAL_QUOTE_PUNCTUATION) {
        score -= 1;
      }
      previous = c;
    }
    if (nonAscii == 0) {
      return 0;
    }
    int letters = 0;
    int main = 0;
    for (int n : scriptCounts) {
      letters += n;
      main = Math.max(main, n);
    }
    score -= 2.0 * (letters - main);
    if (scriptCounts[Character.UnicodeScript.LATIN.ordinal()] == main && main > 0) {
      // Latin text is mostly ASCII: a page whose letters are nearly all accented is another script
      int asciiLetters = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
          asciiLetters++;
        }
      }
      if (main * 2 > asciiLetters) {
        score -= main;
      }
    }
    return score / nonAscii;
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      // a page cut in the middle of a character is still UTF-8
      return bytes.length > 4 && isUtf8Prefix(bytes);
    }
  }

  private static boolean isUtf8Prefix(byte[] bytes) {
    int cut = bytes.length;
    for (int i = 1; i <= 3 && bytes.length - i >= 0; i++) {
      if ((bytes[bytes.length - i] & 0xC0) == 0xC0) {
        cut = bytes.length - i;
        break;
      }
    }
    if (cut == bytes.length) {
      return false;
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, cut));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The charset the page declares in a meta tag or XML declaration, if Java knows it. */
  static Charset declared(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, HEAD_BYTES), StandardCharsets.ISO_8859_1);
    for (Pattern p : new Pattern[] {DECLARED, XML_DECLARED}) {
      Matcher m = p.matcher(head);
      if (m.find()) {
        Charset c = forName(m.group(1));
        if (c != null) {
          return c;
        }
      }
    }
    return null;
  }

  private static Charset forName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    // browsers read these labels as their Windows supersets
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
      n = "windows-1252";
    }
    try {
      return Charset.forName(n);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static Charset bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static int bomLength(byte[] b) {
    Charset bom = bomCharset(b);
    return bom == null ? 0 : bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
  }
}
