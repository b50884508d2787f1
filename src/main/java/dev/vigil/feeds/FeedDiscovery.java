package dev.vigil.feeds;

import dev.vigil.fetch.FetchException;
import dev.vigil.fetch.FetchRequest;
import dev.vigil.fetch.FetchResult;
import dev.vigil.fetch.Fetcher;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Tells what a URL is and finds the feeds of a site or section: a feed (or OPML, sitemap) is
 * itself; an article page is a page; any other page gives the feeds it announces with
 * {@code <link rel="alternate">}, else the first of the usual paths ({@code /feed},
 * {@code /rss}, {@code /rss.xml}, {@code /atom.xml}, {@code /feed.xml},
 * {@code /sitemap-news.xml}) that answers with a feed.
 */
public final class FeedDiscovery {
  static final List<String> COMMON_PATHS =
      List.of("/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml", "/sitemap-news.xml");

  private final Fetcher fetcher;
  private final FeedParser parser;

  /** What a URL turned out to be. */
  public sealed interface Found permits Feed, Page, Feeds {}

  /**
   * The URL is a feed, OPML list or sitemap ({@code feed} is null when it is one by its content
   * but does not parse: the poll reports why); {@code response} is what was fetched.
   */
  public record Feed(ParsedFeed feed, FetchResult response) implements Found {}

  /** The URL is an article page (fetched: no need to fetch it again). */
  public record Page(FetchResult page) implements Found {}

  /** The URL is a site or section page with these feeds. */
  public record Feeds(String url, List<String> feeds) implements Found {}

  public FeedDiscovery(Fetcher fetcher, FeedParser parser) {
    this.fetcher = fetcher;
    this.parser = parser;
  }

  /**
   * @throws FetchException if the URL cannot be fetched
   * @throws FeedFormatException if the URL gives neither a feed nor an HTML page
   */
  public Found discover(String url) throws FetchException, FeedFormatException, InterruptedException {
    FetchResult r = fetcher.fetch(FetchRequest.of(url));
    String text = r.text();
    if (!looksLikeHtml(r, text)) {
      try {
        return new Feed(parser.parse(r.finalUrl(), text), r);
      } catch (FeedFormatException e) {
        if (text.stripLeading().startsWith("<") || text.stripLeading().startsWith("{")) {
          return new Feed(null, r); // a broken feed is still a feed to watch
        }
        throw e;
      }
    }
    Document page = Jsoup.parse(text, r.finalUrl());
    if (isArticle(page)) {
      return new Page(r);
    }
    Set<String> feeds = new LinkedHashSet<>();
    for (Element link : page.select("link[rel~=(?i)alternate][href]")) {
      String type = link.attr("type").toLowerCase(Locale.ROOT);
      if (type.contains("rss") || type.contains("atom") || type.contains("feed+json") || type.contains("rdf")) {
        feeds.add(link.absUrl("href"));
      }
    }
    if (feeds.isEmpty()) {
      URI base = URI.create(r.finalUrl());
      for (String path : COMMON_PATHS) {
        String candidate = base.resolve(path).toString();
        try {
          FetchResult c = fetcher.fetch(FetchRequest.of(candidate));
          String ct = c.text();
          if (!looksLikeHtml(c, ct)) {
            parser.parse(c.finalUrl(), ct);
            feeds.add(candidate);
            break;
          }
        } catch (FetchException | FeedFormatException e) {
          // not there: try the next usual path
        }
      }
    }
    if (feeds.isEmpty()) {
      return new Page(r); // no feeds: take it as a page
    }
    return new Feeds(r.finalUrl(), new ArrayList<>(feeds));
  }

  private static boolean looksLikeHtml(FetchResult r, String text) {
    String ct = r.contentType() == null ? "" : r.contentType().toLowerCase(Locale.ROOT);
    String head = text.stripLeading();
    head = head.substring(0, Math.min(head.length(), 1000)).toLowerCase(Locale.ROOT);
    if (head.startsWith("<?xml") || head.startsWith("{") || head.startsWith("<rss") || head.startsWith("<feed")
        || head.startsWith("<rdf") || head.startsWith("<opml") || head.startsWith("<urlset")) {
      return false;
    }
    return ct.contains("html") || head.contains("<html") || head.startsWith("<!doctype html");
  }

  /** An article page says so: Open Graph type, or JSON-LD of a news or blog article. */
  static boolean isArticle(Document page) {
    Element og = page.selectFirst("meta[property=og:type]");
    if (og != null && og.attr("content").toLowerCase(Locale.ROOT).contains("article")) {
      return true;
    }
    for (Element ld : page.select("script[type=application/ld+json]")) {
      if (ld.data().matches("(?s).*\"@type\"\\s*:\\s*\\[?\\s*\"(News|Blog|Report|)(Article|Posting)\".*")) {
        return true;
      }
    }
    return false;
  }
}
