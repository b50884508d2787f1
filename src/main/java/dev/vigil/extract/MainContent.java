package dev.vigil.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article in a parsed page and returns its paragraphs.
 *
 * <p>The page is cut into text blocks (the runs of text between block-level tags), each with
 * its length, its share of link text and what its ancestors' class and id say about it. Prose
 * blocks (long enough, few links) vote for the elements that hold them, as Readability does:
 * the parent gets the block's score, the grandparent half, further ancestors less, and an
 * element whose class or id looks like content or like page furniture is raised or lowered.
 * The best element, discounted by its link density, is the article's container; sibling
 * elements that score close to it or are prose paragraphs themselves join it (articles split
 * around an advertisement). The container's blocks are then filtered one by one, as boilerpipe
 * does: link lists, blocks inside furniture (share bars, newsletter boxes, related stories,
 * captions, comments) and short lines that are page furniture by their wording are dropped.
 *
 * <p>Everything runs in time linear in the page's size, without recursion, so that a page of
 * deeply nested elements costs no stack and no quadratic time.
 */
final class MainContent {
  private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote",
      "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
      "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
      "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
      "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "caption", "legend", "option");
  private static final Set<String> SKIP_TAGS = Set.of("script", "style", "noscript", "template",
      "svg", "iframe", "button", "select", "input", "textarea", "object", "embed", "canvas",
      "video", "audio", "map", "head", "title", "meta", "link", "dialog",
      "math", "label", "figcaption", "picture", "source");
  // Class and id words, matched as substrings of each lower-cased class name or id. Plain word
  // lists rather than regular expressions: these run on every element of every page.
  /** Furniture whatever else the name says. */
  private static final String[] ALWAYS_FURNITURE =
      {"comment", "disqus", "outbrain", "taboola", "newsletter", "cookie", "paywall"};
  /** Furniture unless the same name also says content ("entry-content-read-more"). */
  private static final String[] STRONG_FURNITURE = {"share", "sharing", "social", "related",
      "recommend", "subscri", "signup", "sign-up", "promo", "advert", "sponsor", "consent", "gdpr",
      "breadcrumb", "readmore", "read-more", "alsoread", "also-read", "more-stories", "morestories",
      "most-read", "mostread", "trending", "caption", "byline", "author-bio", "authorbio", "tags",
      "taglist", "nextread", "next-article", "prev-article", "popular"};
  /** Furniture unless a name of the same element says content. */
  private static final String[] FURNITURE = {"banner", "popup", "modal", "sidebar", "footer",
      "masthead", "menu", "navbar", "toolbar", "credit", "pagination", "pager", "skip",
      "print-only", "follow", "rating", "metadata", "meta-data", "post-meta", "postmeta",
      "entry-meta", "article-meta", "dateline", "timestamp", "video", "playlist", "gallery",
      "slideshow", "partner", "teaser", "aside", "image", "photo", "figure", "media"};
  private static final String[] CONTENT = {"article", "body", "content", "entry", "main", "post",
      "story", "text", "blog", "prose", "hentry", "paragraph", "embed"};
  private static final Pattern BOILERPLATE_LINE = Pattern.compile(
      "(?i)^(advertisement|advertising|sponsored|ad|read more|read next|related|related articles?"
          + "|recommended|share|share this( article| story)?|tweet|email|print|comments?"
          + "|sign up|subscribe( now)?|follow us.*|click here.*|image:.*|photo:.*|image source.*"
          + "|getty images|skip advert.*|continue reading.*|loading.*|scroll to continue.*"
          + "|story continues below.*|article continues below.*|see also:?.*|more:.*|watch:.*"
          + "|listen to this article.*|also read:?.*|read also:?.*|copyright.*|©.*|\\(c\\) .*"
          + "|advert|sharing is caring!?|you may also like:?|you might also like:?|tell us what you think.*"
          + "|updated:? .*|updated at .*|published:? .*|posted:? .*|last updated.*)$");
  /** Calls to act that a page puts around the article: subscribe, sign up, follow us. */
  private static final Pattern CALL_TO_ACTION = Pattern.compile(
      "(?i)\\b(newsletters?|sign up|subscribe|subscription|click here|follow (us|him|her|them) on"
          + "|delivered to your inbox|in your inbox)\\b");
  /** "By Jane Doe", "By Jane Doe and John Roe, Reuters": a byline standing as a block. */
  private static final Pattern BYLINE = Pattern.compile(
      "(?i:by|por|von|par|di|от|автор:?)\\s+\\p{Lu}[\\p{L}.'’-]*(\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}"
          + "((,| and| &)\\s+\\p{Lu}[\\p{L}.'’-]*(\\s+\\p{Lu}[\\p{L}.'’-]*){0,3})*");
  private static final int MIN_PROSE_CHARS = 25;

