package dev.vigil.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The snippets of a page of hits (two passages of about {@value #SNIPPET_CHARS} characters
 * around the matches, cut at sentence ends), together with the hits' other stored fields,
 * read from the stored-fields blocks in one pass: the highlighter has to decompress each hit's
 * stored text anyway, and reading the title, source and date separately afterwards
 * decompressed the same blocks a second time.
 */
final class Snippets {
  static final int SNIPPET_CHARS = 220;
  static final int MAX_CHARS = 200_000;
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  /** Each hit's snippet ("" when none) and its stored fields among those asked for. */
  record Page(String[] snippets, Document[] fields) {}

  private Snippets() {}

  /**
   * Highlights {@code query} in the text of {@code docIds} and reads their {@code fields}.
   *
   * @param html {@code <mark>} around matches and HTML-escaped text; else {@code «»} and plain text
   */
  static Page of(IndexSearcher searcher, Analyzer analyzer, Query query, int[] docIds,
      Set<String> fields, boolean html) throws IOException {
    if (docIds.length == 0) {
      return new Page(new String[0], new Document[0]);
    }
    Set<String> load = new HashSet<>(fields);
    load.add(IndexFields.TEXT);
    Loading highlighter = new Loading(UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(html
            ? new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)
            : new DefaultPassageFormatter("«", "»", " … ", false))
        .withMaxLength(MAX_CHARS)
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            new SentenceBreaks(), SNIPPET_CHARS, 0.3f)), load);
    String[] out = highlighter.highlightFields(new String[] {IndexFields.TEXT}, query, docIds,
        new int[] {2}).get(IndexFields.TEXT);
    Document[] docs = new Document[docIds.length];
    StoredFields stored = null;
    for (int i = 0; i < docIds.length; i++) {
      out[i] = out[i] == null ? "" : WHITESPACE.matcher(out[i]).replaceAll(" ").strip();
      docs[i] = highlighter.loaded.get(docIds[i]);
      if (docs[i] == null) { // a hit with no text to highlight: read on its own
        stored = stored != null ? stored : searcher.storedFields();
        docs[i] = stored.document(docIds[i], fields);
      }
    }
    return new Page(out, docs);
  }

  /** The highlighter, keeping the documents it reads for their other fields. */
  private static final class Loading extends UnifiedHighlighter {
    private final Set<String> load;
    final Map<Integer, Document> loaded = new HashMap<>();

    Loading(UnifiedHighlighter.Builder builder, Set<String> load) {
      super(builder);
      this.load = load;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
        int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      StoredFields stored = searcher.storedFields();
      long chars = 0;
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        Document d = stored.document(doc, load);
        loaded.put(doc, d);
        CharSequence[] row = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          String v = d.get(fields[f]);
          row[f] = v == null ? "" : v.length() > getMaxLength() ? v.substring(0, getMaxLength()) : v;
          chars += row[f].length();
        }
        values.add(row);
        if (chars > cacheCharsThreshold && cacheCharsThreshold != 0) {
          break; // as the default: the caller asks again for the rest
        }
      }
      return values;
    }
  }
}
