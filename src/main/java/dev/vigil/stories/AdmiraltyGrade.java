package dev.vigil.stories;

import java.util.List;
import java.util.Locale;

/**
 * Grades a merged event on the Admiralty scale. Reliability (A-F) is that of the best-rated
 * source reporting it: A completely reliable (Reliable, with a long clean record), B usually
 * reliable (Reliable), C fairly reliable (Mixed), D not usually reliable (Unreliable but
 * sometimes corroborated), E unreliable, F cannot be judged (Unrated). Credibility (1-6) comes
 * from corroboration: 1 confirmed by three or more independent sources and uncontested,
 * 2 probably true (two independent sources, or three contested), 3 possibly true (one source
 * asserting it), 4 doubtful (only alleged, or contested with at most two sources),
 * 5 improbable (retracted or contested by more sources than report it), 6 cannot be judged
 * (only hypothetical or planned).
 */
public final class AdmiraltyGrade {
  private AdmiraltyGrade() {}

  public static MergedEvent.Grade grade(MergedEvent e, SourceReliability reliability) {
    SourceReliability.Rating best = null;
    for (MergedEvent.Report r : e.reports()) {
      SourceReliability.Rating rating = reliability.rating(r.source());
      if (best == null || rank(rating) < rank(best)) {
        best = rating;
      }
    }
    char letter = best == null ? 'F' : letter(best);
    int independent = e.independentSources();
    int reports = e.reports().size();
    int denials = e.denials().size();
    boolean retracted = e.denials().stream().anyMatch(d -> e.reports().stream()
        .anyMatch(r -> r.source() != null && r.source().equalsIgnoreCase(d.source())));
    boolean onlyAlleged = e.reports().stream().allMatch(r -> r.modality().equals("alleged"));
    boolean onlyUnreal = e.reports().stream()
        .allMatch(r -> r.modality().equals("hypothetical") || r.modality().equals("planned"));
    int credibility;
    String why;
    if (onlyUnreal) {
      credibility = 6;
      why = "only planned or hypothetical so far";
    } else if (retracted || denials > independent) {
      credibility = 5;
      why = retracted ? "retracted by a source that reported it" : "contested by more sources than report it";
    } else if (independent >= 3 && denials == 0 && !onlyAlleged) {
      credibility = 1;
      why = "confirmed by " + independent + " independent sources";
    } else if ((independent >= 2 && denials == 0 && !onlyAlleged) || (independent >= 3)) {
      credibility = 2;
      why = "reported by " + independent + " independent sources";
    } else if (independent == 1 && denials == 0 && !onlyAlleged) {
      credibility = 3;
      why = "one independent source";
    } else {
      credibility = 4;
      why = onlyAlleged ? "only alleged" : "contested";
      why += ", " + independent + " independent source" + (independent == 1 ? "" : "s");
    }
    if (denials > 0 && credibility != 5) {
      why += "; denied by " + deniers(e.denials());
    }
    String copies = reports > independent
        ? String.format(Locale.ROOT, " (%d reports, %d of them copies or same-wire)", reports, reports - independent)
        : "";
    String source = best == null ? "no rated source"
        : "best source " + (best.source() != null ? best.source() : "(unnamed source)") + " " + best.label();
    return new MergedEvent.Grade(letter, credibility,
        letter + "" + credibility + ": " + source + "; " + why + copies + ".");
  }

  private static String deniers(List<MergedEvent.Denial> denials) {
    return String.join(", ", denials.stream()
        .map(d -> d.by() != null ? d.by() : d.source() != null ? d.source() : "an unnamed party")
        .distinct().toList());
  }

  private static int rank(SourceReliability.Rating r) {
    return switch (r.label()) {
      case "Reliable" -> 0;
      case "Mixed" -> 1;
      case "Unreliable" -> 2;
      default -> 3;
    };
  }

  private static char letter(SourceReliability.Rating r) {
    SourceReliability.Track t = r.track();
    return switch (r.label()) {
      case "Reliable" -> t.reports() >= 20 && t.contradicted() + t.retracted() == 0 ? 'A' : 'B';
      case "Mixed" -> 'C';
      case "Unreliable" -> t.corroborated() > 0 ? 'D' : 'E';
      default -> 'F';
    };
  }
}
