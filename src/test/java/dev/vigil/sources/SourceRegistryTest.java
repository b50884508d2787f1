package dev.vigil.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRegistryTest {
  @TempDir Path dir;

  @Test
  void theShippedRegistryHasTheRegionsOutlets() {
    SourceRegistry r = SourceRegistry.bundled();
    for (String id : List.of("interfax", "tass", "ria-novosti", "asia-plus", "khovar", "avesta", "sputnik-tajikistan",
        "tolo-news", "pajhwok", "khaama-press", "ariana-news", "bakhtar", "amu-tv", "afghanistan-international",
        "kabul-now", "rferl", "ozodi", "azadi", "bbc-persian", "voa", "reuters", "ap", "afp", "xinhua", "dawn",
        "geo", "tehran-times", "irna", "tasnim", "kun-uz", "24-kg", "akipress", "eurasianet", "the-diplomat",
        "reliefweb", "ocha")) {
      assertThat(r.byId(id)).as(id).isPresent();
    }
    Source tass = r.byId("tass").orElseThrow();
    assertThat(tass.type()).isEqualTo(SourceType.STATE_MEDIA);
    assertThat(tass.country()).isEqualTo("RU");
    assertThat(tass.label()).isEqualTo(Reliability.MIXED);
  }

  @Test
  void resolvesArticlesBySubdomainAndPathPrefix() {
    SourceRegistry r = SourceRegistry.bundled();
    assertThat(r.byUrl("https://en.irna.ir/news/85012345/x")).get().extracting(Source::id).isEqualTo("irna");
    assertThat(r.byUrl("https://www.bbc.com/persian/articles/c1")).get().extracting(Source::id).isEqualTo("bbc-persian");
    assertThat(r.byUrl("https://www.bbc.com/news/world-asia-123")).get().extracting(Source::id).isEqualTo("bbc");
    assertThat(r.byUrl("https://tolonews.com/afghanistan-185000")).get().extracting(Source::name).isEqualTo("Tolo News");
    assertThat(r.byUrl("https://unknown.example.org/a")).isEmpty();
    assertThat(r.byName("Asia-Plus")).get().extracting(Source::id).isEqualTo("asia-plus");
    assertThat(r.byName("asiaplustj.info")).get().extracting(Source::id).isEqualTo("asia-plus");
    assertThat(r.prior("https://www.reuters.com/world/x")).hasValue(0.80);
  }

  @Test
  void theUsersFileOverridesFieldsAndAddsSources() throws IOException {
    Files.writeString(dir.resolve("sources.yaml"), """
        sources:
          - id: tass
            prior: 0.3
            label: Unreliable
          - id: local-blog
            name: Khorog Notes
            domains: [khorog-notes.example]
            type: blog
        """);
    SourceRegistry r = SourceRegistry.load(dir);
    Source tass = r.byId("tass").orElseThrow();
    assertThat(tass.prior()).isEqualTo(0.3);
    assertThat(tass.label()).isEqualTo(Reliability.UNRELIABLE);
    assertThat(tass.name()).isEqualTo("TASS"); // the shipped fields it did not give stay
    assertThat(r.byUrl("https://khorog-notes.example/2025/01/post")).get().extracting(Source::type).isEqualTo(SourceType.BLOG);
  }

  @Test
  void aBadEntryNamesTheFileTheSourceAndTheField() throws IOException {
    Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - id: tass\n    prior: 7\n");
    assertThatThrownBy(() -> SourceRegistry.load(dir)).hasMessageContaining("sources.yaml")
        .hasMessageContaining("source tass").hasMessageContaining("prior must be between 0 and 1");
    Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - id: tass\n    reliability: high\n");
    assertThatThrownBy(() -> SourceRegistry.load(dir)).hasMessageContaining("unknown field 'reliability'");
  }

  @Test
  void writesUserEntriesAndRefusesInvalidOnes() {
    SourceRegistry.writeUserEntry(dir, "khovar", Map.of("prior", 0.4));
    SourceRegistry.writeUserEntry(dir, "new-outlet", Map.of("name", "New Outlet", "domains", List.of("new.example"),
        "type", "independent"));
    SourceRegistry r = SourceRegistry.load(dir);
    assertThat(r.byId("khovar").orElseThrow().prior()).isEqualTo(0.4);
    assertThat(r.byUrl("http://new.example/x")).isPresent();
    assertThatThrownBy(() -> SourceRegistry.writeUserEntry(dir, "khovar", Map.of("type", "tabloid")))
        .hasMessageContaining("unknown source type 'tabloid'");
    assertThat(SourceRegistry.load(dir).byId("khovar").orElseThrow().type()).isEqualTo(SourceType.STATE_MEDIA);
  }
}
