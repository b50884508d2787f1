package dev.vigil.store;

import java.util.List;

/**
 * An analyst's decision about stories, which the automatic clustering respects afterwards:
 * {@code merge} folded story {@code from} into {@code into} (and the clustering never splits
 * stories); {@code split} moved {@code articles} out of {@code from} into the new story
 * {@code into}, and the clustering never merges the two again.
 */
public record StoryDecision(String id, String kind, long from, long into, List<String> articles,
    String reason, String at, String by) {}
