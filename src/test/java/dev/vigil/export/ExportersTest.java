package dev.vigil.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.Articles;
import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Article;
import dev.vigil.model.EntityMention;
import dev.vigil.model.Event;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Every format written, then read back by an independent parser and checked field by field. */
class ExportersTest {
  static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");
  static final Pattern STIX_ID = Pattern.compile("([a-z0-9-]+)--[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  static final Pattern STIX_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

  /** The placed article, plus one whose event has no place and whose text tries a formula. */
  static List<AnalyzedArticle> articles() {
    String text = "=HYPERLINK(\"x\") Police in Kabul arrested \"three\" suspects, officials said.";
    Event arrest = new Event("arrest", "Arrests", "alleged", "2025-11", null,
        List.of(new Event.Actor("actor", "Police"), new Event.Actor("target", "suspects")),
        null, null, 3, text, 0, text.length());
    Annotations ann = new Annotations("en", List.of(),
        List.of(new EntityMention("Police", "ORGANIZATION", null, null, 17, 23)), List.of(),
        List.of(), List.of(), List.of(arrest), List.of("organized_crime"));
    AnalyzedArticle other = new AnalyzedArticle(new Article("a-2", "https://example.org/a?x=1,2",
        "Example, Inc.", "Arrests, again", null, "2025-11-20", "en", text, "test",
        Instant.parse("2026-01-01T00:00:00Z")), ann);
    return List.of(Articles.placed("a-1"), other);
  }

  static String export(Exporter.Format format, String tlp) throws Exception {
    StringWriter out = new StringWriter();
    ExportJob.Result r = ExportJob.run(format, new ExportOptions(tlp, CREATED),
        sink -> articles().forEach(sink), id -> true, out);
    assertThat(r.articles()).isEqualTo(2);
    assertThat(r.events()).isEqualTo(2);
    return out.toString();
  }

  @Test
  void csvHasAcledLikeColumnsAndReadsBackWithAStandardParser() throws Exception {
    String csv = export(Exporter.Format.CSV, null);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv)).getRecords();
    assertThat(rows).hasSize(2);
    CSVRecord clash = rows.get(0);
    assertThat(clash.getParser().getHeaderNames()).isEqualTo(EventRow.COLUMNS);
    assertThat(clash.get("event_id")).isEqualTo("a-1-1");
    assertThat(clash.get("event_date")).isEqualTo("2025-11-17");
    assertThat(clash.get("year")).isEqualTo("2025");
    assertThat(clash.get("time_precision")).isEqualTo("1");
    assertThat(clash.get("event_type")).isEqualTo("Battles");
    assertThat(clash.get("sub_event_type")).isEqualTo("Armed clash");
    assertThat(clash.get("vigil_type")).isEqualTo("armed_clash");
    assertThat(clash.get("actor1")).isEqualTo("Tajik border guards");
    assertThat(clash.get("country")).isEqualTo("TJ");
    assertThat(clash.get("location")).isEqualTo("Khatlon Region");
    assertThat(clash.get("latitude")).isEqualTo("37.9");
    assertThat(clash.get("longitude")).isEqualTo("69.0");
    assertThat(clash.get("geo_precision")).isEqualTo("2"); // an 80 km radius
    assertThat(clash.get("fatalities")).isEmpty();
    CSVRecord arrest = rows.get(1);
    assertThat(arrest.get("event_type")).isEqualTo("Strategic developments");
    assertThat(arrest.get("time_precision")).isEqualTo("2");
    assertThat(arrest.get("modality")).isEqualTo("alleged");
    assertThat(arrest.get("captured")).isEqualTo("3");
    assertThat(arrest.get("actor2")).isEqualTo("suspects");
    assertThat(arrest.get("source")).isEqualTo("Example, Inc.");
    assertThat(arrest.get("source_url")).isEqualTo("https://example.org/a?x=1,2");
    assertThat(arrest.get("latitude")).isEmpty();
    assertThat(arrest.get("notes")).as("a formula is defused").startsWith("'=HYPERLINK(\"x\")")
        .contains("\"three\"");
    assertThat(csv).contains("\r\n");
  }

  @Test
  void geoJsonHasEventAndPlaceFeaturesLongitudeFirst() throws Exception {
    JsonNode geo = Json.mapper().readTree(export(Exporter.Format.GEOJSON, null));
    assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
    JsonNode features = geo.get("features");
    assertThat(features).hasSize(3); // the placed event and two places; the other event has no place
    JsonNode event = features.get(0);
    assertThat(event.at("/geometry/type").asText()).isEqualTo("Point");
    assertThat(event.at("/geometry/coordinates/0").asDouble()).isEqualTo(69.0);
    assertThat(event.at("/geometry/coordinates/1").asDouble()).isEqualTo(37.9);
    assertThat(event.at("/properties/layer").asText()).isEqualTo("event");
    assertThat(event.at("/properties/sub_event_type").asText()).isEqualTo("Armed clash");
    assertThat(event.at("/properties/radius_km").asDouble()).isEqualTo(80.0);
    JsonNode place = features.get(2);
    assertThat(place.at("/properties/layer").asText()).isEqualTo("place");
    assertThat(place.at("/properties/name").asText()).isEqualTo("Dushanbe");
    assertThat(place.at("/properties/kind").asText()).isEqualTo("city");
    assertThat(place.at("/properties/article_id").asText()).isEqualTo("a-1");
  }

  @Test
  void jsonLinesHoldOneArticleWithItsAnnotationsPerLine() throws Exception {
    String[] lines = export(Exporter.Format.JSONL, null).split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = Json.mapper().readTree(lines[0]);
    assertThat(first.get("id").asText()).isEqualTo("a-1");
    assertThat(first.at("/places/0/name").asText()).isEqualTo("Khatlon Region");
    assertThat(first.at("/events/0/type").asText()).isEqualTo("armed_clash");
    assertThat(Json.mapper().readTree(lines[1]).get("source").asText()).isEqualTo("Example, Inc.");
  }

  @Test
  void stixIsAValidBundleWithResolvableReferencesAndTheTlpMarking() throws Exception {
    JsonNode bundle = Json.mapper().readTree(export(Exporter.Format.STIX, "amber"));
    assertThat(bundle.get("type").asText()).isEqualTo("bundle");
    assertThat(bundle.get("id").asText()).matches(STIX_ID.pattern()).startsWith("bundle--");
    Set<String> ids = new HashSet<>();
    bundle.get("objects").forEach(o -> assertThat(ids.add(o.get("id").asText())).as("unique id").isTrue());
    String amber = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    assertThat(ids).contains(amber);
    int reports = 0;
    for (JsonNode o : bundle.get("objects")) {
      String type = o.get("type").asText();
      var id = STIX_ID.matcher(o.get("id").asText());
      assertThat(id.matches()).as(o.get("id").asText()).isTrue();
      assertThat(id.group(1)).isEqualTo(type);
      assertThat(o.get("spec_version").asText()).isEqualTo("2.1");
      assertThat(o.get("created").asText()).matches(STIX_TIME.pattern());
      if (type.equals("marking-definition")) {
        continue;
      }
      assertThat(o.get("modified").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
      assertThat(o.get("object_marking_refs").get(0).asText()).isEqualTo(amber);
      if (o.has("created_by_ref")) {
        assertThat(ids).contains(o.get("created_by_ref").asText());
      }
      switch (type) {
        case "report" -> {
          reports++;
          assertThat(o.get("name").asText()).isNotBlank();
          assertThat(o.get("published").asText()).matches(STIX_TIME.pattern());
          assertThat(o.get("object_refs")).isNotEmpty();
          o.get("object_refs").forEach(r -> assertThat(ids).contains(r.asText()));
        }
        case "location" -> {
          assertThat(o.get("latitude").asDouble()).isBetween(-90.0, 90.0);
          assertThat(o.get("longitude").asDouble()).isBetween(-180.0, 180.0);
        }
        case "relationship" -> {
          assertThat(o.get("relationship_type").asText()).isIn("located-at", "attributed-to");
          assertThat(ids).contains(o.get("source_ref").asText(), o.get("target_ref").asText());
        }
        case "identity" -> assertThat(o.get("identity_class").asText())
            .isIn("system", "individual", "organization");
        case "incident" -> assertThat(o.get("x_vigil_event_type").asText()).isIn("armed_clash", "arrest");
        default -> throw new AssertionError("unexpected STIX type " + type);
      }
    }
    assertThat(reports).isEqualTo(2);
    JsonNode report = bundle.get("objects").get(bundle.get("objects").size() - 1);
    assertThat(report.at("/published").asText()).isEqualTo("2025-11-20T00:00:00.000Z");
    assertThat(report.at("/external_references/0/url").asText()).isEqualTo("https://example.org/a?x=1,2");
    assertThat(report.at("/labels/0").asText()).isEqualTo("organized_crime");
  }

  @Test
  void armedGroupsBecomeThreatActorsThatTheirAttacksAreAttributedTo() throws Exception {
    String text = "ISIS-K claimed the attack on the checkpoint in Kabul.";
    Event attack = new Event("attack", "Attack", "asserted", "2025-11-20", null,
        List.of(new Event.Actor("actor", "ISIS-K")), 2, null, null, text, 0, text.length());
    Annotations ann = new Annotations("en", List.of(),
        List.of(new EntityMention("ISIS-K", "ORGANIZATION", "isis-k", "Islamic State Khorasan Province", 0, 6)),
        List.of(), List.of(), List.of(), List.of(attack), List.of("terrorism"));
    AnalyzedArticle a = new AnalyzedArticle(new Article("g-1", null, "Wire", "Checkpoint attack", null,
        "2025-11-20", "en", text, "test", CREATED), ann);
    StringWriter out = new StringWriter();
    ExportJob.run(Exporter.Format.STIX, new ExportOptions("clear", CREATED,
        id -> id.equals("isis-k") ? "armed_group" : null), sink -> sink.accept(a), id -> true, out);
    JsonNode objects = Json.mapper().readTree(out.toString()).get("objects");
    JsonNode actor = null;
    JsonNode attributed = null;
    for (JsonNode o : objects) {
      if (o.get("type").asText().equals("threat-actor")) {
        actor = o;
      }
      if (o.path("relationship_type").asText().equals("attributed-to")) {
        attributed = o;
      }
    }
    assertThat(actor).isNotNull();
    assertThat(actor.get("name").asText()).isEqualTo("Islamic State Khorasan Province");
    assertThat(actor.get("x_vigil_kb_id").asText()).isEqualTo("isis-k");
    assertThat(attributed).isNotNull();
    assertThat(attributed.get("target_ref").asText()).isEqualTo(actor.get("id").asText());
    assertThat(attributed.get("source_ref").asText()).startsWith("incident--");
  }

  @Test
  void stixIdsAreStableAcrossExportsSoPartnersMergeInsteadOfDuplicating() throws Exception {
    JsonNode a = Json.mapper().readTree(export(Exporter.Format.STIX, "green"));
    JsonNode b = Json.mapper().readTree(export(Exporter.Format.STIX, "green"));
    for (int i = 0; i < a.get("objects").size(); i++) {
      assertThat(a.get("objects").get(i).get("id")).isEqualTo(b.get("objects").get(i).get("id"));
    }
    assertThat(StixExporter.id("location", "x")).isEqualTo(StixExporter.id("location", "x"))
        .isNotEqualTo(StixExporter.id("location", "y"));
  }

  @Test
  void amberStrictAddsAStatementMarkingAndBadLabelsAreRefused() throws Exception {
    JsonNode bundle = Json.mapper().readTree(export(Exporter.Format.STIX, "TLP:AMBER+STRICT"));
    assertThat(bundle.get("objects").get(1).get("name").asText()).isEqualTo("TLP:AMBER+STRICT");
    assertThatThrownBy(() -> new ExportOptions("purple", CREATED))
        .hasMessageContaining("unknown TLP marking 'purple'");
    assertThatThrownBy(() -> Exporter.Format.parse("xml")).hasMessageContaining("use csv, geojson, jsonl or stix");
  }

  @Test
  void theCsvHeaderNamesEveryColumnOfTheRow() {
    assertThat(EventRow.COLUMNS).hasSize(EventRow.class.getRecordComponents().length);
  }
}
