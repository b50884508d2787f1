package dev.vigil.export;

import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Article;
import dev.vigil.model.Event;
import dev.vigil.model.PlaceMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One event as a flat row, in the spirit of ACLED's data export: its date and precision, its
 * ACLED event type and sub-event type (where ACLED has the type), Vigil's type and modality,
 * actors, place with country and precision, counts, and the article that reports it.
 */
public record EventRow(
    String eventId, String eventDate, Integer year, Integer timePrecision, String acledEventType,
    String subEventType, String vigilType, String modality, String actor1, String actor2,
    String country, String location, Double latitude, Double longitude, Integer geoPrecision,
    Double radiusKm, Integer fatalities, Integer injured, Integer captured, String source,
    String sourceUrl, String articleId, String articleTitle, String published, String notes) {

  /** The CSV header, in column order. */
  static final List<String> COLUMNS = List.of("event_id", "event_date", "year", "time_precision",
      "event_type", "sub_event_type", "vigil_type", "modality", "actor1", "actor2", "country",
      "location", "latitude", "longitude", "geo_precision", "radius_km", "fatalities", "injured",
      "captured", "source", "source_url", "article_id", "article_title", "published", "notes");

  /** ACLED's sub-event types by the event type they belong to. */
  private static final Map<String, String> ACLED_EVENT_TYPES = Map.ofEntries(
      Map.entry("Armed clash", "Battles"),
      Map.entry("Government regains territory", "Battles"),
      Map.entry("Non-state actor overtakes territory", "Battles"),
      Map.entry("Chemical weapon", "Explosions/Remote violence"),
      Map.entry("Air/drone strike", "Explosions/Remote violence"),
      Map.entry("Suicide bomb", "Explosions/Remote violence"),
      Map.entry("Shelling/artillery/missile attack", "Explosions/Remote violence"),
      Map.entry("Remote explosive/landmine/IED", "Explosions/Remote violence"),
      Map.entry("Grenade", "Explosions/Remote violence"),
      Map.entry("Sexual violence", "Violence against civilians"),
      Map.entry("Attack", "Violence against civilians"),
      Map.entry("Abduction/forced disappearance", "Violence against civilians"),
      Map.entry("Peaceful protest", "Protests"),
      Map.entry("Protest with intervention", "Protests"),
      Map.entry("Excessive force against protesters", "Protests"),
      Map.entry("Violent demonstration", "Riots"),
      Map.entry("Mob violence", "Riots"),
      Map.entry("Agreement", "Strategic developments"),
      Map.entry("Arrests", "Strategic developments"),
      Map.entry("Change to group/activity", "Strategic developments"),
      Map.entry("Disrupted weapons use", "Strategic developments"),
      Map.entry("Headquarters or base established", "Strategic developments"),
      Map.entry("Looting/property destruction", "Strategic developments"),
      Map.entry("Non-violent transfer of territory", "Strategic developments"),
      Map.entry("Other", "Strategic developments"));

  /** The rows of one article's events, in text order; ids are the article id and a number. */
  public static List<EventRow> of(AnalyzedArticle analyzed) {
    Article a = analyzed.article();
    Map<String, PlaceMention> places = analyzed.annotations().places().stream()
        .filter(p -> p.name() != null)
        .collect(Collectors.toMap(PlaceMention::name, p -> p, (x, y) -> x));
    List<EventRow> rows = new ArrayList<>();
    int n = 0;
    for (Event e : analyzed.annotations().events()) {
      n++;
      String date = e.date() != null ? e.date() : a.published();
      Event.Place place = e.place();
      PlaceMention mention = place == null ? null : places.get(place.name());
      Double radius = place != null && place.radiusKm() != null ? place.radiusKm()
          : mention != null ? mention.radiusKm() : null;
      rows.add(new EventRow(a.id() + "-" + n, date, year(date), timePrecision(date),
          e.acled() == null ? null : ACLED_EVENT_TYPES.get(e.acled()), e.acled(), e.type(),
          e.modality(), actor(e, "actor"), actor(e, "target"),
          mention != null ? mention.country() : null, place != null ? place.name() : null,
          place != null ? place.lat() : null, place != null ? place.lon() : null,
          geoPrecision(place, radius), radius, e.killed(), e.injured(), e.captured(),
          a.source(), a.url(), a.id(), a.title(), a.published(), e.sentence()));
    }
    return rows;
  }

  private static String actor(Event e, String role) {
    String names = e.actors().stream().filter(x -> role.equals(x.role()))
        .map(Event.Actor::name).distinct().collect(Collectors.joining("; "));
    return names.isEmpty() ? null : names;
  }

  private static Integer year(String date) {
    return date == null || date.length() < 4 ? null : Integer.valueOf(date.substring(0, 4));
  }

  /** ACLED's time precision: 1 the day is known, 2 the month (or week), 3 only the year. */
  private static Integer timePrecision(String date) {
    if (date == null) {
      return null;
    }
    return date.length() >= 10 ? 1 : date.length() >= 7 ? 2 : 3;
  }

  /**
   * ACLED's geo precision: 1 the place is a town (within ~25 km), 2 a nearby area or district,
   * 3 a province or larger.
   */
  private static Integer geoPrecision(Event.Place place, Double radiusKm) {
    if (place == null || place.lat() == null) {
      return null;
    }
    if (radiusKm == null) {
      return 3;
    }
    return radiusKm <= 25 ? 1 : radiusKm <= 150 ? 2 : 3;
  }
}
