package dev.vigil.extract;

import dev.vigil.internal.Charsets;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.internal.Json;
import dev.vigil.lang.LanguageDetector;
import dev.vigil.model.ExtractedArticle;
import dev.vigil.model.IsoDates;
import dev.vigil.model.RawDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * HTML pages: the article's paragraphs (found by {@link MainContent}) and its metadata (title,
 * byline, publication and modification dates, canonical URL, site name, lead image) from the
 * page's JSON-LD, meta tags and markup, with the language detected from the text. The bytes
 * are decoded by {@link Charsets}, which trusts the bytes over a wrong declaration.
 */
final class HtmlExtractor implements Extractor {
  private static final String[] TITLE_SEPARATORS = {" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "};
  /** Markup beyond this many characters (scripts and styles removed) is not read. */
  static final int MAX_HTML_CHARS = 2_000_000;
  /** Elements nested deeper than this are attached at this depth; real pages stay below 100. */
  private static final int MAX_DEPTH = 256;
  private static final Pattern BY = Pattern.compile("(?i)^(by|por|von|par|di|от|автор:?)\\s+");

  private final LanguageDetector languages;

  HtmlExtractor(LanguageDetector languages) {
    this.languages = languages;
  }

  @Override
  public ExtractedArticle extract(RawDocument doc) throws ExtractionException {
    TextChecks.requireText(doc.content());
    if (doc.content().length == 0) {
      throw new ExtractionException("empty page (0 bytes)");
    }
    String html = RawText.withoutScripts(Charsets.decode(doc.content()));
    boolean cut = html.length() > MAX_HTML_CHARS;
    if (cut) {
      // no article page has this much markup; a pathological one (megabytes of nested
      // elements) would cost seconds per megabyte, so only its beginning is read
      html = html.substring(0, MAX_HTML_CHARS);
    }
    String givenUrl = doc.given().url();
    Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
    Document page = Jsoup.parse(html, givenUrl == null ? "" : givenUrl, parser);
    if (page.body() == null) {
      throw new ExtractionException("no article text in the page");
    }
    List<JsonNode> jsonLd = jsonLd(page);
    Map<String, String> metas = metaTags(page);
    String siteName = firstNonBlank(metas.get("og:site_name"), metas.get("application-name"),
        jsonLdPublisher(jsonLd));
    String canonical = firstNonBlank(absolute(page, "link[rel=canonical]", "href"),
        absolute(page, metas.get("og:url")));
    String url = firstNonBlank(givenUrl, canonical);
    String h1 = text(page, "h1");
    String title = firstNonBlank(doc.given().title(), metas.get("og:title"),
        jsonLdText(jsonLd, "headline"), metas.get("twitter:title"), h1,
        page.title());
    title = title == null ? null : stripSiteName(TextChecks.normalize(title).strip(), siteName, h1);
    String published = firstNonBlank(doc.given().published(), PageDates.published(page, metas, jsonLd, url));
    String modified = PageDates.modified(page, metas, jsonLd);
    if (modified != null && published != null
        && IsoDates.toEpochMillis(modified) < IsoDates.toEpochMillis(published)) {
      // a page is not changed before it appears: the publication date is the one that is off
      published = doc.given().published() != null ? published : modified;
    }
    String byline = byline(page, metas, jsonLd);
    String image = firstNonBlank(absolute(page, metas.get("og:image")),
        absolute(page, metas.get("twitter:image")), jsonLdImage(jsonLd));

    List<String> paragraphs = new ArrayList<>(MainContent.paragraphs(page));
    dropHeadlineAndByline(paragraphs, title, h1, byline);
    String body = TextChecks.normalize(String.join("\n\n", paragraphs));
    if (body.isBlank() && (title == null || title.isBlank())) {
      throw new ExtractionException(cut ? "no article text in the first " + MAX_HTML_CHARS
          + " characters of the page's markup (the rest is not read)" : "no article text in the page");
    }
    Element root = page.selectFirst("html");
    String declared = root == null ? null : root.attr("lang");
    String language = languages.detect(body.isBlank() ? title : body);
    if (LanguageDetector.UNDETERMINED.equals(language) && declared != null && declared.length() >= 2
        && Character.isLetter(declared.charAt(0)) && Character.isLetter(declared.charAt(1))) {
      language = declared.substring(0, 2).toLowerCase(Locale.ROOT); // too little text: the page's word
    }
    return new ExtractedArticle(url, title, byline, published, language, siteName, body,
        modified, canonical, image);
  }

  /** The headline and the byline repeated as the body's first blocks are not body. */
  private static void dropHeadlineAndByline(List<String> paragraphs, String title, String h1,
      String byline) {
    for (int i = 0; i < Math.min(3, paragraphs.size()); i++) {
      String p = paragraphs.get(i);
      if (p.equals(title) || p.equals(h1) || (byline != null && p.length() < 120
          && (p.equals(byline) || BY.matcher(p).replaceFirst("").startsWith(byline)))) {
        paragraphs.remove(i);
        i--;
      }
    }
  }

