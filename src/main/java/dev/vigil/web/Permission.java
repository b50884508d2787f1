package dev.vigil.web;

/**
 * What a route needs. {@link Access} maps every route to one: explicitly for the routes in its
 * table, else {@code READ} for GET and HEAD and {@code WRITE} for every other method.
 */
enum Permission {
  /** Anyone, signed in or not: the login page, static files. */
  PUBLIC,
  /** Any signed-in account: its own account page, logging out. */
  SIGNED_IN,
  /** Viewers, analysts and admins. */
  READ,
  /** Analysts and admins (watchlists, notes, corrections). */
  WRITE,
  /** Admins (users, API tokens). */
  ADMIN
}
