package dev.vigil.jmh;

import dev.vigil.stories.HeadlineCsv;
import dev.vigil.stories.MemoryClustering;
import dev.vigil.stories.MiniLmEmbedder;
import dev.vigil.stories.StoryClusterer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Story assignment of one headline: index it, build its features (terms, entities, MinHash),
 * find candidate stories and score them, join or found a story. The clusterer starts each
 * iteration holding the first 200 headlines of a UCI News Aggregator slice; each operation
 * adds the next of the remaining 100 (again and again, under new ids, so the stories grow
 * during an iteration as a busy story would). The MiniLM sentence embeddings are computed once
 * in setup, so the figure is the clustering's own cost; `vigil bench stories` measures the whole.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class StoryBenchmark {
  private static final int WARM = 200;

  private List<HeadlineCsv.Headline> headlines;
  private final Map<String, float[]> embeddings = new HashMap<>();
  private MiniLmEmbedder miniLm;
  private MemoryClustering clustering;
  private long added;

  @Setup(Level.Trial)
  public void loadHeadlines() throws IOException {
    Path csv = Files.createTempFile("uci-news-slice", ".csv");
    try {
      Files.write(csv, Fixtures.bytes("/stories/uci-news-slice.csv"));
      headlines = HeadlineCsv.read(csv, problem -> {
        throw new IllegalStateException(problem);
      });
    } finally {
      Files.delete(csv);
    }
    miniLm = new MiniLmEmbedder();
    warmStories(); // one pass over all headlines records every embedding the clusterer asks for
    for (HeadlineCsv.Headline h : headlines.subList(WARM, headlines.size())) {
      clustering.add(h.id(), h.timestampMs(), h.title(), "", null);
    }
    clustering.close();
  }

  @Setup(Level.Iteration)
  public void warmStories() {
    clustering = new MemoryClustering(new StoryClusterer(StoryClusterer.Settings.DEFAULT),
        text -> embeddings.computeIfAbsent(text, miniLm::embed));
    for (HeadlineCsv.Headline h : headlines.subList(0, WARM)) {
      clustering.add(h.id(), h.timestampMs(), h.title(), "", null);
    }
    added = 0;
  }

  @TearDown(Level.Iteration)
  public void close() {
    clustering.close();
  }

  @Benchmark
  public StoryClusterer.Assignment assign() {
    HeadlineCsv.Headline h = headlines.get(WARM + (int) (added % (headlines.size() - WARM)));
    added++;
    return clustering.add(h.id() + "-" + added, h.timestampMs(), h.title(), "", null);
  }
}