  private MainContent() {}

  /** One run of text between block-level tags. */
  static final class Block {
    final Element owner; // the nearest block-level element around the text
    final String text;
    final int linkChars;
    final Element furniture; // the innermost element around it whose class/id says furniture
    final boolean heading;

    Block(Element owner, String text, int linkChars, Element furniture, boolean heading) {
      this.owner = owner;
      this.text = text;
      this.linkChars = linkChars;
      this.furniture = furniture;
      this.heading = heading;
    }

    double linkDensity() {
      return text.isEmpty() ? 0 : (double) linkChars / text.length();
    }

    boolean isProse() {
      return !heading && text.length() >= MIN_PROSE_CHARS && linkDensity() < 0.35;
    }
  }

  /** Text and link totals below an element. */
  private static final class Totals {
    int chars;
    int linkChars;
    double score;
    boolean scored;
    boolean furniture;
    boolean inFurniture; // it or an element around it is furniture
  }

  /** The article's paragraphs, in page order; empty if the page holds no prose. */
  static List<String> paragraphs(Document page) {
    Collector collector = new Collector();
    NodeTraversor.traverse(collector, page);
    collector.flush();
    List<Block> blocks = collector.blocks;
    Map<Element, Totals> totals = collector.totals;

    // prose blocks vote for their ancestors
    Element best = null;
    double bestScore = 0;
    for (Block b : blocks) {
      if (!b.isProse() || (b.furniture != null && isWithinLevels(b.owner, b.furniture, 3))) {
        continue;
      }
      double score = 1 + commas(b.text) + Math.min(b.text.length() / 100.0, 10);
      // a paragraph votes for the element around it; text straight in a div or cell, for that
      String tag = b.owner.normalName();
      Element e = tag.equals("p") || tag.equals("pre") || tag.equals("blockquote")
          || tag.equals("li") || tag.equals("dd") ? b.owner.parent() : b.owner;
      for (int level = 0; e != null && level < 4; level++, e = e.parent()) {
        Totals t = totals.get(e);
        if (t == null) {
          break;
        }
        t.scored = true;
        t.score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
      }
    }
    for (Map.Entry<Element, Totals> en : totals.entrySet()) {
      Totals t = en.getValue();
      if (!t.scored) {
        continue;
      }
      double s = weighted(en.getKey(), t);
      if (s > bestScore) {
        bestScore = s;
        best = en.getKey();
      }
    }
    if (best == null) {
      return List.of();
    }
    Set<Element> chosen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    chosen.add(best);
    // an article cut into chunks (around an advertisement, say) has several good containers
    for (Map.Entry<Element, Totals> en : totals.entrySet()) {
      double s = weighted(en.getKey(), en.getValue());
      if (s >= bestScore * 0.5 && en.getKey() != best && !within(en.getKey(), chosen)
          && !within(best, Set.of(en.getKey()))) {
        chosen.add(en.getKey());
      }
    }
    // siblings of the containers that score well or hold prose of their own join them
    for (Element c : List.copyOf(chosen)) {
      Element parent = c.parent();
      if (parent == null) {
        continue;
      }
      double threshold = Math.max(10, bestScore * 0.2);
      for (Element sibling : parent.children()) {
        Totals t = totals.get(sibling);
        if (sibling == c || t == null || t.furniture) {
          continue;
        }
        double linkDensity = t.chars == 0 ? 0 : (double) t.linkChars / t.chars;
        if (t.scored && (weighted(sibling, t) >= threshold || (t.chars > 80 && linkDensity < 0.25))) {
          chosen.add(sibling);
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (Block b : blocks) {
      if (!within(b.owner, chosen) || furnitureInside(b, chosen) || !keep(b)) {
        continue;
      }
      out.add(b.text);
    }
    return out;
  }

  /** An element's votes, discounted by its link density and weighed by its class hints. */
  private static double weighted(Element e, Totals t) {
    if (!t.scored) {
      return 0;
    }
    double linkDensity = t.chars == 0 ? 0 : (double) t.linkChars / t.chars;
    return t.score * (1 - linkDensity) * classWeight(e) * (t.inFurniture ? 0.5 : 1);
  }

  private static boolean keep(Block b) {
    if (b.text.isEmpty()) {
      return false;
    }
    double ld = b.linkDensity();
    // a link list is furniture, but an address printed in the text (its own link) is content
    if (ld > 0.5 && !(b.text.length() > 200 && ld < 0.7) && !isAddress(b.text)) {
      return false;
    }
    if (b.text.length() < 80 && BOILERPLATE_LINE.matcher(b.text).matches()) {
      return false;
    }
    if (b.text.length() < 100 && (BYLINE.matcher(b.text).matches() || isDateLine(b.text))) {
      return false;
    }
    return b.text.length() >= 250 || !CALL_TO_ACTION.matcher(b.text).find();
  }

  /** "November 20, 2019 - 11:28 AMT", "Updated 19.11.2019": a date with hardly any words. */
  private static boolean isDateLine(String text) {
    if (PageDates.fromText(text) == null) {
      return false;
    }
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        letters++;
      }
    }
    return letters <= 16;
  }

  private static boolean isAddress(String text) {
    return (text.startsWith("http://") || text.startsWith("https://")) && text.indexOf(' ') < 0;
  }

  /** True if {@code ancestor} is {@code e} or one of its nearest {@code levels} ancestors. */
  private static boolean isWithinLevels(Element e, Element ancestor, int levels) {
    Element a = e;
    for (int i = 0; a != null && i <= levels; i++, a = a.parent()) {
      if (a == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** The block sits in furniture that is inside the chosen container (not around it). */
  private static boolean furnitureInside(Block b, Set<Element> chosen) {
    return b.furniture != null && within(b.furniture, chosen);
  }

  private static boolean within(Element e, Set<Element> chosen) {
    for (Element a = e; a != null; a = a.parent()) {
      if (chosen.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /** What an element's tag, class and id say: content raises its score, furniture lowers it. */
  private static double classWeight(Element e) {
    String tag = e.normalName();
    if (tag.equals("body") || tag.equals("html")) {
      return 1;
    }
    double w = tag.equals("article") || tag.equals("main") ? 1.2 : 1;
    return hasContentName(e) ? w * 1.3 : w;
  }

  static boolean isFurniture(Element e) {
    String tag = e.normalName();
    if (tag.equals("body") || tag.equals("html") || tag.equals("article") || tag.equals("main")) {
      return false;
    }
    if (tag.equals("nav") || tag.equals("aside") || tag.equals("footer")) {
      return true; // not skipped outright: pages that never close a nav hold the article in it
    }
    String cls = e.className();
    String id = e.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return false;
    }
    boolean weak = false;
    boolean content = false;
    String names = (cls + " " + id).toLowerCase(Locale.ROOT).replace('\t', ' ').replace('\n', ' ');
    for (int start = 0, end; start < names.length(); start = end + 1) {
      end = names.indexOf(' ', start);
      if (end < 0) {
        end = names.length();
      }
      String token = names.substring(start, end);
      if (token.isEmpty()) {
        continue;
      }
      boolean contentWord = containsAny(token, CONTENT);
      if (containsAny(token, ALWAYS_FURNITURE)
          || (!contentWord && (containsAny(token, STRONG_FURNITURE) || isAdName(token)))) {
        return true;
      }
      weak |= containsAny(token, FURNITURE) || token.startsWith("nav") || token.contains("-nav")
          || token.contains("_nav");
      content |= contentWord;
    }
    return weak && !content;
  }

  private static boolean hasContentName(Element e) {
    String hints = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    return !hints.isBlank() && containsAny(hints, CONTENT);
  }

  /** "ad", "ads", "ad-slot", "top_ads": an advertisement slot. */
  private static boolean isAdName(String token) {
    if (!token.contains("ad")) {
      return false;
    }
    for (String part : token.split("[-_]")) {
      if (part.equals("ad") || part.equals("ads")) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String s, String[] words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '،' || c == '，' || c == '、') {
        n++;
      }
    }
    return n;
  }

  /** Walks the page once, cutting it into blocks and summing text below each element. */
  private static final class Collector implements NodeVisitor {
    final List<Block> blocks = new ArrayList<>();
    final Map<Element, Totals> totals = new LinkedHashMap<>(); // page order: ties go to the first
    private final List<Element> blockStack = new ArrayList<>();
    private final List<Totals> totalsStack = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int linkChars;
    private int linkDepth;
    private int skipDepth;
    private final List<Element> furnitureStack = new ArrayList<>();
    private int headingDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        if (skipDepth == 0) {
          int before = text.length();
          appendCollapsed(t.getWholeText());
          if (linkDepth > 0) {
            linkChars += text.length() - before;
          }
        }
        return;
      }
      if (!(node instanceof Element e)) {
        return;
      }
      String tag = e.normalName();
      if (skipDepth > 0 || SKIP_TAGS.contains(tag) || isHidden(e)) {
        skipDepth++;
        return;
      }
      if (BLOCK_TAGS.contains(tag)) {
        flush();
        if (!tag.equals("br") && !tag.equals("hr")) {
          blockStack.add(e);
        }
      }
      Totals t = new Totals();
      totals.put(e, t);
      totalsStack.add(t);
      if (tag.equals("a")) {
        linkDepth++;
      }
      t.furniture = isFurniture(e);
      t.inFurniture = t.furniture || !furnitureStack.isEmpty();
      if (t.furniture) {
        furnitureStack.add(e);
      }
      if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
        headingDepth++;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return;
      }
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      String tag = e.normalName();
      if (BLOCK_TAGS.contains(tag)) {
        flush();
        if (!tag.equals("br") && !tag.equals("hr")) {
          blockStack.remove(blockStack.size() - 1);
        }
      }
      Totals t = totalsStack.remove(totalsStack.size() - 1);
      if (!totalsStack.isEmpty()) {
        Totals up = totalsStack.get(totalsStack.size() - 1);
        up.chars += t.chars;
        up.linkChars += t.linkChars;
      }
      if (tag.equals("a")) {
        linkDepth--;
      }
      if (t.furniture) {
        furnitureStack.remove(furnitureStack.size() - 1);
      }
      if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
        headingDepth--;
      }
    }

    private void appendCollapsed(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c) || c == '\u00a0') {
          if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
          }
        } else {
          text.append(c);
        }
      }
    }

    void flush() {
      String s = text.toString().strip();
      if (!s.isEmpty() && !blockStack.isEmpty()) {
        Element owner = blockStack.get(blockStack.size() - 1);
        Element furniture = furnitureStack.isEmpty() ? null : furnitureStack.get(furnitureStack.size() - 1);
        blocks.add(new Block(owner, s, Math.min(linkChars, s.length()), furniture,
            headingDepth > 0));
        if (!totalsStack.isEmpty()) {
          Totals t = totalsStack.get(totalsStack.size() - 1);
          t.chars += s.length();
          t.linkChars += Math.min(linkChars, s.length());
        }
      }
      text.setLength(0);
      linkChars = 0;
    }
  }

  private static boolean isHidden(Element e) {
    if (e.hasAttr("hidden")) {
      return true;
    }
    String style = e.attr("style");
    return !style.isEmpty() && style.replace(" ", "").contains("display:none");
  }
}
