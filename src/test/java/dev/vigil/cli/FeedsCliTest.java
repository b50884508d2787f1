package dev.vigil.cli;

import static dev.vigil.cli.CliTest.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.fetch.LoopbackServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil sources}, {@code vigil feeds} and the feed lists of {@code watch} and {@code ingest}. */
class FeedsCliTest {
  @TempDir Path dir;

  @Test
  void sourcesAreListedShownAddedAndChanged() {
    String data = dir.toString();
    CliTest.Run list = vigil("sources", "list", "--data", data);
    assertThat(list.status()).isZero();
    assertThat(list.out()).contains("asia-plus").contains("Tolo News").contains("state media");

    CliTest.Run show = vigil("sources", "show", "--data", data, "https://www.ozodi.org/a/33000000.html");
    assertThat(show.out()).contains("name:       Radio Ozodi").contains("country:    TJ");

    assertThat(vigil("sources", "set", "--data", data, "khovar", "prior=0.35", "label=Unreliable").status()).isZero();
    assertThat(vigil("sources", "show", "--data", data, "khovar").out()).contains("prior:      0.35 (Unreliable)");

    CliTest.Run add = vigil("sources", "add", "--data", data, "khorog-notes", "--name", "Khorog Notes",
        "--domain", "khorog-notes.example", "--country", "tj", "--type", "blog");
    assertThat(add.status()).as(add.err()).isZero();
    assertThat(vigil("sources", "show", "--data", data, "khorog-notes.example").out()).contains("type:       blog");
    assertThat(Files.exists(dir.resolve("sources.yaml"))).isTrue();

    CliTest.Run bad = vigil("sources", "set", "--data", data, "khovar", "type=tabloid");
    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.err()).contains("unknown source type 'tabloid'");
    assertThat(vigil("sources", "show", "--data", data, "nobody").status()).isEqualTo(1);
  }

  @Test
  void aFeedThatFailsIsShownWithItsError() throws Exception {
    Files.writeString(dir.resolve("config.yaml"), "fetch:\n  host-delay-ms: 0\n  max-attempts: 1\n");
    try (LoopbackServer server = LoopbackServer.start()) {
      server.route("/broken.xml", LoopbackServer.ok("application/rss+xml",
          LoopbackServer.fixture("/fixtures/feeds/broken.xml")));
      Path opml = dir.resolve("list.opml");
      Files.writeString(opml, "<opml version=\"2.0\"><head><title>t</title></head><body>"
          + "<outline text=\"b\" xmlUrl=\"" + server.url("/broken.xml") + "\"/></body></opml>");
      CliTest.Run r = vigil("ingest", "--data", dir.toString(), "--quiet", opml.toString());
      assertThat(r.status()).isEqualTo(3);
      assertThat(r.err()).contains("vigil: skipped " + server.url("/broken.xml") + ": malformed feed");
      assertThat(r.out()).contains("Polled 1 feed (1 failed)");

      CliTest.Run feeds = vigil("feeds", "--data", dir.toString());
      assertThat(feeds.out()).contains(server.url("/broken.xml")).contains("FAILING (1 in a row)");
    }
  }

  @Test
  void aFeedListNamesTheLineThatIsNoUrl() throws Exception {
    Path list = dir.resolve("feeds.txt");
    Files.writeString(list, "# my feeds\nhttps://tolonews.com/rss.xml\nftp://old.example/feed\n");
    CliTest.Run r = vigil("watch", "--data", dir.resolve("d").toString(), "--feeds", list.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("feeds.txt:3: not an http(s) URL: ftp://old.example/feed");
  }
}
