package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.Articles;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.store.SearchQuery;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import dev.vigil.store.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL as the team store, with real processes: two {@code vigil serve} on one database,
 * each with its own data directory (and so its own Lucene index), see what a third process
 * ingests and what the other serves' users write; a {@code vigil ingest} into PostgreSQL killed
 * with SIGKILL loses nothing it committed and completes on a second run. The login reaches the
 * children as {@code store.url}/{@code store.user} in their config and the password as
 * {@code VIGIL_DB_PASSWORD}, which must appear in no output or log.
 */
class PostgresTeamIT {
  private static final Pattern SERVING = Pattern.compile(" at (http://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private TestPostgres pg;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ChildVigil> children = new ArrayList<>();

  @BeforeEach
  void database() {
    pg = TestPostgres.create();
  }

  @AfterEach
  void cleanUp() {
    children.forEach(ChildVigil::close);
    if (pg != null) { // null when no server is configured and the test was skipped
      pg.close();
    }
  }

  /** A data directory whose config names the test database; the password comes from the environment. */
  private Path dataDir(String name, String extraConfig) throws IOException {
    Path data = Files.createDirectories(dir.resolve(name));
    Files.writeString(data.resolve("config.yaml"), "store:\n  url: \"" + pg.urlWithoutLogin()
        + "\"\n  user: \"" + pg.user() + "\"\n" + extraConfig);
    return data;
  }

  private Map<String, String> env() {
    return pg.password() == null ? Map.of() : Map.of("VIGIL_DB_PASSWORD", pg.password());
  }

  private ChildVigil start(String... args) throws IOException {
    ChildVigil child = ChildVigil.start(env(), args);
    children.add(child);
    return child;
  }

  private String serve(Path data) throws Exception {
    ChildVigil child = start("serve", "--data", data.toString(), "--port", "0");
    assertThat(child.awaitLine(l -> l.startsWith("Vigil is serving"), 180))
        .as("serve started; stderr: %s", child.err).isTrue();
    synchronized (child.out) {
      for (String l : child.out) {
        Matcher m = SERVING.matcher(l);
        if (l.startsWith("Vigil is serving") && m.find()) {
          return m.group(1).replaceAll("/+$", "");
        }
      }
    }
    throw new AssertionError("no URL in " + child.out);
  }

  private static Path inputs(Path dir, int files, int offset) throws IOException {
    Path input = Files.createDirectories(dir);
    List<AnalyzedArticle> base = Articles.demo(300);
    for (int i = 0; i < files; i++) {
      AnalyzedArticle a = base.get((i + offset) % base.size());
      Files.writeString(input.resolve(String.format("%05d.txt", i)),
          a.article().title() + "\n\nDispatch pgmarker" + i + ". " + a.article().text());
    }
    return input;
  }

  private JsonNode get(String base, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> send(String method, String base, String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Polls until search in {@code base} finds {@code q}; returns the milliseconds it took. */
  private long awaitFound(String base, String q, long timeoutMs) throws Exception {
    long start = System.nanoTime();
    while (true) {
      if (get(base, "/api/v1/search?q=" + q).path("total").asLong() > 0) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      assertThat((System.nanoTime() - start) / 1_000_000).as("%s found at %s", q, base).isLessThan(timeoutMs);
      Thread.sleep(100);
    }
  }

  @Test
  void twoServersOnOneDatabaseSeeWhatAThirdProcessIngestsAndWhatEachOtherWrites() throws Exception {
    String a = serve(dataDir("serve-a", ""));
    String b = serve(dataDir("serve-b", ""));
    Path input = inputs(dir.resolve("input"), 8, 0);

    ChildVigil ingest = start("ingest", "--data", dataDir("ingest", "").toString(), input.toString());
    assertThat(ingest.waitFor(900)).as("stderr: %s", ingest.err).isZero();
    long sinceIngest = System.nanoTime();
    long inA = awaitFound(a, "pgmarker7", 20_000);
    long inB = awaitFound(b, "pgmarker7", 20_000);
    System.out.printf("PostgresTeamIT: an ingested article was searchable in serve A after %d ms,"
        + " in B after %d ms (%d ms after the ingest exited)%n", inA, inB,
        (System.nanoTime() - sinceIngest) / 1_000_000);
    assertThat(get(a, "/api/v1/search?q=pgmarker3").path("total").asLong()).isEqualTo(1);
    assertThat(get(b, "/api/v1/search?q=dispatch").path("total").asLong()).isEqualTo(8);
    assertThat(get(a, "/api/v1/articles").path("total").asLong()).isEqualTo(8);

    String id = get(a, "/api/v1/search?q=pgmarker3").path("items").get(0).path("id").asText();
    assertThat(id).isNotBlank();

    // a note added through A is visible through B
    HttpResponse<String> note = send("POST", a, "/api/v1/notes",
        "{\"item\":\"article:" + id + "\",\"tlp\":\"GREEN\",\"body\":\"Seen by the team at A\"}");
    assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
    JsonNode notes = get(b, "/api/v1/notes?item=" + URLEncoder.encode("article:" + id, StandardCharsets.UTF_8));
    assertThat(notes.path("items").toString()).contains("Seen by the team at A");

    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      // a correction made through B is visible through A
      String eventArticle = null;
      int n = 0;
      try (ResultSet rs = s.executeQuery("SELECT article_id, ord FROM article_events ORDER BY article_id, ord LIMIT 1")) {
        if (rs.next()) {
          eventArticle = rs.getString(1);
          n = rs.getInt(2);
        }
      }
      if (eventArticle != null) {
        String path = "/api/v1/articles/" + URLEncoder.encode(eventArticle, StandardCharsets.UTF_8);
        HttpResponse<String> fix = send("PUT", b, path + "/events/" + n + "/correction",
            "{\"verdict\":\"disputed\",\"reason\":\"checked at B\"}");
        assertThat(fix.statusCode()).as(fix.body()).isEqualTo(200);
        assertThat(get(a, path + "/corrections").toString()).contains("checked at B");
      }

      // both serves assign stories from the one database; no article is assigned twice
      long deadline = System.currentTimeMillis() + 60_000;
      long assigned = 0;
      while (assigned < 8 && System.currentTimeMillis() < deadline) {
        try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT article_id) FROM story_articles")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2));
          assigned = rs.getLong(1);
        }
        Thread.sleep(200);
      }
      assertThat(assigned).isEqualTo(8);
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM stories WHERE merged_into IS NULL")) {
        rs.next();
        assertThat(rs.getLong(1)).isBetween(1L, 8L);
      }
      assertThat(get(b, "/api/v1/stories").path("total").asLong())
          .isEqualTo(get(a, "/api/v1/stories").path("total").asLong());

      // the append-only audit log, enforced by the database whoever connects
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log")) {
        rs.next();
        assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(1);
      }
      for (String sql : List.of("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log")) {
        try {
          s.executeUpdate(sql);
          throw new AssertionError(sql + " was allowed");
        } catch (java.sql.SQLException e) {
          assertThat(e.getMessage()).contains("append-only");
        }
      }
    }
    assertNoPasswordAnywhere();
  }

  private void assertNoPasswordAnywhere() throws IOException {
    String password = pg.password();
    if (password == null || password.length() < 6) {
      return; // too short to tell from other text
    }
    for (ChildVigil c : children) {
      assertThat(String.join("\n", c.out) + String.join("\n", c.err)).doesNotContain(password);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        assertThat(Files.readString(f)).as("%s", f).doesNotContain(password);
      }
    }
  }

  @Test
  void aKilledIngestIntoPostgresLosesNothingCommittedAndARerunCompletesIt() throws Exception {
    int files = 120;
    Path input = inputs(dir.resolve("long-input"), files, 0);
    // small batches: many commits, so that the kill lands among them
    Path data = dataDir("ingest", "ingest:\n  batch-size: 16\n  workers: 2\n");
    Set<String> reported = new HashSet<>();
    ChildVigil first = start("ingest", "--data", data.toString(), "--verbose", "--quiet", input.toString());
    assertThat(first.awaitLine(l -> inserted(first.out).size() >= 32, 900))
        .as("ingest reported 32 articles before the kill; stderr: %s", first.err).isTrue();
    first.kill();
    reported.addAll(inserted(first.out));
    assertThat(reported.size()).as("the kill must land before the end").isLessThan(files);

    // a new process with a new index directory: everything committed is there and searchable
    try (Store store = Store.open(Files.createDirectories(dir.resolve("reader")), pg.settings())) {
      assertThat(store.articles().integrityCheck()).isEqualTo("ok");
      for (String id : reported) {
        assertThat(store.articles().contains(id)).as("reported article %s is stored", id).isTrue();
      }
      long stored = store.articles().count();
      assertThat(stored).isGreaterThanOrEqualTo(reported.size());
      // whole batches only: every stored article reads back with its analysis, the change
      // counter matches the rows, and the derived rows belong to stored articles
      List<StoredArticle> all = store.articles().changesAfter(0, files);
      assertThat(all).hasSize((int) stored);
      assertThat(store.articles().lastChange()).isEqualTo(all.get(all.size() - 1).changeSeq());
      try (Connection c = pg.connect(); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM article_places p WHERE NOT EXISTS"
               + " (SELECT 1 FROM articles a WHERE a.id = p.article_id)), (SELECT count(*) FROM articles"
               + " WHERE annotations NOT LIKE '{%')")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
        assertThat(rs.getLong(2)).isZero();
      }
      store.catchUpIndex(n -> {});
      assertThat(store.index().documentCount()).isEqualTo(stored);
      String someMarker = "pgmarker" + Integer.parseInt(
          store.articles().get(reported.iterator().next()).orElseThrow().article().origin()
              .replaceAll(".*?(\\d{5})\\.txt.*", "$1"));
      assertThat(store.index().search(SearchQuery.of(someMarker)).total()).isEqualTo(1);
    }

    ChildVigil second = start("ingest", "--data", data.toString(), "--quiet", input.toString());
    assertThat(second.waitFor(1800)).as("stderr: %s", second.err).isZero();
    try (Store store = Store.open(dir.resolve("reader"), pg.settings())) {
      assertThat(store.articles().count()).isEqualTo(files);
      store.catchUpIndex(n -> {});
      assertThat(store.index().documentCount()).isEqualTo(files);
      assertThat(store.index().search(SearchQuery.of("pgmarker" + (files - 1))).total()).isEqualTo(1);
      assertThat(store.index().search(SearchQuery.of("pgmarker0")).total()).isEqualTo(1);
    }
    assertNoPasswordAnywhere();
  }

  private static List<String> inserted(List<String> lines) {
    List<String> ids = new ArrayList<>();
    synchronized (lines) {
      for (String l : lines) {
        if (l.startsWith("inserted ")) {
          ids.add(l.split(" ")[1]);
        }
      }
    }
    return ids;
  }
}
