package dev.vigil.stories;

import java.util.Objects;

/**
 * A story as the clusterer sees it: its id, the thread it belongs to, how many articles it
 * holds, the span of their times (epoch ms) and its {@link StoryProfile}.
 */
public record Story(long id, Long threadId, int size, long firstMs, long lastMs, StoryProfile profile) {
  public Story {
    Objects.requireNonNull(profile, "profile");
    if (size < 1) {
      throw new IllegalArgumentException("a story holds at least one article: " + size);
    }
  }

  /** A new story of one article (its id is given by the repository). */
  static Story founded(ArticleFeatures f, Long threadId) {
    return new Story(0, threadId, 1, f.timeMs(), f.timeMs(), StoryProfile.of(f));
  }

  Story withId(long newId) {
    return new Story(newId, threadId, size, firstMs, lastMs, profile);
  }

  Story plus(ArticleFeatures f) {
    return new Story(id, threadId, size + 1, Math.min(firstMs, f.timeMs()),
        Math.max(lastMs, f.timeMs()), profile.plus(StoryProfile.of(f)));
  }

  /** This story with {@code other} folded in (keeps this id and thread). */
  Story absorb(Story other) {
    return new Story(id, threadId != null ? threadId : other.threadId, size + other.size,
        Math.min(firstMs, other.firstMs), Math.max(lastMs, other.lastMs), profile.plus(other.profile));
  }
}
