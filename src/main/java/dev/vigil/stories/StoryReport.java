package dev.vigil.stories;

import java.util.List;
import java.util.Map;

/**
 * A story as analysts read it: title, extractive summary (as one text and as its sentences,
 * newest development first), its articles (ids, in the order they
 * joined), the span of their dates, a timeline of articles and events, the top actors and
 * places, the merged events with their sources, grades and denials, and the rating of each
 * source in it.
 *
 * <p>For the dashboard it also carries how many independent sources it has and how many of its
 * articles only repeat one ({@code copies}: same outlet, same owner, same wire credit or
 * near-copy text), the mix of its sources' reliability labels, its categories, the countries
 * (ISO 3166 alpha-2) of at least a quarter of its articles and their UN subregions, when each
 * article arrived and whether it brought a new independent source ({@code arrivals}, the input
 * of the {@link Trends.Trend}), its trend, and the stories most related to it
 * ({@code related}; null where not computed, as in lists).
 */
public record StoryReport(
    long id, Long thread, String title, String summary, List<String> summarySentences,
    List<String> articles,
    String first, String last, List<TimelineEntry> timeline, List<Count> actors,
    List<Count> places, List<MergedEvent> events, List<SourceReliability.Rating> sources,
    int independentSources, int copies, Map<String, Integer> reliabilityMix,
    List<Count> categories, List<String> countries, List<String> regions,
    List<Arrival> arrivals, Trends.Trend trend, List<RelatedStories.Related> related) {

  /** One dated line of the timeline: an article ({@code article} set) or a merged event. */
  public record TimelineEntry(String date, String kind, String article, String source, String text) {}

  /** A name and the number of the story's articles that mention it. */
  public record Count(String name, int articles) {}

  /**
   * One article of the story in time order: its publication date (ISO 8601, null when the
   * article has none) and whether it is the first article of an independent source.
   */
  public record Arrival(String article, String published, boolean newSource) {}

  /** This report with {@code t} as its trend. */
  public StoryReport withTrend(Trends.Trend t) {
    return new StoryReport(id, thread, title, summary, summarySentences, articles, first, last,
        timeline, actors, places, events, sources, independentSources, copies, reliabilityMix,
        categories, countries, regions, arrivals, t, related);
  }

  /** This report with {@code r} as its related stories. */
  public StoryReport withRelated(List<RelatedStories.Related> r) {
    return new StoryReport(id, thread, title, summary, summarySentences, articles, first, last,
        timeline, actors, places, events, sources, independentSources, copies, reliabilityMix,
        categories, countries, regions, arrivals, trend, r);
  }
}
