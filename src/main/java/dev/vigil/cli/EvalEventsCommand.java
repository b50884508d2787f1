package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.events.EventRules;
import dev.vigil.events.EventScores;
import dev.vigil.events.LabelledRelease;
import dev.vigil.events.LabelledSentence;
import dev.vigil.events.ReleaseScores;
import dev.vigil.events.ReleaseSummary;
import dev.vigil.geo.Gazetteer;
import dev.vigil.internal.Json;
import dev.vigil.model.TaggedText;
import dev.vigil.model.TextStage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil eval events FILE}: runs the annotator and the stages after it on each labelled
 * sentence and scores the events found (see {@link EventScores}), per split of the file and in
 * all.
 */
@Command(mixinStandardHelpOptions = true, name = "events", sortOptions = false,
    description = {
        "Score event extraction on labelled sentences (.jsonl: text, published, type,",
        "modality, date, place, killed, injured, captured, split; see",
        "src/test/resources/events/README.md): event type weighted F1 with per-type",
        "P/R/F1, and accuracy of modality, date, place and counts.",
        "With --press-releases: score whole dated press releases (event date exact,",
        "province right, killed and captured counts exact; see LabelledRelease).",
    })
final class EvalEventsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "0..1",
      description = "Labelled sentences, one JSON object per line.")
  Path file;

  @Option(names = "--press-releases", paramLabel = "FILE",
      description = "Labelled press releases (.jsonl) to score instead of sentences.")
  Path releases;

  @Option(names = "--split", paramLabel = "NAME",
      description = "Score only the lines of this split (e.g. dev, heldout).")
  String split;

  @Option(names = "--verbose", description = "List every error.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (releases != null) {
      return releases(out, err);
    }
    if (file == null) {
      err.println("vigil: give a labelled sentence FILE or --press-releases FILE");
      return ExitCodes.USAGE;
    }
    List<LabelledSentence> golds = new ArrayList<>();
    int skipped = readLabelled(file, LabelledSentence.class, "labelled sentence",
        LabelledSentence::split, err, golds);
    Components components = new Components();
    List<TextStage> stages = components.stages();
    Map<String, EventScores> bySplit = new LinkedHashMap<>();
    EventScores all = new EventScores();
    long started = System.nanoTime();
    for (LabelledSentence gold : golds) {
      TaggedText tagged = analyse(components, stages, gold.text(), gold.published());
      String name = gold.split() == null ? "all" : gold.split();
      bySplit.computeIfAbsent(name, k -> new EventScores()).add(gold, tagged.annotations().events());
      all.add(gold, tagged.annotations().events());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    for (var e : bySplit.entrySet()) {
      e.getValue().print(out, file.getFileName() + " [" + e.getKey() + "]", verbose);
    }
    if (bySplit.size() > 1) {
      all.print(out, file.getFileName() + " [all]", false);
    }
    out.printf("%d sentences in %.1f s%n", all.sentences(), seconds);
    return skipped > 0 ? ExitCodes.SKIPPED : ExitCodes.OK;
  }

  /**
   * Runs the annotator (with each release's date as published) and the stages after it on
   * whole press releases and scores their summaries, per split and in all.
   */
  private Integer releases(PrintWriter out, PrintWriter err) throws IOException {
    List<LabelledRelease> golds = new ArrayList<>();
    int skipped = readLabelled(releases, LabelledRelease.class, "labelled release",
        LabelledRelease::split, err, golds);
    Components components = new Components();
    EventRules rules = EventRules.load().withConventions("isaf");
    List<TextStage> stages = new ArrayList<>(components.stages());
    stages.set(stages.size() - 1, components.events(rules));
    Gazetteer gazetteer = Gazetteer.bundled();
    Map<String, ReleaseScores> bySplit = new LinkedHashMap<>();
    ReleaseScores all = new ReleaseScores();
    int n = 0;
    long started = System.nanoTime();
    for (LabelledRelease gold : golds) {
      TaggedText tagged = analyse(components, stages, gold.text(), gold.published());
      ReleaseSummary summary = ReleaseSummary.of(tagged, rules, gazetteer);
      String name = gold.split() == null ? "all" : gold.split();
      bySplit.computeIfAbsent(name, k -> new ReleaseScores()).add(gold, summary);
      all.add(gold, summary);
      n++;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    for (var e : bySplit.entrySet()) {
      e.getValue().print(out, releases.getFileName() + " [" + e.getKey() + "]", verbose);
    }
    if (bySplit.size() > 1) {
      all.print(out, releases.getFileName() + " [all]", false);
    }
    out.printf("%d releases in %.1f s%n", n, seconds);
    return skipped > 0 ? ExitCodes.SKIPPED : ExitCodes.OK;
  }

  /**
   * Reads the labelled lines of {@code path} of this command's split into {@code into}; a line
   * that is not a {@code type} is reported with the file and line number and skipped.
   *
   * @return how many lines were skipped as bad
   */
  private <T> int readLabelled(Path path, Class<T> type, String what, Function<T, String> splitOf,
      PrintWriter err, List<T> into) throws IOException {
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    int skipped = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      T gold;
      try {
        gold = Json.mapper().readValue(lines.get(i), type);
      } catch (JsonProcessingException e) {
        err.printf("vigil: %s:%d: not a %s: %s%n", path, i + 1, what, e.getOriginalMessage());
        skipped++;
        continue;
      }
      if (split == null || split.equals(splitOf.apply(gold))) {
        into.add(gold);
      }
    }
    return skipped;
  }

  /** The annotator (English, {@code published} as the reference date) and then every stage. */
  private static TaggedText analyse(Components components, List<TextStage> stages, String text,
      String published) {
    TaggedText tagged = components.annotator().tag(text, "en", published);
    for (TextStage stage : stages) {
      tagged = stage.apply(tagged);
    }
    return tagged;
  }
}
