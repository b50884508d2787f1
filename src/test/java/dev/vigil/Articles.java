package dev.vigil;

import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Articles for store and index tests: made up, or real ones from the bundled demo corpus. */
public final class Articles {
  private Articles() {}

  public static AnalyzedArticle of(String id, String title, String text, String published) {
    return new AnalyzedArticle(
        new Article(id, null, "Test Wire", title, null, published, "en", text, "test:" + id,
            Instant.parse("2026-01-01T00:00:00Z")),
        Annotations.empty("en"));
  }

  /** The first {@code n} articles of the bundled Tehran Times demo corpus, unannotated. */
  @SuppressWarnings("unchecked")
  public static List<AnalyzedArticle> demo(int n) {
    List<AnalyzedArticle> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Articles.class.getResourceAsStream("/demo/tehran-times-demo.jsonl.gz")), StandardCharsets.UTF_8))) {
      for (String line; out.size() < n && (line = r.readLine()) != null; ) {
        Map<String, Object> m = Json.read(line, Map.class);
        out.add(new AnalyzedArticle(new Article((String) m.get("id"), (String) m.get("url"),
            (String) m.get("source"), (String) m.get("title"), null, null, "en",
            (String) m.get("text"), "demo", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(out.size())),
            Annotations.empty("en")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
