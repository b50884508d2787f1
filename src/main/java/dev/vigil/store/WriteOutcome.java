package dev.vigil.store;

/** What writing one article did. */
public record WriteOutcome(String id, String origin, Status status) {
  /** New, changed, or already stored exactly as given. */
  public enum Status {
    INSERTED,
    UPDATED,
    UNCHANGED
  }
}
