package dev.vigil.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A typed event reported by one sentence: what happened ({@code type}, with ACLED's sub-event
 * type where one applies), how it is reported ({@code modality}), when, where, who took part,
 * and the counts of people killed, injured and captured where the text gives them.
 *
 * <p>After the fields of the DESIGN.md contract come Vigil's additions: {@code id} numbers the
 * events of one article from 0 in text order; {@code trigger} is the text that made the event
 * (its evidence); {@code seized} is what was seized, if anything; {@code denies} and
 * {@code confirms} hold the id of the claim event (within the same article) this event denies or
 * confirms, else null. Counts are lower bounds: "at least 57" is 57, "dozens" is 12.
 */
public record Event(
    String type, String acled, String modality, String date, Place place, List<Actor> actors,
    Integer killed, Integer injured, Integer captured, String sentence, int start, int end,
    int id, String trigger, Seizure seized, Integer denies, Integer confirms) {

  /**
   * How an event is reported; {@code disputed} is not found in text but set by an analyst who
   * disputes the event (team corrections), so that counts of what happened leave it out.
   */
  public static final Set<String> MODALITIES =
      Set.of("asserted", "alleged", "denied", "planned", "hypothetical", "negated", "disputed");

  /** The roles an actor can play in an event. */
  public static final Set<String> ROLES = Set.of("actor", "target", "speaker");

  public Event {
    Objects.requireNonNull(type, "type");
    if (!MODALITIES.contains(modality)) {
      throw new IllegalArgumentException("unknown modality: " + modality);
    }
    if (id < 0) {
      throw new IllegalArgumentException("negative event id: " + id);
    }
    actors = List.copyOf(actors);
    Offsets.check(start, end);
  }

  /**
   * An event with the fields of the DESIGN.md contract only (id 0, no trigger, seizure or claim
   * links): for events that come from elsewhere than the events stage, such as imports.
   */
  public Event(String type, String acled, String modality, String date, Place place,
      List<Actor> actors, Integer killed, Integer injured, Integer captured, String sentence,
      int start, int end) {
    this(type, acled, modality, date, place, actors, killed, injured, captured, sentence, start,
        end, 0, null, null, null, null);
  }

  /** This event with its modality, or its link to a claim, replaced. */
  public Event with(String newModality, Integer newDenies, Integer newConfirms) {
    return new Event(type, acled, newModality, date, place, actors, killed, injured, captured,
        sentence, start, end, id, trigger, seized, newDenies, newConfirms);
  }

  /** The first actor of {@code role}, or null. */
  public String actor(String role) {
    return actors.stream().filter(a -> a.role().equals(role)).map(Actor::name).findFirst()
        .orElse(null);
  }

  /**
   * Where an event took place: the most specific place the text supports. {@code kind} and
   * {@code radiusKm} (how far the place may lie from the point) are null when the place was not
   * resolved to coordinates.
   */
  public record Place(String name, Double lat, Double lon, String kind, Double radiusKm) {
    public Place {
      Objects.requireNonNull(name, "name");
    }

    /** A place known only by name and point. */
    public Place(String name, Double lat, Double lon) {
      this(name, lat, lon, null, null);
    }
  }

  /** A participant of an event: its role (actor, target, speaker) and name. */
  public record Actor(String role, String name) {
    public Actor {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(name, "name");
      if (!ROLES.contains(role)) {
        throw new IllegalArgumentException("unknown actor role: " + role);
      }
    }
  }

  /** An amount seized: "590 kilos of heroin" is (590, "kilos", "heroin"); item may be null. */
  public record Seizure(double amount, String unit, String item) {
    public Seizure {
      Objects.requireNonNull(unit, "unit");
    }
  }
}
