package dev.vigil.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The actor knowledge base, immutable once loaded and safe to share between threads. It is
 * the entries of {@code kb/phoenix-actors.tsv.gz} (built from the Phoenix dictionaries),
 * overridden by {@code kb/curated.yaml}, overridden by a user's {@code kb.yaml}: an entry
 * with the id of an earlier one replaces it outright (aliases and all), and an entry with a
 * new id whose name is an earlier entry's name takes over that entry's aliases and roles, so
 * one actor stays one entry.
 */
public final class ActorBase {
  /** The user's additions, read from the data directory. */
  public static final String USER_FILE = "kb.yaml";
  static final String PHOENIX_RESOURCE = "/kb/phoenix-actors.tsv.gz";
  static final String CURATED_RESOURCE = "/kb/curated.yaml";
  private static final Set<String> YAML_KEYS =
      Set.of("id", "name", "type", "country", "roles", "aliases");
  private static final Set<String> ROLE_KEYS = Set.of("title", "from", "to");

  private final Map<String, Actor> byId;
  private final Map<String, List<Actor>> byAlias = new HashMap<>();

  private ActorBase(Collection<Actor> actors) {
    byId = new LinkedHashMap<>();
    for (Actor a : actors) {
      byId.put(a.id(), a);
    }
    for (Actor a : byId.values()) {
      for (String alias : a.aliases()) {
        String key = NameTokens.key(alias);
        if (!key.isEmpty()) {
          List<Actor> list = byAlias.computeIfAbsent(key, k -> new ArrayList<>(1));
          if (!list.contains(a)) {
            list.add(a);
          }
        }
      }
    }
  }

  /** The bundled base (Phoenix and curated entries), without user additions. */
  public static ActorBase bundled() {
    return load(null);
  }

