package dev.vigil.web;

import dev.vigil.store.Facets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search page's facets as links that narrow the query ({@code q AND field:"value"}), and
 * its date histogram as SVG bars (attributes, not inline styles, so the CSP holds).
 */
final class FacetView {
  static final Map<String, String> LABELS = Map.of("category", "Category", "event_type", "Event type",
      "country", "Country", "place", "Place", "entity", "Who", "source_key", "Source",
      "language", "Language");

  /** A facet value: {@code href} narrows the search to it, {@code page} (or null) is its entity, place or source page. */
  record Link(String label, long count, String href, boolean active, String page) {}

  /** The page of a facet value, for the fields that have pages. */
  private static String page(String field, String value) {
    String v = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    return switch (field) {
      case "entity" -> "/entities/name:" + v;
      case "place" -> "/places/name:" + v;
      case "source_key" -> "/sources/" + v;
      default -> null;
    };
  }

  record Group(String field, String label, List<Link> links) {}

  record Bar(String period, long count, int x, int y, int width, int height, String href) {}

  static final int CHART_WIDTH = 240;
  static final int CHART_HEIGHT = 60;

  private FacetView() {}

  static List<Group> groups(Facets facets, String q, String sort) {
    List<Group> out = new ArrayList<>();
    for (var e : facets.byField().entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      List<Link> links = new ArrayList<>();
      for (Facets.Value v : e.getValue()) {
        String clause = e.getKey() + ":\"" + v.value().replace("\"", "") + "\"";
        boolean active = q.toLowerCase(Locale.ROOT).contains(clause.toLowerCase(Locale.ROOT));
        String label = e.getKey().equals("category") || e.getKey().equals("event_type")
            ? v.value().replace('_', ' ') : v.value();
        links.add(new Link(label, v.count(), href(narrow(q, clause), sort), active,
            page(e.getKey(), v.value())));
      }
      out.add(new Group(e.getKey(), LABELS.getOrDefault(e.getKey(), e.getKey()), links));
    }
    return out;
  }

  static List<Bar> bars(Facets facets, String q, String sort) {
    List<Facets.Bucket> buckets = facets.dates();
    if (buckets.isEmpty()) {
      return List.of();
    }
    long max = buckets.stream().mapToLong(Facets.Bucket::count).max().orElse(1);
    int n = buckets.size();
    int slot = Math.max(1, CHART_WIDTH / n);
    int width = Math.max(1, slot - (slot > 3 ? 1 : 0));
    List<Bar> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Facets.Bucket b = buckets.get(i);
      int h = b.count() == 0 ? 0 : (int) Math.max(2, Math.round(CHART_HEIGHT * (double) b.count() / max));
      out.add(new Bar(b.period(), b.count(), i * slot, CHART_HEIGHT - h, width, h,
          href(narrow(q, "published:" + b.period()), sort)));
    }
    return out;
  }

  static String narrow(String q, String clause) {
    return q.isBlank() ? clause : "(" + q + ") AND " + clause;
  }

  private static String href(String q, String sort) {
    return "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&sort=" + sort;
  }
}
