package dev.vigil.model;

import java.util.List;

/**
 * What the analysis stages found in one article's text. Offsets are half-open character
 * offsets into the article's {@code text}. Lists are never null; an empty list means nothing
 * of that kind was found (or that the stage that finds it is not configured). {@code notes}
 * say what could not be analysed (another language, mojibake, a text cut short);
 * {@code categoryEvidence} says which words made each category.
 */
public record Annotations(
    String language,
    List<Sentence> sentences,
    List<EntityMention> entities,
    List<PlaceMention> places,
    List<TimeMention> times,
    List<Quote> quotes,
    List<Event> events,
    List<String> categories,
    List<String> notes,
    List<CategoryEvidence> categoryEvidence) {

  public Annotations {
    sentences = List.copyOf(sentences);
    entities = List.copyOf(entities);
    places = List.copyOf(places);
    times = List.copyOf(times);
    quotes = List.copyOf(quotes);
    events = List.copyOf(events);
    categories = List.copyOf(categories);
    // annotations stored before these fields existed have none
    notes = notes == null ? List.of() : List.copyOf(notes);
    categoryEvidence = categoryEvidence == null ? List.of() : List.copyOf(categoryEvidence);
  }

  /** Annotations without notes or category evidence. */
  public Annotations(String language, List<Sentence> sentences, List<EntityMention> entities,
      List<PlaceMention> places, List<TimeMention> times, List<Quote> quotes, List<Event> events,
      List<String> categories) {
    this(language, sentences, entities, places, times, quotes, events, categories, List.of(),
        List.of());
  }

  /** These annotations with the entities replaced. */
  public Annotations withEntities(List<EntityMention> newEntities) {
    return new Annotations(language, sentences, newEntities, places, times, quotes, events,
        categories, notes, categoryEvidence);
  }

  /** These annotations with the notes replaced. */
  public Annotations withNotes(List<String> newNotes) {
    return new Annotations(language, sentences, entities, places, times, quotes, events,
        categories, newNotes, categoryEvidence);
  }

  /** These annotations with the places replaced. */
  public Annotations withPlaces(List<PlaceMention> newPlaces) {
    return new Annotations(language, sentences, entities, newPlaces, times, quotes, events,
        categories, notes, categoryEvidence);
  }

  /** These annotations with the events and categories replaced (and no category evidence). */
  public Annotations withEvents(List<Event> newEvents, List<String> newCategories) {
    return withEvents(newEvents, newCategories, List.of());
  }

  /** These annotations with the events, categories and the evidence for them replaced. */
  public Annotations withEvents(List<Event> newEvents, List<String> newCategories,
      List<CategoryEvidence> evidence) {
    return new Annotations(language, sentences, entities, places, times, quotes, newEvents,
        newCategories, notes, evidence);
  }

  /** Annotations that carry only a language (or none). */
  public static Annotations empty(String language) {
    return new Annotations(
        language, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * @throws IllegalArgumentException if any span runs past a text of {@code length}
   */
  public void checkWithin(int length) {
    sentences.forEach(s -> Offsets.checkWithin(s.start(), s.end(), length));
    entities.forEach(e -> Offsets.checkWithin(e.start(), e.end(), length));
    places.forEach(p -> Offsets.checkWithin(p.start(), p.end(), length));
    times.forEach(t -> Offsets.checkWithin(t.start(), t.end(), length));
    quotes.forEach(q -> Offsets.checkWithin(q.start(), q.end(), length));
    events.forEach(e -> Offsets.checkWithin(e.start(), e.end(), length));
    categoryEvidence.forEach(c -> Offsets.checkWithin(c.start(), c.end(), length));
  }
}
