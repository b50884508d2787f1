package dev.vigil.cli;

import dev.vigil.extract.Extractor;
import dev.vigil.geo.Geocoder;
import dev.vigil.lang.LanguageDetector;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.nlp.Annotator;
import dev.vigil.nlp.CoreNlpAnnotator;
import dev.vigil.pipeline.ArticleAnalysis;
import dev.vigil.model.TextStage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
    return new ArticleAnalysis(extractor, annotator(), stages(), defaultSource, Clock.systemUTC());
  }

  /** What runs after the annotator, in order: entity linking, places, events. */
  private List<TextStage> stages() {
    List<TextStage> stages = new ArrayList<>();
    stages.add(Geocoder.bundled());
    return stages;
  }

  /** For {@code vigil extract}, which needs no annotator. */
  ArticleAnalysis extractionOnly() {
    Annotator none = (text, language, published) -> {
      throw new UnsupportedOperationException("extraction only");
    };
    return new ArticleAnalysis(extractor, none, null, Clock.systemUTC());
  }
}
