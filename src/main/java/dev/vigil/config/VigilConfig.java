package dev.vigil.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Vigil's settings: the defaults from {@code vigil-defaults.yaml}, overridden by the user's
 * {@code config.yaml}. A key the defaults do not have is an error, so a typo never goes
 * unnoticed; a value of the wrong type is an error naming the key.
 */
public final class VigilConfig {
  /** The name of the user's file in the data directory. */
  public static final String FILE_NAME = "config.yaml";
  private static final String DEFAULTS = "/vigil-defaults.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonNode root;

  private VigilConfig(JsonNode root) {
    this.root = root;
  }

  /** The defaults alone. */
  public static VigilConfig defaults() {
    return new VigilConfig(loadDefaults());
  }

  /** The defaults overridden by {@code dataDir/config.yaml} if it exists. */
  public static VigilConfig load(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return defaults();
    }
    JsonNode user;
    try {
      user = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException(file + ": not valid YAML: " + e.getMessage(), e);
    }
    ObjectNode merged = loadDefaults();
    if (user != null && !user.isMissingNode() && !user.isNull()) {
      if (!user.isObject()) {
        throw new ConfigException(file + ": expected a mapping of settings at the top level");
      }
      merge(merged, user, "", file);
    }
    return new VigilConfig(merged);
  }

  private static ObjectNode loadDefaults() {
    try (InputStream in = VigilConfig.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS, e);
    }
  }

  private static void merge(ObjectNode target, JsonNode user, String prefix, Path file) {
    for (Map.Entry<String, JsonNode> e : user.properties()) {
      String key = prefix + e.getKey();
      JsonNode known = target.get(e.getKey());
      if (known == null) {
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(n -> names.add(prefix + n));
        throw new ConfigException(file + ": unknown setting '" + key + "' (known here: "
            + String.join(", ", names) + ")");
      }
      if (known.isObject()) {
        if (!e.getValue().isObject()) {
          throw new ConfigException(file + ": '" + key + "' must be a mapping of settings");
        }
        merge((ObjectNode) known, e.getValue(), key + ".", file);
      } else {
        if (e.getValue().isObject() || e.getValue().isArray() != known.isArray()) {
          throw new ConfigException(file + ": '" + key + "' has the wrong kind of value");
        }
        target.set(e.getKey(), e.getValue());
      }
    }
  }

  private JsonNode node(String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      n = n.get(part);
      if (n == null) {
        throw new IllegalArgumentException("no such setting: " + path);
      }
    }
    return n;
  }

  String string(String path) {
    JsonNode n = node(path);
    return n.isNull() ? null : n.asText();
  }

  int integer(String path, int min, int max) {
    JsonNode n = node(path);
    int v;
    if (n.isIntegralNumber() && n.canConvertToInt()) {
      v = n.asInt();
    } else if (n.isTextual()) {
      v = parseInt(path, n.asText());
    } else {
      throw new ConfigException("setting '" + path + "' must be a whole number, got: " + n);
    }
    if (v < min || v > max) {
      throw new ConfigException("setting '" + path + "' must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  private static int parseInt(String path, String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException("setting '" + path + "' must be a whole number, got: " + s);
    }
  }

  /** The store's JDBC URL; blank: the SQLite file in the data directory. */
  public String storeUrl() {
    return string("store.url");
  }

  /** The login for the store's database server (blank: none). */
  public String storeUser() {
    return string("store.user");
  }

  /** The password for the store's database server (blank: none). */
  public String storePassword() {
    return string("store.password");
  }

  /** The interface the web server listens on. */
  public String serverHost() {
    return string("server.host");
  }

  /** The port the web server listens on (0: any free port). */
  public int serverPort() {
    return integer("server.port", 0, 65535);
  }

  /** Whether {@code vigil serve} runs in team mode (sign-in required). */
  public boolean serverAuth() {
    return bool("server.auth");
  }

  /** Whether cookies are marked Secure (Vigil is reached over https). */
  public boolean serverSecureCookies() {
    return bool("server.secure-cookies");
  }

  private boolean bool(String path) {
    JsonNode n = node(path);
    if (!n.isBoolean()) {
      throw new ConfigException("setting '" + path + "' must be true or false, got: " + n);
    }
    return n.asBoolean();
  }

  /** The dashboard's address for links in alert messages, or null to leave links out. */
  public String alertsBaseUrl() {
    String v = string("alerts.base-url");
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** Seconds between alert passes of a running server. */
  public int alertsEverySeconds() {
    return integer("alerts.every-seconds", 1, 3600);
  }

  /** The SMTP server for alert e-mail ({@code host} null: not configured). */
  public record Smtp(String host, int port, String username, String password, String from,
      boolean startTls) {}

  public Smtp alertsSmtp() {
    String host = string("alerts.smtp.host");
    String user = string("alerts.smtp.username");
    JsonNode tls = node("alerts.smtp.starttls");
    if (!tls.isBoolean()) {
      throw new ConfigException("setting 'alerts.smtp.starttls' must be true or false, got: " + tls);
    }
    return new Smtp(host == null || host.isBlank() ? null : host.strip(),
        integer("alerts.smtp.port", 1, 65535), user == null || user.isBlank() ? null : user,
        string("alerts.smtp.password"), string("alerts.smtp.from"), tls.asBoolean());
  }

  /** The largest file or {@code .jsonl} line taken as one article, in bytes. */
  public long maxDocumentBytes() {
    return integer("ingest.max-document-mb", 1, 1024) * 1024L * 1024L;
  }

  /** Threads that extract and annotate in parallel. */
  public int ingestWorkers() {
    int w = integer("ingest.workers", 0, 256);
    return w == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : w;
  }

  /** Articles written per database transaction. */
  public int ingestBatchSize() {
    return integer("ingest.batch-size", 1, 100_000);
  }
  /** The file of feeds {@code vigil serve} polls, or null when none is configured. */
  public String feedsFile() {
    String f = string("feeds.file");
    return f == null || f.isBlank() ? null : f;
  }

  /** Poll interval bounds and start, in seconds: {min, initial, max}. */
  public int[] feedIntervalsSeconds() {
    int min = integer("feeds.min-interval-seconds", 1, 7 * 86400);
    int initial = integer("feeds.initial-interval-seconds", 1, 7 * 86400);
    int max = integer("feeds.max-interval-seconds", 1, 30 * 86400);
    if (!(min <= initial && initial <= max)) {
      throw new ConfigException("feeds: need min-interval-seconds <= initial-interval-seconds"
          + " <= max-interval-seconds, got " + min + ", " + initial + ", " + max);
    }
    return new int[] {min, initial, max};
  }

  /** Hosts polled at the same time. */
  public int feedWorkers() {
    return integer("feeds.workers", 1, 256);
  }

  /** The URL sent in the User-Agent for site operators. */
  public String fetchContactUrl() {
    return string("fetch.contact-url");
  }

  public int fetchHostDelayMs() {
    return integer("fetch.host-delay-ms", 0, 600_000);
  }

  public int fetchPerHostConcurrency() {
    return integer("fetch.per-host-concurrency", 1, 16);
  }

  public int fetchConnectTimeoutSeconds() {
    return integer("fetch.connect-timeout-seconds", 1, 600);
  }

  public int fetchReadTimeoutSeconds() {
    return integer("fetch.read-timeout-seconds", 1, 3600);
  }

  public long fetchMaxBodyBytes() {
    return integer("fetch.max-body-mb", 1, 1024) * 1024L * 1024L;
  }

  public int fetchMaxRedirects() {
    return integer("fetch.max-redirects", 0, 20);
  }

  public int fetchMaxAttempts() {
    return integer("fetch.max-attempts", 1, 20);
  }

  public int fetchMaxBackoffSeconds() {
    return integer("fetch.max-backoff-seconds", 1, 86400);
  }

  /** The least containment (0-1) for a near-duplicate. */
  public double dedupThreshold() {
    return integer("dedup.near-duplicate-percent", 1, 100) / 100.0;
  }

  /** How many recent articles a new one is compared with. */
  public int dedupWindow() {
    return integer("dedup.window", 1, 10_000_000);
  }
}
