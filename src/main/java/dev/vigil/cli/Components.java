package dev.vigil.cli;

import dev.vigil.extract.Extractor;
import dev.vigil.lang.LanguageDetector;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.nlp.Annotator;
import dev.vigil.nlp.CoreNlpAnnotator;
import dev.vigil.pipeline.ArticleAnalysis;
import java.time.Clock;

/** The wiring of the analysis stages: built once per process, in plain code. */
final class Components {
  private final LanguageDetector languages = OpenNlpLanguageDetector.load();
  private final Extractor extractor = Extractor.standard(languages);
  private Annotator annotator; // CoreNLP takes a moment to load; only commands that annotate pay

  synchronized Annotator annotator() {
    if (annotator == null) {
      annotator = new CoreNlpAnnotator(languages);
    }
    return annotator;
  }

  ArticleAnalysis analysis(String defaultSource) {
    return new ArticleAnalysis(extractor, annotator(), defaultSource, Clock.systemUTC());
  }

  /** For {@code vigil extract}, which needs no annotator. */
  ArticleAnalysis extractionOnly() {
    return new ArticleAnalysis(extractor, (text, language, published) -> {
      throw new UnsupportedOperationException("extraction only");
    }, null, Clock.systemUTC());
  }
}
