package dev.vigil.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Event;
import dev.vigil.model.PlaceMention;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StixImporterTest {
  static final Instant NOW = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void aPartnersReportBecomesAnArticleWithItsSourcePlacesEventsAndActors() throws Exception {
    StixImporter.Result r;
    try (InputStream in = getClass().getResourceAsStream("/stix/partner-bundle.json")) {
      r = StixImporter.read(in, NOW);
    }
    assertThat(r.articles()).hasSize(1);
    assertThat(r.problems()).singleElement().asString()
        .startsWith("report--0e0a4c40").contains("neither a name nor a description");
    AnalyzedArticle a = r.articles().get(0);
    assertThat(a.article().id()).isEqualTo("stix:report--f2b63e80-b523-4747-a069-35c002c690db");
    assertThat(a.article().source()).isEqualTo("Border Monitoring Desk");
    assertThat(a.article().url()).isEqualTo("https://partner.example/reports/2211");
    assertThat(a.article().published()).isEqualTo("2025-11-20T17:30:00Z");
    PlaceMention place = a.annotations().places().get(0);
    assertThat(place.name()).isEqualTo("Shamsiddin Shohin district");
    assertThat(place.country()).isEqualTo("TJ");
    assertThat(place.kind()).isEqualTo("admin1");
    assertThat(place.radiusKm()).isEqualTo(20.0);
    assertThat(a.annotations().entities()).singleElement()
        .satisfies(e -> {
          assertThat(e.text()).isEqualTo("Jamaat Ansarullah");
          assertThat(e.type()).isEqualTo("ORGANIZATION");
          assertThat(a.article().text().substring(e.start(), e.end())).isEqualTo("Jamaat Ansarullah");
        });
    Event e = a.annotations().events().get(0);
    assertThat(e.place().name()).isEqualTo("Shamsiddin Shohin district");
    assertThat(e.modality()).isEqualTo("asserted");
    assertThat(a.article().text().substring(e.start(), e.end())).startsWith("Tajik border guards exchanged fire");
  }

  @Test
  void whatVigilExportsComesBackTheSame() throws Exception {
    StringWriter out = new StringWriter();
    ExportJob.run(Exporter.Format.STIX, new ExportOptions("green", NOW),
        sink -> ExportersTest.articles().forEach(sink), id -> true, out);
    StixImporter.Result r = StixImporter.read(
        new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), NOW);
    assertThat(r.problems()).isEmpty();
    assertThat(r.articles()).hasSize(2);
    AnalyzedArticle placed = r.articles().get(0);
    assertThat(placed.article().title()).isEqualTo("Clash on the border");
    assertThat(placed.article().published()).isEqualTo("2025-11-18");
    assertThat(placed.article().source()).isEqualTo("Test Wire");
    assertThat(placed.annotations().places()).extracting(PlaceMention::name, PlaceMention::kind, PlaceMention::radiusKm)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Khatlon Region", "admin1", 80.0),
            org.assertj.core.groups.Tuple.tuple("Dushanbe", "city", 10.0));
    Event clash = placed.annotations().events().get(0);
    assertThat(List.of(clash.type(), clash.acled(), clash.modality(), clash.date()))
        .containsExactly("armed_clash", "Armed clash", "asserted", "2025-11-17");
    assertThat(clash.place().lat()).isEqualTo(37.9);
    Event arrest = r.articles().get(1).annotations().events().get(0);
    assertThat(arrest.modality()).isEqualTo("alleged");
    assertThat(arrest.captured()).isEqualTo(3);
    assertThat(r.articles().get(1).annotations().categories()).containsExactly("organized_crime");
  }

  @Test
  void somethingElseIsRefusedWithTheReason() {
    assertThatThrownBy(() -> StixImporter.read(stream("{\"type\":\"report\"}"), NOW))
        .hasMessage("not a STIX 2.1 bundle (no \"type\": \"bundle\" with \"objects\")");
    assertThatThrownBy(() -> StixImporter.read(stream("<xml/>"), NOW)).hasMessageStartingWith("not JSON: ");
  }

  static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
