package dev.vigil.alerts;

import dev.vigil.store.Alert.Reason;
import dev.vigil.store.Marking;
import dev.vigil.store.QuerySyntaxException;
import dev.vigil.store.Visibility;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import dev.vigil.store.Watchlist;
import dev.vigil.store.WatchlistStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns newly stored articles into alerts. Like the search index, it follows the articles'
 * change numbers: it takes the articles written after its watermark (and already in the
 * index), runs each watchlist's query once over that batch, checks the filters, and records
 * the matches and the new watermark in one transaction. So it sees every article once,
 * whichever process wrote it.
 */
public final class AlertEvaluator {
  private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);
  private static final int BATCH = 500;

  private final Store store;
  private final StoryContext stories;
  private final WatchlistMatcher matcher;

  public AlertEvaluator(Store store, StoryContext stories) {
    this.store = store;
    this.stories = stories;
    this.matcher = new WatchlistMatcher(stories);
  }

  /** What one {@link #evaluate} did. */
  public record Outcome(long articles, int created, int updated) {}

  /**
   * Evaluates every watchlist on the articles stored since the last evaluation, up to what the
   * index holds.
   *
   * @param now the time the alerts are stamped with (and the digests count from)
   */
  public Outcome evaluate(Instant now) {
    WatchlistStore lists = store.watchlists();
    long articles = 0;
    int created = 0;
    int updated = 0;
    store.index().refresh(); // when another process writes the index, see how far it got
    while (true) {
      long from = lists.evaluatedUpTo();
      long indexed = store.index().indexedUpTo();
      if (from >= indexed) {
        break;
      }
      List<StoredArticle> batch = new ArrayList<>();
      for (StoredArticle a : store.articles().changesAfter(from, BATCH)) {
        if (a.changeSeq() <= indexed) { // the query needs the article in the index
          batch.add(a);
        }
      }
      if (batch.isEmpty()) {
        break;
      }
      long upTo = batch.get(batch.size() - 1).changeSeq();
      List<WatchlistStore.Match> matches = matches(lists.all(), batch, now);
      WatchlistStore.Recorded r = lists.record(from, upTo, matches, now);
      if (!r.applied()) {
        continue; // another process evaluated this batch; read the watermark again
      }
      articles += batch.size();
      created += r.created();
      updated += r.updated();
    }
    return new Outcome(articles, created, updated);
  }

  private List<WatchlistStore.Match> matches(List<Watchlist> watchlists, List<StoredArticle> batch,
      Instant now) {
    Map<String, StoredArticle> byId = new LinkedHashMap<>();
    batch.forEach(a -> byId.put(a.article().id(), a));
    List<WatchlistStore.Match> out = new ArrayList<>();
    Map<Long, Long> since = store.watchlists().sinceChanges();
    Map<Long, WatchlistStore.Owner> owners = store.watchlists().owners();
    Map<Long, Marking> markedStories = store.stories().markings();
    for (Watchlist w : watchlists) {
      // evaluated as the owner: an alert only ever holds what the owner's organisation may see
      Visibility owner = owners.getOrDefault(w.id(), WatchlistStore.Owner.NONE).visibility();
      long from = since.getOrDefault(w.id(), Long.MAX_VALUE); // removed meanwhile: skip
      List<String> fresh = batch.stream().filter(a -> a.changeSeq() > from)
          .map(a -> a.article().id()).toList();
      if (fresh.isEmpty()) {
        continue;
      }
      Map<String, String> hits;
      try {
        hits = store.index().matchAmong(w.query(), fresh, owner);
      } catch (QuerySyntaxException e) {
        LOG.warn("watchlist {} ({}) has a query that no longer parses: {}", w.id(), w.name(), e.getMessage());
        continue;
      }
      for (StoredArticle a : byId.values()) { // in the order written, so "latest" is the last
        String snippet = hits.get(a.article().id());
        if (snippet == null || !owner.allows(a.marking())) {
          continue;
        }
        Marking whole = store.stories().storyOf(a.article().id()).map(markedStories::get).orElse(null);
        if (whole != null && !owner.allows(whole)) {
          continue; // the story is marked as a whole against the owner
        }
        Optional<List<Reason>> reasons = matcher.match(w, a, snippet, owner);
        if (reasons.isPresent()) {
          out.add(new WatchlistStore.Match(w.id(), stories.storyId(a.article().id()),
              a.article().id(), a.article().title(), reasons.get(), w.channels(),
              due(w.digest(), now).toEpochMilli()));
        }
      }
    }
    return out;
  }

  /** When a new round of delivery is due under {@code digest}: now, next full hour, next midnight UTC. */
  static Instant due(String digest, Instant now) {
    switch (digest) {
      case "hourly":
        return now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
      case "daily":
        return now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      default:
        return now;
    }
  }
}
