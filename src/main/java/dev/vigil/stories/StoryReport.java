package dev.vigil.stories;

import java.util.List;

/**
 * A story as analysts read it: title, extractive summary (as one text and as its sentences,
 * newest development first), its articles (ids, in the order they
 * joined), the span of their dates, a timeline of articles and events, the top actors and
 * places, the merged events with their sources, grades and denials, and the rating of each
 * source in it.
 */
public record StoryReport(
    long id, Long thread, String title, String summary, List<String> summarySentences,
    List<String> articles,
    String first, String last, List<TimelineEntry> timeline, List<Count> actors,
    List<Count> places, List<MergedEvent> events, List<SourceReliability.Rating> sources) {

  /** One dated line of the timeline: an article ({@code article} set) or a merged event. */
  public record TimelineEntry(String date, String kind, String article, String source, String text) {}

  /** A name and the number of the story's articles that mention it. */
  public record Count(String name, int articles) {}
}
