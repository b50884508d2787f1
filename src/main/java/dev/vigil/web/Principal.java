package dev.vigil.web;

import dev.vigil.store.Editor;
import dev.vigil.store.Visibility;
import dev.vigil.team.Role;

/**
 * Who makes a request: an account signed in by session cookie or API token, or the single
 * local user when team mode is off. A read-scoped token reads only, whatever its account's role.
 *
 * @param csrf the session's CSRF token (null unless signed in by session)
 */
record Principal(String username, String organisation, Role role, Via via, boolean readOnly,
    String csrf) {

  /** How the request proved who it is. */
  enum Via { LOCAL, SESSION, TOKEN }

  /** The user of single-user mode: may do everything; notes belong to the organisation "local". */
  static final Principal LOCAL = new Principal("local", "local", Role.ADMIN, Via.LOCAL, false, null);

  boolean allows(Permission p) {
    return switch (p) {
      case PUBLIC, SIGNED_IN, READ -> true;
      case WRITE -> !readOnly && role.atLeast(Role.ANALYST);
      case ADMIN -> !readOnly && role == Role.ADMIN;
    };
  }

  /** What this caller may see: everything for the local user, else by its organisation. */
  Visibility visibility() {
    return via == Via.LOCAL ? Visibility.ALL : Visibility.of(organisation);
  }

  Editor editor() {
    return new Editor(username, organisation);
  }
}
