package dev.vigil.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The scale report as an SVG: one small chart per measure (ingest rate, search p95, store
 * size, heap after GC) against the number of stored articles on a log scale. Plain SVG text, so
 * that the plot needs no charting library and renders on GitHub.
 */
final class ScalePlot {
  private static final int W = 320;
  private static final int H = 220;
  private static final int PAD = 46;

  private ScalePlot() {}

  private record Panel(String title, String unit, Function<Map<String, Object>, Number> value) {}

  static String svg(List<Map<String, Object>> levels) {
    List<Panel> panels = List.of(
        new Panel("Ingest rate (extract + store + index)", "articles/s", l -> num(l.get("ingestArticlesPerSecond"))),
        new Panel("Search p95, 8 clients", "ms", l -> l.get("search") instanceof Map<?, ?> s ? num(s.get("p95Ms")) : null),
        new Panel("Store size (database + index)", "MB", l -> num(l.get("storeMB"))),
        new Panel("Heap after GC", "MB", l -> num(l.get("heapAfterGcMB"))));
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " font-family=\"sans-serif\" font-size=\"11\">%n", W * 2, H * 2));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    for (int i = 0; i < panels.size(); i++) {
      panel(b, panels.get(i), levels, (i % 2) * W, (i / 2) * H);
    }
    return b.append("</svg>\n").toString();
  }

  private static void panel(StringBuilder b, Panel p, List<Map<String, Object>> levels, int ox, int oy) {
    List<double[]> points = new ArrayList<>();
    for (Map<String, Object> l : levels) {
      Number v = p.value().apply(l);
      Number n = num(l.get("articles"));
      if (v != null && n != null && n.doubleValue() > 0) {
        points.add(new double[] {Math.log10(n.doubleValue()), v.doubleValue()});
      }
    }
    int x0 = ox + PAD;
    int x1 = ox + W - 16;
    int y0 = oy + H - 34;
    int y1 = oy + 28;
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s (%s)</text>%n",
        ox + 8, oy + 16, p.title(), p.unit()));
    b.append(String.format(Locale.ROOT, "<polyline points=\"%d,%d %d,%d %d,%d\" fill=\"none\" stroke=\"#888\"/>%n",
        x0, y1, x0, y0, x1, y0));
    double xmin = 4;
    double xmax = 6;
    double ymax = 0;
    for (double[] pt : points) {
      xmin = Math.min(xmin, Math.floor(pt[0]));
      xmax = Math.max(xmax, Math.ceil(pt[0]));
      ymax = Math.max(ymax, pt[1]);
    }
    ymax = ymax <= 0 ? 1 : ymax * 1.15;
    for (double e = xmin; e <= xmax; e++) {
      int x = (int) Math.round(x0 + (e - xmin) / (xmax - xmin) * (x1 - x0));
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
          x, y0 + 14, label(Math.pow(10, e))));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">stored articles</text>%n",
        (x0 + x1) / 2, y0 + 28));
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", x0 - 4, y1 + 4, fmt(ymax)));
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n", x0 - 4, y0));
    StringBuilder line = new StringBuilder();
    for (double[] pt : points) {
      double x = x0 + (pt[0] - xmin) / (xmax - xmin) * (x1 - x0);
      double y = y0 - pt[1] / ymax * (y0 - y1);
      line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f5fa8\"/>%n", x, y));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", x, y - 7, fmt(pt[1])));
    }
    if (points.size() > 1) {
      b.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>%n",
          line.toString().strip()));
    }
  }

  private static Number num(Object o) {
    return o instanceof Number n ? n : null;
  }

  private static String label(double n) {
    return n >= 1e6 ? fmt(n / 1e6) + "M" : n >= 1e3 ? fmt(n / 1e3) + "k" : fmt(n);
  }

  private static String fmt(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
