package dev.vigil.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.internal.Json;
import dev.vigil.model.Failure;
import dev.vigil.model.IsoDates;
import dev.vigil.model.RawDocument;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads files and folders into raw documents. A folder is read recursively in name order,
 * skipping hidden entries and files of kinds Vigil does not read; a {@code .jsonl} file gives
 * one document per line. Nothing here throws for bad input: each problem becomes a
 * {@link Failure} naming the file (and line) and the reason, and reading goes on.
 */
public final class FileSource {
  /** The stage name in failures. */
  public static final String STAGE = "ingest";

  private final long maxDocumentBytes;

  /**
   * @param maxDocumentBytes the largest file (or {@code .jsonl} line, or decompressed file) that
   *     is taken as one article; anything larger is reported and skipped
   */
  public FileSource(long maxDocumentBytes) {
    if (maxDocumentBytes <= 0) {
      throw new IllegalArgumentException("maxDocumentBytes must be positive: " + maxDocumentBytes);
    }
    this.maxDocumentBytes = maxDocumentBytes;
  }

  /**
   * What reading {@code inputs} will involve: the files in reading order, the inputs that are
   * unusable as named, how many files in folders were passed over (unsupported kinds), and the
   * total size for progress.
   */
  public record Plan(List<InputFile> files, List<Failure> failures, int ignored, long totalBytes) {
    public Plan {
      files = List.copyOf(files);
      failures = List.copyOf(failures);
    }
  }

