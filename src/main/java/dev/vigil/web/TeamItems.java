package dev.vigil.web;

import dev.vigil.model.Event;
import dev.vigil.store.CorrectedEvent;
import dev.vigil.store.EventCorrection;
import dev.vigil.store.InvalidFieldException;
import dev.vigil.store.Store;
import dev.vigil.store.Marking;
import dev.vigil.store.StoredArticle;
import dev.vigil.store.Visibility;
import dev.vigil.team.Tlp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What notes and corrections attach to, and their input checks, shared by the pages and the
 * API: an item is {@code article:ID}, {@code story:ID} or {@code event:ARTICLE#N}, and must
 * exist. Bad input is a 400 naming the field; a missing item a 404.
 */
final class TeamItems {
  static final int MAX_NOTE_CHARS = 10_000;
  private static final int MAX_ID_CHARS = 300;
  private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
  /** The event types of the ontology (events/types.tsv), which a correction must use. */
  static final Set<String> EVENT_TYPES = eventTypes();

  private final Store store;
  private final java.util.function.Supplier<dev.vigil.kb.ActorBase> kb;

  /** {@code kb}: the knowledge base (with analysts' edits) that actor corrections may name. */
  TeamItems(Store store, java.util.function.Supplier<dev.vigil.kb.ActorBase> kb) {
    this.store = store;
    this.kb = kb;
  }

  /** A kind and an id. */
  record Item(String kind, String id) {
    @Override
    public String toString() {
      return kind + ":" + id;
    }

    /** The page that shows the item. */
    String page() {
      return switch (kind) {
        case "story" -> "/stories/" + enc(id);
        case "article" -> "/articles/" + enc(id);
        default -> "/articles/" + enc(id.substring(0, id.lastIndexOf('#'))) + "#event-"
            + id.substring(id.lastIndexOf('#') + 1);
      };
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Parses {@code kind:id} and checks that the item exists and {@code v} may see it (else 404). */
  Item item(String raw, Visibility v) {
    if (raw == null || raw.isBlank()) {
      throw HttpError.badRequest("parameter 'item' is required: article:ID, story:ID or event:ARTICLE#N");
    }
    int colon = raw.indexOf(':');
    if (colon < 0 || raw.length() > MAX_ID_CHARS) {
      throw HttpError.badRequest("parameter 'item' must be article:ID, story:ID or event:ARTICLE#N, got '"
          + Api.clip(raw) + "'");
    }
    String kind = raw.substring(0, colon);
    String id = raw.substring(colon + 1);
    switch (kind) {
      case "article" -> article(id, v);
      case "story" -> story(id, v);
      case "event" -> {
        int hash = id.lastIndexOf('#');
        if (hash < 0) {
          throw HttpError.badRequest("an event item is event:ARTICLE#N, got '" + Api.clip(raw) + "'");
        }
        event(article(id.substring(0, hash), v), id.substring(hash + 1));
      }
      default -> throw HttpError.badRequest("unknown item kind '" + Api.clip(kind)
          + "': use article, story or event");
    }
    return new Item(kind, id);
  }

  /** The article {@code id} if {@code v} may see it; else 404, as if there were none. */
  StoredArticle article(String id, Visibility v) {
    return store.articles().get(id).filter(a -> v.allows(a.marking()))
        .orElseThrow(() -> HttpError.notFound("no article with id '" + Api.clip(id) + "'"));
  }

  private void story(String id, Visibility v) {
    long n;
    try {
      n = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw HttpError.notFound("no story with id '" + Api.clip(id) + "'");
    }
    // a story merged away has no articles but keeps its history: it is seen when the story it
    // joined is
    Marking whole = store.stories().markings().get(n);
    boolean seen = (whole == null || v.allows(whole))
        && store.stories().articlesOf(store.stories().live(n)).stream().anyMatch(a -> visible(a, v));
    if (!seen) {
      throw HttpError.notFound("no story with id " + n);
    }
  }

  private boolean visible(String articleId, Visibility v) {
    return store.articles().get(articleId).filter(a -> v.allows(a.marking())).isPresent();
  }

  /** The event numbered {@code number} of the article as shown (corrections applied). */
  CorrectedEvent event(StoredArticle a, String number) {
    int n;
    try {
      n = Integer.parseInt(number);
    } catch (NumberFormatException e) {
      throw HttpError.notFound("no event '" + Api.clip(number) + "' in article " + Api.clip(a.article().id()));
    }
    return events(a).stream().filter(e -> e.event().id() == n).findFirst()
        .orElseThrow(() -> HttpError.notFound("no event " + n + " in article " + Api.clip(a.article().id())));
  }

  /** The article's events with the analysts' corrections applied. */
  List<CorrectedEvent> events(StoredArticle a) {
    return store.analysts().events(a);
  }

  static Tlp tlp(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidFieldException("tlp", "a TLP marking is required: CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
    }
    try {
      return Tlp.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("tlp", e.getMessage());
    }
  }

  static String noteBody(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidFieldException("body", "the note is empty");
    }
    if (raw.length() > MAX_NOTE_CHARS) {
      throw new InvalidFieldException("body", "the note is longer than " + MAX_NOTE_CHARS + " characters");
    }
    return raw.strip();
  }

  /**
   * A correction of {@code target} from raw fields (blank: keep the extracted value); refuses
   * one that changes nothing.
   */
  static EventCorrection correction(String articleId, CorrectedEvent target, String verdict,
      String type, String placeName, String lat, String lon, String date, String reason,
      List<Event.Actor> actors, String by) {
    String v = blank(verdict);
    if (v != null && !v.equals("confirmed") && !v.equals("disputed")) {
      throw new InvalidFieldException("verdict", "must be confirmed or disputed, got '" + Api.clip(v) + "'");
    }
    String t = blank(type);
    if (t != null && !EVENT_TYPES.contains(t)) {
      throw new InvalidFieldException("type", "unknown event type '" + Api.clip(t) + "'");
    }
    String d = blank(date);
    if (d != null && !DATE.matcher(d).matches()) {
      throw new InvalidFieldException("date", "must be YYYY, YYYY-MM or YYYY-MM-DD, got '" + Api.clip(d) + "'");
    }
    Event.Place place = null;
    String name = blank(placeName);
    if (name != null) {
      if (name.length() > 200) {
        throw new InvalidFieldException("place", "the place name is longer than 200 characters");
      }
      place = new Event.Place(name, coordinate("lat", lat, 90), coordinate("lon", lon, 180));
    }
    String r = blank(reason);
    if (r != null && r.length() > 2000) {
      throw new InvalidFieldException("reason", "longer than 2000 characters");
    }
    if (v == null && t == null && d == null && place == null && actors == null) {
      throw new InvalidFieldException("verdict",
          "a correction needs a verdict, a type, a place, a date or actors");
    }
    Event o = target.original();
    return new EventCorrection(articleId, o.id(), o.start(), o.end(), o.trigger(), o, v, t, place,
        d, r, dev.vigil.model.IsoDates.format(Instant.now()), by, actors);
  }

  /**
   * One actor of a correction: {@code role} (actor, target or speaker) and a free {@code name},
   * or {@code kb}, the id of a knowledge-base entry, whose name it takes (so the event names the
   * actor as linked mentions do).
   */
  Event.Actor actor(String role, String name, String kbId) {
    String r = blank(role);
    if (r == null || !Event.ROLES.contains(r)) {
      throw new InvalidFieldException("actors", "an actor's role must be actor, target or speaker, got '"
          + Api.clip(String.valueOf(role)) + "'");
    }
    String n = blank(name);
    String k = blank(kbId);
    if (k != null) {
      dev.vigil.kb.Actor entry = kb.get().get(k);
      if (entry == null) {
        throw new InvalidFieldException("actors", "no knowledge-base entry '" + Api.clip(k) + "'");
      }
      n = entry.name();
    }
    if (n == null || n.length() > 200) {
      throw new InvalidFieldException("actors", "an actor needs a name (at most 200 characters) or a kb id");
    }
    return new Event.Actor(r, n);
  }

  /**
   * The actors typed into the correction form: {@code role: name} separated by semicolons, a
   * name {@code kb:ID} taking a knowledge-base entry's name; {@code -} alone clears them; blank
   * keeps the extracted ones (null).
   */
  List<Event.Actor> actors(String text) {
    String t = blank(text);
    if (t == null) {
      return null;
    }
    if (t.equals("-")) {
      return List.of();
    }
    List<Event.Actor> out = new java.util.ArrayList<>();
    for (String part : t.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int colon = part.indexOf(':');
      if (colon < 0) {
        throw new InvalidFieldException("actors", "write each actor as role: name, got '" + Api.clip(part) + "'");
      }
      String name = part.substring(colon + 1).strip();
      boolean linked = name.startsWith("kb:");
      out.add(actor(part.substring(0, colon), linked ? null : name, linked ? name.substring(3) : null));
    }
    if (out.size() > 20) {
      throw new InvalidFieldException("actors", "at most 20 actors");
    }
    return out;
  }

  private static Double coordinate(String field, String raw, double max) {
    String s = blank(raw);
    if (s == null) {
      return null;
    }
    try {
      double v = Double.parseDouble(s);
      if (Double.isNaN(v) || Math.abs(v) > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(field, "must be a number between -" + (int) max
          + " and " + (int) max + ", got '" + Api.clip(s) + "'");
    }
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Set<String> eventTypes() {
    Set<String> types = new LinkedHashSet<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        TeamItems.class.getResourceAsStream("/events/types.tsv"), "events/types.tsv"),
        StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          types.add(line.split("\t", 2)[0].strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read events/types.tsv", e);
    }
    return types;
  }
}
