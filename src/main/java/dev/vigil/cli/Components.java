package dev.vigil.cli;

import dev.vigil.events.EventExtractor;
import dev.vigil.events.EventRules;
import dev.vigil.extract.Extractor;
import dev.vigil.geo.Geocoder;
import dev.vigil.kb.ActorBase;
import dev.vigil.kb.EntityLinker;
import dev.vigil.lang.LanguageDetector;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.nlp.Annotator;
import dev.vigil.nlp.CoreNlpAnnotator;
import dev.vigil.nlp.CoreNlpSentenceParser;
import dev.vigil.pipeline.ArticleAnalysis;
import dev.vigil.sources.SourceRegistry;
import dev.vigil.stories.SourcePriors;
import dev.vigil.model.TextStage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The wiring of the analysis stages: built once per process, in plain code. */
final class Components {
  private final LanguageDetector languages = OpenNlpLanguageDetector.load();
  private final Extractor extractor = Extractor.standard(languages);
  private final Path dataDir;
  private final List<dev.vigil.kb.Actor> kbEdits;
  private Annotator annotator; // CoreNLP takes a moment to load; only commands that annotate pay
  private EntityLinker linker;
  private EventExtractor events; // the dependency parser too

  /** Without a data directory: the bundled knowledge base only. */
  Components() {
    this(null);
  }

  /** With the user's additions to the knowledge base from {@code dataDir/kb.yaml}, if any. */
  Components(Path dataDir) {
    this(dataDir, List.of());
  }

  /**
   * With {@code dataDir/kb.yaml} and the analysts' knowledge-base entries from the store
   * ({@code store.kb().entries()}, as they are now) laid over it.
   */
  Components(Path dataDir, List<dev.vigil.kb.Actor> kbEdits) {
    this.dataDir = dataDir;
    this.kbEdits = List.copyOf(kbEdits);
  }

  /** The extract stage alone, for the commands that measure it. */
  Extractor extractor() {
    return extractor;
  }

  synchronized Annotator annotator() {
    if (annotator == null) {
      annotator = new CoreNlpAnnotator(languages);
    }
    return annotator;
  }

  ArticleAnalysis analysis(String defaultSource) {
    return new ArticleAnalysis(extractor, annotator(), stages(), defaultSource, Clock.systemUTC());
  }

  synchronized EventExtractor events() {
    if (events == null) {
      events = new EventExtractor(EventRules.load(), new CoreNlpSentenceParser());
    }
    return events;
  }

  /** An events stage with other rules (another data set's counting conventions), for evals. */
  EventExtractor events(EventRules rules) {
    return new EventExtractor(rules, new CoreNlpSentenceParser());
  }

  /** What runs after the annotator, in order: entity linking, places, events. */
  List<TextStage> stages() {
    List<TextStage> stages = new ArrayList<>();
    stages.add(linker());
    stages.add(Geocoder.bundled());
    stages.add(events());
    return stages;
  }

  synchronized EntityLinker linker() {
    if (linker == null) {
      linker = new EntityLinker(ActorBase.load(dataDir).with(kbEdits));
    }
    return linker;
  }

  /** For {@code vigil extract}, which needs no annotator. */
  ArticleAnalysis extractionOnly() {
    Annotator none = (text, language, published) -> {
      throw new UnsupportedOperationException("extraction only");
    };
    return new ArticleAnalysis(extractor, none, null, Clock.systemUTC());
  }

  /**
   * The source registry (bundled, plus the data directory's sources.yaml) as the priors that
   * source reliability starts from.
   */
  static SourcePriors sourcePriors(Path dataDir) {
    SourceRegistry registry = dataDir == null ? SourceRegistry.bundled() : SourceRegistry.load(dataDir);
    return SourcePriors.of(registry);
  }
}
