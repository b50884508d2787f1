/**
 * Team mode's reference types: roles ({@link dev.vigil.team.Role}), Traffic Light Protocol
 * markings and who may see them ({@link dev.vigil.team.Tlp}), password hashing
 * ({@link dev.vigil.team.Passwords}, Argon2id) and random secrets ({@link dev.vigil.team.Secrets}).
 * Like {@code model}, it imports nothing of ours; the store keeps accounts, notes and the audit
 * log, the web layer enforces access.
 */
package dev.vigil.team;
