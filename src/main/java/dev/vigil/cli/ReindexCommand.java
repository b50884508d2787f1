package dev.vigil.cli;

import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vigil reindex}: rebuild the Lucene index from the database. */
@Command(mixinStandardHelpOptions = true, name = "reindex",
    description = {
        "Rebuild the search index from the database.",
        "The database is the source of truth; deleting index/ and reindexing gives",
        "the same search results. Stop a running server first.",
    })
final class ReindexCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @CommandLine.Option(names = "--max-segments", paramLabel = "N",
      description = "Then merge the index down to at most N segments (worth it after a bulk load:"
          + " each search visits every segment; needs free disk of the index's size).")
  Integer maxSegments;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (maxSegments != null && maxSegments < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-segments must be at least 1");
    }
    Logging.toDataDir(data.dir);
    try (Store store = Store.open(data.dir)) {
      if (!store.index().writable()) {
        err.println("vigil: error: another Vigil process (a running server?) holds the index in "
            + data.dir + "; stop it first");
        return ExitCodes.ERROR;
      }
      long total = store.articles().count();
      long started = System.nanoTime();
      store.index().clear();
      long done = store.catchUpIndex(n -> {
        double s = (System.nanoTime() - started) / 1e9;
        double rate = s > 0 ? n / s : 0;
        String left = rate > 0 ? String.format(Locale.ROOT, ", %.0f s left", (total - n) / rate) : "";
        err.printf(Locale.ROOT, "\rreindex: %,d of %,d articles, %.0f/s%s   ", n, total, rate, left);
        err.flush();
      });
      err.println();
      double s = (System.nanoTime() - started) / 1e9;
      out.printf(Locale.ROOT, "Indexed %,d articles in %.1f s (%.0f articles/s).%n", done, s, s > 0 ? done / s : 0);
      if (maxSegments != null) {
        long t = System.nanoTime();
        err.printf(Locale.ROOT, "reindex: merging %d segments into at most %d...%n",
            store.index().segmentCount(), maxSegments);
        store.index().forceMerge(maxSegments);
        out.printf(Locale.ROOT, "Merged into %d segment%s in %.1f s.%n", store.index().segmentCount(),
            store.index().segmentCount() == 1 ? "" : "s", (System.nanoTime() - t) / 1e9);
      }
      return ExitCodes.OK;
    }
  }
}
