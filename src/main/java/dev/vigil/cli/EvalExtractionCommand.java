package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.extract.ExtractionException;
import dev.vigil.extract.Extractor;
import dev.vigil.internal.Json;
import dev.vigil.model.ExtractedArticle;
import dev.vigil.model.RawDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil eval extraction DIR}: body F1 of the HTML extractor against hand-made article
 * bodies, and how often it finds the publication date.
 *
 * <p>The development set's ground truth has bodies and URLs but no dates. Dates are therefore
 * checked against the date that the page's URL carries ({@code /2019/11/18/}, {@code
 * /2019/nov/18/}, {@code /2019/11/}), on the pages whose URL carries one, with the extractor
 * given the page without its URL, so that it must find the date in the page itself.
 */
@Command(mixinStandardHelpOptions = true, name = "extraction", sortOptions = false,
    description = {
        "Score article extraction on a folder like ../shared/data/dev/extraction",
        "(ground-truth.json + html/ID.html.gz): token-shingle precision, recall, F1",
        "(means over pages), pages/s, and the publication-date rate.",
    })
final class EvalExtractionCommand implements Callable<Integer> {
  private static final String[] MONTHS =
      {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  private static final Pattern URL_DATE = Pattern.compile(
      "/((?:19|20)\\d\\d)/(\\d\\d?|[a-z]{3})/(?:(\\d\\d?)/)?", Pattern.CASE_INSENSITIVE);

  @Parameters(paramLabel = "DIR", description = "Folder with ground-truth.json and html/.")
  Path dir;

  @Option(names = {"-v", "--verbose"}, description = "Also list each page's scores, worst first.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** One page's outcome. */
  record PageScore(String id, String url, ShingleOverlap score, String published, String urlDate,
      boolean dateRight, String error) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    JsonNode truth = Json.mapper().readTree(dir.resolve("ground-truth.json").toFile());
    Extractor extractor = new Components().extractor();
    List<String> ids = new ArrayList<>();
    List<byte[]> pages = new ArrayList<>();
    for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      ids.add(id);
      pages.add(gunzip(dir.resolve("html").resolve(id + ".html.gz")));
    }
    for (int i = 0; i < Math.min(ids.size(), 20); i++) { // warm the JIT before timing
      extractQuietly(extractor, ids.get(i), pages.get(i), null);
    }
    List<PageScore> scores = new ArrayList<>();
    long nanos = 0;
    int datedUrls = 0;
    int datesRight = 0;
    int datesFound = 0;
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      JsonNode expected = truth.get(id);
      String url = expected.path("url").asText(null);
      long t0 = System.nanoTime();
      Result r = extractQuietly(extractor, id, pages.get(i), url);
      nanos += System.nanoTime() - t0;
      String body = r.article == null ? "" : r.article.text();
      if (r.article != null && r.article.published() != null) {
        datesFound++;
      }
      String urlDate = urlDate(url);
      boolean right = false;
      String published = null;
      if (urlDate != null) {
        datedUrls++;
        Result blind = extractQuietly(extractor, id, pages.get(i), null);
        published = blind.article == null ? null : blind.article.published();
        right = sameDay(published, urlDate);
        if (right) {
          datesRight++;
        }
      }
      scores.add(new PageScore(id, url, ShingleOverlap.of(expected.path("articleBody").asText(""), body),
          published, urlDate, right, r.error));
    }
    double precision = scores.stream().mapToDouble(s -> s.score().precision()).average().orElse(0);
    double recall = scores.stream().mapToDouble(s -> s.score().recall()).average().orElse(0);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    if (verbose) {
      scores.sort(Comparator.comparingDouble(s -> f1(s.score())));
      for (PageScore s : scores) {
        out.printf(Locale.ROOT, "%.3f  P %.3f  R %.3f  %s%s%s%n", f1(s.score()), s.score().precision(),
            s.score().recall(), s.url(),
            s.urlDate() == null ? "" : "  date " + (s.dateRight() ? "ok" : "WRONG " + s.published() + " vs " + s.urlDate()),
            s.error() == null ? "" : "  error: " + s.error());
      }
      out.println();
    }
    out.printf(Locale.ROOT, "pages      %d%n", scores.size());
    out.printf(Locale.ROOT, "precision  %.4f%n", precision);
    out.printf(Locale.ROOT, "recall     %.4f%n", recall);
    out.printf(Locale.ROOT, "F1         %.4f%n", f1);
    out.printf(Locale.ROOT, "pages/s    %.1f (one thread)%n", scores.size() / (nanos / 1e9));
    out.printf(Locale.ROOT, "date found %d/%d pages (%.1f%%)%n", datesFound, scores.size(),
        100.0 * datesFound / scores.size());
    out.printf(Locale.ROOT, "date right %d/%d pages whose URL carries a date (%.1f%%), found without the URL%n",
        datesRight, datedUrls, datedUrls == 0 ? 0 : 100.0 * datesRight / datedUrls);
    return ExitCodes.OK;
  }

  /**
   * The extracted date agrees with the URL's: the same day (or month, for a month in the URL);
   * for a timestamp with a zone, one day either side also counts, because the URL carries the
   * publisher's local day and the timestamp may be written in UTC.
   */
  static boolean sameDay(String published, String urlDate) {
    if (published == null) {
      return false;
    }
    if (published.startsWith(urlDate)) {
      return true;
    }
    if (urlDate.length() < 10 || published.length() <= 10) {
      return false;
    }
    java.time.LocalDate url = java.time.LocalDate.parse(urlDate);
    String day = published.substring(0, 10);
    return day.equals(url.plusDays(1).toString()) || day.equals(url.minusDays(1).toString());
  }

  private static double f1(ShingleOverlap s) {
    double p = s.precision();
    double r = s.recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private record Result(ExtractedArticle article, String error) {}

  private static Result extractQuietly(Extractor extractor, String id, byte[] html, String url) {
    RawDocument doc = new RawDocument(id, null, RawDocument.Format.HTML, html,
        new RawDocument.Given(null, url, null, null, null));
    try {
      return new Result(extractor.extract(doc), null);
    } catch (ExtractionException e) {
      return new Result(null, e.getMessage());
    }
  }

  /** The date a URL's path carries, as {@code 2019-11-18} or {@code 2019-11}; else null. */
  static String urlDate(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    if (!m.find()) {
      return null;
    }
    String month = m.group(2).toLowerCase(Locale.ROOT);
    int monthNumber = -1;
    if (Character.isDigit(month.charAt(0))) {
      monthNumber = Integer.parseInt(month);
    } else {
      for (int i = 0; i < MONTHS.length; i++) {
        if (MONTHS[i].equals(month)) {
          monthNumber = i + 1;
        }
      }
    }
    if (monthNumber < 1 || monthNumber > 12) {
      return null;
    }
    String ym = m.group(1) + String.format(Locale.ROOT, "-%02d", monthNumber);
    return m.group(3) == null ? ym : ym + String.format(Locale.ROOT, "-%02d", Integer.parseInt(m.group(3)));
  }

  private static byte[] gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }
}
