package dev.vigil.store;

/**
 * One change in the audit log: who ({@code actor} of {@code organisation}) did {@code action}
 * to which item ({@code itemKind}, {@code itemId}) when, with the item's state before and
 * after as JSON text (null for a creation or a removal).
 */
public record AuditEntry(long seq, String at, String actor, String organisation, String action,
    String itemKind, String itemId, String tlp, String before, String after) {}
