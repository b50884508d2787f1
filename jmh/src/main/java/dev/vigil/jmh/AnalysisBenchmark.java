package dev.vigil.jmh;

import dev.vigil.events.EventExtractor;
import dev.vigil.events.EventRules;
import dev.vigil.geo.Geocoder;
import dev.vigil.kb.ActorBase;
import dev.vigil.kb.EntityLinker;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.model.Dependency;
import dev.vigil.model.SentenceParser;
import dev.vigil.model.TaggedSentence;
import dev.vigil.model.TaggedText;
import dev.vigil.nlp.CoreNlpAnnotator;
import dev.vigil.nlp.CoreNlpSentenceParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The annotate stage and the stages after it on one article (the seed report: about 4,000
 * characters), each measured alone on the real output of the stage before it:
 * CoreNLP tagging and NER, actor linking, geocoding, and event rule matching. The event rules
 * are measured with the dependency parses recorded once in setup, so the figure is the rules'
 * own cost; {@code eventsWithParser} adds the parser, as the pipeline runs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class AnalysisBenchmark {
  private String text;
  private CoreNlpAnnotator annotator;
  private EntityLinker linker;
  private Geocoder geocoder;
  private EventExtractor eventRules;
  private EventExtractor eventsWithParser;
  private TaggedText tagged;
  private TaggedText linked;
  private TaggedText placed;

  @Setup
  public void setUp() {
    text = Fixtures.text(Fixtures.SEED);
    annotator = new CoreNlpAnnotator(OpenNlpLanguageDetector.load());
    linker = new EntityLinker(ActorBase.bundled());
    geocoder = Geocoder.bundled();
    SentenceParser parser = new CoreNlpSentenceParser();
    eventsWithParser = new EventExtractor(EventRules.load(), parser);
    eventRules = new EventExtractor(EventRules.load(), new RecordedParses(parser));
    tagged = annotator.tag(text, "en", "2025-11-19");
    linked = linker.apply(tagged);
    placed = geocoder.apply(linked);
    eventRules.apply(placed); // records the parses
  }

  @Benchmark
  public TaggedText annotate() {
    return annotator.tag(text, "en", "2025-11-19");
  }

  @Benchmark
  public TaggedText linkActors() {
    return linker.apply(tagged);
  }

  @Benchmark
  public TaggedText geocode() {
    return geocoder.apply(linked);
  }

  @Benchmark
  public TaggedText eventRules() {
    return eventRules.apply(placed);
  }

  @Benchmark
  public TaggedText eventsWithParser() {
    return eventsWithParser.apply(placed);
  }

  /** The real parser's output for each sentence it was asked for, parsed once. */
  private static final class RecordedParses implements SentenceParser {
    private final SentenceParser parser;
    private final Map<TaggedSentence, List<Dependency>> parses = new ConcurrentHashMap<>();

    RecordedParses(SentenceParser parser) {
      this.parser = parser;
    }

    @Override
    public List<Dependency> parse(TaggedSentence sentence) {
      return parses.computeIfAbsent(sentence, parser::parse);
    }
  }
}
