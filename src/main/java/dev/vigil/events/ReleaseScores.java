package dev.vigil.events;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores release summaries against labelled press releases: the share whose event date is
 * exact (over releases with a release date to resolve against), whose province is one of the
 * gold provinces (over releases whose label names a province), and whose killed and captured
 * counts equal the data set's minimums.
 */
public final class ReleaseScores {
  private final List<String> errors = new ArrayList<>();
  private int releases;
  private int dated;
  private int dateRight;
  private int placed;
  private int provinceRight;
  private int killedRight;
  private int capturedRight;

  /** Adds one release. */
  public void add(LabelledRelease gold, ReleaseSummary got) {
    releases++;
    List<String> wrong = new ArrayList<>();
    if (gold.published() != null) {
      dated++;
      if (gold.startDate().equals(got.date())) {
        dateRight++;
      } else {
        wrong.add("date " + got.date() + " (gold " + gold.startDate() + ")");
      }
    }
    if (!gold.provinceCodes().isEmpty()) {
      placed++;
      if (got.province() != null && gold.provinceCodes().contains(got.province())) {
        provinceRight++;
      } else {
        wrong.add("province " + got.province() + " (gold " + gold.provinceCodes() + ")");
      }
    }
    if (got.killed() == gold.minKilled()) {
      killedRight++;
    } else {
      wrong.add("killed " + got.killed() + " (gold " + gold.minKilled() + ")");
    }
    if (got.captured() == gold.minCaptured()) {
      capturedRight++;
    } else {
      wrong.add("captured " + got.captured() + " (gold " + gold.minCaptured() + ")");
    }
    if (!wrong.isEmpty()) {
      errors.add(gold.id() + ": " + String.join("; ", wrong)
          + (got.main() == null ? "; no operation found" : "; main " + got.main().type()
              + " '" + got.main().trigger() + "' " + got.main().date() + " "
              + (got.main().place() == null ? null : got.main().place().name())));
    }
  }

  /** Prints the accuracies under {@code title}, and every error when {@code verbose}. */
  public void print(PrintWriter out, String title, boolean verbose) {
    out.printf("%s: %d releases%n", title, releases);
    out.printf(Locale.ROOT, "  event date exact    %.3f (%d/%d dated releases)%n",
        share(dateRight, dated), dateRight, dated);
    out.printf(Locale.ROOT, "  province right      %.3f (%d/%d releases with a gold province)%n",
        share(provinceRight, placed), provinceRight, placed);
    out.printf(Locale.ROOT, "  killed exact        %.3f (%d/%d)%n", share(killedRight, releases),
        killedRight, releases);
    out.printf(Locale.ROOT, "  captured exact      %.3f (%d/%d)%n", share(capturedRight, releases),
        capturedRight, releases);
    if (verbose) {
      errors.forEach(e -> out.println("  " + e));
    }
  }

  private static double share(int right, int of) {
    return of == 0 ? 0 : (double) right / of;
  }
}
