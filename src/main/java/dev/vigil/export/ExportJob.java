package dev.vigil.export;

import dev.vigil.model.AnalyzedArticle;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One export: every article a source yields that the filter keeps, through one exporter, to a
 * writer. The source pushes articles one at a time, so nothing is held but the current one.
 */
public final class ExportJob {
  /** What an export reports when it is done. */
  public record Result(long articles, long events) {}

  private ExportJob() {}

  /**
   * @param source calls its argument once per article, in order
   * @param keep which articles (by id) to export
   */
  public static Result run(Exporter.Format format, ExportOptions options,
      Consumer<Consumer<AnalyzedArticle>> source, Predicate<String> keep, Writer out)
      throws IOException {
    long[] counts = new long[2];
    try (Exporter exporter = Exporter.create(format, out, options)) {
      source.accept(a -> {
        if (!keep.test(a.article().id())) {
          return;
        }
        try {
          exporter.add(a);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        counts[0]++;
        counts[1] += a.annotations().events().size();
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new Result(counts[0], counts[1]);
  }
}
