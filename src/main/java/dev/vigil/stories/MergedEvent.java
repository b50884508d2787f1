package dev.vigil.stories;

import dev.vigil.model.Event;
import java.util.List;

/**
 * One event as several articles of a story report it: the merged type, date (the most precise
 * given), place and actors; every report with its source and modality; the reports grouped
 * into independent sources; the denials that contest it (its claim/denial ledger); and its
 * Admiralty grade (null until graded).
 */
public record MergedEvent(
    String type, String acled, String date, Event.Place place, List<String> actors,
    List<Report> reports, List<List<String>> independentGroups, List<Denial> denials,
    Grade grade) {

  public MergedEvent {
    actors = List.copyOf(actors);
    reports = List.copyOf(reports);
    independentGroups = independentGroups.stream().map(List::copyOf).toList();
    denials = List.copyOf(denials);
  }

  /** One article's report of the event. */
  public record Report(String articleId, String source, String published, String modality,
      String sentence) {}

  /** A report that contests the event: who denies it, where, and in which words. */
  public record Denial(String articleId, String source, String by, String sentence) {}

  /** An Admiralty-style grade: reliability A-F, credibility 1-6, and why. */
  public record Grade(char reliability, int credibility, String explanation) {
    public String code() {
      return "" + reliability + credibility;
    }
  }

  public int independentSources() {
    return independentGroups.size();
  }

  MergedEvent withGrade(Grade g) {
    return new MergedEvent(type, acled, date, place, actors, reports, independentGroups, denials, g);
  }
}
