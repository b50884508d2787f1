package dev.vigil.stories;

import dev.vigil.model.Annotations;
import dev.vigil.model.EntityMention;
import dev.vigil.model.PlaceMention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Builds an article's {@link ArticleFeatures}: TF-IDF over the same English analysis as the
 * index's text field (so its terms are the index's terms), the embedding of the headline and
 * lead, and entity and place keys (linked id when there is one, else the lower-cased name).
 * Thread-safe.
 */
public final class FeatureBuilder {
  /** Terms kept per article: enough to find candidates, few enough for a fast query. */
  static final int TERMS = 30;
  private static final int ANALYSED_CHARS = 1500; // the lead: news puts the story first, page furniture last
  private static final int EMBEDDED_CHARS = 500;

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Embedder embedder; // null: clustering without embeddings

  public FeatureBuilder(Embedder embedder) {
    this.embedder = embedder;
  }

  /** The features of one article, embedding it on the way (see {@link #embedAll} for many). */
  public ArticleFeatures build(String id, long timeMs, String title, String text,
      Annotations annotations, CandidateSearch idf) {
    float[] embedding = embedder == null ? null : embedder.embed(embeddedText(title, text));
    return build(id, timeMs, title, text, annotations, idf, embedding);
  }

  /**
   * The embeddings of many articles' leads in one batch ({@code null} entries without an
   * embedder), for {@link #build(String, long, String, String, Annotations, CandidateSearch, float[])}:
   * a batch costs a fraction of one call per article.
   */
  public List<float[]> embedAll(List<String> titles, List<String> texts) {
    if (embedder == null) {
      return java.util.Collections.nCopies(titles.size(), null);
    }
    List<String> leads = new ArrayList<>(titles.size());
    for (int i = 0; i < titles.size(); i++) {
      leads.add(embeddedText(titles.get(i), texts.get(i)));
    }
    return embedder.embedAll(leads);
  }

  /** The features of one article whose embedding is already computed (may be null). */
  public ArticleFeatures build(String id, long timeMs, String title, String text,
      Annotations annotations, CandidateSearch idf, float[] embedding) {
    String head = title == null ? "" : title.strip();
    String body = bodyAfter(head, text);
    // the headline counts twice: it names the story most directly
    String analysed = head + "\n" + head + "\n" + body.substring(0, Math.min(body.length(), ANALYSED_CHARS));
    Map<String, Double> terms = tfidf(analysed, idf);
    Set<String> entities = new LinkedHashSet<>();
    Set<String> places = new LinkedHashSet<>();
    if (annotations != null) {
      for (EntityMention e : annotations.entities()) {
        if (!e.type().equals("LOCATION")) {
          entities.add(entityKey(e));
        }
      }
      for (PlaceMention p : annotations.places()) {
        places.add(placeKey(p));
      }
    }
    return new ArticleFeatures(id, timeMs, terms, embedding, entities, places);
  }

  /** The text whose embedding stands for the article: headline and lead. */
  static String embeddedText(String title, String text) {
    String head = title == null ? "" : title.strip();
    String lead = (head + ". " + bodyAfter(head, text)).strip();
    return lead.substring(0, Math.min(lead.length(), EMBEDDED_CHARS));
  }

  private static String bodyAfter(String head, String text) {
    String body = text == null ? "" : text.strip();
    return !head.isEmpty() && body.startsWith(head) ? body.substring(head.length()).strip() : body;
  }

  static String entityKey(EntityMention e) {
    if (e.id() != null) {
      return e.id();
    }
    return (e.name() != null ? e.name() : e.text()).toLowerCase(Locale.ROOT);
  }

  static String placeKey(PlaceMention p) {
    return (p.name() != null ? p.name() : p.text()).toLowerCase(Locale.ROOT);
  }

  /** Unit-length (1 + log tf) * idf weights of the top {@link #TERMS} terms. */
  Map<String, Double> tfidf(String text, CandidateSearch idf) {
    Map<String, Integer> tf = new HashMap<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        if (t.length() > 1 && !t.chars().allMatch(Character::isDigit)) {
          tf.merge(t, 1, Integer::sum);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse text", e);
    }
    Map<String, Double> weights = new HashMap<>();
    tf.forEach((t, n) -> weights.put(t, (1 + Math.log(n)) * idf.idf(t)));
    Map<String, Double> top = new LinkedHashMap<>();
    weights.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(TERMS)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    double n = Vectors.norm(top);
    if (n > 0) {
      top.replaceAll((t, w) -> w / n);
    }
    return top;
  }
}
