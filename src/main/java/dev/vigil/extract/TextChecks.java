package dev.vigil.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** Checks and clean-ups of raw text shared by the extractors. */
final class TextChecks {
  private static final int SNIFF_BYTES = 1 << 16;

  private TextChecks() {}

  /**
   * Throws if {@code bytes} look like a binary file rather than text: more than one NUL byte
   * in 200, or more than one control byte in 20, among the first 64 KiB. (Real text does carry
   * the odd stray NUL; normalising drops it.)
   */
  static void requireText(byte[] bytes) throws ExtractionException {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    int nul = 0;
    int control = 0;
    int firstNul = -1;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        nul++;
        if (firstNul < 0) {
          firstNul = i;
        }
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    if (nul > 0 && (nul * 200 > n || n < 64)) {
      throw new ExtractionException("binary content (" + nul + " NUL bytes, the first at offset "
          + firstNul + "), not text");
    }
    if (n > 0 && control * 20 > n) {
      throw new ExtractionException(String.format(Locale.ROOT,
          "binary content (%.0f%% control bytes), not text", 100.0 * control / n));
    }
  }

  /** Decodes strict UTF-8 (a BOM is dropped), naming the offset of the first bad byte. */
  static String decodeUtf8(byte[] bytes) throws ExtractionException {
    int skip = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new ExtractionException("invalid UTF-8 at byte " + in.position()
          + " (re-encode the file as UTF-8)");
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /**
   * Unicode NFC, one kind of line break, no control characters but newline and tab, no
   * trailing spaces on lines, no zero-width or non-breaking spaces that would split words.
   */
  static String normalize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          continue;
        }
        c = '\n';
      }
      if (c == '\u00a0' || c == '\u2007' || c == '\u202f' || c == '\t' || c == '\f') {
        c = ' ';
      }
      if (c == '\u200b' || c == '\ufeff' || c == '\u00ad') {
        continue;
      }
      if (c < 0x20 && c != '\n') {
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }
}
