package dev.vigil.stories;

import dev.vigil.internal.Json;
import dev.vigil.store.Editor;
import dev.vigil.store.StoryDecision;
import dev.vigil.store.StoryStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An analyst's merge and split of stories. Each is one transaction: the articles move, the
 * stories' profiles are rebuilt from their articles' stored features (so later arrivals are
 * compared with what the stories now hold), the decision is recorded and audited on both
 * stories with the membership before and after. The clustering respects the decisions: it
 * never splits a story (so a merge holds), it never merges two stories an analyst split apart
 * ({@link StoryRepository#keptApart}), and an article keeps its story once assigned, also when
 * it is re-analysed (so split-off articles are not pulled back). New arrivals may join either.
 */
public final class StoryCuration {
  private StoryCuration() {}

  /** Thrown when a decision makes no sense for the stories as they are (a 400 or 404 for the caller). */
  public static final class Refused extends RuntimeException {
    private final boolean missing;

    Refused(String message, boolean missing) {
      super(message);
      this.missing = missing;
    }

    /** Whether a story named does not exist (else the request is wrong). */
    public boolean missing() {
      return missing;
    }
  }

  /** Folds story {@code from} into {@code into}: all its articles move; {@code from} redirects. */
  public static StoryDecision merge(StoryStore stories, long from, long into, String reason,
      Editor by) {
    if (from == into) {
      throw new Refused("a story cannot be merged into itself", false);
    }
    return stories.update(tx -> {
      Story a = live(tx, into);
      Story b = live(tx, from);
      List<String> intoBefore = tx.articlesOf(into);
      List<String> fromBefore = tx.articlesOf(from);
      tx.merge(from, into, 1.0);
      tx.updateStory(StoredStories.toRow(rebuild(tx, into, a.threadId(), tx.articlesOf(into))
          .orElse(a.absorb(b))));
      return tx.decide("merge", from, into, fromBefore, reason, by,
          membership(into, intoBefore, from, fromBefore),
          membership(into, tx.articlesOf(into), from, List.of()));
    });
  }

  /**
   * Moves {@code articleIds} (which must belong to story {@code from}, and not all of its
   * articles) into a new story, which the clustering keeps apart from {@code from}.
   */
  public static StoryDecision split(StoryStore stories, long from, List<String> articleIds,
      String reason, Editor by) {
    Set<String> moving = new LinkedHashSet<>(articleIds);
    if (moving.isEmpty()) {
      throw new Refused("choose the articles to split off", false);
    }
    return stories.update(tx -> {
      Story s = live(tx, from);
      List<String> before = tx.articlesOf(from);
      for (String id : moving) {
        if (!before.contains(id)) {
          throw new Refused("article '" + id + "' is not in story " + from, false);
        }
      }
      if (moving.size() == before.size()) {
        throw new Refused("splitting off every article leaves nothing behind; keep at least one", false);
      }
      List<String> moved = before.stream().filter(moving::contains).toList();
      List<String> kept = before.stream().filter(id -> !moving.contains(id)).toList();
      Story fresh = rebuild(tx, 0, s.threadId(), moved)
          .orElseThrow(() -> new Refused("the story's articles have no stored features", false));
      long into = tx.insertStory(StoredStories.toRow(fresh));
      tx.moveArticles(moved, into);
      rebuild(tx, from, s.threadId(), kept).ifPresent(r -> tx.updateStory(StoredStories.toRow(r)));
      return tx.decide("split", from, into, moved, reason, by,
          membership(from, before, into, List.of()), membership(from, kept, into, moved));
    });
  }

  private static Story live(StoryStore.Tx tx, long id) {
    return tx.story(id).map(StoredStories::fromRow).orElseThrow(() ->
        new Refused("no live story " + id + " (it may have been merged into another)", true));
  }

  /** A story {@code id} made of {@code articleIds} again from their stored features, in order. */
  private static Optional<Story> rebuild(StoryStore.Tx tx, long id, Long threadId,
      List<String> articleIds) {
    Map<String, String> features = tx.features(articleIds);
    Story s = null;
    for (String a : articleIds) {
      String json = features.get(a);
      if (json == null) {
        continue;
      }
      ArticleFeatures f = Json.read(json, ArticleFeatures.class);
      s = s == null ? Story.founded(f, threadId).withId(id) : s.plus(f);
    }
    return Optional.ofNullable(s);
  }

  private static Map<String, Object> membership(long a, List<String> aArticles, long b,
      List<String> bArticles) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("story:" + a, new ArrayList<>(aArticles));
    m.put("story:" + b, new ArrayList<>(bArticles));
    return m;
  }
}
