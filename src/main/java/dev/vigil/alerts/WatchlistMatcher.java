package dev.vigil.alerts;

import dev.vigil.geo.Place;
import dev.vigil.model.Annotations;
import dev.vigil.model.EntityMention;
import dev.vigil.model.Event;
import dev.vigil.model.PlaceMention;
import dev.vigil.store.Alert.Reason;
import dev.vigil.store.StoredArticle;
import dev.vigil.store.Visibility;
import dev.vigil.store.Watchlist;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a watchlist's filters on an article its query matched, and says why it matched: one
 * {@link Reason} per filter, naming the text or value that satisfied it. All filters must hold;
 * within a filter's list any value will do.
 *
 * <p>A place is inside {@code near} when its great-circle distance to the watch point, less
 * its uncertainty radius, is within the watch radius, and its uncertainty is no larger than
 * the watch radius (so "Tajikistan" does not satisfy "within 50 km of Panj"). When event types
 * and an area are both given, a matching event must lie in the area; an event with no
 * coordinates counts if one of the article's places does.
 */
public final class WatchlistMatcher {
  private static final int MAX_DETAIL = 240;

  private final StoryContext stories;

  public WatchlistMatcher(StoryContext stories) {
    this.stories = stories;
  }

  /**
   * The reasons {@code article} matches {@code w}, or empty if a filter fails.
   *
   * @param snippet the highlighted text the query matched (blank when the query is)
   */
  public Optional<List<Reason>> match(Watchlist w, StoredArticle article, String snippet,
      Visibility owner) {
    Annotations ann = article.annotations();
    List<Reason> reasons = new ArrayList<>();
    if (!w.query().isEmpty()) {
      reasons.add(new Reason("query", clip(snippet == null || snippet.isBlank()
          ? "matched \"" + w.query() + "\" in the title" : snippet)));
    }
    if (!w.entities().isEmpty()) {
      Optional<EntityMention> e = ann.entities().stream().filter(m -> w.entities().stream()
          .anyMatch(want -> want.equalsIgnoreCase(m.id()) || want.equalsIgnoreCase(m.name())
              || want.equalsIgnoreCase(m.text()))).findFirst();
      if (e.isEmpty()) {
        return Optional.empty();
      }
      EntityMention m = e.get();
      reasons.add(new Reason("entities", (m.name() != null ? m.name() : m.text())
          + (m.id() != null ? " (" + m.id() + ")" : "") + " mentioned as \"" + m.text() + "\""));
    }
    if (!w.categories().isEmpty()) {
      Optional<String> c = ann.categories().stream()
          .filter(cat -> w.categories().contains(cat.toLowerCase(Locale.ROOT))).findFirst();
      if (c.isEmpty()) {
        return Optional.empty();
      }
      reasons.add(new Reason("categories", c.get()));
    }
    if (!w.countries().isEmpty()) {
      Optional<PlaceMention> p = ann.places().stream().filter(pm -> pm.country() != null
          && w.countries().contains(pm.country().toUpperCase(Locale.ROOT))).findFirst();
      if (p.isEmpty()) {
        return Optional.empty();
      }
      reasons.add(new Reason("countries", p.get().country() + ": " + label(p.get())));
    }
    boolean area = w.near() != null || w.box() != null;
    Optional<String> placeInArea = area ? placeInArea(w, ann) : Optional.empty();
    if (!w.eventTypes().isEmpty()) {
      Optional<Reason> ev = event(w, ann, placeInArea.isPresent());
      if (ev.isEmpty()) {
        return Optional.empty();
      }
      reasons.add(ev.get());
    }
    if (area) {
      if (placeInArea.isEmpty()) {
        return Optional.empty();
      }
      reasons.add(new Reason(w.near() != null ? "near" : "box", placeInArea.get()));
    }
    if (!story(w, article, reasons, owner)) {
      return Optional.empty();
    }
    return Optional.of(reasons);
  }

