package dev.vigil.cli;

import static dev.vigil.cli.CliTest.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.internal.Json;
import dev.vigil.model.Event;
import dev.vigil.store.CorrectedEvent;
import dev.vigil.store.Editor;
import dev.vigil.store.EventCorrection;
import dev.vigil.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyst's correction survives the real pipeline analysing the article again: the
 * publisher adds a sentence with another event at the top, `vigil ingest` re-analyses the
 * updated article (offsets and event numbers move), and the correction still lands on its event.
 */
class CorrectionsSurviveReingestIT {
  static final String CLASH = "Tajik border guards clashed with armed smugglers in the Khatlon region on"
      + " Monday, the border service said.";
  static final String TOP = "Gunmen killed five soldiers in an attack on a checkpoint in Badakhshan on"
      + " Sunday.";

  @TempDir Path dir;

  private CliTest.Run ingest(String text) throws Exception {
    Path file = dir.resolve("wire.jsonl");
    Files.writeString(file, Json.write(Map.of("id", "wire-1", "title", "Border clash",
        "published", "2025-11-18", "source", "Test Wire", "text", text)) + "\n");
    return vigil("ingest", "--quiet", "--data", dir.resolve("data").toString(), file.toString());
  }

  @Test
  void theCorrectionFollowsItsEventThroughReanalysis() throws Exception {
    CliTest.Run first = ingest(CLASH + " Officials said two guards were wounded.");
    assertThat(first.status()).as(first.err()).isZero();
    Event original;
    int before;
    try (Store store = Store.open(dir.resolve("data"))) {
      List<Event> events = store.articles().get("wire-1").orElseThrow().annotations().events();
      before = events.size();
      original = events.stream().filter(e -> e.sentence().contains("clashed")).findFirst().orElseThrow();
      store.analysts().correct(new EventCorrection("wire-1", original.id(), original.start(),
          original.end(), original.trigger(), original, "disputed", "attack", new Event.Place("Shahritus", null, null),
          "2025-11-16", "test", "2025-11-18T00:00:00Z", "analyst",
          List.of(new Event.Actor("actor", "Afghan smugglers"), new Event.Actor("target", "Tajik border guards"))),
          new Editor("analyst", "alpha"));
    }

    CliTest.Run second = ingest(TOP + " " + CLASH + " Officials said two guards were wounded.");
    assertThat(second.status()).as(second.err()).isZero();
    try (Store store = Store.open(dir.resolve("data"))) {
      var article = store.articles().get("wire-1").orElseThrow();
      List<Event> events = article.annotations().events();
      assertThat(events.size()).as("the new sentence brings an event: %s", events).isGreaterThan(before);
      // what every reader gets: the stored events carry the correction, actors included
      Event stored = events.stream().filter(e -> e.sentence().contains("clashed")).findFirst().orElseThrow();
      assertThat(stored.type()).isEqualTo("attack");
      assertThat(stored.modality()).isEqualTo("disputed");
      assertThat(stored.actors()).extracting(Event.Actor::name)
          .containsExactly("Afghan smugglers", "Tajik border guards");
      List<CorrectedEvent> shown = store.analysts().events(article);
      CorrectedEvent corrected = shown.stream().filter(CorrectedEvent::corrected).findFirst().orElseThrow();
      assertThat(corrected.restored()).isFalse();
      assertThat(corrected.original().sentence()).contains("clashed");
      assertThat(corrected.original().start()).isEqualTo(original.start() + TOP.length() + 1);
      assertThat(corrected.original().id()).isNotEqualTo(original.id());
      assertThat(corrected.event().type()).isEqualTo("attack");
      assertThat(corrected.event().place().name()).isEqualTo("Shahritus");
      assertThat(corrected.original().type()).isEqualTo(original.type()); // as extracted, kept apart
      assertThat(corrected.original().modality()).isNotEqualTo("disputed");
      assertThat(shown.stream().filter(e -> !e.corrected())).allSatisfy(e ->
          assertThat(e.event()).isEqualTo(e.original()));
    }
  }
}
