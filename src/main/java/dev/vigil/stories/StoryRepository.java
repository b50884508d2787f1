package dev.vigil.stories;

import java.util.Collection;
import java.util.Map;

/**
 * Where the clusterer keeps stories: the database inside one write transaction
 * ({@link StoredStories}) or memory for evaluation ({@link MemoryStories}).
 */
public interface StoryRepository {
  /** The story of each of {@code articleIds} that has been assigned one. */
  Map<String, Long> storiesOf(Collection<String> articleIds);

  /** The live story {@code id}, or null if there is none (or it was merged away). */
  Story story(long id);

  /** Stores a new story and returns its id. */
  long create(Story story);

  void update(Story story);

  /** Puts an article into a story, keeping its features for later comparisons. */
  void addArticle(long storyId, ArticleFeatures article, double score);

  /** The features of each of {@code articleIds} that has been assigned a story. */
  Map<String, ArticleFeatures> features(Collection<String> articleIds);

  /** Folds story {@code from} into {@code into}: its articles move, the merge is recorded. */
  void merge(long from, long into, double score);

  /**
   * Whether an analyst split stories {@code a} and {@code b} apart, so they must not be merged
   * (see {@link StoryCuration}); memory repositories know of no such decisions.
   */
  default boolean keptApart(long a, long b) {
    return false;
  }

  /** Starts a new thread and returns its id. */
  long newThread(long timeMs);
}
