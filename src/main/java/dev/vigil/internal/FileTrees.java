package dev.vigil.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Sizes and removal of directory trees. */
public final class FileTrees {
  private FileTrees() {}

  /** Bytes in the file, or in all files below the directory; 0 if nothing is there. */
  public static long size(Path p) throws IOException {
    if (!Files.exists(p)) {
      return 0;
    }
    if (!Files.isDirectory(p)) {
      return Files.size(p);
    }
    try (Stream<Path> walk = Files.walk(p)) {
      long total = 0;
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        total += Files.size(f);
      }
      return total;
    }
  }

  /** Deletes {@code dir} and everything below it, as far as it can (for temporary directories). */
  public static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary directory left behind is not worth failing for
    }
  }
}