  /**
   * The bundled base merged with {@code dataDir/kb.yaml} when there is one.
   *
   * @param dataDir the data directory, or null for the bundled base alone
   * @throws KbException naming the file and entry if the user's file is not valid
   */
  public static ActorBase load(Path dataDir) {
    Map<String, Actor> actors = new LinkedHashMap<>();
    try (InputStream in = ActorBase.class.getResourceAsStream(PHOENIX_RESOURCE)) {
      if (in != null) {
        for (Actor a : readTsv(in)) {
          actors.put(a.id(), a);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PHOENIX_RESOURCE, e);
    }
    try (InputStream in = ActorBase.class.getResourceAsStream(CURATED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CURATED_RESOURCE + " is missing from the build");
      }
      merge(actors, readYaml(in, CURATED_RESOURCE, "curated"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CURATED_RESOURCE, e);
    }
    if (dataDir != null) {
      Path user = dataDir.resolve(USER_FILE);
      if (Files.isRegularFile(user)) {
        try (InputStream in = Files.newInputStream(user)) {
          merge(actors, readYaml(in, user.toString(), "user"));
        } catch (IOException e) {
          throw new KbException(user + ": cannot read: " + e.getMessage(), e);
        }
      }
    }
    foldLeadingThe(actors);
    return new ActorBase(actors.values());
  }

  /**
   * This base with analysts' entries (from the store) laid over it, the same way kb.yaml is laid
   * over the bundled entries: an entry with the same id replaces the old one outright, one with
   * the same name absorbs its aliases and roles. This base is left as it was.
   */
  public ActorBase with(Collection<Actor> edits) {
    if (edits.isEmpty()) {
      return this;
    }
    Map<String, Actor> actors = new LinkedHashMap<>(byId);
    merge(actors, List.copyOf(edits));
    return new ActorBase(actors.values());
  }

  /**
   * Writes {@code actors} in the format of kb.yaml (see docs/entities.md), so analysts' entries
   * can be kept in a data directory's kb.yaml.
   */
  public static void writeYaml(Collection<Actor> actors, java.io.Writer out) throws IOException {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Actor a : actors) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", a.id());
      m.put("name", a.name());
      m.put("type", a.type());
      if (a.country() != null) {
        m.put("country", a.country());
      }
      List<String> aliases = a.aliases().stream().filter(x -> !x.equals(a.name())).toList();
      if (!aliases.isEmpty()) {
        m.put("aliases", aliases);
      }
      if (!a.roles().isEmpty()) {
        List<Map<String, Object>> roles = new ArrayList<>();
        for (Role r : a.roles()) {
          Map<String, Object> rm = new LinkedHashMap<>();
          rm.put("title", r.title());
          if (r.from() != null) {
            rm.put("from", r.from());
          }
          if (r.to() != null) {
            rm.put("to", r.to());
          }
          roles.add(rm);
        }
        m.put("roles", roles);
      }
      list.add(m);
    }
    new ObjectMapper(new YAMLFactory()).writeValue(out, Map.of("actors", list));
  }

  /** A base of exactly these actors (for tests and tools). */
  public static ActorBase of(Collection<Actor> actors) {
    return new ActorBase(actors);
  }

  /**
   * Folds each entry named "The X" into the entry named "X" of the same kind (person or not),
   * aliases and roles: the Phoenix dictionaries list some bodies twice ("The United Nations"
   * and "United Nations", "The European Union", "The Islamic State"), which split one actor's
   * mentions between two entries, the one linked depending on how the article wrote the name.
   */
  static void foldLeadingThe(Map<String, Actor> actors) {
    Map<String, String> idByName = new HashMap<>();
    for (Actor a : actors.values()) {
      if (!startsWithThe(a.name())) {
        idByName.putIfAbsent(NameTokens.key(a.name()), a.id());
      }
    }
    for (Actor a : List.copyOf(actors.values())) {
      String target = startsWithThe(a.name()) ? idByName.get(NameTokens.key(a.name().substring(4))) : null;
      Actor into = target == null ? null : actors.get(target);
      if (into == null || into.isPerson() != a.isPerson()) {
        continue;
      }
      Set<String> aliases = new LinkedHashSet<>(into.aliases());
      aliases.addAll(a.aliases());
      List<Role> roles = new ArrayList<>(into.roles());
      a.roles().stream().filter(r -> !roles.contains(r)).forEach(roles::add);
      actors.put(into.id(), new Actor(into.id(), into.name(), into.type(),
          into.country() != null ? into.country() : a.country(), roles, List.copyOf(aliases), into.source()));
      actors.remove(a.id());
    }
  }

  private static boolean startsWithThe(String name) {
    return name.length() > 4 && name.regionMatches(true, 0, "the ", 0, 4);
  }

  private static void merge(Map<String, Actor> actors, List<Actor> over) {
    Map<String, String> idByName = new HashMap<>();
    for (Actor a : actors.values()) {
      idByName.putIfAbsent(NameTokens.key(a.name()), a.id());
    }
    for (Actor a : over) {
      String sameName = idByName.get(NameTokens.key(a.name()));
      Actor old = null; // an entry with the same id is replaced outright, aliases and all
      if (!actors.containsKey(a.id()) && sameName != null
          && actors.get(sameName).isPerson() == a.isPerson()) {
        old = actors.remove(sameName);
      }
      if (old != null) {
        Set<String> aliases = new LinkedHashSet<>(a.aliases());
        aliases.addAll(old.aliases());
        List<Role> roles = new ArrayList<>(a.roles());
        old.roles().stream().filter(r -> !roles.contains(r)).forEach(roles::add);
        a = new Actor(a.id(), a.name(), a.type(), a.country() != null ? a.country() : old.country(),
            roles, List.copyOf(aliases), a.source());
      }
      actors.put(a.id(), a);
    }
  }

  public int size() {
    return byId.size();
  }

  /** The type of the entry with {@code id} ("armed_group", "person", ...), or null when none. */
  public String typeOf(String id) {
    Actor a = get(id);
    return a == null ? null : a.type();
  }

  public Actor get(String id) {
    return byId.get(id);
  }

  public Collection<Actor> actors() {
    return byId.values();
  }

  /** The actors that go by {@code name} (matched case- and diacritic-insensitively). */
  public List<Actor> lookup(String name) {
    return byAlias.getOrDefault(NameTokens.key(name), List.of());
  }

  // --- the compact form committed under src/main/resources/kb ---

  /**
   * Writes actors as gzipped TSV: id, type, country, name, aliases ({@code |}-separated), roles
   * ({@code title;from;to}, {@code |}-separated).
   */
  public static void writeTsv(List<Actor> actors, Path out) throws IOException {
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8))) {
      w.write("# id\ttype\tcountry\tname\taliases\troles (built by scripts/build-kb.sh from the"
          + " Phoenix dictionaries, MIT; see NOTICE)\n");
      for (Actor a : actors) {
        List<String> roles = a.roles().stream()
            .map(r -> r.title() + ";" + nz(r.from()) + ";" + nz(r.to())).toList();
        w.write(String.join("\t", a.id(), a.type(), nz(a.country()), a.name(),
            String.join("|", a.aliases()), String.join("|", roles)));
        w.write('\n');
      }
    }
  }

  static List<Actor> readTsv(InputStream gz) throws IOException {
    List<Actor> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(gz),
        StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      List<Role> roles = new ArrayList<>();
      if (f.length > 5 && !f[5].isEmpty()) {
        for (String role : f[5].split("\\|")) {
          String[] p = role.split(";", -1);
          roles.add(new Role(p[0], en(p[1]), en(p[2])));
        }
      }
      out.add(new Actor(f[0], f[3], f[1], en(f[2]), roles, List.of(f[4].split("\\|")), "phoenix"));
    }
    return out;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String en(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  // --- YAML (curated and user entries) ---

  /**
   * Reads {@code actors:} entries from YAML (see docs/entities.md for the format).
   *
   * @throws KbException naming {@code where} and the entry if an entry is not valid
   */
  static List<Actor> readYaml(InputStream in, String where, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new KbException(where + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return List.of();
    }
    JsonNode list = root.get("actors");
    if (list == null || !list.isArray()) {
      throw new KbException(where + ": expected a list under the key \"actors\"");
    }
    List<Actor> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      String at = where + ": actors[" + i + "]";
      try {
        checkKeys(e, YAML_KEYS, at);
        String name = text(e, "name");
        if (name == null) {
          throw new KbException(at + ": \"name\" is required");
        }
        at = at + " (" + name + ")";
        String id = text(e, "id") != null ? text(e, "id") : PhoenixDictionaries.slug(name);
        String type = text(e, "type") != null ? text(e, "type") : "organisation";
        Set<String> aliases = new LinkedHashSet<>();
        aliases.add(name);
        if (e.has("aliases")) {
          for (JsonNode alias : e.get("aliases")) {
            aliases.add(alias.asText().strip());
          }
        }
        List<Role> roles = new ArrayList<>();
        if (e.has("roles")) {
          for (JsonNode role : e.get("roles")) {
            checkKeys(role, ROLE_KEYS, at + " role");
            roles.add(new Role(text(role, "title"), text(role, "from"), text(role, "to")));
          }
        }
        out.add(new Actor(id, name, type, text(e, "country"), roles, List.copyOf(aliases), source));
      } catch (IllegalArgumentException ex) {
        throw new KbException(at + ": " + ex.getMessage(), ex);
      }
    }
    return out;
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, String at) {
    if (!node.isObject()) {
      throw new KbException(at + ": expected a mapping");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new KbException(at + ": unknown key \"" + key + "\", expected one of " + allowed);
      }
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v.asText().strip();
  }
}
