package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code vigil demo} as a user runs it: a separate process that ingests, serves, and cleans up. */
class DemoIT {
  static final Pattern URL = Pattern.compile("at (http://\\S+/)");
  static final Pattern DIR = Pattern.compile("into (\\S+)$");

  @Test
  void theDemoServesTheSampleAndASearchForTajikBorderFindsTheSeeds() throws Exception {
    try (ChildVigil demo = ChildVigil.start("demo", "--port", "0")) {
      assertThat(demo.awaitLine(l -> l.contains("Vigil is serving"), 600)).as("stderr: %s", demo.err).isTrue();
      String serving = demo.out.stream().filter(l -> l.contains("Vigil is serving")).findFirst().orElseThrow();
      assertThat(serving).contains("serving 602 articles");
      Matcher url = URL.matcher(serving);
      assertThat(url.find()).isTrue();
      Matcher dir = DIR.matcher(demo.out.get(0));
      assertThat(dir.find()).as(demo.out.get(0)).isTrue();
      Path dataDir = Path.of(dir.group(1));
      assertThat(dataDir.resolve("vigil.db")).exists();

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(
          URI.create(url.group(1) + "search?q=Tajik+border")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("Russian Security Council Secretary Calls Tajikistan-Afghanistan Border Main Security Challenge for CSTO")
          .contains("Russia on Wednesday sounded the alarm");

      assertThat(demo.terminate()).as("the demo stops on SIGTERM").isTrue();
      assertThat(Files.exists(dataDir)).as("the temporary data directory is removed on exit").isFalse();
    }
  }
}
