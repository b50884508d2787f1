package dev.vigil.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.vigil.internal.Json;
import dev.vigil.model.IsoDates;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads a feed document of any kind Vigil knows, telling them apart by content, not by the
 * server's Content-Type (which is often wrong): JSON Feed (a JSON object), OPML, sitemaps
 * ({@code urlset} with the Google News extension, {@code sitemapindex}), and everything Rome
 * reads (RSS 0.9x, 1.0/RDF, 2.0, Atom 0.3/1.0). Item URLs are made absolute against the feed.
 * Thread-safe.
 */
public final class FeedParser {
  private static final Pattern DOCTYPE =
      Pattern.compile("<!DOCTYPE[^>\\[]*(\\[[^\\]]*\\])?\\s*>", Pattern.CASE_INSENSITIVE);
  private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

  /**
   * @param url where the document came from (for relative links and messages)
   * @throws FeedFormatException naming the URL when the text is no feed or is malformed
   */
  public ParsedFeed parse(String url, String text) throws FeedFormatException {
    String t = text.strip();
    if (t.isEmpty()) {
      throw new FeedFormatException(url, "empty document, not a feed");
    }
    if (t.charAt(0) == '{') {
      return jsonFeed(url, t);
    }
    if (t.charAt(0) != '<') {
      throw new FeedFormatException(url, "not a feed (neither XML nor JSON): starts with '"
          + t.substring(0, Math.min(30, t.length())).replaceAll("\\s+", " ") + "'");
    }
    String head = t.substring(0, Math.min(t.length(), 2000)).toLowerCase(Locale.ROOT);
    if (head.contains("<opml") || head.contains("<urlset") || head.contains("<sitemapindex")) {
      return dom(url, t);
    }
    if (head.contains("<html")) {
      throw new FeedFormatException(url, "an HTML page, not a feed");
    }
    return rome(url, t);
  }

  private ParsedFeed rome(String url, String text) throws FeedFormatException {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    SyndFeed feed;
    try {
      // a DOCTYPE (RSS 0.91's Netscape DTD) is dropped, never fetched or expanded
      feed = input.build(new StringReader(DOCTYPE.matcher(text).replaceFirst("")));
    } catch (FeedException | IllegalArgumentException e) {
      throw new FeedFormatException(url, "malformed feed: " + firstLine(e.getMessage()), e);
    }
    List<FeedItem> items = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      String link = e.getLink();
      if ((link == null || link.isBlank()) && e.getUri() != null && e.getUri().startsWith("http")) {
        link = e.getUri(); // RSS guid isPermaLink, Atom id that is a URL
      }
      if (link == null || link.isBlank()) {
        continue; // an item without a link is no article we can fetch
      }
      SyndContent d = e.getDescription();
      if (d == null && !e.getContents().isEmpty()) {
        d = e.getContents().get(0);
      }
      Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      items.add(new FeedItem(absolute(url, link), clean(e.getTitle()), d == null ? null : d.getValue(),
          date == null ? null : IsoDates.format(date.toInstant()), e.getUri()));
    }
    return new ParsedFeed(url, feed.getFeedType(), clean(feed.getTitle()), feed.getLink(), items, List.of());
  }

  private ParsedFeed jsonFeed(String url, String text) throws FeedFormatException {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new FeedFormatException(url, "malformed JSON: " + firstLine(e.getMessage()), e);
    }
    if (!root.path("version").asText("").startsWith("https://jsonfeed.org/version/")) {
      throw new FeedFormatException(url, "JSON without a JSON Feed version (https://jsonfeed.org/version/1.1)");
    }
    List<FeedItem> items = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      String link = text(item, "url");
      if (link == null) {
        link = text(item, "external_url");
      }
      if (link == null) {
        continue;
      }
      String summary = text(item, "summary");
      if (summary == null) {
        summary = text(item, "content_text");
      }
      if (summary == null) {
        summary = text(item, "content_html");
      }
      items.add(new FeedItem(absolute(url, link), clean(text(item, "title")), summary,
          date(text(item, "date_published")), text(item, "id")));
    }
    return new ParsedFeed(url, "json", clean(text(root, "title")), text(root, "home_page_url"), items, List.of());
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private ParsedFeed dom(String url, String text) throws FeedFormatException {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      doc = b.parse(new InputSource(new StringReader(text)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    } catch (SAXException | IOException e) {
      throw new FeedFormatException(url, "malformed XML: " + firstLine(e.getMessage()), e);
    }
    Element root = doc.getDocumentElement();
    String name = root.getLocalName() != null ? root.getLocalName() : root.getTagName();
    switch (name) {
      case "opml": {
        List<String> feeds = new ArrayList<>();
        NodeList outlines = root.getElementsByTagName("outline");
        for (int i = 0; i < outlines.getLength(); i++) {
          String x = ((Element) outlines.item(i)).getAttribute("xmlUrl");
          if (!x.isBlank()) {
            feeds.add(absolute(url, x.strip()));
          }
        }
        NodeList titles = root.getElementsByTagName("title");
        String title = titles.getLength() > 0 ? clean(titles.item(0).getTextContent()) : null;
        return new ParsedFeed(url, "opml", title, null, List.of(), feeds);
      }
      case "sitemapindex": {
        List<String> feeds = new ArrayList<>();
        for (Element s : children(root, "sitemap")) {
          String loc = childText(s, "loc", null);
          if (loc != null) {
            feeds.add(absolute(url, loc));
          }
        }
        return new ParsedFeed(url, "sitemapindex", null, null, List.of(), feeds);
      }
      case "urlset": {
        List<FeedItem> items = new ArrayList<>();
        for (Element u : children(root, "url")) {
          String loc = childText(u, "loc", null);
          if (loc == null) {
            continue;
          }
          Element news = first(u, NEWS_NS, "news");
          String title = news == null ? null : childText(news, "title", NEWS_NS);
          String date = news == null ? null : childText(news, "publication_date", NEWS_NS);
          if (date == null) {
            date = childText(u, "lastmod", null);
          }
          items.add(new FeedItem(absolute(url, loc), clean(title), null, date(date), loc));
        }
        return new ParsedFeed(url, "sitemap", null, null, items, List.of());
      }
      default:
        throw new FeedFormatException(url, "XML root <" + name + "> is no feed, OPML or sitemap");
    }
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element first(Element parent, String ns, String localName) {
    NodeList l = parent.getElementsByTagNameNS(ns, localName);
    return l.getLength() == 0 ? null : (Element) l.item(0);
  }

  private static String childText(Element parent, String localName, String ns) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())
          && (ns == null || ns.equals(e.getNamespaceURI()))) {
        String s = e.getTextContent().strip();
        return s.isEmpty() ? null : s;
      }
    }
    return null;
  }

  private static String date(String raw) {
    if (raw == null) {
      return null;
    }
    String iso = IsoDates.normalize(raw);
    return iso != null && IsoDates.isValid(iso) ? iso : null;
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String c = s.replaceAll("\\s+", " ").strip();
    return c.isEmpty() ? null : c;
  }

  static String absolute(String base, String link) {
    String l = link.strip();
    try {
      return URI.create(base).resolve(l.replace(" ", "%20")).toString();
    } catch (IllegalArgumentException e) {
      return l;
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
