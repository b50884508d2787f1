package dev.vigil.store;

import java.util.Objects;

/** Who makes a change, as the audit log records it: the account name and its organisation. */
public record Editor(String username, String organisation) {
  public Editor {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(organisation, "organisation");
  }
}
