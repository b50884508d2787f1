package dev.vigil.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** A file to ingest, the kind its name says it is, and its size on disk. */
public record InputFile(Path path, Kind kind, long size) {

  /** What a file holds, judged by its name ({@code .gz} is looked through). */
  public enum Kind {
    TEXT,
    HTML,
    JSONL;

    /** The kind named by {@code fileName}'s extension, or null if it is not one Vigil reads. */
    public static Kind of(String fileName) {
      String name = fileName.toLowerCase(Locale.ROOT);
      if (name.endsWith(".gz")) {
        name = name.substring(0, name.length() - 3);
      }
      int dot = name.lastIndexOf('.');
      String ext = dot < 0 ? "" : name.substring(dot + 1);
      switch (ext) {
        case "txt":
        case "text":
          return TEXT;
        case "html":
        case "htm":
        case "xhtml":
          return HTML;
        case "jsonl":
        case "ndjson":
          return JSONL;
        default:
          return null;
      }
    }
  }

  public InputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
  }

  public boolean gzipped() {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}
