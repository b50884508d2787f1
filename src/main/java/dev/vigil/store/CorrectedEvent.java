package dev.vigil.store;

import dev.vigil.model.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * An event as shown to readers: the extracted event with an analyst's correction applied, and
 * the event as extracted beside it ({@code original}, the same as {@code event} when there is no
 * correction). {@code restored} is true when re-analysis no longer finds the corrected event
 * and it is shown from the correction's copy of the original.
 */
public record CorrectedEvent(Event event, Event original, EventCorrection correction,
    boolean restored) {

  public boolean corrected() {
    return correction != null;
  }

  /**
   * Applies {@code corrections} to one article's {@code events}. A correction finds its event by
   * sentence span and trigger first (event numbers shift when re-analysis finds another event
   * earlier in the text), then by span and number, then by number and extracted type; one it cannot find is
   * shown from its copy of the original.
   */
  public static List<CorrectedEvent> apply(List<Event> events, List<EventCorrection> corrections) {
    EventCorrection[] assigned = new EventCorrection[events.size()];
    List<CorrectedEvent> out = new ArrayList<>();
    List<EventCorrection> orphans = new ArrayList<>();
    for (EventCorrection c : corrections) {
      int i = find(events, assigned, c);
      if (i < 0) {
        orphans.add(c);
      } else {
        assigned[i] = c;
      }
    }
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      out.add(assigned[i] == null ? new CorrectedEvent(e, e, null, false)
          : new CorrectedEvent(correct(e, assigned[i]), e, assigned[i], false));
    }
    for (EventCorrection c : orphans) {
      out.add(new CorrectedEvent(correct(c.original(), c), c.original(), c, true));
    }
    return out;
  }

  private static int find(List<Event> events, EventCorrection[] assigned, EventCorrection c) {
    int bySpan = -1;
    int byId = -1;
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      if (assigned[i] != null) {
        continue;
      }
      boolean span = e.start() == c.spanStart() && e.end() == c.spanEnd();
      if (span && c.trigger() != null && c.trigger().equals(e.trigger())
          && c.original().type().equals(e.type())) {
        return i;
      }
      if (span && e.id() == c.eventId() && bySpan < 0) {
        bySpan = i;
      }
      if (e.id() == c.eventId() && e.type().equals(c.original().type()) && byId < 0) {
        byId = i;
      }
    }
    return bySpan >= 0 ? bySpan : byId;
  }

  private static Event correct(Event e, EventCorrection c) {
    boolean retyped = c.type() != null && !c.type().equals(e.type());
    return new Event(retyped ? c.type() : e.type(), retyped ? null : e.acled(), e.modality(),
        c.date() != null ? c.date() : e.date(), c.place() != null ? c.place() : e.place(),
        e.actors(), e.killed(), e.injured(), e.captured(), e.sentence(), e.start(), e.end(), e.id(),
        e.trigger(), e.seized(), e.denies(), e.confirms());
  }
}
