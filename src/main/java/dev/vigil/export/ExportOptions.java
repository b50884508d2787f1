package dev.vigil.export;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * How an export is marked and stamped. {@code tlp} is the Traffic Light Protocol marking of
 * everything exported (CLEAR, GREEN, AMBER, AMBER+STRICT, RED); {@code created} stamps the
 * STIX objects (a fixed instant makes an export reproducible); {@code actorType} gives the
 * knowledge-base type of a linked entity's id ("armed_group", "person", ...; null when not
 * known), so that armed groups become STIX threat actors.
 */
public record ExportOptions(String tlp, Instant created, Function<String, String> actorType) {
  public ExportOptions {
    Objects.requireNonNull(created, "created");
    tlp = Tlp.normalize(tlp);
    actorType = actorType == null ? id -> null : actorType;
  }

  /** Options without a knowledge base. */
  public ExportOptions(String tlp, Instant created) {
    this(tlp, created, null);
  }

  public static ExportOptions defaults() {
    return new ExportOptions("CLEAR", Instant.now());
  }

  /** The TLP 2.0 labels, and the STIX 2.1 marking definition each maps to. */
  static final class Tlp {
    private Tlp() {}

    static String normalize(String tlp) {
      String t = tlp == null ? "CLEAR" : tlp.strip().toUpperCase(Locale.ROOT).replaceFirst("^TLP:", "");
      return switch (t) {
        case "CLEAR", "WHITE" -> "CLEAR";
        case "GREEN", "AMBER", "AMBER+STRICT", "RED" -> t;
        default -> throw new IllegalArgumentException(
            "unknown TLP marking '" + tlp + "': use CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
      };
    }
  }
}
