package dev.vigil.export;

import dev.vigil.internal.ArticleJson;
import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON Lines: one article per line with all its annotations, in the shape of
 * {@code vigil analyze} and {@code /api/v1/articles/{id}} (so the file can be read back by
 * {@code vigil ingest}, which keeps the ids).
 */
final class JsonlExporter implements Exporter {
  private final Writer out;

  JsonlExporter(Writer out) {
    this.out = out;
  }

  @Override
  public void add(AnalyzedArticle a) throws IOException {
    out.write(Json.write(ArticleJson.of(null, a.article(), a.annotations())));
    out.write('\n');
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
