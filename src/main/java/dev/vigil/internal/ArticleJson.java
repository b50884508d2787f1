package dev.vigil.internal;

import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.Claim;
import dev.vigil.model.IsoDates;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An article with its annotations in the JSON shape of DESIGN.md ({@code vigil analyze} and
 * the API): the fields of the contract first, in its order, then Vigil's additions.
 */
public final class ArticleJson {
  private ArticleJson() {}

  /**
   * @param file the input file for {@code vigil analyze}, or null for stored articles
   */
  public static Map<String, Object> of(String file, Article a, Annotations ann) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (file != null) {
      m.put("file", file);
    }
    m.put("id", a.id());
    m.put("title", a.title());
    m.put("published", a.published());
    m.put("language", ann.language() != null ? ann.language() : a.language());
    m.put("text", a.text());
    m.put("entities", ann.entities());
    m.put("places", ann.places());
    m.put("times", ann.times());
    m.put("quotes", ann.quotes());
    m.put("events", ann.events());
    m.put("categories", ann.categories());
    m.put("notes", ann.notes());
    m.put("categoryEvidence", ann.categoryEvidence());
    m.put("claims", Claim.ledger(ann.events()));
    m.put("sentences", ann.sentences());
    m.put("source", a.source());
    m.put("url", a.url());
    m.put("byline", a.byline());
    if (file == null) {
      m.put("origin", a.origin());
      m.put("ingested", IsoDates.format(a.ingested()));
    }
    return m;
  }
}
