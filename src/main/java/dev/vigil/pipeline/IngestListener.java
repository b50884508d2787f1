package dev.vigil.pipeline;

import dev.vigil.model.Failure;
import dev.vigil.store.WriteOutcome;
import java.util.List;

/** Hears what an ingest run does, as it does it. Called from the pipeline's threads. */
public interface IngestListener {
  /** An input was skipped; the run goes on. */
  default void failed(Failure failure) {}

  /** A batch was committed: these articles are durably stored. */
  default void stored(List<WriteOutcome> outcomes) {}

  /** Called about once a second, and once at the end. */
  default void progress(IngestProgress progress) {}
}
