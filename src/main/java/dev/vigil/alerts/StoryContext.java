package dev.vigil.alerts;

import dev.vigil.store.Visibility;

/**
 * What alerts need to know about stories and sources: which story an article belongs to, how
 * many independent sources report the story, how reliable a source is and how the story's
 * main claim is graded. {@link #standalone()} is the answer when no story clustering or source
 * registry is configured.
 */
public interface StoryContext {
  /** The story the article belongs to (never null). */
  String storyId(String articleId);

  /**
   * How many independent sources report the story (at least 1), counting only the articles
   * {@code v} may see: a watchlist's filters must not be moved by articles its owner cannot see.
   */
  int independentSources(String storyId, Visibility v);

  /** The source's reliability label: Reliable, Mixed, Unreliable or Unrated. */
  String reliability(String source);

  /**
   * The story's Admiralty grade (a letter A-F and a digit 1-6, e.g. B2) from the articles
   * {@code v} may see, or null if ungraded.
   */
  String grade(String storyId, Visibility v);

  /** Each article its own story with one source; sources Unrated; nothing graded. */
  static StoryContext standalone() {
    return new StoryContext() {
      @Override
      public String storyId(String articleId) {
        return articleId;
      }

      @Override
      public int independentSources(String storyId, Visibility v) {
        return 1;
      }

      @Override
      public String reliability(String source) {
        return "Unrated";
      }

      @Override
      public String grade(String storyId, Visibility v) {
        return null;
      }
    };
  }
}
