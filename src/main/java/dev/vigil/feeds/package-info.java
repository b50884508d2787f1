/**
 * Feeds: parsing RSS 0.9x/1.0 (RDF)/2.0 and Atom (with Rome), JSON Feed, news sitemaps and
 * OPML lists into {@link dev.vigil.feeds.ParsedFeed}; finding a site's feeds
 * ({@link dev.vigil.feeds.FeedDiscovery}); and polling them on an adaptive schedule
 * ({@link dev.vigil.feeds.FeedPoller}), handing each new article page on as a raw document.
 */
package dev.vigil.feeds;
