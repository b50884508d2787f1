package dev.vigil.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sources Vigil knows: the shipped registry ({@code /sources/sources.yaml}) with the
 * entries of the data directory's {@code sources.yaml} merged over it field by field (a user
 * entry with a shipped id changes only the fields it gives; a new id adds a source). A bad
 * entry is an error naming the file, the entry and the field. Immutable and thread-safe.
 */
public final class SourceRegistry implements SourceLookup {
  /** The user's file in the data directory. */
  public static final String FILE_NAME = "sources.yaml";
  private static final String BUNDLED = "/sources/sources.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(
      new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
  private static final Set<String> FIELDS = Set.of("id", "name", "homepages", "domains", "country",
      "languages", "type", "ownership", "prior", "label");

  private final Map<String, Source> byId;
  private final Map<String, Source> byDomain = new LinkedHashMap<>();

  private SourceRegistry(Map<String, Source> byId) {
    this.byId = byId;
    for (Source s : byId.values()) {
      for (String d : s.domains()) {
        byDomain.putIfAbsent(d.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", ""), s);
      }
    }
  }

  /** The shipped registry alone. */
  public static SourceRegistry bundled() {
    return new SourceRegistry(toSources(bundledNodes(), BUNDLED));
  }

  /** The shipped registry with {@code dataDir/sources.yaml} merged over it, if that exists. */
  public static SourceRegistry load(Path dataDir) {
    Map<String, ObjectNode> nodes = bundledNodes();
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      for (Map.Entry<String, ObjectNode> e : readFile(file).entrySet()) {
        ObjectNode base = nodes.get(e.getKey());
        if (base == null) {
          nodes.put(e.getKey(), e.getValue());
        } else {
          base.setAll(e.getValue());
        }
      }
    }
    return new SourceRegistry(toSources(nodes, file.toString()));
  }

  public Collection<Source> all() {
    return byId.values();
  }

