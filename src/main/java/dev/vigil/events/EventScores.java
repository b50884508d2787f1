package dev.vigil.events;

import dev.vigil.geo.Gazetteer;
import dev.vigil.model.Event;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scores predicted events against labelled sentences. A sentence's predicted label is its main
 * event: the first frame (denial, accusation, responsibility claim, threat warning) if it has
 * one, else its first event; "none" when it has no event. Event type is scored by per-type
 * precision, recall and F1 and their support-weighted mean over the gold types ("none" is not a
 * type: an event predicted for a sentence without one is a false positive of its type).
 * Modality, date, place and counts are accuracies over the sentences whose type was right.
 */
public final class EventScores {
  private final Map<String, int[]> perType = new TreeMap<>(); // tp, fp, fn
  private final List<String> errors = new ArrayList<>();
  private int sentences;
  private int typed;
  private int modalityRight;
  private int dateRight;
  private int datesGiven;
  private int datesGivenRight;
  private int placeRight;
  private int placesGiven;
  private int placesGivenRight;
  private int countsRight;
  private int countsGiven;
  private int countsGivenRight;

  /** The main event of a sentence's events, or null. */
  public static Event main(List<Event> events) {
    return events.stream().filter(e -> FRAMES.contains(e.type())).findFirst()
        .orElse(events.isEmpty() ? null : events.get(0));
  }

  private static final List<String> FRAMES =
      List.of("denial", "responsibility_claim", "accusation", "threat_warning");

  /** Adds one sentence: its gold labels and the events predicted for it. */
  public void add(LabelledSentence gold, List<Event> predicted) {
    sentences++;
    Event main = main(predicted);
    String predictedType = main == null ? null : main.type();
    if (gold.type() != null) {
      cell(gold.type())[Objects.equals(predictedType, gold.type()) ? 0 : 2]++;
    }
    if (predictedType != null && !predictedType.equals(gold.type())) {
      cell(predictedType)[1]++;
    }
    if (!Objects.equals(predictedType, gold.type())) {
      errors.add(gold.id() + "\ttype " + gold.type() + " -> " + predictedType
          + (main == null ? "" : " [" + main.trigger() + "]") + "\t" + gold.text());
      return;
    }
    if (gold.type() == null) {
      return;
    }
    typed++;
    if (Objects.equals(main.modality(), gold.modality())) {
      modalityRight++;
    } else {
      errors.add(gold.id() + "\tmodality " + gold.modality() + " -> " + main.modality() + "\t"
          + gold.text());
    }
    boolean date = Objects.equals(main.date(), gold.date());
    dateRight += date ? 1 : 0;
    if (gold.date() != null) {
      datesGiven++;
      datesGivenRight += date ? 1 : 0;
    }
    if (!date) {
      errors.add(gold.id() + "\tdate " + gold.date() + " -> " + main.date() + "\t" + gold.text());
    }
    String place = main.place() == null ? null : main.place().name();
    boolean placeOk = samePlace(gold.place(), place);
    placeRight += placeOk ? 1 : 0;
    if (gold.place() != null) {
      placesGiven++;
      placesGivenRight += placeOk ? 1 : 0;
    }
    if (!placeOk) {
      errors.add(gold.id() + "\tplace " + gold.place() + " -> " + place + "\t" + gold.text());
    }
    Integer[] counts = counts(predicted);
    boolean countsOk = Objects.equals(counts[0], gold.killed())
        && Objects.equals(counts[1], gold.injured()) && Objects.equals(counts[2], gold.captured());
    countsRight += countsOk ? 1 : 0;
    if (gold.killed() != null || gold.injured() != null || gold.captured() != null) {
      countsGiven++;
      countsGivenRight += countsOk ? 1 : 0;
    }
    if (!countsOk) {
      errors.add(gold.id() + "\tcounts k/i/c " + gold.killed() + "/" + gold.injured() + "/"
          + gold.captured() + " -> " + counts[0] + "/" + counts[1] + "/" + counts[2] + "\t"
          + gold.text());
    }
  }

  /** The sentence's counts: for each, the first event that gives it. */
  private static Integer[] counts(List<Event> events) {
    Integer[] c = new Integer[3];
    for (Event e : events) {
      c[0] = c[0] != null ? c[0] : e.killed();
      c[1] = c[1] != null ? c[1] : e.injured();
      c[2] = c[2] != null ? c[2] : e.captured();
    }
    return c;
  }

  /**
   * Same place when both are absent or one name contains the other ("Badakhshan Province"),
   * ignoring case and accents (the gazetteer's "Asadābād" is the text's "Asadabad").
   */
  static boolean samePlace(String gold, String predicted) {
    if (gold == null || predicted == null) {
      return gold == null && predicted == null;
    }
    String g = Gazetteer.normalize(gold);
    String p = Gazetteer.normalize(predicted);
    return g.contains(p) || p.contains(g);
  }

  private int[] cell(String type) {
    return perType.computeIfAbsent(type, t -> new int[3]);
  }

  /** Support-weighted F1 over the gold types. */
  public double weightedF1() {
    double sum = 0;
    int support = 0;
    for (int[] c : perType.values()) {
      int s = c[0] + c[2];
      sum += s * f1(c);
      support += s;
    }
    return support == 0 ? 0 : sum / support;
  }

  public int sentences() {
    return sentences;
  }

  /** Share of correctly typed events whose modality is right. */
  public double modalityAccuracy() {
    return ratio(modalityRight, typed);
  }

  private static double f1(int[] c) {
    double p = ratio(c[0], c[0] + c[1]);
    double r = ratio(c[0], c[0] + c[2]);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }

  /** Prints the figures; with {@code verbose}, every error too. */
  public void print(PrintWriter out, String title, boolean verbose) {
    out.printf("%s: %d sentences, %d typed right with an event%n", title, sentences, typed);
    out.printf("  event type weighted F1  %.3f%n", weightedF1());
    out.printf("  modality accuracy       %.3f (%d/%d)%n", modalityAccuracy(), modalityRight, typed);
    out.printf("  date accuracy           %.3f (%d/%d); where the gold has a date %.3f (%d/%d)%n",
        ratio(dateRight, typed), dateRight, typed, ratio(datesGivenRight, datesGiven),
        datesGivenRight, datesGiven);
    out.printf("  place accuracy          %.3f (%d/%d); where the gold has a place %.3f (%d/%d)%n",
        ratio(placeRight, typed), placeRight, typed, ratio(placesGivenRight, placesGiven),
        placesGivenRight, placesGiven);
    out.printf("  counts exact            %.3f (%d/%d); where the gold has a count %.3f (%d/%d)%n",
        ratio(countsRight, typed), countsRight, typed, ratio(countsGivenRight, countsGiven),
        countsGivenRight, countsGiven);
    out.printf("  %-36s %5s %5s %5s %7s%n", "type", "P", "R", "F1", "support");
    for (var e : perType.entrySet()) {
      int[] c = e.getValue();
      out.printf("  %-36s %5.2f %5.2f %5.2f %7d%n", e.getKey(), ratio(c[0], c[0] + c[1]),
          ratio(c[0], c[0] + c[2]), f1(c), c[0] + c[2]);
    }
    if (verbose) {
      errors.forEach(e -> out.println("  ERR " + e));
    }
  }
}
