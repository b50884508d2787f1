package dev.vigil.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding it (so that a bad line can be reported
 * on its own) and without holding more than {@code maxLineBytes} of any one line.
 */
final class LineReader {
  record Line(int number, byte[] bytes, boolean tooLong) {}

  private final InputStream in;
  private final long maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private int number;

  LineReader(InputStream in, long maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line without its terminator, or null at the end of the stream. */
  Line next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    boolean sawAny = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(buf);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          if (!sawAny) {
            return null;
          }
          break;
        }
      }
      sawAny = true;
      int start = pos;
      while (pos < limit && buf[pos] != '\n') {
        pos++;
      }
      int len = pos - start;
      if (!tooLong) {
        if (line.size() + (long) len > maxLineBytes) {
          tooLong = true;
          line = new ByteArrayOutputStream();
        } else {
          line.write(buf, start, len);
        }
      }
      if (pos < limit) { // found the newline
        pos++;
        break;
      }
    }
    number++;
    byte[] bytes = line.toByteArray();
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\r') {
      bytes = java.util.Arrays.copyOf(bytes, end - 1);
    }
    return new Line(number, bytes, tooLong);
  }
}
