package dev.vigil.cli;

import static dev.vigil.cli.CliTest.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.Articles;
import dev.vigil.internal.Json;
import dev.vigil.store.Store;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil watchlist} and {@code vigil alerts deliver} on a real data directory. */
class WatchlistCommandTest {
  @TempDir Path dir;

  @Test
  void addListShowDeliverAndRemoveRoundTrip() throws Exception {
    String data = dir.toString();
    CliTest.Run added = vigil("watchlist", "add", "--data", data, "--name", "Border clashes",
        "--query", "clashed", "--country", "tj", "--near", "37.2,69.1,150", "--event-type",
        "armed_clash", "--digest", "hourly");
    assertThat(added.status()).as(added.err()).isZero();
    assertThat(added.out()).contains("Watchlist 1 created: Border clashes");

    CliTest.Run list = vigil("watchlist", "list", "--data", data, "--format", "jsonl");
    assertThat(list.lines()).hasSize(1);
    JsonNode w = Json.mapper().readTree(list.lines().get(0));
    assertThat(w.get("countries").get(0).asText()).isEqualTo("TJ");
    assertThat(w.at("/near/radiusKm").asDouble()).isEqualTo(150);
    assertThat(w.get("eventTypes").get(0).asText()).isEqualTo("armed_clash");
    assertThat(w.get("digest").asText()).isEqualTo("hourly");

    try (Store store = Store.open(dir)) {
      store.write(List.of(Articles.placed("p-1")));
    }
    CliTest.Run deliver = vigil("alerts", "deliver", "--data", data);
    assertThat(deliver.status()).as(deliver.err()).isZero();
    assertThat(deliver.out()).contains("Evaluated 1 new articles: 1 new alerts, 0 updated.");

    CliTest.Run show = vigil("watchlist", "show", "--data", data, "1");
    assertThat(show.status()).isZero();
    assertThat(show.out()).contains("\"name\" : \"Border clashes\"").contains("Clash on the border")
        .contains("eventTypes: armed_clash (asserted) at Khatlon Region").contains("near: ");

    assertThat(vigil("watchlist", "remove", "--data", data, "1").out()).contains("Watchlist 1 removed.");
    assertThat(vigil("watchlist", "list", "--data", data).out()).contains("No watchlists.");
    assertThat(vigil("watchlist", "remove", "--data", data, "1").err()).contains("no watchlist with id 1");
  }

  @Test
  void badOptionsAreUsageErrorsNamingTheField() {
    CliTest.Run r = vigil("watchlist", "add", "--data", dir.toString(), "--name", "x", "--near", "37,69");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--near needs 3 numbers");
    r = vigil("watchlist", "add", "--data", dir.toString(), "--name", "x", "--min-grade", "Q7");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("'minGrade' must be an Admiralty grade");
  }
}
