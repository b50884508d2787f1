package dev.vigil.store;

/**
 * An API token's record: never the token itself, which is shown once when it is made.
 * {@code scope} is {@code read} or {@code write}; {@code revoked} and {@code lastUsed} are
 * ISO 8601 times or null.
 */
public record ApiToken(String id, String username, String label, String scope, String created,
    String lastUsed, String revoked) {

  public boolean active() {
    return revoked == null;
  }
}
