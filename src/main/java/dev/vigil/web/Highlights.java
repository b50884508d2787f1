package dev.vigil.web;

import dev.vigil.model.Annotations;
import dev.vigil.model.EntityMention;
import dev.vigil.model.Event;
import dev.vigil.model.PlaceMention;
import dev.vigil.model.TimeMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article's text cut into paragraphs, sentence chunks and marked spans, so that the article
 * page shows entities, places, times and events where they are in the text. Overlapping spans
 * are resolved by kind (a place wins over the entity it came from, an entity over a time);
 * event spans wrap their sentence.
 */
final class Highlights {
  /** A piece of text, marked ({@code kind} non-null) or plain, with a tooltip. */
  record Segment(String text, String kind, String title) {}

  /** A run of text covered by the same events (none: plain text). */
  record Chunk(List<Segment> segments, List<String> events, String group) {}

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

  private record Mark(int start, int end, String kind, String title, int rank) {}

  private Highlights() {}

  static List<List<Chunk>> of(String text, Annotations ann) {
    List<Mark> marks = marks(ann);
    List<List<Chunk>> paragraphs = new ArrayList<>();
    Matcher m = PARAGRAPH_BREAK.matcher(text);
    int from = 0;
    while (true) {
      boolean found = m.find();
      int end = found ? m.start() : text.length();
      int[] span = strip(text, from, end);
      if (span[0] < span[1]) {
        paragraphs.add(chunks(text, span[0], span[1], ann.events(), marks));
      }
      if (!found) {
        break;
      }
      from = m.end();
    }
    return paragraphs;
  }

  private static int[] strip(String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return new int[] {start, end};
  }

  /** Inline marks, sorted and without overlaps: the better-ranked of two overlapping spans wins. */
  private static List<Mark> marks(Annotations ann) {
    List<Mark> all = new ArrayList<>();
    for (PlaceMention p : ann.places()) {
      String where = p.name() != null ? p.name() : p.text();
      String detail = String.join(", ", nonNull(p.kind(), p.country(),
          p.lat() != null ? String.format(Locale.ROOT, "%.2f, %.2f", p.lat(), p.lon()) : null,
          p.radiusKm() != null ? String.format(Locale.ROOT, "±%.0f km", p.radiusKm()) : null));
      all.add(new Mark(p.start(), p.end(), "place", where + (detail.isEmpty() ? "" : " (" + detail + ")"), 0));
    }
    for (EntityMention e : ann.entities()) {
      String kind = switch (e.type()) {
        case "PERSON" -> "person";
        case "ORGANIZATION" -> "org";
        case "LOCATION" -> "place";
        default -> "misc";
      };
      String title = e.type().toLowerCase(Locale.ROOT) + (e.name() != null ? ": " + e.name() : "");
      all.add(new Mark(e.start(), e.end(), kind, title, 1));
    }
    for (TimeMention t : ann.times()) {
      all.add(new Mark(t.start(), t.end(), "time", t.value() != null ? t.value() : "unresolved", 2));
    }
    all.sort(Comparator.comparingInt(Mark::rank).thenComparingInt(Mark::start));
    List<Mark> kept = new ArrayList<>();
    for (Mark candidate : all) {
      boolean overlaps = kept.stream().anyMatch(k -> k.start() < candidate.end() && candidate.start() < k.end());
      if (!overlaps && candidate.start() < candidate.end()) {
        kept.add(candidate);
      }
    }
    kept.sort(Comparator.comparingInt(Mark::start));
    return kept;
  }

  private static List<String> nonNull(String... values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        out.add(v);
      }
    }
    return out;
  }

  /** The paragraph [start, end) cut where event spans begin and end. */
  private static List<Chunk> chunks(String text, int start, int end, List<Event> events, List<Mark> marks) {
    List<Integer> cuts = new ArrayList<>(List.of(start, end));
    for (Event e : events) {
      for (int cut : new int[] {e.start(), e.end()}) {
        if (cut > start && cut < end) {
          cuts.add(cut);
        }
      }
    }
    List<Integer> points = cuts.stream().distinct().sorted().toList();
    List<Chunk> out = new ArrayList<>();
    for (int i = 0; i + 1 < points.size(); i++) {
      int a = points.get(i);
      int b = points.get(i + 1);
      List<String> labels = new ArrayList<>();
      String group = null;
      for (Event e : events) {
        if (e.start() <= a && b <= e.end()) {
          labels.add(e.type().replace('_', ' ') + ("asserted".equals(e.modality()) ? "" : " (" + e.modality() + ")"));
          group = group == null ? e.type() : group;
        }
      }
      out.add(new Chunk(segments(text, a, b, marks), labels, group));
    }
    return out;
  }

  private static List<Segment> segments(String text, int start, int end, List<Mark> marks) {
    List<Segment> out = new ArrayList<>();
    int at = start;
    for (Mark m : marks) {
      if (m.end() <= start || m.start() >= end) {
        continue;
      }
      int s = Math.max(m.start(), start);
      int e = Math.min(m.end(), end);
      if (s > at) {
        out.add(new Segment(text.substring(at, s), null, null));
      }
      if (s >= at) {
        out.add(new Segment(text.substring(s, e), m.kind(), m.title()));
        at = e;
      }
    }
    if (at < end) {
      out.add(new Segment(text.substring(at, end), null, null));
    }
    return out;
  }
}
