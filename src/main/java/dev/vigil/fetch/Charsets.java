package dev.vigil.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the charset of a fetched body. Order: a byte-order mark; UTF-8 if the bytes are
 * valid UTF-8 (text in another charset almost never is, once it has any non-ASCII byte); the
 * {@code Content-Type} charset if the bytes are valid in it; the document's own declaration
 * ({@code <?xml encoding>}, {@code <meta charset>}) if valid; else windows-1252. Servers often
 * declare the wrong charset, so a declaration the bytes contradict is not trusted.
 */
public final class Charsets {
  private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
  private static final Pattern XML_ENCODING = Pattern.compile("(?i)<\\?xml[^>]*encoding\\s*=\\s*[\"']([\\w.:-]+)");
  private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");
  private static final int SNIFF_BYTES = 4096;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private Charsets() {}

  /** The charset to decode {@code body} with; {@code contentType} may be null. */
  public static Charset detect(byte[] body, String contentType) {
    Charset bom = fromBom(body);
    if (bom != null) {
      return bom;
    }
    if (isValid(body, StandardCharsets.UTF_8)) {
      return StandardCharsets.UTF_8;
    }
    Charset header = contentType == null ? null : named(HEADER_CHARSET.matcher(contentType));
    if (header != null && isValid(body, header)) {
      return header;
    }
    String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Charset declared = named(XML_ENCODING.matcher(head));
    if (declared == null) {
      declared = named(META_CHARSET.matcher(head));
    }
    if (declared != null && isValid(body, declared)) {
      return declared;
    }
    return header != null ? header : declared != null ? declared : WINDOWS_1252;
  }

  /** Decodes, dropping a byte-order mark and replacing malformed input. */
  public static String decode(byte[] body, Charset charset) {
    String s = new String(body, charset);
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  private static Charset fromBom(byte[] b) {
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

  private static Charset named(Matcher m) {
    if (!m.find()) {
      return null;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii")) {
      name = "windows-1252"; // what browsers do: the C1 range is windows-1252 in practice
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /** The bytes decode without error; single-byte charsets always do unless they leave holes. */
  static boolean isValid(byte[] body, Charset charset) {
    try {
      charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