  public Optional<Source> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<Source> byUrl(String url) {
    URI u;
    try {
      u = new URI(url.strip().replace(" ", "%20"));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (u.getHost() == null) {
      return Optional.empty();
    }
    String host = u.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    // longest host suffix first, and on each host a path prefix before the bare host
    for (String h = host; h != null; h = parent(h)) {
      Source best = null;
      int bestLength = -1;
      for (Map.Entry<String, Source> e : byDomain.entrySet()) {
        String key = e.getKey();
        int slash = key.indexOf('/');
        String keyHost = slash < 0 ? key : key.substring(0, slash);
        String keyPath = slash < 0 ? "" : key.substring(slash);
        if (keyHost.equals(h) && path.startsWith(keyPath) && keyPath.length() > bestLength) {
          best = e.getValue();
          bestLength = keyPath.length();
        }
      }
      if (best != null) {
        return Optional.of(best);
      }
    }
    return Optional.empty();
  }

  private static String parent(String host) {
    int dot = host.indexOf('.');
    return dot < 0 || host.indexOf('.', dot + 1) < 0 ? null : host.substring(dot + 1);
  }

  @Override
  public Optional<Source> byName(String nameOrDomain) {
    String q = nameOrDomain.strip();
    Source s = byId.get(q.toLowerCase(Locale.ROOT));
    if (s != null) {
      return Optional.of(s);
    }
    for (Source x : byId.values()) {
      if (x.name().equalsIgnoreCase(q)) {
        return Optional.of(x);
      }
    }
    return q.contains(".") && !q.contains(" ") ? byUrl("http://" + q) : Optional.empty();
  }

  /**
   * Writes {@code fields} into the entry {@code id} of {@code dataDir/sources.yaml} (creating
   * the file or entry), after checking that the merged registry is still valid.
   *
   * @return the registry as it is now
   * @throws IllegalArgumentException if a field is unknown or a value is invalid
   */
  public static SourceRegistry writeUserEntry(Path dataDir, String id, Map<String, Object> fields) {
    for (String f : fields.keySet()) {
      if (!FIELDS.contains(f)) {
        throw new IllegalArgumentException("unknown source field '" + f + "' (known: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
      }
    }
    Path file = dataDir.resolve(FILE_NAME);
    Map<String, ObjectNode> user = Files.exists(file) ? readFile(file) : new LinkedHashMap<>();
    ObjectNode entry = user.computeIfAbsent(id, k -> YAML.createObjectNode().put("id", k));
    for (Map.Entry<String, Object> f : fields.entrySet()) {
      entry.set(f.getKey(), YAML.valueToTree(f.getValue()));
    }
    ObjectNode root = YAML.createObjectNode();
    ArrayNode list = root.putArray("sources");
    user.values().forEach(list::add);
    try {
      Files.createDirectories(dataDir);
      Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
      YAML.writeValue(tmp.toFile(), root);
      SourceRegistry merged;
      try {
        merged = loadWith(dataDir, tmp);
      } catch (IllegalArgumentException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return merged;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static SourceRegistry loadWith(Path dataDir, Path userFile) {
    Map<String, ObjectNode> nodes = bundledNodes();
    for (Map.Entry<String, ObjectNode> e : readFile(userFile).entrySet()) {
      ObjectNode base = nodes.get(e.getKey());
      if (base == null) {
        nodes.put(e.getKey(), e.getValue());
      } else {
        base.setAll(e.getValue());
      }
    }
    return new SourceRegistry(toSources(nodes, dataDir.resolve(FILE_NAME).toString()));
  }

  private static Map<String, ObjectNode> bundledNodes() {
    try (InputStream in = SourceRegistry.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLED + " is missing from the classpath");
      }
      return entries(YAML.readTree(in), BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUNDLED, e);
    }
  }

  private static Map<String, ObjectNode> readFile(Path file) {
    try {
      return entries(YAML.readTree(file.toFile()), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  private static Map<String, ObjectNode> entries(JsonNode root, String where) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return out;
    }
    JsonNode list = root.get("sources");
    if (!root.isObject() || list == null || !list.isArray()) {
      throw new IllegalArgumentException(where + ": expected 'sources:' with a list of entries");
    }
    int n = 0;
    for (JsonNode e : list) {
      n++;
      if (!e.isObject() || !e.hasNonNull("id")) {
        throw new IllegalArgumentException(where + ": entry " + n + " has no id");
      }
      e.fieldNames().forEachRemaining(f -> {
        if (!FIELDS.contains(f)) {
          throw new IllegalArgumentException(where + ": source " + e.get("id").asText() + ": unknown field '" + f + "'");
        }
      });
      out.put(e.get("id").asText(), ((ObjectNode) e).deepCopy());
    }
    return out;
  }

  private static Map<String, Source> toSources(Map<String, ObjectNode> nodes, String where) {
    Map<String, Source> out = new LinkedHashMap<>();
    for (ObjectNode n : nodes.values()) {
      String id = n.get("id").asText();
      try {
        out.put(id, new Source(id, text(n, "name"), list(n, "homepages"), list(n, "domains"),
            text(n, "country"), list(n, "languages"),
            n.hasNonNull("type") ? SourceType.parse(n.get("type").asText()) : SourceType.OTHER,
            text(n, "ownership"), n.has("prior") ? prior(n.get("prior")) : 0.5,
            n.hasNonNull("label") ? Reliability.parse(n.get("label").asText()) : Reliability.UNRATED));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": source " + id + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static double prior(JsonNode n) {
    if (!n.isNumber() && !(n.isTextual() && n.asText().matches("[0-9.]+"))) {
      throw new IllegalArgumentException("prior must be a number between 0 and 1, got " + n);
    }
    return n.asDouble();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
  }

  private static List<String> list(JsonNode n, String field) {
    JsonNode v = n.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(x -> out.add(x.asText().strip()));
    } else {
      for (String s : v.asText().split(",")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }
}
