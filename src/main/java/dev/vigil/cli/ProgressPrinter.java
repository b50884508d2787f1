package dev.vigil.cli;

import dev.vigil.model.Failure;
import dev.vigil.pipeline.IngestListener;
import dev.vigil.pipeline.IngestProgress;
import dev.vigil.store.WriteOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Shows an ingest run to the user: each skipped input on standard error as it happens, a
 * progress line (articles, share of input, rate, time left) rewritten in place on a terminal
 * or printed every few seconds otherwise, and with {@code --verbose} one line per article on
 * standard output once it is committed.
 */
final class ProgressPrinter implements IngestListener {
  private static final long LINE_EVERY_NANOS = 5_000_000_000L;

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean verbose;
  private final boolean quiet;
  private final boolean terminal;
  private long lastLine;
  private boolean lineOpen;

  /**
   * @param quiet no progress lines (failures and verbose lines are still printed)
   * @param terminal standard error is a terminal: rewrite one line in place
   */
  ProgressPrinter(PrintWriter out, PrintWriter err, boolean verbose, boolean quiet, boolean terminal) {
    this.out = out;
    this.err = err;
    this.verbose = verbose;
    this.quiet = quiet;
    this.terminal = terminal;
  }

  @Override
  public synchronized void failed(Failure failure) {
    clearLine();
    err.println("vigil: skipped " + failure);
    err.flush();
  }

  @Override
  public synchronized void stored(List<WriteOutcome> outcomes) {
    if (!verbose) {
      return;
    }
    clearLine();
    for (WriteOutcome o : outcomes) {
      out.println(o.status().name().toLowerCase(Locale.ROOT) + " " + o.id() + " " + o.origin());
    }
    out.flush();
  }

  @Override
  public synchronized void progress(IngestProgress p) {
    if (quiet) {
      return;
    }
    String line = format(p);
    if (terminal) {
      err.print("\r" + line + "\u001b[K");
      lineOpen = !p.finished();
      if (p.finished()) {
        err.println();
      }
      err.flush();
    } else if (p.finished() || System.nanoTime() - lastLine >= LINE_EVERY_NANOS) {
      lastLine = System.nanoTime();
      err.println(line);
      err.flush();
    }
  }

  private void clearLine() {
    if (terminal && lineOpen) {
      err.print("\r\u001b[K");
      lineOpen = false;
    }
  }

  static String format(IngestProgress p) {
    StringBuilder b = new StringBuilder("ingest: ");
    b.append(String.format(Locale.ROOT, "%,d articles", p.articles()));
    if (p.bytesTotal() > 0) {
      b.append(String.format(Locale.ROOT, ", %.1f of %.1f MB (%.0f%%)",
          p.bytesDone() / 1048576.0, p.bytesTotal() / 1048576.0, 100 * p.share()));
    }
    b.append(String.format(Locale.ROOT, ", %.1f articles/s", p.rate()));
    if (p.steadyRate() > 0) {
      b.append(String.format(Locale.ROOT, " (%.1f/s after start-up)", p.steadyRate()));
    }
    if (p.skipped() > 0) {
      b.append(String.format(Locale.ROOT, ", %,d skipped", p.skipped()));
    }
    Duration left = p.remaining();
    if (p.finished()) {
      b.append(", done in ").append(human(p.elapsed()));
    } else if (left != null) {
      b.append(", ").append(human(left)).append(" left");
    }
    return b.toString();
  }

  static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
