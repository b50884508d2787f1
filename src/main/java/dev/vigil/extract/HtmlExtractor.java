package dev.vigil.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.internal.Json;
import dev.vigil.lang.LanguageDetector;
import dev.vigil.model.ExtractedArticle;
import dev.vigil.model.IsoDates;
import dev.vigil.model.RawDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML pages: metadata from the page's meta tags, JSON-LD and markup; the body as the text of
 * the page's block elements (paragraphs, headings, list items, quotes) once navigation, page
 * chrome and scripts are removed, taken from the {@code <article>} element when the page has
 * one. A first version: the article-extraction issue replaces the body heuristics.
 */
final class HtmlExtractor implements Extractor {
  private static final String CHROME =
      "script, style, noscript, template, svg, nav, header, footer, aside, form, iframe, button,"
          + " select, [hidden], [aria-hidden=true], [role=navigation], [role=banner],"
          + " [role=contentinfo]";
  private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd";
  private static final Set<String> BLOCK_TAGS =
      Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd");

  private final LanguageDetector languages;

  HtmlExtractor(LanguageDetector languages) {
    this.languages = languages;
  }

  @Override
  public ExtractedArticle extract(RawDocument doc) throws ExtractionException {
    TextChecks.requireText(doc.content());
    Document page;
    try {
      page = Jsoup.parse(new ByteArrayInputStream(doc.content()), null,
          doc.given().url() == null ? "" : doc.given().url());
    } catch (IOException e) {
      throw new ExtractionException("cannot parse HTML: " + e.getMessage());
    }
    List<JsonNode> jsonLd = jsonLd(page);
    String siteName = meta(page, "meta[property=og:site_name]");
    String url = firstNonBlank(doc.given().url(), attr(page, "link[rel=canonical]", "abs:href"),
        meta(page, "meta[property=og:url]"));
    String title = firstNonBlank(doc.given().title(), meta(page, "meta[property=og:title]"),
        jsonLdText(jsonLd, "headline"), meta(page, "meta[name=twitter:title]"),
        text(page, "h1"), stripSiteName(page.title(), siteName));
    String published = firstNonBlank(doc.given().published(),
        IsoDates.normalize(meta(page, "meta[property=article:published_time]")),
        IsoDates.normalize(jsonLdText(jsonLd, "datePublished")),
        IsoDates.normalize(meta(page, "meta[itemprop=datePublished]")),
        IsoDates.normalize(meta(page, "meta[name=pubdate], meta[name=publishdate],"
            + " meta[name=date], meta[name=dc.date.issued], meta[name=DC.date.issued]")),
        IsoDates.normalize(attr(page, "time[datetime]", "datetime")));
    String byline = firstNonBlank(meta(page, "meta[name=author]"),
        jsonLdAuthor(jsonLd), text(page, "[rel=author], .byline, .author"));

    page.select(CHROME).remove();
    Element container = mainContainer(page);
    String body = TextChecks.normalize(String.join("\n\n", blocks(container)));
    if (title != null) {
      title = TextChecks.normalize(title).strip();
      if (body.startsWith(title + "\n\n")) { // the headline repeated as the first block
        body = body.substring(title.length() + 2);
      }
    }
    if (body.isBlank() && (title == null || title.isBlank())) {
      throw new ExtractionException("no article text in the page");
    }
    String language = languages.detect(body.isBlank() ? title : body);
    return new ExtractedArticle(blankToNull(url), blankToNull(title), blankToNull(byline),
        published, language, blankToNull(siteName), body);
  }

  /** The {@code <article>} (or main) element with the most text, else the body. */
  private static Element mainContainer(Document page) {
    Element best = null;
    int bestLength = 0;
    for (Element e : page.select("article, main, [role=main]")) {
      int length = e.text().length();
      if (length > bestLength) {
        best = e;
        bestLength = length;
      }
    }
    Element body = page.body();
    return best != null && bestLength * 5 >= body.text().length() ? best : body;
  }

  /** Text of the innermost block elements in document order; the whole text if there are none. */
  private static List<String> blocks(Element container) {
    List<String> out = new ArrayList<>();
    for (Element block : container.select(BLOCKS)) {
      if (hasBlockChild(block)) {
        continue;
      }
      String text = block.text().strip();
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    if (out.isEmpty()) {
      String text = container.wholeText().strip();
      for (String para : text.split("\\n\\s*\\n")) {
        String p = para.strip().replaceAll("\\s+", " ");
        if (!p.isEmpty()) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private static boolean hasBlockChild(Element element) {
    for (Element d : element.getAllElements()) {
      if (d != element && BLOCK_TAGS.contains(d.normalName())) {
        return true;
      }
    }
    return false;
  }

  private static String stripSiteName(String title, String siteName) {
    if (title == null) {
      return null;
    }
    String t = title.strip();
    if (siteName != null && !siteName.isBlank()) {
      for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: "}) {
        if (t.endsWith(sep + siteName)) {
          return t.substring(0, t.length() - sep.length() - siteName.length());
        }
        if (t.startsWith(siteName + sep)) {
          return t.substring(siteName.length() + sep.length());
        }
      }
    }
    return t;
  }

  private static List<JsonNode> jsonLd(Document page) {
    List<JsonNode> out = new ArrayList<>();
    for (Element script : page.select("script[type=application/ld+json]")) {
      try {
        JsonNode node = Json.mapper().readTree(script.data());
        collect(node, out);
      } catch (IOException | RuntimeException ignored) {
        // broken JSON-LD is common and not worth failing the page for
      }
    }
    return out;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    } else if (node.isObject()) {
      out.add(node);
      collect(node.get("@graph"), out);
    }
  }

  private static String jsonLdText(List<JsonNode> nodes, String field) {
    for (JsonNode n : nodes) {
      JsonNode v = n.get(field);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return v.asText();
      }
    }
    return null;
  }

  private static String jsonLdAuthor(List<JsonNode> nodes) {
    for (JsonNode n : nodes) {
      JsonNode author = n.get("author");
      if (author == null) {
        continue;
      }
      JsonNode first = author.isArray() && author.size() > 0 ? author.get(0) : author;
      if (first.isTextual()) {
        return first.asText();
      }
      if (first.hasNonNull("name")) {
        return first.get("name").asText();
      }
    }
    return null;
  }

  private static String meta(Document page, String query) {
    return attr(page, query, "content");
  }

  private static String attr(Document page, String query, String attribute) {
    Element e = page.selectFirst(query);
    if (e == null) {
      return null;
    }
    String value = e.attr(attribute).strip();
    return value.isEmpty() ? null : value;
  }

  private static String text(Document page, String query) {
    Element e = page.selectFirst(query);
    return e == null ? null : blankToNull(e.text().strip());
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
