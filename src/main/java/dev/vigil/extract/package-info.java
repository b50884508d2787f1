/**
 * The extract stage: turns a {@link dev.vigil.model.RawDocument} (plain text or an HTML page)
 * into an {@link dev.vigil.model.ExtractedArticle}: the article's text, title, byline,
 * publication date, canonical URL and language. Input that holds no article is reported with
 * an {@link ExtractionException} whose message says why.
 */
package dev.vigil.extract;
