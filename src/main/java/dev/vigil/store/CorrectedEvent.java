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

  /** The modality of an event an analyst disputed. */
  public static final String DISPUTED = "disputed";

  public boolean corrected() {
    return correction != null;
  }

  /**
   * Applies {@code corrections} to one article's {@code events}. A correction finds its event by
   * sentence, trigger and type, not by number or offsets, which shift when the article is
   * re-analysed (another event found earlier, a paragraph added by the publisher); one it cannot
   * find is shown from its copy of the original.
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

  /**
   * The best unassigned event for {@code c} among those of the same sentence (same text, or
   * same span when the text has no sentence): the same trigger counts most, then the same
   * extracted type, then the same number; a number alone is not enough (another event may have
   * taken it after re-analysis).
   */
  private static int find(List<Event> events, EventCorrection[] assigned, EventCorrection c) {
    int best = -1;
    int bestScore = 1;
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      boolean sameSentence = e.sentence() != null
          ? e.sentence().equals(c.original().sentence())
          : e.start() == c.spanStart() && e.end() == c.spanEnd();
      if (assigned[i] != null || !sameSentence) {
        continue;
      }
      int score = (c.trigger() != null && c.trigger().equals(e.trigger()) ? 4 : 0)
          + (e.type().equals(c.original().type()) ? 2 : 0) + (e.id() == c.eventId() ? 1 : 0);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * {@code e} as {@code c} corrects it. A disputed event keeps its fields and gets the modality
   * {@code disputed}: readers show it marked, and counts of what happened leave it out.
   */
  static Event correct(Event e, EventCorrection c) {
    boolean retyped = c.type() != null && !c.type().equals(e.type());
    String modality = DISPUTED.equals(c.verdict()) ? DISPUTED : e.modality();
    return new Event(retyped ? c.type() : e.type(), retyped ? null : e.acled(), modality,
        c.date() != null ? c.date() : e.date(), c.place() != null ? c.place() : e.place(),
        c.actors() != null ? c.actors() : e.actors(), e.killed(), e.injured(), e.captured(),
        e.sentence(), e.start(), e.end(), e.id(), e.trigger(), e.seized(), e.denies(),
        e.confirms());
  }
}
