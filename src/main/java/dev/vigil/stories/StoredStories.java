package dev.vigil.stories;

import dev.vigil.internal.Json;
import dev.vigil.store.StoryRow;
import dev.vigil.store.StoryStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Stories in the database, read and written inside one write transaction. */
final class StoredStories implements StoryRepository {
  private final StoryStore.Tx tx;

  StoredStories(StoryStore.Tx tx) {
    this.tx = tx;
  }

  @Override
  public Map<String, Long> storiesOf(Collection<String> articleIds) {
    return tx.storiesOf(articleIds);
  }

  @Override
  public Story story(long id) {
    return tx.story(id).map(StoredStories::fromRow).orElse(null);
  }

  @Override
  public long create(Story story) {
    return tx.insertStory(toRow(story));
  }

  @Override
  public void update(Story story) {
    tx.updateStory(toRow(story));
  }

  @Override
  public void addArticle(long storyId, ArticleFeatures article, double score) {
    tx.addArticle(storyId, article.id(), score, article.timeMs(), Json.write(article));
  }

  @Override
  public Map<String, ArticleFeatures> features(Collection<String> articleIds) {
    Map<String, ArticleFeatures> out = new HashMap<>();
    tx.features(articleIds).forEach((id, json) -> out.put(id, Json.read(json, ArticleFeatures.class)));
    return out;
  }

  @Override
  public void merge(long from, long into, double score) {
    tx.merge(from, into, score);
  }

  @Override
  public boolean keptApart(long a, long b) {
    return tx.keptApart(a, b);
  }

  @Override
  public long newThread(long timeMs) {
    return tx.newThread(timeMs);
  }

  static Story fromRow(StoryRow row) {
    return new Story(row.id(), row.threadId(), row.size(), row.firstMs(), row.lastMs(),
        Json.read(row.profile(), StoryProfile.class));
  }

  static StoryRow toRow(Story s) {
    return new StoryRow(s.id(), s.threadId(), s.size(), s.firstMs(), s.lastMs(), Json.write(s.profile()));
  }
}
