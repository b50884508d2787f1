package dev.vigil.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Article;
import dev.vigil.model.EntityMention;
import dev.vigil.model.Event;
import dev.vigil.model.IsoDates;
import dev.vigil.model.PlaceMention;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A STIX 2.1 bundle that OpenCTI and MISP import: Vigil's {@code identity} as the producer, the
 * TLP {@code marking-definition}, and per article a {@code report} whose {@code object_refs}
 * name what it reports: a {@code location} per resolved place, an {@code identity} per person
 * or organisation it names, a {@code threat-actor} per armed group (by the knowledge base's
 * type), and an {@code incident} per event (type, modality and counts as {@code x_vigil_*}
 * properties) with {@code located-at} relationships to its place and {@code attributed-to}
 * relationships to the armed group that acted.
 *
 * <p>Ids are UUIDv5-style hashes of what the object stands for, so exporting the same data
 * twice gives the same ids and a partner's platform merges instead of duplicating. Objects
 * shared by many articles (places, actors) are written once per bundle.
 */
final class StixExporter implements Exporter {
  /** The STIX 2.1 namespace for deterministic identifiers (section 2.9 of the spec). */
  private static final UUID STIX_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The TLP 1.0 marking definitions predefined by STIX 2.1 (section 7.2.1.4). */
  private static final Map<String, String> TLP_MARKINGS = Map.of(
      "CLEAR", "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
      "GREEN", "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
      "AMBER", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
      "RED", "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");
  private static final Map<String, String> TLP_NAMES = Map.of(
      "CLEAR", "white", "GREEN", "green", "AMBER", "amber", "RED", "red");

  private final JsonGenerator json;
  private final ExportOptions options;
  private final String created;
  private final String identityId;
  private final List<String> markingRefs = new ArrayList<>();
  private final Set<String> written = new HashSet<>();
  private boolean finished;

  StixExporter(Writer out, ExportOptions options) throws IOException {
    this.options = options;
    this.created = TIMESTAMP.format(options.created().truncatedTo(ChronoUnit.MILLIS));
    this.identityId = id("identity", "vigil");
    json = Json.mapper().getFactory().createGenerator(out);
    json.writeStartObject();
    json.writeStringField("type", "bundle");
    json.writeStringField("id", "bundle--" + UUID.randomUUID());
    json.writeArrayFieldStart("objects");
    writeMarkings(options.tlp());
    Map<String, Object> identity = sdo("identity", identityId);
    identity.put("name", "Vigil");
    identity.put("description", "Vigil news intelligence: events extracted from news reports");
    identity.put("identity_class", "system");
    write(identity);
  }

