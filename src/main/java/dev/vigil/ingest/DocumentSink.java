package dev.vigil.ingest;

import dev.vigil.model.Failure;
import dev.vigil.model.RawDocument;

/** Where a source delivers what it reads. */
public interface DocumentSink {
  /** A document was read. May block to apply back-pressure. */
  void document(RawDocument document) throws InterruptedException;

  /** An input could not be read; the source goes on with the next one. */
  void failure(Failure failure);

  /** {@code bytes} more of the input have been consumed (for progress and time left). */
  default void consumed(long bytes) {}
}
