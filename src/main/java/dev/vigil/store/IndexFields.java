package dev.vigil.store;

import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.EntityMention;
import dev.vigil.model.Event;
import dev.vigil.model.IsoDates;
import dev.vigil.model.PlaceMention;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * The index's fields, and how an article becomes a Lucene document. Text fields are analysed
 * for English; keyword fields ({@code source_key, language, entity, place, country, category,
 * event_type}) match whole lower-cased values and carry doc values for facets; dates are
 * points for range queries.
 */
final class IndexFields {
  /** Bumped when documents are built differently: an index of another version is rebuilt. */
  static final String SCHEMA_VERSION = "5";

  static final String ID = "id";
  static final String TITLE = "title";
  static final String TEXT = "text";
  static final String SOURCE = "source";
  static final String SOURCE_KEY = "source_key";
  static final String LANGUAGE = "language";
  static final String PUBLISHED = "published";
  static final String PUBLISHED_ISO = "published_iso";
  static final String INGESTED = "ingested";
  static final String SORT_MS = "sort_ms";
  /** Doc values of the publication time, for the date histogram (absent when undated). */
  static final String PUBLISHED_MS = "published_ms";
  static final String ENTITY = "entity";
  /**
   * Doc values of the people and organisations an article names, for the "who" facet. A field
   * has one schema in Lucene, and {@code entity} also holds names that are not faceted.
   */
  static final String ENTITY_FACET = "entity_facet";
  static final String PLACE = "place";
  static final String COUNTRY = "country";
  static final String CATEGORY = "category";
  static final String EVENT_TYPE = "event_type";
  /** The article's TLP label and owning organisation, for {@link Visibility#luceneHidden}; not queryable. */
  static final String TLP = "tlp";
  static final String ORG = "org";

  static final Set<String> KEYWORD_FIELDS =
      Set.of(ID, SOURCE_KEY, LANGUAGE, ENTITY, PLACE, COUNTRY, CATEGORY, EVENT_TYPE);
  static final Set<String> DATE_FIELDS = Set.of(PUBLISHED, INGESTED);

  /** Stored, analysed, with offsets in the postings so highlighting needs no re-analysis. */
  private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

  private IndexFields() {}

  private static FieldType textWithOffsets() {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  /** The field whose doc values hold a facet's values. */
  static String docValuesField(String facet) {
    return facet.equals(ENTITY) ? ENTITY_FACET : facet;
  }

  static Analyzer analyzer() {
    Analyzer keyword;
    try {
      keyword = CustomAnalyzer.builder().withTokenizer("keyword").addTokenFilter("lowercase").build();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot build the keyword analyzer", e);
    }
    Map<String, Analyzer> perField = new java.util.HashMap<>();
    for (String f : KEYWORD_FIELDS) {
      perField.put(f, keyword);
    }
    return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), perField);
  }

  static Document toDocument(StoredArticle stored) {
    Article a = stored.article();
    Annotations ann = stored.annotations();
    Document doc = new Document();
    doc.add(new StringField(ID, a.id(), Field.Store.YES));
    doc.add(new StringField(TLP, stored.marking().label(), Field.Store.NO));
    if (stored.marking().organisation() != null) {
      doc.add(new StringField(ORG, stored.marking().organisation(), Field.Store.NO));
    }
    if (a.title() != null) {
      doc.add(new Field(TITLE, a.title(), TEXT_WITH_OFFSETS));
    }
    doc.add(new Field(TEXT, a.text(), TEXT_WITH_OFFSETS));
    if (a.source() != null) {
      doc.add(new TextField(SOURCE, a.source(), Field.Store.YES));
      keyword(doc, SOURCE_KEY, a.source());
    }
    if (a.language() != null) {
      String lang = a.language().toLowerCase(Locale.ROOT);
      doc.add(new StringField(LANGUAGE, lang, Field.Store.YES));
      doc.add(new SortedSetDocValuesField(LANGUAGE, new BytesRef(lang)));
    }
    Long published = IsoDates.toEpochMillis(a.published());
    long ingested = a.ingested().toEpochMilli();
    if (published != null) {
      doc.add(new LongPoint(PUBLISHED, published));
      doc.add(new StoredField(PUBLISHED_ISO, a.published()));
      doc.add(new NumericDocValuesField(PUBLISHED_MS, published));
    }
    doc.add(new LongPoint(INGESTED, ingested));
    long sortMs = published != null ? published : ingested;
    doc.add(new NumericDocValuesField(SORT_MS, sortMs));
    // the same value as a point lets a newest-first sort skip every match older than the page
    doc.add(new LongPoint(SORT_MS, sortMs));

    Set<String> actors = new LinkedHashSet<>(); // people and organisations: the "who" facet
    Set<String> otherNames = new LinkedHashSet<>(); // searchable, not faceted
    for (EntityMention e : ann.entities()) {
      String name = e.name() != null ? e.name() : e.text();
      boolean actor = e.type().equals("PERSON") || e.type().equals("ORGANIZATION");
      (actor ? actors : otherNames).add(name);
      if (e.id() != null) {
        otherNames.add(e.id());
      }
    }
    otherNames.removeAll(actors);
    Set<String> places = new LinkedHashSet<>();
    Set<String> countries = new LinkedHashSet<>();
    for (PlaceMention p : ann.places()) {
      places.add(p.name() != null ? p.name() : p.text());
      if (p.country() != null) {
        countries.add(p.country());
      }
    }
    Set<String> eventTypes = new LinkedHashSet<>();
    for (Event e : ann.events()) {
      eventTypes.add(e.type());
      if (e.place() != null) {
        places.add(e.place().name()); // where an event happened (an analyst may have corrected it)
      }
    }
    actors.forEach(v -> {
      doc.add(new StringField(ENTITY, v.toLowerCase(Locale.ROOT), Field.Store.NO));
      doc.add(new SortedSetDocValuesField(ENTITY_FACET, new BytesRef(v.strip())));
    });
    otherNames.forEach(v -> doc.add(new StringField(ENTITY, v.toLowerCase(Locale.ROOT), Field.Store.NO)));
    places.forEach(v -> keyword(doc, PLACE, v));
    countries.forEach(v -> keyword(doc, COUNTRY, v));
    new LinkedHashSet<>(ann.categories()).forEach(v -> keyword(doc, CATEGORY, v));
    eventTypes.forEach(v -> keyword(doc, EVENT_TYPE, v));
    return doc;
  }

  /**
   * A keyword: matched lower-cased; its doc value keeps the original spelling, which facets
   * show. (Two spellings of one value count apart; the knowledge base's names keep that rare.)
   */
  private static void keyword(Document doc, String field, String value) {
    String v = value.strip();
    doc.add(new StringField(field, v.toLowerCase(Locale.ROOT), Field.Store.NO));
    doc.add(new SortedSetDocValuesField(field, new BytesRef(v)));
  }
}