  private Optional<Reason> event(Watchlist w, Annotations ann, boolean articlePlaceInArea) {
    boolean area = w.near() != null || w.box() != null;
    for (Event e : ann.events()) {
      // an event an analyst disputed does not alert (see store.Corrections)
      if (!w.eventTypes().contains(e.type().toLowerCase(Locale.ROOT))
          || e.modality().equals("disputed")) {
        continue;
      }
      Event.Place p = e.place();
      boolean placed = p != null && p.lat() != null && p.lon() != null;
      if (area) {
        if (placed) {
          Optional<String> where = inArea(w, p.name(), p.lat(), p.lon(), radiusOf(ann, p.name()));
          if (where.isEmpty()) {
            continue;
          }
        } else if (!articlePlaceInArea) {
          continue;
        }
      }
      String at = p != null && p.name() != null ? " at " + p.name() : "";
      String when = e.date() != null ? " on " + e.date() : "";
      return Optional.of(new Reason("eventTypes", e.type() + " (" + e.modality() + ")" + at + when
          + ": \"" + clip(e.sentence().strip()) + "\""));
    }
    return Optional.empty();
  }

  /** The first place of the article (mentions, then events) inside the watched area, described. */
  private static Optional<String> placeInArea(Watchlist w, Annotations ann) {
    for (PlaceMention p : ann.places()) {
      if (p.lat() != null && p.lon() != null) {
        Optional<String> d = inArea(w, label(p), p.lat(), p.lon(), p.radiusKm());
        if (d.isPresent()) {
          return d;
        }
      }
    }
    for (Event e : ann.events()) {
      Event.Place p = e.place();
      if (p != null && p.lat() != null && p.lon() != null) {
        Optional<String> d = inArea(w, p.name() + " (place of a " + e.type() + " event)",
            p.lat(), p.lon(), radiusOf(ann, p.name()));
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> inArea(Watchlist w, String name, double lat, double lon,
      Double uncertaintyKm) {
    double r = uncertaintyKm == null ? 0 : uncertaintyKm;
    String point = String.format(Locale.ROOT, "%s (%.3f, %.3f)", name, lat, lon);
    if (w.near() != null) {
      Watchlist.Circle c = w.near();
      double d = Place.distanceKm(c.lat(), c.lon(), lat, lon);
      if (r > c.radiusKm() || d - r > c.radiusKm()) {
        return Optional.empty();
      }
      return Optional.of(String.format(Locale.ROOT,
          "%s is %.0f km from the watch point (%.3f, %.3f; radius %.0f km)%s", point, d, c.lat(),
          c.lon(), c.radiusKm(), r > 0 ? String.format(Locale.ROOT, "; the place is uncertain by %.0f km", r) : ""));
    }
    Watchlist.Box b = w.box();
    if (!b.contains(lat, lon)) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "%s is inside the box %.3f,%.3f,%.3f,%.3f (south,west,north,east)",
        point, b.south(), b.west(), b.north(), b.east()));
  }

  /** The uncertainty of the place mention named {@code name}, if the article has one. */
  private static Double radiusOf(Annotations ann, String name) {
    if (name == null) {
      return null;
    }
    return ann.places().stream().filter(p -> name.equals(p.name()) || name.equals(p.text()))
        .map(PlaceMention::radiusKm).filter(r -> r != null).findFirst().orElse(null);
  }

  private boolean story(Watchlist w, StoredArticle article, List<Reason> reasons, Visibility owner) {
    boolean needsStory = w.minSources() > 1 || w.minGrade() != null;
    String storyId = needsStory ? stories.storyId(article.article().id()) : null;
    if (w.minReliability() != null) {
      String source = article.article().source();
      String label = source == null ? "Unrated" : stories.reliability(source);
      int have = Watchlist.RELIABILITY.indexOf(label);
      if (have < Watchlist.RELIABILITY.indexOf(w.minReliability())) {
        return false; // Unrated (-1) passes no minimum
      }
      reasons.add(new Reason("minReliability", "source " + source + " is rated " + label));
    }
    if (w.minSources() > 1) {
      int n = stories.independentSources(storyId, owner);
      if (n < w.minSources()) {
        return false;
      }
      reasons.add(new Reason("minSources", n + " independent sources report the story"));
    }
    if (w.minGrade() != null) {
      String grade = stories.grade(storyId, owner);
      if (grade == null || grade.length() != 2
          || grade.charAt(0) > w.minGrade().charAt(0) || grade.charAt(1) > w.minGrade().charAt(1)) {
        return false;
      }
      reasons.add(new Reason("minGrade", "the story is graded " + grade));
    }
    return true;
  }

  private static String label(PlaceMention p) {
    return p.name() != null ? p.name() : p.text();
  }

  private static String clip(String s) {
    return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL - 1) + "…";
  }
}
