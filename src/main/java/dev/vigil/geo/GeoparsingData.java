package dev.vigil.geo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads labelled geoparsing corpora: TR-News and GeoWebNews (Gritta et al.), news texts with
 * each toponym marked by half-open character offsets and its coordinates. Toponyms without
 * coordinates (GeoWebNews' non-toponyms, expressions and demonyms of people) are not gold.
 */
public final class GeoparsingData {
  private GeoparsingData() {}

  /** One gold toponym. */
  public record Toponym(String phrase, int start, int end, double lat, double lon) {}

  /**
   * A deterministic split of a corpus for honest measurement: every 4th article in document
   * order (index 3, 7, 11, ...) is held out; the rules are tuned on the others.
   */
  public enum Split {
    TUNE, HELDOUT, ALL;

    /** Whether the article at {@code index} (0-based, document order) belongs to this split. */
    public boolean includes(int index) {
      boolean heldOut = index % 4 == 3;
      return this == ALL || (this == HELDOUT) == heldOut;
    }
  }

  /** One article and its gold toponyms. */
  public record Article(String id, String text, List<Toponym> toponyms) {}

  /**
   * The articles of {@code file} (TR-News or GeoWebNews XML).
   *
   * @throws IOException naming the file when it cannot be read or is neither format
   */
  public static List<Article> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** As {@link #read(Path)}, from a stream; {@code name} names it in errors. */
  public static List<Article> read(InputStream in, String name) throws IOException {
    Element root;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      root = f.newDocumentBuilder().parse(in).getDocumentElement();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(name + ": not a geoparsing XML file: " + e.getMessage(), e);
    }
    List<Article> out = new ArrayList<>();
    NodeList articles = root.getElementsByTagName("article");
    for (int i = 0; i < articles.getLength(); i++) {
      Element a = (Element) articles.item(i);
      String id = a.hasAttribute("docid") ? a.getAttribute("docid") : a.getAttribute("file");
      String text = child(a, "text");
      if (text == null) {
        throw new IOException(name + ": article " + id + " has no <text>");
      }
      List<Toponym> gold = new ArrayList<>();
      NodeList toponyms = a.getElementsByTagName("toponym");
      for (int j = 0; j < toponyms.getLength(); j++) {
        Element t = (Element) toponyms.item(j);
        String phrase = child(t, "phrase") != null ? child(t, "phrase") : child(t, "extractedName");
        String lat = child(t, "lat") != null ? child(t, "lat") : child(t, "latitude");
        String lon = child(t, "lon") != null ? child(t, "lon") : child(t, "longitude");
        String start = child(t, "start");
        if (lat == null || lon == null || lat.isBlank() || lon.isBlank() || start == null) {
          continue;
        }
        int s;
        try {
          s = Integer.parseInt(start.strip());
        } catch (NumberFormatException e) {
          throw new IOException(name + ": article " + id + ": bad offset in toponym " + phrase, e);
        }
        int at = align(text, phrase, s);
        if (at < 0) {
          continue; // the corpora have a few offsets that point nowhere near their phrase
        }
        try {
          gold.add(new Toponym(phrase, at, at + phrase.length(), Double.parseDouble(lat.strip()),
              Double.parseDouble(lon.strip())));
        } catch (NumberFormatException e) {
          throw new IOException(name + ": article " + id + ": bad coordinates in toponym " + phrase, e);
        }
      }
      gold.sort(java.util.Comparator.comparingInt(Toponym::start));
      out.add(new Article(id, text, List.copyOf(gold)));
    }
    return out;
  }

  /**
   * Where {@code phrase} starts near {@code offset}: the corpora count some offsets in code
   * points or off by one, so the nearest occurrence within 10 characters is taken; -1 if none.
   */
  static int align(String text, String phrase, int offset) {
    for (int d = 0; d <= 10; d++) {
      for (int at : new int[] {offset + d, offset - d}) {
        if (at >= 0 && text.startsWith(phrase, at)) {
          return at;
        }
      }
    }
    return -1;
  }

  private static String child(Element e, String tag) {
    NodeList l = e.getElementsByTagName(tag);
    return l.getLength() == 0 ? null : l.item(0).getTextContent();
  }
}
