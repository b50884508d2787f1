package dev.vigil.cli;

import dev.vigil.ingest.DocumentSink;
import dev.vigil.ingest.FileSource;
import dev.vigil.ingest.InputFile;
import dev.vigil.model.Failure;
import dev.vigil.model.RawDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Reads inputs one document at a time, in order, for the commands that print per document. */
final class Inputs {
  /** Handles one document; may throw to report it as skipped. */
  interface Handler {
    void handle(RawDocument doc) throws Exception;
  }

  private Inputs() {}

  /**
   * Feeds every document of {@code paths} to {@code handler}, and every unreadable input (and
   * every document the handler throws for, with the exception's message) to {@code failures}.
   *
   * @return the number of inputs skipped
   */
  static int forEach(List<Path> paths, FileSource source, String stage, Handler handler,
      Consumer<Failure> failures) throws InterruptedException {
    int[] skipped = {0};
    Consumer<Failure> fail = f -> {
      skipped[0]++;
      failures.accept(f);
    };
    FileSource.Plan plan = source.plan(paths);
    plan.failures().forEach(fail);
    DocumentSink sink = new DocumentSink() {
      @Override
      public void document(RawDocument doc) {
        try {
          handler.handle(doc);
        } catch (Exception e) {
          fail.accept(new Failure(stage, doc.origin(), doc.line(),
              e.getMessage() == null ? e.toString() : e.getMessage()));
        }
      }

      @Override
      public void failure(Failure failure) {
        fail.accept(failure);
      }
    };
    for (InputFile file : plan.files()) {
      source.read(file, sink);
    }
    return skipped[0];
  }
}
