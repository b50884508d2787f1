package dev.vigil;

import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.Event;
import dev.vigil.model.PlaceMention;
import dev.vigil.model.Sentence;
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

  /**
   * An article about the Tajik-Afghan border with two resolved places and one placed event, as
   * the analysis stages would store it.
   */
  public static AnalyzedArticle placed(String id) {
    String text = "Tajik border guards clashed with smugglers in Khatlon on Monday, officials in"
        + " Dushanbe said.";
    int khatlon = text.indexOf("Khatlon");
    int dushanbe = text.indexOf("Dushanbe");
    List<PlaceMention> places = List.of(
        new PlaceMention("Khatlon", "Khatlon Region", "admin1", "TJ", 37.9, 69.0, 80.0,
            khatlon, khatlon + 7),
        new PlaceMention("Dushanbe", "Dushanbe", "city", "TJ", 38.54, 68.78, 10.0,
            dushanbe, dushanbe + 8));
    Event clash = new Event("armed_clash", "Armed clash", "asserted", "2025-11-17",
        new Event.Place("Khatlon Region", 37.9, 69.0),
        List.of(new Event.Actor("actor", "Tajik border guards")), null, null, null,
        text, 0, text.length());
    Annotations ann = new Annotations("en", List.of(new Sentence(0, text.length())), List.of(),
        places, List.of(), List.of(), List.of(clash), List.of("border_security"));
    return new AnalyzedArticle(new Article(id, null, "Test Wire", "Clash on the border", null,
        "2025-11-18", "en", text, "test:" + id, Instant.parse("2026-01-01T00:00:00Z")), ann);
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
