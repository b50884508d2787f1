package dev.vigil.cli;

import dev.vigil.corpus.TehranTimesCorpus;
import dev.vigil.dedup.CopyPairs;
import dev.vigil.dedup.Fingerprint;
import dev.vigil.dedup.NearDuplicateIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil eval dedup}: recall and false-positive rate of near-duplicate linking. */
@Command(mixinStandardHelpOptions = true, name = "dedup", sortOptions = false,
    description = {
        "Measure near-duplicate detection on pairs built from the Tehran Times corpus:",
        "an article and a perturbed copy (headline changed, paragraph trimmed, wire",
        "credit or unrelated paragraph added, words edited) must be linked; two",
        "different articles on the same topic must not. Prints recall, false-positive",
        "rate and pairs/s (fingerprinting both texts and deciding).",
    })
final class EvalDedupCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ARCHIVE", description = "tehran-times.tar.xz")
  Path archive;

  @Option(names = "--positives", defaultValue = "3000", description = "Copy pairs (default: ${DEFAULT-VALUE}).")
  int positives;

  @Option(names = "--negatives", defaultValue = "10000", description = "Distinct pairs (default: ${DEFAULT-VALUE}).")
  int negatives;

  @Option(names = "--threshold", description = "Least containment taken as a copy (default: the built-in one).")
  Double threshold;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<String> titles = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    TehranTimesCorpus.read(archive, a -> {
      titles.add(a.title());
      texts.add(a.text());
    });
    CopyPairs.Set_ set = CopyPairs.build(titles, texts, positives, negatives, seed);
    double t = threshold != null ? threshold : NearDuplicateIndex.DEFAULT_THRESHOLD;
    int tp = 0;
    int fn = 0;
    int fp = 0;
    int tn = 0;
    long started = System.nanoTime();
    for (CopyPairs.Pair p : set.pairs()) {
      boolean linked = NearDuplicateIndex.isCopy(Fingerprint.of(p.textA()), Fingerprint.of(p.textB()), t);
      if (p.copy()) {
        if (linked) {
          tp++;
        } else {
          fn++;
        }
      } else if (linked) {
        fp++;
      } else {
        tn++;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(Locale.ROOT, "corpus: %,d articles; pairs: %,d copies, %,d distinct same-topic"
        + " (%,d candidate negatives left out: the corpus's own copies)%n",
        texts.size(), tp + fn, fp + tn, set.excludedCorpusCopies());
    out.printf(Locale.ROOT, "threshold (containment): %.2f%n", t);
    out.printf(Locale.ROOT, "recall: %.2f%% (%d of %d copies linked)%n", 100.0 * tp / Math.max(1, tp + fn), tp, tp + fn);
    out.printf(Locale.ROOT, "false-positive rate: %.2f%% (%d of %d distinct pairs linked)%n",
        100.0 * fp / Math.max(1, fp + tn), fp, fp + tn);
    out.printf(Locale.ROOT, "speed: %,.0f pairs/s (two fingerprints and a decision per pair, one thread)%n",
        set.pairs().size() / seconds);
    return ExitCodes.OK;
  }
}
