package dev.vigil.cli;

import static dev.vigil.cli.CliTest.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.internal.Json;
import dev.vigil.kb.Actor;
import dev.vigil.kb.Role;
import dev.vigil.model.EntityMention;
import dev.vigil.store.Editor;
import dev.vigil.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyst's knowledge-base entry (stored in the database, not in kb.yaml) links the next
 * article `vigil ingest` analyses; an article stored before keeps its links until analysed
 * again; `vigil kb export` writes the entry as kb.yaml, which the knowledge base reads back.
 */
class KbEditsLinkIT {
  static final String TEXT = "Farrukh Sharifzoda, the commander of the border detachment, said on"
      + " Monday that smugglers had fired on a post in the Khatlon region.";

  @TempDir Path dir;

  private CliTest.Run ingest(String id) throws Exception {
    Path file = dir.resolve(id + ".jsonl");
    Files.writeString(file, Json.write(Map.of("id", id, "title", "Shots at a border post",
        "published", "2025-11-18", "source", "Test Wire", "text", TEXT)) + "\n");
    return vigil("ingest", "--quiet", "--data", dir.resolve("data").toString(), file.toString());
  }

  private static EntityMention sharifzoda(Store store, String id) {
    return store.articles().get(id).orElseThrow().annotations().entities().stream()
        .filter(e -> e.text().contains("Sharifzoda")).findFirst().orElseThrow();
  }

  @Test
  void theNextIngestedArticleLinksWithTheNewAlias() throws Exception {
    CliTest.Run first = ingest("before");
    assertThat(first.status()).as(first.err()).isZero();
    try (Store store = Store.open(dir.resolve("data"))) {
      assertThat(sharifzoda(store, "before").id()).isNull();
      store.kb().put(new Actor("farrukh-sharipov", "Farrukh Sharipov", "person", "TJ",
          List.of(new Role("Commander of the Khatlon border detachment", "2024", null)),
          List.of("Farrukh Sharipov", "Farrukh Sharifzoda", "Фаррух Шарипов"), "analyst"),
          null, new Editor("ann", "alpha"));
    }
    CliTest.Run second = ingest("after");
    assertThat(second.status()).as(second.err()).isZero();
    try (Store store = Store.open(dir.resolve("data"))) {
      assertThat(sharifzoda(store, "after").id()).isEqualTo("farrukh-sharipov");
      assertThat(sharifzoda(store, "before").id()).as("stored before the edit").isNull();
    }

    CliTest.Run export = vigil("kb", "export", "--data", dir.resolve("data").toString());
    assertThat(export.status()).as(export.err()).isZero();
    assertThat(export.out()).contains("id: \"farrukh-sharipov\"").contains("Фаррух Шарипов")
        .contains("Commander of the Khatlon border detachment");
    Files.writeString(dir.resolve("kb.yaml"), export.out());
    Actor back = dev.vigil.kb.ActorBase.load(dir).get("farrukh-sharipov");
    assertThat(back.aliases()).contains("Farrukh Sharifzoda", "Фаррух Шарипов");
    assertThat(back.country()).isEqualTo("TJ");
  }
}
