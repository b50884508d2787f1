package dev.vigil.alerts;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.vigil.store.Alert;
import dev.vigil.store.Watchlist;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** A watchlist's alerts as an Atom 1.0 feed (written by Rome), newest update first. */
public final class AtomFeed {
  private AtomFeed() {}

  /**
   * The feed document.
   *
   * @param baseUrl the dashboard's address ending in {@code /}, for the links
   */
  public static String write(Watchlist w, List<Alert> alerts, String baseUrl) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setUri("urn:vigil:watchlist:" + w.id());
    feed.setTitle("Vigil watchlist: " + w.name());
    feed.setDescription(w.query().isEmpty() ? "alerts of watchlist " + w.name() : "alerts for " + w.query());
    feed.setLink(baseUrl + "watchlists/" + w.id());
    SyndLink self = new SyndLinkImpl();
    self.setRel("self");
    self.setType("application/atom+xml");
    self.setHref(baseUrl + "watchlists/" + w.id() + "/atom.xml");
    SyndLink page = new SyndLinkImpl();
    page.setRel("alternate");
    page.setType("text/html");
    page.setHref(baseUrl + "watchlists/" + w.id());
    feed.setLinks(List.of(self, page));
    feed.setAuthors(List.of());
    feed.setAuthor("Vigil");
    String newest = alerts.isEmpty() ? w.updated() : alerts.get(0).updated();
    feed.setPublishedDate(date(newest));
    List<SyndEntry> entries = new ArrayList<>();
    for (Alert a : alerts) {
      SyndEntry e = new SyndEntryImpl();
      e.setUri("urn:vigil:alert:" + a.id());
      e.setTitle(a.latestTitle() != null ? a.latestTitle() : a.latestArticle());
      e.setLink(baseUrl + "articles/" + a.latestArticle());
      e.setPublishedDate(date(a.created()));
      e.setUpdatedDate(date(a.updated()));
      SyndContent summary = new SyndContentImpl();
      summary.setType("text");
      StringBuilder b = new StringBuilder();
      b.append(a.articleCount()).append(a.articleCount() == 1 ? " article" : " articles")
          .append(" in story ").append(a.storyId()).append(".");
      for (Alert.Reason r : a.reasons()) {
        b.append("\n").append(r.filter()).append(": ").append(r.detail());
      }
      summary.setValue(b.toString());
      e.setDescription(summary);
      entries.add(e);
    }
    feed.setEntries(entries);
    try {
      return new SyndFeedOutput().outputString(feed, true);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write the Atom feed of watchlist " + w.id(), e);
    }
  }

  private static Date date(String iso) {
    return Date.from(iso == null ? Instant.EPOCH : Instant.parse(iso));
  }
}
