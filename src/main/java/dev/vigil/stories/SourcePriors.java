package dev.vigil.stories;

import dev.vigil.sources.SourceRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * What a source registry says of a source before its track record: its reliability label,
 * why, and who owns it (two outlets of one owner are not independent). The lead wires the
 * source registry to this; {@link #NONE} knows no source.
 */
public interface SourcePriors {
  /** A registry entry; {@code label} is one of Reliable, Mixed, Unreliable, Unrated. */
  record Prior(String label, String reason, String owner) {
    public Prior {
      Objects.requireNonNull(label, "label");
      if (!SourceReliability.LABELS.contains(label)) {
        throw new IllegalArgumentException("unknown reliability label: " + label);
      }
    }
  }

  /** The registry's entry for {@code source} (a source name as articles carry it). */
  Optional<Prior> prior(String source);

  /**
   * The priors a source registry gives: each registered source's label, with its type and
   * country as the reason and its owner.
   */
  static SourcePriors of(SourceRegistry registry) {
    return name -> registry.byName(name).map(s -> new Prior(s.label().label(),
        s.type().label() + (s.country() != null ? ", " + s.country() : ""), s.ownership()));
  }

  /** No registry: every source starts Unrated. */
  SourcePriors NONE = source -> Optional.empty();
}
