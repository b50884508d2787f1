package dev.vigil.jmh;

import dev.vigil.extract.ExtractionException;
import dev.vigil.extract.Extractor;
import dev.vigil.lang.OpenNlpLanguageDetector;
import dev.vigil.model.ExtractedArticle;
import dev.vigil.model.RawDocument;
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
 * The extract stage on a captured news page (Polygraph.info, 46 KB of HTML): charset, DOM,
 * main content without boilerplate, title, dates, outlet, language.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ExtractBenchmark {
  private Extractor extractor;
  private RawDocument page;

  @Setup
  public void setUp() {
    extractor = Extractor.standard(OpenNlpLanguageDetector.load());
    page = new RawDocument("syria-refugees.html", null, RawDocument.Format.HTML,
        Fixtures.bytes("/fixtures/html/syria-refugees.html.gz"), RawDocument.Given.NONE);
  }

  @Benchmark
  public ExtractedArticle htmlMainContent() throws ExtractionException {
    return extractor.extract(page);
  }
}
