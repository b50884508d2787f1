package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Failure;
import dev.vigil.model.RawDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
  private static final long LIMIT = 1024 * 1024;

  @TempDir Path dir;
  final FileSource source = new FileSource(LIMIT);
  final List<RawDocument> docs = new ArrayList<>();
  final List<Failure> failures = new ArrayList<>();
  long consumed;

  final DocumentSink sink = new DocumentSink() {
    @Override
    public void document(RawDocument document) {
      docs.add(document);
    }

    @Override
    public void failure(Failure failure) {
      failures.add(failure);
    }

    @Override
    public void consumed(long bytes) {
      consumed += bytes;
    }
  };

  void readAll(Path... inputs) throws InterruptedException {
    FileSource.Plan plan = source.plan(List.of(inputs));
    failures.addAll(plan.failures());
    for (InputFile f : plan.files()) {
      source.read(f, sink);
    }
  }

  @Test
  void foldersAreReadRecursivelyInNameOrderSkippingHiddenAndOtherKinds() throws Exception {
    Files.createDirectories(dir.resolve("b/.git"));
    Files.writeString(dir.resolve("b/2.txt"), "two");
    Files.writeString(dir.resolve("a.html"), "<p>one</p>");
    Files.writeString(dir.resolve("b/.git/x.txt"), "hidden");
    Files.writeString(dir.resolve(".hidden.txt"), "hidden");
    Files.writeString(dir.resolve("photo.jpg"), "not news");
    FileSource.Plan plan = source.plan(List.of(dir));
    assertThat(plan.files()).extracting(f -> dir.relativize(f.path()).toString())
        .containsExactly("a.html", "b/2.txt");
    assertThat(plan.ignored()).isEqualTo(1);
    assertThat(plan.failures()).isEmpty();
    assertThat(plan.totalBytes()).isEqualTo(10 + 3);
  }

  @Test
  void aMissingPathAndAnUnsupportedFileNamedOnTheCommandLineAreReported() {
    Path jpg = dir.resolve("photo.jpg");
    FileSource.Plan plan = source.plan(List.of(dir.resolve("nope"), writeQuietly(jpg, "x")));
    assertThat(plan.failures()).extracting(Failure::toString).containsExactly(
        dir.resolve("nope") + ": no such file or folder",
        jpg + ": unsupported file type (Vigil reads .txt, .html, .htm, .jsonl, optionally .gz)");
  }

  @Test
  void anEmptyFileIsReported() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    readAll(empty);
    assertThat(docs).isEmpty();
    assertThat(failures).extracting(Failure::toString).containsExactly(empty + ": empty file");
  }

  @Test
  void aFileOverTheLimitIsReportedWithItsSizeWithoutBeingRead() throws Exception {
    Path big = dir.resolve("big.txt");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024); // sparse: costs no disk
    }
    readAll(big);
    assertThat(docs).isEmpty();
    assertThat(failures).singleElement().extracting(Failure::reason).asString()
        .contains("50.0 MB").contains("limit of 1.0 MB");
  }

  @Test
  void aGzipThatInflatesPastTheLimitIsStopped() throws Exception {
    Path bomb = dir.resolve("bomb.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
      byte[] block = new byte[1 << 16];
      java.util.Arrays.fill(block, (byte) 'a');
      for (int i = 0; i < 40; i++) { // 2.5 MB of 'a' in a few kB
        out.write(block);
      }
    }
    readAll(bomb);
    assertThat(docs).isEmpty();
    assertThat(failures).singleElement().extracting(Failure::reason).asString()
        .contains("decompresses to more than 1.0 MB");
  }

  @Test
  void aBrokenLinkIsReportedAsUnreadable() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("gone.txt"), dir.resolve("missing-target.txt"));
    readAll(dir);
    assertThat(failures).extracting(Failure::toString)
        .containsExactly(link + ": no such file (or a broken link)");
  }

  @Test
  void aFileWithoutReadPermissionIsReported() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "classified");
    boolean denied = secret.toFile().setReadable(false, false) && !Files.isReadable(secret);
    org.junit.jupiter.api.Assumptions.assumeTrue(denied, "running as root: permissions do not apply");
    readAll(secret);
    assertThat(failures).extracting(Failure::toString).containsExactly(secret + ": permission denied");
  }

  @Test
  void jsonLinesGiveOneDocumentPerLineAndReportEachBadLineWithItsNumber() throws Exception {
    Path jsonl = dir.resolve("feed.jsonl");
    byte[] badUtf8 = "{\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    try (OutputStream out = Files.newOutputStream(jsonl)) {
      out.write(line("{\"id\":\"a1\",\"title\":\"First\",\"text\":\"Body one.\",\"source\":\"Wire\",\"published\":\"2025-11-19\"}"));
      out.write(line("{\"text\": \"unterminated"));                         // 2
      out.write(line(""));                                                   // 3: blank, skipped
      out.write(badUtf8);                                                    // 4
      out.write('\n');
      out.write(line("[1, 2, 3]"));                                          // 5
      out.write(line("{\"url\":\"https://example.org/x\"}"));                // 6
      out.write(line("{\"text\": 42}"));                                     // 7
      out.write(line("{\"text\":\"Body.\",\"published\":\"last week\"}"));    // 8
      out.write(line("{\"title\":\"Title only\",\"unknown\":true}"));         // 9
    }
    readAll(jsonl);
    assertThat(docs).extracting(RawDocument::line).containsExactly(1, 9);
    RawDocument first = docs.get(0);
    assertThat(first.given()).isEqualTo(new RawDocument.Given("a1", null, "First", "Wire", "2025-11-19"));
    assertThat(new String(first.content(), StandardCharsets.UTF_8)).isEqualTo("Body one.");
    assertThat(failures).extracting(Failure::line).containsExactly(2, 4, 5, 6, 7, 8);
    assertThat(failures).extracting(Failure::reason).satisfiesExactly(
        r -> assertThat(r).startsWith("malformed JSON"),
        r -> assertThat(r).isEqualTo("invalid UTF-8"),
        r -> assertThat(r).isEqualTo("expected a JSON object per line"),
        r -> assertThat(r).isEqualTo("record has neither \"text\" nor \"title\""),
        r -> assertThat(r).isEqualTo("field \"text\" must be a string, not number"),
        r -> assertThat(r).contains("\"published\"").contains("last week"));
    assertThat(failures).allSatisfy(f -> assertThat(f.origin()).isEqualTo(jsonl.toString()));
    assertThat(consumed).isEqualTo(Files.size(jsonl));
  }

  @Test
  void aJsonLineOverTheLimitIsReportedAndTheNextLineStillRead() throws Exception {
    Path jsonl = dir.resolve("long.jsonl");
    try (OutputStream out = Files.newOutputStream(jsonl)) {
      out.write(line("{\"text\":\"" + "x".repeat((int) LIMIT + 10) + "\"}"));
      out.write(line("{\"text\":\"after\"}"));
    }
    readAll(jsonl);
    assertThat(failures).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(1);
      assertThat(f.reason()).contains("longer than 1.0 MB");
    });
    assertThat(docs).extracting(RawDocument::line).containsExactly(2);
  }

  @Test
  void gzippedJsonLinesAreReadAndProgressCountsCompressedBytes() throws Exception {
    Path gz = dir.resolve("feed.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      for (int i = 0; i < 100; i++) {
        out.write(line("{\"id\":\"n" + i + "\",\"text\":\"Article number " + i + ".\"}"));
      }
    }
    readAll(gz);
    assertThat(docs).hasSize(100);
    assertThat(failures).isEmpty();
    assertThat(consumed).isEqualTo(Files.size(gz));
  }

  @Test
  void textAndHtmlFilesAreDeliveredUndecoded() throws Exception {
    Path txt = Files.write(dir.resolve("a.txt"), new byte[] {(byte) 0xff, 'x'});
    Path html = Files.writeString(dir.resolve("b.htm"), "<p>hi</p>");
    readAll(txt, html);
    assertThat(failures).isEmpty();
    assertThat(docs).extracting(RawDocument::format)
        .containsExactly(RawDocument.Format.TEXT, RawDocument.Format.HTML);
    assertThat(docs.get(0).content()).containsExactly((byte) 0xff, 'x');
  }

  private static byte[] line(String s) {
    return (s + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static Path writeQuietly(Path p, String s) {
    try {
      return Files.writeString(p, s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
