package dev.vigil.flink;

import dev.vigil.events.EventExtractor;
import dev.vigil.events.EventRules;
import dev.vigil.extract.Extractor;
import dev.vigil.geo.Geocoder;
import dev.vigil.kb.ActorBase;
import dev.vigil.kb.EntityLinker;
import dev.vigil.lang.LanguageDetector;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.model.TextStage;
import dev.vigil.nlp.CoreNlpAnnotator;
import dev.vigil.nlp.CoreNlpSentenceParser;
import dev.vigil.pipeline.ArticleAnalysis;
import java.time.Clock;
import java.util.List;

/**
 * The analysis stages with their models (CoreNLP tagger and recognisers, dependency parser,
 * knowledge base, gazetteer), loaded once per JVM and shared by every task slot of a
 * TaskManager. Sharing is safe because {@link ArticleAnalysis} and its stages are thread-safe
 * (the single-machine ingest shares them across its workers too), and it matters: the models
 * are most of the process's memory (docs/flink.md), so a copy per slot would cap the slots of
 * a TaskManager by its memory instead of its cores.
 *
 * <p>The stage list mirrors {@code cli/Components.stages()}: entity linking, places, events.
 */
final class AnalysisModels {
  private static ArticleAnalysis shared; // guarded by the class lock

  private AnalysisModels() {
  }

  /** The shared analysis, loading the models on the first call (about 10 s). */
  static synchronized ArticleAnalysis get() {
    if (shared == null) {
      LanguageDetector languages = OpenNlpLanguageDetector.load();
      List<TextStage> stages = List.of(
          new EntityLinker(ActorBase.bundled()),
          Geocoder.bundled(),
          new EventExtractor(EventRules.load(), new CoreNlpSentenceParser()));
      shared = new ArticleAnalysis(Extractor.standard(languages), new CoreNlpAnnotator(languages),
          stages, null, Clock.systemUTC());
    }
    return shared;
  }
}
