package dev.vigil.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The Tehran Times crawl ({@code tehran-times.tar.xz}, CC BY 4.0): 33,724 files named
 * {@code _news_<id>_<slug>.txt}. Each file holds the article on its first line, then copies of
 * its own tail, each starting one paragraph later, then a licence line. The copies are dropped
 * and used to put the paragraph breaks back; the title is rebuilt from the slug.
 */
public final class TehranTimesCorpus {
  /** The source name given to every article. */
  public static final String SOURCE = "Tehran Times";
  private static final Pattern NAME = Pattern.compile("(?:.*/)?_news_(\\d+)_(.*)\\.txt");
  private static final Pattern LICENCE = Pattern.compile(
      "\\s*All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4\\.0"
          + " International License\\.?");
  /** Newer files are one line; runs of spaces with no-break spaces (or 3+ spaces) mark paragraphs. */
  private static final Pattern PARAGRAPH_GAP = Pattern.compile("[ \\u00a0]*\\u00a0[ \\u00a0]+| {3,}");

  private TehranTimesCorpus() {}

  /** Reads every article of the archive, in archive order. */
  public static void read(Path archive, Consumer<CorpusArticle> out) throws IOException {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
         XZCompressorInputStream xz = new XZCompressorInputStream(file);
         TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        if (!e.isFile()) {
          continue;
        }
        Matcher m = NAME.matcher(e.getName());
        if (!m.matches()) {
          continue;
        }
        String raw = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        String text = clean(raw);
        if (text.isBlank()) {
          continue;
        }
        String id = m.group(1);
        String slug = m.group(2);
        out.accept(new CorpusArticle("tt-" + id,
            "https://www.tehrantimes.com/news/" + id + "/" + slug, titleFromSlug(slug), text, SOURCE));
      }
    }
  }

  /**
   * The article without the crawl's repeated tails and licence line, paragraphs separated by
   * a blank line.
   */
  static String clean(String raw) {
    String[] lines = LICENCE.matcher(raw).replaceAll("").split("\n");
    String first = lines[0].strip();
    TreeSet<Integer> breaks = new TreeSet<>();
    List<String> extra = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int at = first.endsWith(line) ? first.length() - line.length() : first.indexOf(line);
      if (at > 0) {
        breaks.add(at);
      } else if (at < 0) {
        extra.add(line);
      }
    }
    List<String> paragraphs = new ArrayList<>();
    int from = 0;
    for (int b : breaks) {
      paragraphs.add(first.substring(from, b).strip());
      from = b;
    }
    paragraphs.add(first.substring(from).strip());
    paragraphs.addAll(extra);
    List<String> split = new ArrayList<>();
    for (String p : paragraphs) {
      for (String part : PARAGRAPH_GAP.split(p)) {
        String t = part.replace('\u00a0', ' ').replaceAll("[ \\t]{2,}", " ").strip();
        if (!t.isEmpty()) {
          split.add(t);
        }
      }
    }
    return String.join("\n\n", split);
  }

  /** "Iran-s-envoy-meets-U-S-officials" -> "Iran's envoy meets U.S. officials". */
  static String titleFromSlug(String slug) {
    String t = slug.replaceAll("(\\d)-(\\d{3})(?=\\b|-)", "$1,$2")
        .replaceAll("-s-", "'s-")
        .replaceAll("-s$", "'s")
        .replaceAll("\\bU-S\\b", "U.S.")
        .replaceAll("\\bU-N\\b", "U.N.")
        .replace('-', ' ')
        .replaceAll("\\s+", " ")
        .strip();
    return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
  }
}
