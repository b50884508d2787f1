package dev.vigil.sources;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Finds the source of an article: by the URL it came from, or by the outlet name it declares.
 * The small interface the later stages (stories, reliability) depend on.
 */
public interface SourceLookup {
  /** The source whose domain (and path prefix) is the longest match for {@code url}. */
  Optional<Source> byUrl(String url);

  /** The source with this id or name (case-insensitive), or owning this domain. */
  Optional<Source> byName(String nameOrDomain);

  /** The reliability prior of the source named or linked, if known. */
  default OptionalDouble prior(String nameOrUrl) {
    Optional<Source> s = nameOrUrl.contains("://") ? byUrl(nameOrUrl) : byName(nameOrUrl);
    return s.map(x -> OptionalDouble.of(x.prior())).orElse(OptionalDouble.empty());
  }
}
