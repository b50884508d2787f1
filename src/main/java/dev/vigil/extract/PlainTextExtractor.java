package dev.vigil.extract;

import dev.vigil.lang.LanguageDetector;
import dev.vigil.model.ExtractedArticle;
import dev.vigil.model.RawDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain UTF-8 text. Paragraphs are kept apart by a blank line: a line is a paragraph unless
 * the block it stands in is hard-wrapped, in which case the block's lines are joined. When the
 * input declares no title, a short first line that does not end like a sentence is taken as
 * the headline and left out of the body.
 */
final class PlainTextExtractor implements Extractor {
  private static final int MAX_TITLE_CHARS = 200;
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?][\"”’')\\]]?$");
  private static final Pattern NOT_A_TITLE_END = Pattern.compile(".*([.;:,]|[.,][\"”’'])$");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n\\s*");

  private final LanguageDetector languages;

  PlainTextExtractor(LanguageDetector languages) {
    this.languages = languages;
  }

  @Override
  public ExtractedArticle extract(RawDocument doc) throws ExtractionException {
    TextChecks.requireText(doc.content());
    String text = TextChecks.normalize(TextChecks.decodeUtf8(doc.content()));
    List<String> paragraphs = paragraphs(text);
    String title = doc.given().title() == null ? null : doc.given().title().strip();
    if ((title == null || title.isEmpty()) && paragraphs.size() > 1 && looksLikeTitle(paragraphs.get(0))) {
      title = paragraphs.remove(0);
    }
    String body = String.join("\n\n", paragraphs);
    if (body.isEmpty() && (title == null || title.isEmpty())) {
      throw new ExtractionException("no text (only whitespace)");
    }
    String language = languages.detect(body.isEmpty() ? title : body);
    return new ExtractedArticle(doc.given().url(), emptyToNull(title), null,
        doc.given().published(), language, null, body);
  }

  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String block : BLANK_LINES.split(text.strip())) {
      List<String> lines = new ArrayList<>();
      for (String line : block.split("\n")) {
        String l = collapseSpaces(line);
        if (!l.isEmpty()) {
          lines.add(l);
        }
      }
      if (lines.isEmpty()) {
        continue;
      }
      if (isHardWrapped(lines)) {
        out.add(String.join(" ", lines));
      } else {
        out.addAll(lines);
      }
    }
    return out;
  }

  /** Most lines break mid-sentence at a similar, modest width: the block was wrapped by hand. */
  private static boolean isHardWrapped(List<String> lines) {
    if (lines.size() < 3) {
      return false;
    }
    int midSentence = 0;
    int shortish = 0;
    for (int i = 0; i < lines.size() - 1; i++) {
      String l = lines.get(i);
      if (!SENTENCE_END.matcher(l).matches()) {
        midSentence++;
      }
      if (l.length() <= 100) {
        shortish++;
      }
    }
    int n = lines.size() - 1;
    return midSentence * 2 >= n && shortish * 10 >= n * 8;
  }

  static boolean looksLikeTitle(String paragraph) {
    return paragraph.length() <= MAX_TITLE_CHARS
        && paragraph.indexOf(' ') > 0
        && !NOT_A_TITLE_END.matcher(paragraph).matches();
  }

  private static String collapseSpaces(String line) {
    return line.strip().replaceAll(" {2,}", " ");
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
