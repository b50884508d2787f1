package dev.vigil.store;

import dev.vigil.team.Role;

/**
 * A user account of team mode. {@code lockedUntil} (ISO 8601, or null) is set after repeated
 * failed logins; {@code failedLogins} counts the failures since the last success.
 */
public record Account(String username, String organisation, Role role, boolean disabled,
    int failedLogins, String lockedUntil, String created) {}