  private void writeMarkings(String tlp) throws IOException {
    String base = tlp.equals("AMBER+STRICT") ? "AMBER" : tlp;
    String ref = TLP_MARKINGS.get(base);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "marking-definition");
    m.put("spec_version", "2.1");
    m.put("id", ref);
    m.put("created", "2017-01-20T00:00:00.000Z");
    m.put("definition_type", "tlp");
    m.put("name", "TLP:" + TLP_NAMES.get(base).toUpperCase(Locale.ROOT));
    m.put("definition", Map.of("tlp", TLP_NAMES.get(base)));
    write(m);
    markingRefs.add(ref);
    if (tlp.equals("AMBER+STRICT")) {
      // TLP 2.0's AMBER+STRICT has no predefined STIX 2.1 object: a statement marking says it
      String strict = id("marking-definition", "tlp-amber-strict");
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("type", "marking-definition");
      s.put("spec_version", "2.1");
      s.put("id", strict);
      s.put("created", created);
      s.put("created_by_ref", id("identity", "vigil"));
      s.put("name", "TLP:AMBER+STRICT");
      s.put("definition_type", "statement");
      s.put("definition", Map.of("statement",
          "TLP:AMBER+STRICT: share only within the recipient's organisation."));
      write(s);
      markingRefs.add(strict);
    }
  }

  @Override
  public void add(AnalyzedArticle analyzed) throws IOException {
    Article a = analyzed.article();
    Set<String> refs = new LinkedHashSet<>();
    Map<String, String> placeIds = new LinkedHashMap<>();
    for (PlaceMention p : analyzed.annotations().places()) {
      if (p.lat() == null || p.lon() == null) {
        continue;
      }
      String name = p.name() != null ? p.name() : p.text();
      String locId = id("location", name + "|" + p.lat() + "|" + p.lon());
      placeIds.putIfAbsent(name, locId);
      refs.add(locId);
      if (written.add(locId)) {
        Map<String, Object> loc = sdo("location", locId);
        loc.put("name", name);
        loc.put("latitude", p.lat());
        loc.put("longitude", p.lon());
        if (p.radiusKm() != null) {
          loc.put("precision", Math.round(p.radiusKm() * 1000.0));
        }
        if (p.country() != null) {
          loc.put("country", p.country());
        }
        if (p.kind() != null) {
          loc.put("x_vigil_kind", p.kind());
        }
        write(loc);
      }
    }
    Map<String, String> groups = new LinkedHashMap<>(); // armed group name -> threat-actor id
    for (EntityMention e : analyzed.annotations().entities()) {
      String cls = switch (e.type()) {
        case "PERSON" -> "individual";
        case "ORGANIZATION" -> "organization";
        default -> null;
      };
      if (cls == null) {
        continue;
      }
      String name = e.name() != null ? e.name() : e.text();
      String key = e.id() != null ? e.id() : cls + ":" + name.toLowerCase(Locale.ROOT);
      boolean armedGroup = e.id() != null && "armed_group".equals(options.actorType().apply(e.id()));
      String objectId = id(armedGroup ? "threat-actor" : "identity", key);
      refs.add(objectId);
      if (armedGroup) {
        groups.put(name.toLowerCase(Locale.ROOT), objectId);
        groups.put(e.text().toLowerCase(Locale.ROOT), objectId);
      }
      if (written.add(objectId)) {
        Map<String, Object> actor = sdo(armedGroup ? "threat-actor" : "identity", objectId);
        actor.put("name", name);
        if (armedGroup) {
          actor.put("threat_actor_types", List.of("terrorist"));
        } else {
          actor.put("identity_class", cls);
        }
        if (e.id() != null) {
          actor.put("x_vigil_kb_id", e.id());
        }
        write(actor);
      }
    }
    int n = 0;
    for (Event e : analyzed.annotations().events()) {
      n++;
      String incidentId = id("incident", a.id() + "#" + n);
      refs.add(incidentId);
      Map<String, Object> incident = sdo("incident", incidentId);
      String where = e.place() != null && e.place().name() != null ? " in " + e.place().name() : "";
      String when = e.date() != null ? " (" + e.date() + ")" : "";
      incident.put("name", e.type().replace('_', ' ') + where + when);
      incident.put("description", e.sentence());
      incident.put("x_vigil_event_type", e.type());
      putIfNotNull(incident, "x_vigil_acled_sub_event_type", e.acled());
      incident.put("x_vigil_modality", e.modality());
      putIfNotNull(incident, "x_vigil_date", e.date());
      putIfNotNull(incident, "x_vigil_killed", e.killed());
      putIfNotNull(incident, "x_vigil_injured", e.injured());
      putIfNotNull(incident, "x_vigil_captured", e.captured());
      write(incident);
      for (Event.Actor actor : e.actors()) {
        String group = "actor".equals(actor.role()) ? groups.get(actor.name().toLowerCase(Locale.ROOT)) : null;
        if (group != null) {
          String relId = id("relationship", incidentId + "|attributed-to|" + group);
          refs.add(relId);
          Map<String, Object> rel = sdo("relationship", relId);
          rel.put("relationship_type", "attributed-to");
          rel.put("source_ref", incidentId);
          rel.put("target_ref", group);
          write(rel);
        }
      }
      String locId = e.place() == null ? null : placeIds.get(e.place().name());
      if (locId != null) {
        String relId = id("relationship", incidentId + "|located-at|" + locId);
        refs.add(relId);
        Map<String, Object> rel = sdo("relationship", relId);
        rel.put("relationship_type", "located-at");
        rel.put("source_ref", incidentId);
        rel.put("target_ref", locId);
        write(rel);
      }
    }
    if (refs.isEmpty()) {
      refs.add(identityId); // a report must refer to something
    }
    Map<String, Object> report = sdo("report", id("report", a.id()));
    report.put("name", a.title() != null ? a.title() : a.id());
    report.put("description", lead(a.text()));
    report.put("report_types", List.of("threat-report"));
    report.put("published", published(a));
    report.put("object_refs", new ArrayList<>(refs));
    List<Map<String, Object>> refsOut = new ArrayList<>();
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("source_name", a.source() != null ? a.source() : "unknown source");
    if (a.url() != null) {
      ext.put("url", a.url());
    }
    ext.put("external_id", a.id());
    refsOut.add(ext);
    report.put("external_references", refsOut);
    if (!analyzed.annotations().categories().isEmpty()) {
      report.put("labels", analyzed.annotations().categories());
    }
    write(report);
  }

  private Map<String, Object> sdo(String type, String id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("spec_version", "2.1");
    m.put("id", id);
    m.put("created", created);
    m.put("modified", created);
    if (!type.equals("identity") || !id.equals(identityId)) {
      m.put("created_by_ref", identityId);
    }
    m.put("object_marking_refs", markingRefs);
    return m;
  }

  private static void putIfNotNull(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private String published(Article a) {
    if (a.published() != null) {
      Long start = IsoDates.toEpochMillis(a.published());
      if (start != null) {
        return TIMESTAMP.format(Instant.ofEpochMilli(start));
      }
    }
    return TIMESTAMP.format(a.ingested().truncatedTo(ChronoUnit.MILLIS));
  }

  private static String lead(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 500 ? flat : flat.substring(0, 500) + " …";
  }

  private void write(Map<String, Object> object) throws IOException {
    json.writeObject(object);
  }

  /** {@code type--uuid}, a name-based UUID (version 5, SHA-1) in the STIX namespace. */
  static String id(String type, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(uuidBytes(STIX_NAMESPACE));
      sha1.update((type + ":" + name).getBytes(StandardCharsets.UTF_8));
      byte[] h = sha1.digest();
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      long msb = 0;
      long lsb = 0;
      for (int i = 0; i < 8; i++) {
        msb = (msb << 8) | (h[i] & 0xff);
        lsb = (lsb << 8) | (h[i + 8] & 0xff);
      }
      return type + "--" + new UUID(msb, lsb);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  private static byte[] uuidBytes(UUID u) {
    byte[] b = new byte[16];
    long msb = u.getMostSignificantBits();
    long lsb = u.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (msb >>> (56 - 8 * i));
      b[i + 8] = (byte) (lsb >>> (56 - 8 * i));
    }
    return b;
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
