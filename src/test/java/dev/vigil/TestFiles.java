package dev.vigil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixtures on the classpath: the seed reports (bundled with the demo) and captured pages. */
public final class TestFiles {
  public static final String SEED_CIS = "/demo/seeds/shoigu-cis-security-council.txt";
  public static final String SEED_BORDER = "/demo/seeds/shoigu-tajik-afghan-border-page.txt";
  public static final String PAGE_REUTERS = "/fixtures/html/reuters-wework.html.gz";
  public static final String PAGE_SYRIA = "/fixtures/html/syria-refugees.html.gz";

  private TestFiles() {}

  public static byte[] bytes(String resource) {
    try (InputStream in = TestFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String resource) {
    return new String(bytes(resource), StandardCharsets.UTF_8);
  }

  /** Copies {@code resource} into {@code dir} under its own file name. */
  public static Path copy(String resource, Path dir) {
    try {
      Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
      Files.write(target, bytes(resource));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
