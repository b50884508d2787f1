package dev.vigil.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One entry of an article's claim ledger: a claim (an alleged event, an accusation, a
 * responsibility claim or a threat warning), who made it, and who denied or confirmed it, each
 * with the sentence that says so. Derived from the article's events, so it needs no storage of
 * its own.
 *
 * @param event the id of the claim's event
 * @param claimant who made the claim (the event's speaker or actor), or null when not named
 */
public record Claim(int event, String type, String claimant, String sentence,
    List<Response> denials, List<Response> confirmations) {

  /** The event types that are claims whatever their modality. */
  public static final Set<String> CLAIM_TYPES =
      Set.of("accusation", "responsibility_claim", "threat_warning");

  public Claim {
    denials = List.copyOf(denials);
    confirmations = List.copyOf(confirmations);
  }

  /** A denial or confirmation of a claim: the event that makes it, who, and the sentence. */
  public record Response(int event, String by, String sentence) {}

  /** The claim ledger of an article's events, in text order. */
  public static List<Claim> ledger(List<Event> events) {
    List<Claim> claims = new ArrayList<>();
    for (Event e : events) {
      boolean claim = "alleged".equals(e.modality())
          || (CLAIM_TYPES.contains(e.type()) && !"negated".equals(e.modality()));
      if (!claim) {
        continue;
      }
      List<Response> denials = new ArrayList<>();
      List<Response> confirmations = new ArrayList<>();
      for (Event r : events) {
        if (r.denies() != null && r.denies() == e.id()) {
          denials.add(new Response(r.id(), speaker(r), r.sentence()));
        }
        if (r.confirms() != null && r.confirms() == e.id()) {
          confirmations.add(new Response(r.id(), speaker(r), r.sentence()));
        }
      }
      claims.add(new Claim(e.id(), e.type(), speaker(e), e.sentence(), denials, confirmations));
    }
    return claims;
  }

  private static String speaker(Event e) {
    String speaker = e.actor("speaker");
    return speaker != null ? speaker : e.actor("actor");
  }
}
