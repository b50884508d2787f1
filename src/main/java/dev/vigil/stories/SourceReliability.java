package dev.vigil.stories;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Each source's reliability: the registry's prior, updated by its track record over the
 * merged events it reported (how many were corroborated by another independent source, how
 * many it asserted and others contested, how many it later retracted itself). Shown as a label
 * (Reliable / Mixed / Unreliable / Unrated) with the reason.
 */
public final class SourceReliability {
  public static final Set<String> LABELS = Set.of("Reliable", "Mixed", "Unreliable", "Unrated");
  /** Reports needed before the track record outweighs the prior. */
  static final int ENOUGH = 5;

  /** A source's record: reports of merged events, corroborated, contradicted, retracted. */
  public record Track(int reports, int corroborated, int contradicted, int retracted) {
    Track plus(Track o) {
      return new Track(reports + o.reports, corroborated + o.corroborated,
          contradicted + o.contradicted, retracted + o.retracted);
    }
  }

  /** A source's label with the reason for it. */
  public record Rating(String source, String label, String reason, Track track) {}

  private final SourcePriors priors;
  private final Map<String, Track> tracks = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();

  public SourceReliability(SourcePriors priors) {
    this.priors = priors;
  }

  /**
   * Adds the record that {@code events} (one story's merged events) give each source. Only a
   * story that another outlet also reported (or contested) can corroborate or contradict, so
   * the reports of a story one outlet has to itself are left out of the record. A source has
   * retracted a report only when the denial is the source's own (its name is the denier); an
   * outlet reporting someone else's denial has retracted nothing.
   */
  public void record(List<MergedEvent> events) {
    Set<String> outlets = new HashSet<>();
    for (MergedEvent e : events) {
      e.reports().forEach(r -> outlets.add(key(r.source())));
      e.denials().forEach(d -> outlets.add(key(d.source())));
    }
    outlets.remove("");
    if (outlets.size() < 2) {
      return;
    }
    for (MergedEvent e : events) {
      Map<String, Track> perSource = new HashMap<>();
      for (MergedEvent.Report r : e.reports()) {
        if (r.source() == null) {
          continue;
        }
        String key = key(r.source());
        names.putIfAbsent(key, r.source());
        boolean corroborated = e.independentGroups().stream().anyMatch(
            g -> g.stream().noneMatch(id -> e.reports().stream().anyMatch(
                x -> x.articleId().equals(id) && key(x.source()).equals(key))));
        boolean contradicted = r.modality().equals("asserted") && e.denials().stream()
            .anyMatch(d -> d.source() != null && !key(d.source()).equals(key));
        boolean retracted = e.denials().stream()
            .anyMatch(d -> key(d.source()).equals(key) && key(d.by()).equals(key));
        perSource.merge(key, new Track(1, corroborated ? 1 : 0, contradicted ? 1 : 0,
            retracted ? 1 : 0), (x, y) -> x); // one report per source per event
      }
      perSource.forEach((k, t) -> tracks.merge(k, t, Track::plus));
    }
  }

  /** The rating of {@code source}. */
  public Rating rating(String source) {
    String key = key(source);
    Track t = tracks.getOrDefault(key, new Track(0, 0, 0, 0));
    SourcePriors.Prior prior = source == null ? null : priors.prior(source).orElse(null);
    String record = String.format(Locale.ROOT, "%d of %d reports corroborated by independent sources,"
        + " %d contradicted, %d retracted", t.corroborated, t.reports, t.contradicted, t.retracted);
    String priorText = prior == null ? "no registry entry"
        : "registry: " + prior.label() + (prior.reason() == null ? "" : " (" + prior.reason() + ")");
    if (t.reports < ENOUGH) {
      String label = prior != null ? prior.label() : "Unrated";
      return new Rating(source, label, priorText + "; too few reports to judge yet (" + record + ")", t);
    }
    double corroborated = (double) t.corroborated / t.reports;
    double contested = (double) (t.contradicted + t.retracted) / t.reports;
    String label;
    if (contested >= 0.3 || corroborated < 0.2) {
      label = "Unreliable";
    } else if (corroborated >= 0.5 && contested < 0.1) {
      label = "Reliable";
    } else {
      label = "Mixed";
    }
    return new Rating(source, label, record + "; " + priorText, t);
  }

  private static String key(String source) {
    return source == null ? "" : source.strip().toLowerCase(Locale.ROOT);
  }
}
