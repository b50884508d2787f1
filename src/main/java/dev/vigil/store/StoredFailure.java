package dev.vigil.store;

import dev.vigil.model.Failure;

/** A recorded failure and when it happened (ISO 8601 UTC). */
public record StoredFailure(String at, Failure failure) {}
