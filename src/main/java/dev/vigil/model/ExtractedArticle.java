package dev.vigil.model;

import java.util.Objects;

/**
 * What the extract stage makes of one input document: the article's text and whatever
 * metadata the input carried. Everything but {@code text} may be null. {@code text} keeps
 * paragraphs apart with a blank line.
 *
 * @param url where the article lives: the URL the input gave, else the page's canonical URL
 * @param published publication date, ISO 8601 at the precision the source gives
 * @param language ISO 639-1 code where one exists, else ISO 639-3, or "und"
 * @param siteName the outlet's name as the page gives it
 * @param modified last modification date, ISO 8601
 * @param canonicalUrl the URL the page itself names as canonical
 * @param image the article's lead image (absolute URL)
 */
public record ExtractedArticle(
    String url, String title, String byline, String published, String language,
    String siteName, String text, String modified, String canonicalUrl, String image) {

  public ExtractedArticle {
    Objects.requireNonNull(text, "text");
    if (published != null && !IsoDates.isValid(published)) {
      throw new IllegalArgumentException("published is not an ISO 8601 date: " + published);
    }
    if (modified != null && !IsoDates.isValid(modified)) {
      throw new IllegalArgumentException("modified is not an ISO 8601 date: " + modified);
    }
  }

  /** An article that carries no more than the fields every input can give. */
  public ExtractedArticle(String url, String title, String byline, String published,
      String language, String siteName, String text) {
    this(url, title, byline, published, language, siteName, text, null, null, null);
  }
}
