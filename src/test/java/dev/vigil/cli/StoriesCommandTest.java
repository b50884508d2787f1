package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.Articles;
import dev.vigil.internal.Json;
import dev.vigil.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil stories} on a real data directory. */
class StoriesCommandTest {
  @TempDir Path data;

  @Test
  void jsonlLinesCarryIdTitleSummaryAndArticles() throws Exception {
    try (Store store = Store.open(data)) {
      store.write(List.of(
          Articles.of("clash-a", "Tajik guards clash with smugglers on Afghan border",
              "Tajik border guards clashed with drug smugglers crossing the Panj river from"
                  + " Afghanistan on Tuesday, killing two of them. The guards seized 40 kilograms of"
                  + " hashish after the clash. One officer was wounded in the exchange of fire.", null),
          Articles.of("clash-b", "Two smugglers killed in clash on Tajik-Afghan border",
              "Two drug smugglers were killed in a clash with Tajik border guards on the Panj river"
                  + " on Tuesday, the border service said. Guards seized hashish from the group that"
                  + " crossed from Afghanistan. An officer was wounded in the clash.", null)));
      // the command itself assigns what is not assigned yet
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"stories", "--data", data.toString(), "--format", "jsonl"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err);
    assertThat(code).isZero();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode story = Json.mapper().readTree(lines[0]);
    assertThat(story.get("id").asLong()).isPositive();
    assertThat(story.get("title").asText()).contains("Tajik");
    assertThat(story.get("summary").asText()).contains("smugglers");
    assertThat(story.get("articles")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("clash-a", "clash-b");
  }
}
