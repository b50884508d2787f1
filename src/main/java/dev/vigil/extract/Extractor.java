package dev.vigil.extract;

import dev.vigil.model.ExtractedArticle;
import dev.vigil.model.RawDocument;

/** Turns one raw document into an article. Implementations are thread-safe. */
public interface Extractor {
  /**
   * @throws ExtractionException if the document holds no article (binary, undecodable, empty,
   *     no text), with the reason
   */
  ExtractedArticle extract(RawDocument document) throws ExtractionException;

  /** The extractor for every format Vigil reads: plain text and HTML. */
  static Extractor standard(dev.vigil.lang.LanguageDetector languages) {
    Extractor text = new PlainTextExtractor(languages);
    Extractor html = new HtmlExtractor(languages);
    return doc -> doc.format() == RawDocument.Format.HTML ? html.extract(doc) : text.extract(doc);
  }
}
