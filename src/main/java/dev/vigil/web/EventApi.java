package dev.vigil.web;

import dev.vigil.store.Mentions;
import dev.vigil.store.Store;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/v1/events}: the stored events one by one, newest articles first, each with
 * its article, place, date, modality and actors; filtered by type, country, actor, place,
 * source and date range. The entity, place and source pages draw their maps from it.
 */
final class EventApi {
  private final Store store;
  private final EntityViews entities;

  EventApi(Store store, EntityViews entities) {
    this.store = store;
    this.entities = entities;
  }

  /**
   * {@code ?type=&country=&actor=&place=&source=&from=&to=&cursor=|offset=&limit=}. {@code actor}
   * is an entity id (knowledge-base id or {@code name:...}) or a name; {@code place} a place id
   * (gazetteer id or {@code name:...}) or a name; {@code from} and {@code to} ISO dates at any
   * precision, inclusive.
   */
  void list(Context ctx) {
    Window w = Window.read(ctx, 50, 500, 1_000_000);
    Mentions.EventFilter filter = filter(ctx);
    Mentions mentions = store.mentions(Access.visibility(ctx));
    List<Mentions.EventRow> items = mentions.events(filter, w.offset(), w.limit());
    ctx.json(w.body(mentions.eventCount(filter), items));
  }

  private Mentions.EventFilter filter(Context ctx) {
    String type = EntityViews.text(ctx, "type");
    if (type != null && !type.matches("[a-z_]{1,60}")) {
      throw HttpError.badRequest("parameter 'type' must be an event type code like armed_clash, got '"
          + Api.clip(type) + "'");
    }
    String actor = EntityViews.text(ctx, "actor");
    Mentions.EventFilter byActor = actor == null ? Mentions.EventFilter.ALL : entities.actorFilter(actor, Access.visibility(ctx));
    String place = EntityViews.text(ctx, "place");
    List<String> placeNames = null;
    String placeCountry = null;
    if (place != null) {
      if (place.matches("\\d{1,9}")) {
        var p = EntityViews.gazetteer().place(Integer.parseInt(place));
        if (p == null) {
          throw HttpError.badRequest("parameter 'place': no place with id " + place);
        }
        placeNames = EntityViews.namesOf(p);
        placeCountry = p.country();
      } else {
        placeNames = List.of(place.startsWith(EntityViews.NAME_PREFIX)
            ? place.substring(EntityViews.NAME_PREFIX.length()) : place);
      }
    }
    try {
      return new Mentions.EventFilter(type, EntityViews.country(ctx), byActor.actors(),
          byActor.mentioning(), placeNames, placeCountry,
          EntityViews.text(ctx, "source"), EntityViews.text(ctx, "from"), EntityViews.text(ctx, "to"));
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("parameter " + e.getMessage());
    }
  }
}
