package dev.vigil.feeds;

import dev.vigil.fetch.FetchException;
import dev.vigil.fetch.FetchRequest;
import dev.vigil.fetch.FetchResult;
import dev.vigil.fetch.Fetcher;
import dev.vigil.model.FeedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Polls one feed: a conditional GET, parse, and the items not seen before; returns the feed's
 * new state (validators, interval, next poll, health). Never throws for a bad feed: the error,
 * naming the URL, is in the result and in the state. Thread-safe.
 */
public final class FeedPoller {
  private final Fetcher fetcher;
  private final FeedParser parser;
  private final FeedSchedule schedule;

  /** What one poll gave. {@code feed} is null when the poll failed or nothing changed. */
  public record Poll(FeedState state, ParsedFeed feed, List<FeedItem> newItems, String error) {
    public Poll {
      newItems = List.copyOf(newItems);
    }

    public boolean failed() {
      return error != null;
    }
  }

  public FeedPoller(Fetcher fetcher, FeedParser parser, FeedSchedule schedule) {
    this.fetcher = fetcher;
    this.parser = parser;
    this.schedule = schedule;
  }

  public FeedSchedule schedule() {
    return schedule;
  }

  /**
   * @param known whether an item URL was already seen (fetched or stored); such items are not new
   */
  public Poll poll(FeedState feed, Predicate<String> known, Instant now) throws InterruptedException {
    FetchResult r;
    try {
      r = fetcher.fetch(new FetchRequest(feed.url(), feed.etag(), feed.lastModified()));
    } catch (FetchException e) {
      return failure(feed, e.getMessage(), now);
    }
    return read(feed, r, known, now);
  }

  /** The poll's outcome from a response already fetched (by feed discovery, say). */
  public Poll read(FeedState feed, FetchResult r, Predicate<String> known, Instant now) {
    if (r.notModified()) {
      return success(feed, r, null, List.of(), now);
    }
    if (r.truncated()) {
      return failure(feed, feed.url() + ": larger than " + (fetcher.policy().maxBodyBytes() >> 20)
          + " MB, cut off; not a feed Vigil reads", now);
    }
    ParsedFeed parsed;
    try {
      parsed = parser.parse(r.finalUrl(), r.text());
    } catch (FeedFormatException e) {
      return failure(feed, feed.url().equals(r.finalUrl()) ? e.getMessage()
          : feed.url() + " (via " + e.getMessage() + ")", now);
    }
    List<FeedItem> fresh = new ArrayList<>();
    Set<String> inThisFeed = new HashSet<>();
    for (FeedItem item : parsed.items()) {
      if (inThisFeed.add(item.url()) && !known.test(item.url())) {
        fresh.add(item);
      }
    }
    return success(feed, r, parsed, fresh, now);
  }

  private Poll success(FeedState f, FetchResult r, ParsedFeed parsed, List<FeedItem> fresh, Instant now) {
    var interval = schedule.afterSuccess(f.interval(), fresh.size());
    FeedState s = new FeedState(f.url(), parsed != null && parsed.title() != null ? parsed.title() : f.title(),
        f.source(), r.etag() != null ? r.etag() : r.notModified() ? f.etag() : null,
        r.lastModified() != null ? r.lastModified() : r.notModified() ? f.lastModified() : null,
        f.added(), now, now, now.plus(interval), interval, 0, f.errorsTotal(), f.lastError(),
        f.itemsSeen() + fresh.size(), f.articles());
    return new Poll(s, parsed, fresh, null);
  }

  private Poll failure(FeedState f, String error, Instant now) {
    int errors = f.errors() + 1;
    FeedState s = new FeedState(f.url(), f.title(), f.source(), f.etag(), f.lastModified(), f.added(),
        now, f.lastSuccess(), now.plus(schedule.afterError(f.interval(), errors)), f.interval(), errors,
        f.errorsTotal() + 1, error, f.itemsSeen(), f.articles());
    return new Poll(s, null, List.of(), error);
  }
}
