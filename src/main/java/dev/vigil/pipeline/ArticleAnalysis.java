package dev.vigil.pipeline;

import dev.vigil.extract.ExtractionException;
import dev.vigil.extract.Extractor;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.TaggedText;
import dev.vigil.model.TextStage;
import dev.vigil.model.Article;
import dev.vigil.model.ExtractedArticle;
import dev.vigil.model.RawDocument;
import dev.vigil.nlp.Annotator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One document through extract and annotate: the article with its stable id, source and
 * annotations. Thread-safe; shared by the ingest workers and {@code vigil analyze}.
 */
public final class ArticleAnalysis {
  private static final int FALLBACK_TITLE_CHARS = 120;

  private final Extractor extractor;
  private final Annotator annotator;
  private final List<TextStage> stages;
  private final String defaultSource;
  private final Clock clock;

  /**
   * @param defaultSource the source named for documents that declare none (null: none)
   */
  public ArticleAnalysis(Extractor extractor, Annotator annotator, String defaultSource, Clock clock) {
    this(extractor, annotator, List.of(), defaultSource, clock);
  }

  /**
   * @param stages what runs after the annotator, in order (entity linking, places, events)
   * @param defaultSource the source named for documents that declare none (null: none)
   */
  public ArticleAnalysis(Extractor extractor, Annotator annotator, List<TextStage> stages,
      String defaultSource, Clock clock) {
    this.extractor = extractor;
    this.annotator = annotator;
    this.stages = List.copyOf(stages);
    this.defaultSource = defaultSource;
    this.clock = clock;
  }

  public Extractor extractor() {
    return extractor;
  }

  public Annotator annotator() {
    return annotator;
  }

  /** Extracts only, for {@code vigil extract}. */
  public ExtractedArticle extract(RawDocument doc) throws ExtractionException {
    return extractor.extract(doc);
  }

  /**
   * @param published overrides the publication date the document gives (null: keep it)
   * @throws ExtractionException if the document holds no article
   */
  public AnalyzedArticle analyze(RawDocument doc, String published) throws ExtractionException {
    ExtractedArticle ex = extractor.extract(doc);
    String date = published != null ? published : ex.published();
    String title = ex.title() != null ? ex.title() : fallbackTitle(ex.text());
    Article article = new Article(idFor(doc.given(), ex), ex.url(), sourceFor(doc.given(), ex),
        title, ex.byline(), date, ex.language(), ex.text(), doc.where(), clock.instant());
    TaggedText tagged = annotator.tag(ex.text(), ex.language(), date);
    for (TextStage stage : stages) {
      tagged = stage.apply(tagged);
    }
    return new AnalyzedArticle(article, tagged.annotations());
  }

  /**
   * The article's id: the one the input gave; else derived from its URL (so a page fetched
   * again is the same article); else from its title and text (so the same file ingested twice
   * is stored once).
   */
  static String idFor(RawDocument.Given given, ExtractedArticle ex) {
    if (given.id() != null && !given.id().isBlank()) {
      return given.id().strip();
    }
    if (ex.url() != null && !ex.url().isBlank()) {
      return shortHash("url\n" + withoutFragment(ex.url().strip()));
    }
    return shortHash("text\n" + collapse(ex.title()) + "\n" + collapse(ex.text()));
  }

  private String sourceFor(RawDocument.Given given, ExtractedArticle ex) {
    if (given.source() != null && !given.source().isBlank()) {
      return given.source().strip();
    }
    if (ex.siteName() != null) {
      return ex.siteName();
    }
    if (defaultSource != null) {
      return defaultSource;
    }
    if (ex.url() != null) {
      try {
        String host = URI.create(ex.url().strip()).getHost();
        if (host != null) {
          return host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        }
      } catch (IllegalArgumentException ignored) {
        // not a URL we can name a host for
      }
    }
    return null;
  }

  /** The first sentence (or its beginning) when the input has no title. */
  static String fallbackTitle(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    int end = flat.length();
    for (int i = 0; i < flat.length() - 1; i++) {
      char c = flat.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && flat.charAt(i + 1) == ' ' && i > 20) {
        end = i + 1;
        break;
      }
    }
    String first = flat.substring(0, end);
    if (first.length() <= FALLBACK_TITLE_CHARS) {
      return first;
    }
    int cut = first.lastIndexOf(' ', FALLBACK_TITLE_CHARS);
    return first.substring(0, cut > FALLBACK_TITLE_CHARS / 2 ? cut : FALLBACK_TITLE_CHARS) + " …";
  }

  private static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  private static String collapse(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }

  private static String shortHash(String s) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
