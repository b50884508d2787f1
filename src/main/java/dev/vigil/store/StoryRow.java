package dev.vigil.store;

/**
 * One story as stored. {@code profile} is the clustering state that the stories stage writes
 * and reads back (JSON); the store keeps it as it is given.
 */
public record StoryRow(long id, Long threadId, int size, long firstMs, long lastMs, String profile) {}
