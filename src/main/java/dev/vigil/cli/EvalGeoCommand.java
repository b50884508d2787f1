package dev.vigil.cli;

import dev.vigil.geo.Gazetteer;
import dev.vigil.geo.GeoScore;
import dev.vigil.geo.Geocoder;
import dev.vigil.geo.GeoparsingData;
import dev.vigil.geo.Place;
import dev.vigil.internal.Json;
import dev.vigil.model.PlaceMention;
import dev.vigil.model.TaggedText;
import dev.vigil.nlp.Annotator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil eval geo FILE...}: runs the annotator and the places stage over labelled
 * geoparsing corpora (TR-News, GeoWebNews) and prints toponym recall and precision, the share
 * of matched toponyms resolved within 161 km, mean and median error, and speed.
 */
@Command(mixinStandardHelpOptions = true, name = "geo", sortOptions = false,
    description = {
        "Measure toponym recognition and resolution on geoparsing corpora",
        "(e.g. ../shared/data/dev/geoparsing/TR-News.xml GWN.xml).",
    })
final class EvalGeoCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "TR-News or GeoWebNews XML files.")
  List<Path> files;

  @Option(names = "--verbose", description = "List missed toponyms, spurious places and errors over 161 km.")
  boolean verbose;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "Keep the annotator's output here and reuse it on the next run (for tuning).")
  Path cache;

  @Option(names = "--threads", defaultValue = "2", paramLabel = "N") int threads;

  @Option(names = "--split", defaultValue = "all", paramLabel = "tune|heldout|all",
      description = {"Which articles to score: every 4th article of each file in document order",
          "is held out (heldout), the rest are for tuning the rules (tune); default: ${DEFAULT-VALUE}."})
  GeoparsingData.Split split;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Components components = new Components();
    Gazetteer gazetteer = Gazetteer.bundled();
    Geocoder geocoder = new Geocoder(gazetteer);
    GeoScore total = new GeoScore();
    for (Path file : files) {
      List<GeoparsingData.Article> articles = GeoparsingData.read(file);
      long t0 = System.nanoTime();
      Path cached = cache == null ? null : cache.resolve(file.getFileName() + ".tagged.jsonl.gz");
      List<TaggedText> tagged = cached != null && Files.exists(cached) ? readCache(cached)
          : tag(components.annotator(), articles);
      if (tagged.size() != articles.size()) {
        throw new IOException(cached + ": holds " + tagged.size() + " texts, " + file + " has "
            + articles.size() + " articles; delete it");
      }
      boolean fromCache = cached != null && Files.exists(cached);
      if (cached != null && !fromCache) {
        writeCache(cached, tagged);
      }
      GeoScore score = new GeoScore();
      int scored = 0;
      for (int i = 0; i < articles.size(); i++) {
        if (!split.includes(i)) {
          continue;
        }
        scored++;
        GeoparsingData.Article a = articles.get(i);
        List<PlaceMention> places = geocoder.apply(tagged.get(i)).annotations().places();
        GeoScore.Errors errors = score.add(a.toponyms(), places);
        total.add(a.toponyms(), places);
        if (verbose) {
          report(out, a, errors, gazetteer);
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      print(out, file.getFileName() + " (" + split.name().toLowerCase(Locale.ROOT) + ", " + scored
          + " of " + articles.size() + " articles)", score);
      out.printf(Locale.ROOT, "  speed: %.1f articles/s (%s)%n", articles.size() / seconds,
          fromCache ? "places stage only; annotator output from the cache" : "annotator + places");
    }
    if (files.size() > 1) {
      print(out, "all", total);
    }
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, String name, GeoScore s) {
    out.printf(Locale.ROOT, "%s: %d gold toponyms, %d recognised, %d matched%n", name, s.gold(),
        s.recognised(), s.matched());
    out.printf(Locale.ROOT,
        "  recall %.3f  precision %.3f  within 161 km %.3f  mean error %.0f km  median error %.1f km%n",
        s.recall(), s.precision(), s.accuracyWithin(161), s.meanErrorKm(), s.medianErrorKm());
  }

  private static void report(PrintWriter out, GeoparsingData.Article a, GeoScore.Errors e,
      Gazetteer gazetteer) {
    for (GeoparsingData.Toponym t : e.missed()) {
      out.printf(Locale.ROOT, "  [%s] missed %s @%d%n", a.id(), t.phrase(), t.start());
    }
    for (PlaceMention p : e.spurious()) {
      out.printf(Locale.ROOT, "  [%s] spurious %s -> %s (%s, %s) @%d%n", a.id(), p.text(), p.name(),
          p.kind(), p.country(), p.start());
    }
    for (GeoScore.Match m : e.matches()) {
      if (m.errorKm() > 161) {
        GeoparsingData.Toponym g = m.gold();
        PlaceMention f = m.found();
        out.printf(Locale.ROOT, "  [%s] far %s -> %s (%s, %s) %.0f km off (gold %.2f,%.2f; chosen %.2f,%.2f)%n",
            a.id(), g.phrase(), f.name(), f.kind(), f.country(), m.errorKm(), g.lat(), g.lon(),
            f.lat(), f.lon());
        out.printf(Locale.ROOT, "      context: %s%n", context(a.text(), g.start(), g.end()));
        out.printf(Locale.ROOT, "      gazetteer's nearest \"%s\": %s%n", f.text(),
            nearest(gazetteer, f.text(), g.lat(), g.lon()));
      }
    }
  }

  /** The 80 characters either side of a toponym, on one line, the toponym in brackets. */
  private static String context(String text, int start, int end) {
    String before = text.substring(Math.max(0, start - 80), start);
    String after = text.substring(end, Math.min(text.length(), end + 80));
    return (before + "[[" + text.substring(start, end) + "]]" + after).replaceAll("\\s+", " ");
  }

  /** The gazetteer's place of that name nearest the gold point, to tell wrong senses from gaps. */
  private static String nearest(Gazetteer gazetteer, String name, double lat, double lon) {
    List<Place> all = gazetteer.lookup(name);
    Place best = null;
    double bestKm = Double.MAX_VALUE;
    for (Place p : all) {
      double km = Place.distanceKm(lat, lon, p.lat(), p.lon());
      if (km < bestKm) {
        bestKm = km;
        best = p;
      }
    }
    return best == null ? "none of " + all.size() + " senses"
        : String.format(Locale.ROOT, "%s (%s, %s-%s, pop %d) %.0f km, of %d senses", best.name(),
            best.kind(), best.country(), best.admin1(), best.population(), bestKm, all.size());
  }

  private List<TaggedText> tag(Annotator annotator, List<GeoparsingData.Article> articles) {
    TaggedText[] out = new TaggedText[articles.size()];
    new java.util.concurrent.ForkJoinPool(Math.max(1, threads)).submit(() ->
        IntStream.range(0, articles.size()).parallel().forEach(i ->
            out[i] = annotator.tag(articles.get(i).text(), "en", null))).join();
    return List.of(out);
  }

  private static List<TaggedText> readCache(Path file) throws IOException {
    List<TaggedText> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(Json.read(line, TaggedText.class));
      }
    }
    return out;
  }

  private static void writeCache(Path file, List<TaggedText> tagged) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
      for (TaggedText t : tagged) {
        w.write(Json.write(t));
        w.write('\n');
      }
    }
  }
}
