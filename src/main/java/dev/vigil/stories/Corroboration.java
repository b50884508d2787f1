package dev.vigil.stories;

import dev.vigil.geo.Place;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Article;
import dev.vigil.model.Event;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Merges the events that several articles of one story report into single events with all
 * their sources. Two reports are one event when their types agree, their dates are compatible
 * (one is a prefix of the other, or either is unknown), their places are near (within
 * {@link #NEAR_KM}, or the same name, or either unknown) and their named actors overlap (when
 * both name some). Reports whose modality is denied or negated, and {@code denial} events,
 * are not sources of the event but entries in its claim/denial ledger.
 */
public final class Corroboration {
  static final double NEAR_KM = 100;
  private static final Set<String> CONTESTING = Set.of("denied", "negated");
  private static final Set<String> CLAIM_TYPES = Set.of("accusation", "responsibility_claim");

  private Corroboration() {}

  /** The story's merged events (ungraded), most reported first. */
  public static List<MergedEvent> merge(List<AnalyzedArticle> story, Independence independence) {
    List<Draft> drafts = new ArrayList<>();
    List<Pending> contest = new ArrayList<>();
    for (AnalyzedArticle a : story) {
      for (Event e : a.annotations().events()) {
        if (e.modality().equals("disputed")) {
          continue; // an analyst disputed it: not a report that it happened
        }
        if (CONTESTING.contains(e.modality()) || e.type().equals("denial")) {
          contest.add(new Pending(a.article(), e));
          continue;
        }
        Draft home = null;
        for (Draft d : drafts) {
          if (d.accepts(e)) {
            home = d;
            break;
          }
        }
        if (home == null) {
          home = new Draft(e);
          drafts.add(home);
        }
        home.add(a.article(), e);
      }
    }
    for (Pending p : contest) {
      for (Draft d : drafts) {
        boolean denies = p.event.type().equals("denial")
            ? d.alleged() || CLAIM_TYPES.contains(d.type)
            : d.contestedBy(p.event);
        if (denies) {
          d.denials.add(new MergedEvent.Denial(p.article.id(), p.article.source(), deniedBy(p.event),
              p.event.sentence()));
        }
      }
    }
    List<MergedEvent> out = new ArrayList<>();
    for (Draft d : drafts) {
      List<String> ids = d.reports.stream().map(MergedEvent.Report::articleId).distinct().toList();
      out.add(new MergedEvent(d.type, d.acled, d.date, d.place, new ArrayList<>(d.actors), d.reports,
          independence.groups(ids), d.denials, null));
    }
    out.sort((x, y) -> Integer.compare(y.reports().size(), x.reports().size()));
    return out;
  }

  private static String deniedBy(Event e) {
    for (Event.Actor a : e.actors()) {
      if (a.role().equals("actor") || a.role().equals("speaker")) {
        return a.name();
      }
    }
    return e.actors().isEmpty() ? null : e.actors().get(0).name();
  }

  private record Pending(Article article, Event event) {}

  /** An event being merged. */
  private static final class Draft {
    final String type;
    final String acled;
    String date;
    Event.Place place;
    final Set<String> actors = new LinkedHashSet<>();
    final List<MergedEvent.Report> reports = new ArrayList<>();
    final List<MergedEvent.Denial> denials = new ArrayList<>();

    Draft(Event first) {
      this.type = first.type();
      this.acled = first.acled();
    }

    boolean alleged() {
      return reports.stream().allMatch(r -> r.modality().equals("alleged"));
    }

    boolean accepts(Event e) {
      return e.type().equals(type) && datesAgree(date, e.date()) && placesAgree(place, e.place())
          && actorsAgree(e);
    }

    /** A denial names the denier, not the event's actors: type, date and place must agree. */
    boolean contestedBy(Event e) {
      return e.type().equals(type) && datesAgree(date, e.date()) && placesAgree(place, e.place());
    }

    private boolean actorsAgree(Event e) {
      if (actors.isEmpty() || e.actors().isEmpty()) {
        return true;
      }
      return e.actors().stream().anyMatch(a -> actors.contains(norm(a.name())));
    }

    void add(Article article, Event e) {
      if (e.date() != null && (date == null || e.date().length() > date.length())) {
        date = e.date();
      }
      if (place == null || (place.lat() == null && e.place() != null && e.place().lat() != null)) {
        place = e.place() != null ? e.place() : place;
      }
      e.actors().forEach(a -> actors.add(norm(a.name())));
      reports.add(new MergedEvent.Report(article.id(), article.source(), article.published(),
          e.modality(), e.sentence()));
    }
  }

  static boolean datesAgree(String a, String b) {
    return a == null || b == null || a.startsWith(b) || b.startsWith(a);
  }

  static boolean placesAgree(Event.Place a, Event.Place b) {
    if (a == null || b == null) {
      return true;
    }
    if (a.lat() != null && a.lon() != null && b.lat() != null && b.lon() != null) {
      return Place.distanceKm(a.lat(), a.lon(), b.lat(), b.lon()) <= NEAR_KM;
    }
    return a.name() == null || b.name() == null || norm(a.name()).equals(norm(b.name()));
  }

  private static String norm(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }
}
