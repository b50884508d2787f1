package dev.vigil.store;

import dev.vigil.model.Event;
import java.util.List;

/**
 * An analyst's correction of one extracted event, stored apart from the analysis. Null fields
 * leave the event's own value: {@code verdict} is {@code confirmed}, {@code disputed} or null;
 * {@code type}, {@code place}, {@code date} and {@code actors} (all of them, when given)
 * replace the extracted ones. {@code original} is
 * the event as extracted when it was first corrected; {@code spanStart}, {@code spanEnd} and
 * {@code trigger} find it again after re-analysis.
 */
public record EventCorrection(String articleId, int eventId, int spanStart, int spanEnd,
    String trigger, Event original, String verdict, String type, Event.Place place, String date,
    String reason, String updated, String updatedBy, List<Event.Actor> actors) {

  public EventCorrection {
    actors = actors == null ? null : List.copyOf(actors);
  }

  /** A correction that leaves the actors as extracted. */
  public EventCorrection(String articleId, int eventId, int spanStart, int spanEnd,
      String trigger, Event original, String verdict, String type, Event.Place place, String date,
      String reason, String updated, String updatedBy) {
    this(articleId, eventId, spanStart, spanEnd, trigger, original, verdict, type, place, date,
        reason, updated, updatedBy, null);
  }
}
