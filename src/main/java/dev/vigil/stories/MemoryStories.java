package dev.vigil.stories;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stories in memory, for evaluation and tests; the same contract as the database. */
public final class MemoryStories implements StoryRepository {
  /** A recorded merge. */
  public record Merge(long from, long into, double score) {}

  private final Map<String, Long> storyOfArticle = new HashMap<>();
  private final Map<Long, Story> stories = new HashMap<>();
  private final Map<String, ArticleFeatures> features = new HashMap<>();
  private final Map<Long, List<String>> members = new HashMap<>();
  private final List<Merge> merges = new ArrayList<>();
  private long nextStory = 1;
  private long nextThread = 1;

  @Override
  public Map<String, Long> storiesOf(Collection<String> articleIds) {
    Map<String, Long> out = new HashMap<>();
    for (String id : articleIds) {
      Long s = storyOfArticle.get(id);
      if (s != null) {
        out.put(id, s);
      }
    }
    return out;
  }

  @Override
  public Story story(long id) {
    return stories.get(id);
  }

  @Override
  public long create(Story story) {
    long id = nextStory++;
    stories.put(id, story.withId(id));
    members.put(id, new ArrayList<>());
    return id;
  }

  @Override
  public void update(Story story) {
    stories.put(story.id(), story);
  }

  @Override
  public void addArticle(long storyId, ArticleFeatures article, double score) {
    storyOfArticle.put(article.id(), storyId);
    members.get(storyId).add(article.id());
    features.put(article.id(), article);
  }

  @Override
  public Map<String, ArticleFeatures> features(Collection<String> articleIds) {
    Map<String, ArticleFeatures> out = new HashMap<>();
    for (String id : articleIds) {
      ArticleFeatures f = features.get(id);
      if (f != null) {
        out.put(id, f);
      }
    }
    return out;
  }

  @Override
  public void merge(long from, long into, double score) {
    List<String> moved = members.remove(from);
    stories.remove(from);
    moved.forEach(a -> storyOfArticle.put(a, into));
    members.get(into).addAll(moved);
    merges.add(new Merge(from, into, score));
  }

  @Override
  public long newThread(long timeMs) {
    return nextThread++;
  }

  /** The story of each article assigned so far. */
  public Map<String, Long> assignments() {
    return Map.copyOf(storyOfArticle);
  }

  public List<Merge> merges() {
    return List.copyOf(merges);
  }

  public int liveStories() {
    return stories.size();
  }
}
