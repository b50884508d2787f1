package dev.vigil.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A typed event reported by one sentence: what happened ({@code type}, with ACLED's sub-event
 * type where one applies), how it is reported ({@code modality}), when, where, who took part,
 * and the counts of people killed, injured and captured where the text gives them.
 */
public record Event(
    String type, String acled, String modality, String date, Place place, List<Actor> actors,
    Integer killed, Integer injured, Integer captured, String sentence, int start, int end) {

  /** How an event is reported. */
  public static final Set<String> MODALITIES =
      Set.of("asserted", "alleged", "denied", "planned", "hypothetical", "negated");

  public Event {
    Objects.requireNonNull(type, "type");
    if (!MODALITIES.contains(modality)) {
      throw new IllegalArgumentException("unknown modality: " + modality);
    }
    actors = List.copyOf(actors);
    Offsets.check(start, end);
  }

  /** Where an event took place. */
  public record Place(String name, Double lat, Double lon) {}

  /** A participant of an event: its role (actor, target, speaker) and name. */
  public record Actor(String role, String name) {
    public Actor {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(name, "name");
    }
  }
}
