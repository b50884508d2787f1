package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestProgressTest {
  @Test
  void theRateAfterStartUpLeavesOutTheTimeBeforeTheFirstCommit() {
    // 20 s of model loading and the first batch of 10, then 90 more articles in 10 s
    IngestProgress p = new IngestProgress(0, 0, 100, 0, Duration.ofSeconds(30), false, 10,
        Duration.ofSeconds(20));
    assertThat(p.rate()).isEqualTo(100 / 30.0);
    assertThat(p.steadyRate()).isEqualTo(9.0);
  }

  @Test
  void beforeTheFirstCommitThereIsNoRateAfterStartUp() {
    IngestProgress p = new IngestProgress(0, 0, 0, 0, Duration.ofSeconds(5), false, 0, null);
    assertThat(p.steadyRate()).isZero();
  }
}
