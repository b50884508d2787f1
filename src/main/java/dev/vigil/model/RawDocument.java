package dev.vigil.model;

import java.util.Objects;

/**
 * One input document as the fetch/ingest stage read it, before extraction: its bytes, what kind
 * of document they are, where they came from, and metadata the input itself declared (from a
 * {@code .jsonl} record or a feed item). The bytes are not yet decoded: the extract stage
 * decides the charset and reports undecodable input.
 */
public record RawDocument(String origin, Integer line, Format format, byte[] content, Given given) {

  /** How the bytes are to be read. */
  public enum Format {
    /** Plain text, UTF-8. */
    TEXT,
    /** An HTML page in any charset. */
    HTML
  }

  /** Metadata the input declared; any field may be null. */
  public record Given(String id, String url, String title, String source, String published) {
    public static final Given NONE = new Given(null, null, null, null, null);
  }

  public RawDocument {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(given, "given");
    if (line != null && line < 1) {
      throw new IllegalArgumentException("line must be 1-based, got " + line);
    }
  }

  /** Where this document came from, as a user reads it: {@code path:line} or {@code path}. */
  public String where() {
    return line == null ? origin : origin + ":" + line;
  }
}
