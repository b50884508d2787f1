package dev.vigil.store;

/** A recorded merge: story {@code from} was folded into story {@code into}. */
public record StoryMerge(long from, long into, double score, String at) {}
