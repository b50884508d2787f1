package dev.vigil.export;

import dev.vigil.model.AnalyzedArticle;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes articles (and the events in their annotations) to a stream in one format. Use it as:
 * {@code start}, then {@code add} for each article, then {@code finish}. Not thread-safe; one
 * exporter per export.
 */
public interface Exporter extends AutoCloseable {
  /** The formats Vigil exports. */
  enum Format {
    CSV("text/csv; charset=utf-8", "csv"),
    GEOJSON("application/geo+json", "geojson"),
    JSONL("application/x-ndjson", "jsonl"),
    STIX("application/stix+json;version=2.1", "json");

    public final String mediaType;
    public final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    /** @throws IllegalArgumentException naming the formats there are */
    public static Format parse(String name) {
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown export format '" + name + "': use csv, geojson, jsonl or stix");
      }
    }
  }

  /** Adds one article: its row(s), feature(s) or objects. */
  void add(AnalyzedArticle article) throws IOException;

  /** Ends the document (closing brackets) and flushes; the stream stays open. */
  void finish() throws IOException;

  @Override
  default void close() throws IOException {
    finish();
  }

  /** The exporter for {@code format}, writing to {@code out}. */
  static Exporter create(Format format, Writer out, ExportOptions options) throws IOException {
    return switch (format) {
      case CSV -> new CsvExporter(out);
      case GEOJSON -> new GeoJsonExporter(out);
      case JSONL -> new JsonlExporter(out);
      case STIX -> new StixExporter(out, options);
    };
  }
}
