package dev.vigil.jmh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** The captured inputs the benchmarks run on, read from the classpath. */
final class Fixtures {
  /** The second seed report (Shoigu on the Tajik-Afghan border), about 4,000 characters. */
  static final String SEED = "/demo/seeds/shoigu-tajik-afghan-border-page.txt";

  private Fixtures() {
  }

  static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture on the classpath: " + path);
      }
      byte[] raw = in.readAllBytes();
      return path.endsWith(".gz") ? gunzip(raw) : raw;
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }
}
