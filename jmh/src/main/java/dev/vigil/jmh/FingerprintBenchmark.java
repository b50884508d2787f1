package dev.vigil.jmh;

import dev.vigil.dedup.Fingerprint;
import dev.vigil.stories.MinHash;
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
 * MinHash signatures of one article's text (the seed report, about 4,000 characters): the
 * near-duplicate fingerprint of the dedup stage and the story stage's signature.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class FingerprintBenchmark {
  private String text;

  @Setup
  public void setUp() {
    text = Fixtures.text(Fixtures.SEED);
  }

  @Benchmark
  public Fingerprint dedupFingerprint() {
    return Fingerprint.of(text);
  }

  @Benchmark
  public long[] storyMinHash() {
    return MinHash.signature(text);
  }
}
