package dev.vigil.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.PlaceMention;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;

/**
 * A GeoJSON FeatureCollection (RFC 7946: longitude first, WGS 84): a Point feature per event
 * that has a place (properties: the {@link EventRow} columns, {@code layer: "event"}) and per
 * resolved place an article mentions ({@code layer: "place"}, with its kind, country and
 * uncertainty radius in km).
 */
final class GeoJsonExporter implements Exporter {
  private static final RecordComponent[] FIELDS = EventRow.class.getRecordComponents();

  private final JsonGenerator json;
  private boolean finished;

  GeoJsonExporter(Writer out) throws IOException {
    json = Json.mapper().getFactory().createGenerator(out);
    json.writeStartObject();
    json.writeStringField("type", "FeatureCollection");
    json.writeArrayFieldStart("features");
  }

  @Override
  public void add(AnalyzedArticle article) throws IOException {
    for (EventRow row : EventRow.of(article)) {
      if (row.latitude() == null || row.longitude() == null) {
        continue;
      }
      startFeature(row.longitude(), row.latitude());
      json.writeStringField("layer", "event");
      for (int i = 0; i < FIELDS.length; i++) {
        json.writeObjectField(EventRow.COLUMNS.get(i), value(row, FIELDS[i]));
      }
      endFeature();
    }
    for (PlaceMention p : article.annotations().places()) {
      if (p.lat() == null || p.lon() == null) {
        continue;
      }
      startFeature(p.lon(), p.lat());
      json.writeStringField("layer", "place");
      json.writeStringField("name", p.name() != null ? p.name() : p.text());
      json.writeStringField("text", p.text());
      json.writeStringField("kind", p.kind());
      json.writeStringField("country", p.country());
      json.writeObjectField("radius_km", p.radiusKm());
      json.writeStringField("article_id", article.article().id());
      json.writeStringField("published", article.article().published());
      endFeature();
    }
  }

  private static Object value(EventRow row, RecordComponent field) {
    try {
      return field.getAccessor().invoke(row);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + field.getName(), e);
    }
  }

  private void startFeature(double lon, double lat) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", "Feature");
    json.writeObjectFieldStart("geometry");
    json.writeStringField("type", "Point");
    json.writeArrayFieldStart("coordinates");
    json.writeNumber(lon);
    json.writeNumber(lat);
    json.writeEndArray();
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
  }

  private void endFeature() throws IOException {
    json.writeEndObject();
    json.writeEndObject();
  }

  @Override
  public void finish() throws IOException {
    if (!finished) {
      finished = true;
      json.writeEndArray();
      json.writeEndObject();
      json.flush();
    }
  }
}
