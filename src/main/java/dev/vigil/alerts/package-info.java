/**
 * Watchlists and alerts: after each batch of stored articles ({@link
 * dev.vigil.alerts.AlertEvaluator}, driven by the articles' change numbers), every watchlist's
 * query runs once over the batch, its filters are checked ({@link
 * dev.vigil.alerts.WatchlistMatcher}), and each matching story gets one alert that later
 * articles fold into. {@link dev.vigil.alerts.AlertDelivery} sends due alerts by webhook
 * (HMAC-signed, retried with backoff) and e-mail; {@link dev.vigil.alerts.AtomFeed} serves them
 * as a feed. Stories, sources and grades come through {@link dev.vigil.alerts.StoryContext}.
 */
package dev.vigil.alerts;