  /** Expands files and folders into the files to read. */
  public Plan plan(List<Path> inputs) {
    List<InputFile> files = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    int ignored = 0;
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(input)) {
          found = walk.filter(p -> !p.equals(input) && !Files.isDirectory(p))
              .filter(p -> !isHidden(input.relativize(p)))
              .sorted()
              .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
          failures.add(new Failure(STAGE, input.toString(), null, "cannot list folder: " + reason(e)));
          continue;
        }
        for (Path p : found) {
          InputFile.Kind kind = InputFile.Kind.of(p.getFileName().toString());
          if (kind == null) {
            ignored++;
          } else {
            files.add(new InputFile(p, kind, sizeOf(p)));
          }
        }
      } else if (!Files.exists(input, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        failures.add(new Failure(STAGE, input.toString(), null, "no such file or folder"));
      } else {
        InputFile.Kind kind = InputFile.Kind.of(input.getFileName().toString());
        if (kind == null) {
          failures.add(new Failure(STAGE, input.toString(), null,
              "unsupported file type (Vigil reads .txt, .html, .htm, .jsonl, optionally .gz)"));
        } else {
          files.add(new InputFile(input, kind, sizeOf(input)));
        }
      }
    }
    long total = files.stream().mapToLong(InputFile::size).sum();
    return new Plan(files, failures, ignored, total);
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0; // reading it will report why
    }
  }

  /** Reads one file, delivering its documents and failures to {@code sink}. */
  public void read(InputFile file, DocumentSink sink) throws InterruptedException {
    String origin = file.path().toString();
    try {
      if (file.kind() == InputFile.Kind.JSONL) {
        readJsonLines(file, sink);
        return;
      }
      if (!file.gzipped() && file.size() > maxDocumentBytes) {
        sink.failure(new Failure(STAGE, origin, null, tooLarge(file.size())));
        return;
      }
      byte[] bytes;
      try (InputStream in = open(file, new long[1])) {
        bytes = readAtMost(in, maxDocumentBytes);
      }
      if (bytes == null) {
        sink.failure(new Failure(STAGE, origin, null, file.gzipped()
            ? "decompresses to more than " + mb(maxDocumentBytes) + ", the limit for one article"
            : tooLarge(file.size())));
        return;
      }
      if (bytes.length == 0) {
        sink.failure(new Failure(STAGE, origin, null, "empty file"));
        return;
      }
      RawDocument.Format format =
          file.kind() == InputFile.Kind.HTML ? RawDocument.Format.HTML : RawDocument.Format.TEXT;
      sink.document(new RawDocument(origin, null, format, bytes, RawDocument.Given.NONE));
    } catch (IOException e) {
      sink.failure(new Failure(STAGE, origin, null, reason(e)));
    } finally {
      if (file.kind() != InputFile.Kind.JSONL) {
        sink.consumed(file.size());
      }
    }
  }

  /**
   * Opens {@code file}, decompressing {@code .gz}; {@code position[0]} follows how many bytes
   * of the file itself have been read (for progress through compressed input).
   */
  private static InputStream open(InputFile file, long[] position) throws IOException {
    InputStream raw = new java.io.FilterInputStream(Files.newInputStream(file.path())) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          position[0]++;
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          position[0] += n;
        }
        return n;
      }
    };
    InputStream in = new BufferedInputStream(raw, 1 << 16);
    return file.gzipped() ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /** All of {@code in}, or null if it holds more than {@code limit} bytes. */
  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      total += n;
      if (total > limit) {
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private void readJsonLines(InputFile file, DocumentSink sink)
      throws IOException, InterruptedException {
    String origin = file.path().toString();
    boolean any = false;
    long[] position = new long[1];
    long reported = 0;
    try (InputStream in = open(file, position)) {
      LineReader lines = new LineReader(in, maxDocumentBytes);
      for (LineReader.Line line; (line = lines.next()) != null; ) {
        sink.consumed(position[0] - reported);
        reported = position[0];
        any = true;
        if (line.tooLong()) {
          sink.failure(new Failure(STAGE, origin, line.number(),
              "line is longer than " + mb(maxDocumentBytes) + ", the limit for one article"));
          continue;
        }
        if (isBlank(line.bytes())) {
          continue;
        }
        RawDocument doc = parseRecord(origin, line.number(), line.bytes(), sink);
        if (doc != null) {
          sink.document(doc);
        }
      }
    }
    sink.consumed(position[0] - reported);
    if (!any) {
      sink.failure(new Failure(STAGE, origin, null, "empty file"));
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static RawDocument parseRecord(String origin, int lineNo, byte[] bytes, DocumentSink sink) {
    String json;
    try {
      json = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      sink.failure(new Failure(STAGE, origin, lineNo, "invalid UTF-8"));
      return null;
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      sink.failure(new Failure(STAGE, origin, lineNo, "malformed JSON: " + e.getOriginalMessage()));
      return null;
    }
    if (node == null || !node.isObject()) {
      sink.failure(new Failure(STAGE, origin, lineNo, "expected a JSON object per line"));
      return null;
    }
    try {
      String text = stringField(node, "text");
      String title = stringField(node, "title");
      if (isBlank(text) && isBlank(title)) {
        sink.failure(new Failure(STAGE, origin, lineNo, "record has neither \"text\" nor \"title\""));
        return null;
      }
      String published = stringField(node, "published");
      String isoPublished = IsoDates.normalize(published);
      if (published != null && !published.isBlank() && isoPublished == null) {
        sink.failure(new Failure(STAGE, origin, lineNo,
            "\"published\" is not a date Vigil understands (ISO 8601 or RFC 1123): " + published));
        return null;
      }
      RawDocument.Given given = new RawDocument.Given(
          stringField(node, "id"), stringField(node, "url"), title,
          stringField(node, "source"), isoPublished);
      byte[] content = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
      return new RawDocument(origin, lineNo, RawDocument.Format.TEXT, content, given);
    } catch (IllegalArgumentException e) {
      sink.failure(new Failure(STAGE, origin, lineNo, e.getMessage()));
      return null;
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String stringField(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(
          "field \"" + name + "\" must be a string, not " + value.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    return value.textValue();
  }

  private String tooLarge(long size) {
    return "file is " + mb(size) + ", over the limit of " + mb(maxDocumentBytes)
        + " for one article (ingest.max-document-mb)";
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** A reason a user can act on, for an I/O error. */
  static String reason(Exception e) {
    if (e instanceof java.io.UncheckedIOException u) {
      return reason(u.getCause());
    }
    if (e instanceof NoSuchFileException) {
      return "no such file (or a broken link)";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.util.zip.ZipException) {
      return "not a valid gzip file: " + e.getMessage();
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return "cannot read: " + fs.getReason();
    }
    return "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }
}
