package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Articles;
import dev.vigil.store.Store;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: a running server picks up what a {@code vigil ingest} beside it wrote (the server
 * holds the index, so the ingest writes the database only) and puts those articles into stories.
 */
class ServeCatchUpTest {
  @TempDir Path data;

  @Test
  void articlesAnotherProcessWroteAreIndexedAndJoinStories() {
    try (Store server = Store.open(data); Store ingest = Store.open(data)) {
      assertThat(server.index().writable()).isTrue();
      assertThat(ingest.index().writable()).isFalse(); // like a second process
      ingest.write(List.of(
          Articles.of("clash-a", "Tajik guards clash with smugglers on Afghan border",
              "Tajik border guards clashed with drug smugglers crossing the Panj river from"
                  + " Afghanistan on Tuesday, killing two of them. The guards seized 40 kilograms of"
                  + " hashish after the clash.", "2025-11-18"),
          Articles.of("clash-b", "Two smugglers killed in clash on Tajik-Afghan border",
              "Two drug smugglers were killed in a clash with Tajik border guards on the Panj river"
                  + " on Tuesday, the border service said. Guards seized hashish from the group.",
              "2025-11-18"),
          Articles.of("quake", "Earthquake shakes northern Iran",
              "An earthquake of magnitude 5.1 struck near Mashhad on Wednesday, damaging houses in"
                  + " three villages; no deaths were reported.", "2025-11-19")));
      assertThat(server.stories().storyOf("clash-a")).isEmpty();

      ServeCommand.catchUp(server);

      assertThat(server.index().indexedUpTo()).isEqualTo(server.articles().lastChange());
      assertThat(server.stories().assignedUpTo()).isEqualTo(server.articles().lastChange());
      assertThat(server.stories().storyOf("clash-a")).isPresent()
          .isEqualTo(server.stories().storyOf("clash-b"));
      assertThat(server.stories().storyOf("quake")).isPresent()
          .isNotEqualTo(server.stories().storyOf("clash-a"));
      ServeCommand.catchUp(server); // nothing new: nothing assigned twice
      assertThat(server.stories().articlesOf(server.stories().storyOf("clash-a").orElseThrow()))
          .containsExactlyInAnyOrder("clash-a", "clash-b");
    }
  }
}