  private static String byline(Document page, Map<String, String> metas, List<JsonNode> jsonLd) {
    String b = firstNonBlank(jsonLdAuthor(jsonLd), metas.get("author"),
        metas.get("article:author"), metas.get("byl"),
        text(page, "[rel=author]"), text(page, "[itemprop=author]"), text(page, ".byline, .author"));
    if (b == null || b.startsWith("http")) {
      return null;
    }
    b = BY.matcher(TextChecks.normalize(b).strip()).replaceFirst("");
    return b.length() > 200 ? null : b;
  }

  static String stripSiteName(String title, String siteName, String h1) {
    if (h1 != null && !h1.equals(title) && title.startsWith(h1) && h1.length() > 20) {
      return h1;
    }
    for (String sep : TITLE_SEPARATORS) {
      if (siteName != null && !siteName.isBlank()) {
        if (title.endsWith(sep + siteName)) {
          return title.substring(0, title.length() - sep.length() - siteName.length()).strip();
        }
        if (title.startsWith(siteName + sep)) {
          return title.substring(siteName.length() + sep.length()).strip();
        }
      }
    }
    // "Headline | Site": a short last part after a separator is the site's name; a bar says so
    // by itself, a dash (which headlines use too) only after a headline twice as long
    for (String sep : TITLE_SEPARATORS) {
      int at = title.lastIndexOf(sep);
      int rest = title.length() - at - sep.length();
      if (at > 0 && rest <= 30 && title.indexOf(sep) == at
          && (sep.equals(" | ") || at > rest * 2)) {
        return title.substring(0, at).strip();
      }
    }
    return title;
  }

  private static List<JsonNode> jsonLd(Document page) {
    List<JsonNode> out = new ArrayList<>();
    for (Element script : page.select("script[type=application/ld+json]")) {
      try {
        collect(Json.mapper().readTree(script.data()), out);
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
      collect(node.get("mainEntity"), out);
    }
  }

  /** An Article, NewsArticle, BlogPosting, ReportageNewsArticle... node. */
  static boolean isArticleType(JsonNode node) {
    JsonNode type = node.get("@type");
    if (type == null) {
      return false;
    }
    for (JsonNode t : type.isArray() ? type : List.of(type)) {
      String s = t.asText();
      if (s.endsWith("Article") || s.equals("BlogPosting") || s.equals("Report")
          || s.equals("LiveBlogPosting") || s.equals("Posting")) {
        return true;
      }
    }
    return false;
  }

  private static String jsonLdText(List<JsonNode> nodes, String field) {
    String any = null;
    for (JsonNode n : nodes) {
      JsonNode v = n.get(field);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        if (isArticleType(n)) {
          return v.asText();
        }
        any = any == null ? v.asText() : any;
      }
    }
    return any;
  }

  private static String jsonLdAuthor(List<JsonNode> nodes) {
    for (JsonNode n : nodes) {
      JsonNode author = n.get("author");
      if (author == null || !isArticleType(n)) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (JsonNode a : author.isArray() ? author : List.of(author)) {
        String name = a.isTextual() ? a.asText() : a.path("name").asText("");
        if (!name.isBlank()) {
          names.add(name.strip());
        }
      }
      if (!names.isEmpty()) {
        return String.join(", ", names);
      }
    }
    return null;
  }

  private static String jsonLdPublisher(List<JsonNode> nodes) {
    for (JsonNode n : nodes) {
      JsonNode p = n.get("publisher");
      if (p != null && p.hasNonNull("name") && isArticleType(n)) {
        return p.get("name").asText();
      }
    }
    return null;
  }

  private static String jsonLdImage(List<JsonNode> nodes) {
    for (JsonNode n : nodes) {
      JsonNode img = n.get("image");
      if (img == null || !isArticleType(n)) {
        continue;
      }
      JsonNode first = img.isArray() && img.size() > 0 ? img.get(0) : img;
      String url = first.isTextual() ? first.asText() : first.path("url").asText(null);
      if (url != null && url.startsWith("http")) {
        return url;
      }
    }
    return null;
  }

  /**
   * The page's meta tags by name, property or itemprop (lower case) to their content; the first
   * tag of a name wins. One pass instead of a selector query per field.
   */
  private static Map<String, String> metaTags(Document page) {
    Map<String, String> out = new HashMap<>();
    for (Element meta : page.getElementsByTag("meta")) {
      String content = meta.attr("content").strip();
      if (content.isEmpty()) {
        continue;
      }
      for (String key : new String[] {"property", "name", "itemprop"}) {
        String name = meta.attr(key);
        if (!name.isEmpty()) {
          out.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), content);
        }
      }
    }
    return out;
  }

  private static String absolute(Document page, String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String base = page.location();
    if (base.isEmpty() || url.startsWith("http://") || url.startsWith("https://")) {
      return url.strip();
    }
    String abs = org.jsoup.internal.StringUtil.resolve(base, url.strip());
    return abs.isEmpty() ? url.strip() : abs;
  }

  private static String absolute(Document page, String query, String attribute) {
    Element e = page.selectFirst(query);
    if (e == null) {
      return null;
    }
    String abs = e.absUrl(attribute);
    return blankToNull(abs.isEmpty() ? e.attr(attribute).strip() : abs);
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
